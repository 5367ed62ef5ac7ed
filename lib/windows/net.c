/*
 * net.c (Windows): network interfaces for ifconfig from
 * GetAdaptersAddresses (name, MAC, MTU, status, unicast addresses with
 * prefix lengths) and GetIfEntry2 (64-bit counters, admin status, media
 * state), mapped onto what net-tools reads on Linux:
 *	name      FriendlyName in UTF-8, cut to 15 bytes (IFNAMSIZ)
 *	flags     UP = admin up, RUNNING = oper up, LOOPBACK, BROADCAST for
 *	          Ethernet and 802.11, POINTOPOINT for PPP and tunnels,
 *	          MULTICAST unless the adapter says no multicast
 *	hwtype    Ethernet/802.11 -> ether, software loopback -> loop, PPP,
 *	          tunnels -> ipip, the rest -> none
 *	counters  psutil's net_io_counters() mapping: packets = unicast +
 *	          non-unicast, drop = discards; fifo, frame, carrier,
 *	          collisions, compressed and multicast are absent (0 in the
 *	          net-tools text, null in tsv/json/prom) as no Windows
 *	          counter matches them
 * No txqueuelen and no duplex on Windows: absent.  The speed is
 * TransmitLinkSpeed, absent when 0 or unknown (Wine reports 0).  This file
 * replaces both lib/stub/net.c and lib/stub/netlink.c.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "pkwin.h"

#define GAA_FLAGS	(GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | \
			    GAA_FLAG_SKIP_DNS_SERVER)

/* Every adapter, malloc'd; grown as long as the system asks. */
static int
adapters(struct pk_ctx *ctx, IP_ADAPTER_ADDRESSES **out)
{
	ULONG len = 16384, rc = ERROR_BUFFER_OVERFLOW;
	IP_ADAPTER_ADDRESSES *a = NULL;
	int tries;

	*out = NULL;
	for (tries = 0; tries < 8 && rc == ERROR_BUFFER_OVERFLOW; tries++) {
		free(a);
		if ((a = malloc(len)) == NULL)
			return pk_ctx_fail(ctx, PK_ENOMEM, ERROR_NOT_ENOUGH_MEMORY,
			    "GetAdaptersAddresses");
		rc = GetAdaptersAddresses(AF_UNSPEC, GAA_FLAGS, NULL, a, &len);
	}
	if (rc == ERROR_NO_DATA) {	/* no adapter at all */
		free(a);
		a = NULL;
	} else if (rc != ERROR_SUCCESS) {
		free(a);
		return pk_ctx_fail_os(ctx, (int)rc, "GetAdaptersAddresses");
	}
	*out = a;
	return PK_OK;
}

/* The adapter's name as the library's interfaces carry it. */
static void
ad_name(const IP_ADAPTER_ADDRESSES *a, char *buf, size_t len)
{
	char *s = NULL;
	size_t k;

	buf[0] = '\0';
	if (pk_win_utf8(a->FriendlyName, &s) != PK_OK || s == NULL)
		return;
	k = strlen(s);
	if (k >= len)
		for (k = len - 1; k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80;)
			k--;
	memcpy(buf, s, k);
	buf[k] = '\0';
	free(s);
}

static unsigned
ad_index(const IP_ADAPTER_ADDRESSES *a)
{
	/* one index per adapter since Vista; Wine leaves Ipv6IfIndex 0 */
	return a->IfIndex != 0 ? a->IfIndex : a->Ipv6IfIndex;
}

static const IP_ADAPTER_ADDRESSES *
ad_find(const IP_ADAPTER_ADDRESSES *list, const char *name)
{
	char nm[PK_IFNAMSIZ];

	for (; list != NULL; list = list->Next) {
		ad_name(list, nm, sizeof(nm));
		if (strcmp(nm, name) == 0)
			return list;
	}
	return NULL;
}

/* GetIfEntry2 of the adapter; 0 when the system refuses it. */
static int
ad_row(const IP_ADAPTER_ADDRESSES *a, MIB_IF_ROW2 *row)
{
	memset(row, 0, sizeof(*row));
	row->InterfaceLuid = a->Luid;
	if (GetIfEntry2(row) == NO_ERROR)
		return 1;
	memset(row, 0, sizeof(*row));
	row->InterfaceIndex = ad_index(a);
	return GetIfEntry2(row) == NO_ERROR;
}

/* psutil's net_io_counters() fields from MIB_IF_ROW2. */
static void
row_stats(const MIB_IF_ROW2 *r, struct pk_netdev_stats *s)
{
	memset(s, 0, sizeof(*s));
	s->rx_bytes = r->InOctets;
	s->rx_packets = r->InUcastPkts + r->InNUcastPkts;
	s->rx_errs = r->InErrors;
	s->rx_drop = r->InDiscards;
	s->tx_bytes = r->OutOctets;
	s->tx_packets = r->OutUcastPkts + r->OutNUcastPkts;
	s->tx_errs = r->OutErrors;
	s->tx_drop = r->OutDiscards;
	s->absent = PK_NDS_RX_FIFO | PK_NDS_RX_FRAME | PK_NDS_RX_COMPRESSED |
	    PK_NDS_RX_MULTICAST | PK_NDS_TX_FIFO | PK_NDS_TX_COLLS |
	    PK_NDS_TX_CARRIER | PK_NDS_TX_COMPRESSED;
}

static int
cmp_netif(const void *x, const void *y)
{
	return pk_net_nstrcmp(((const struct pk_netif *)x)->name,
	    ((const struct pk_netif *)y)->name);
}

int
pk_net_open(struct pk_ctx *ctx, struct pk_net *net)
{
	(void)ctx;
	net->sock = -1;
	net->dev_oserr = 0;
	return PK_OK;
}

int
pk_net_names(struct pk_ctx *ctx, struct pk_net *net, struct pk_netif **out,
    size_t *n)
{
	IP_ADAPTER_ADDRESSES *list, *a;
	struct pk_netif *v;
	MIB_IF_ROW2 row;
	size_t k = 0;
	int rc;

	(void)net;
	*out = NULL;
	*n = 0;
	if ((rc = adapters(ctx, &list)) != PK_OK)
		return rc;
	for (a = list; a != NULL; a = a->Next)
		k++;
	if ((v = calloc(k + 1, sizeof(*v))) == NULL) {
		free(list);
		return pk_ctx_fail(ctx, PK_ENOMEM, ERROR_NOT_ENOUGH_MEMORY,
		    "interfaces");
	}
	for (k = 0, a = list; a != NULL; a = a->Next, k++) {
		ad_name(a, v[k].name, sizeof(v[k].name));
		if (ad_row(a, &row)) {
			row_stats(&row, &v[k].st);
			v[k].has |= PK_NETIF_HAS_STATS;
		}
	}
	free(list);
	qsort(v, k, sizeof(*v), cmp_netif);
	*out = v;
	*n = k;
	return PK_OK;
}

int
pk_net_lookup(struct pk_ctx *ctx, struct pk_net *net, const char *name,
    struct pk_netif *out)
{
	IP_ADAPTER_ADDRESSES *list;
	const IP_ADAPTER_ADDRESSES *a;
	MIB_IF_ROW2 row;
	int rc;

	(void)net;
	memset(out, 0, sizeof(*out));
	strlcpy(out->name, name, sizeof(out->name));
	if ((rc = adapters(ctx, &list)) != PK_OK)
		return rc;
	if ((a = ad_find(list, out->name)) != NULL && ad_row(a, &row)) {
		row_stats(&row, &out->st);
		out->has |= PK_NETIF_HAS_STATS;
	}
	free(list);
	return PK_OK;
}

/* Flags, hardware type and address from the adapter and its row. */
static void
fetch_link(const IP_ADAPTER_ADDRESSES *a, const MIB_IF_ROW2 *row, int rowok,
    struct pk_netif *ifp)
{
	int up = rowok ? row->AdminStatus == NET_IF_ADMIN_STATUS_UP :
	    a->OperStatus == IfOperStatusUp;

	ifp->flags = (up ? PK_IFF_UP : 0) |
	    (a->OperStatus == IfOperStatusUp ? PK_IFF_RUNNING : 0) |
	    ((a->Flags & IP_ADAPTER_NO_MULTICAST) ? 0 : PK_IFF_MULTICAST);
	switch (a->IfType) {
	case IF_TYPE_ETHERNET_CSMACD:
	case IF_TYPE_IEEE80211:
		ifp->hwtype = PK_ARPHRD_ETHER;
		ifp->flags |= PK_IFF_BROADCAST;
		break;
	case IF_TYPE_SOFTWARE_LOOPBACK:
		ifp->hwtype = PK_ARPHRD_LOOPBACK;
		ifp->flags |= PK_IFF_LOOPBACK;
		break;
	case IF_TYPE_PPP:
		ifp->hwtype = PK_ARPHRD_PPP;
		ifp->flags |= PK_IFF_POINTOPOINT;
		break;
	case IF_TYPE_TUNNEL:
		ifp->hwtype = PK_ARPHRD_TUNNEL;
		ifp->flags |= PK_IFF_POINTOPOINT;
		break;
	default:
		ifp->hwtype = PK_ARPHRD_NONE;
		break;
	}
	memset(ifp->hwaddr, 0, sizeof(ifp->hwaddr));
	memcpy(ifp->hwaddr, a->PhysicalAddress,
	    a->PhysicalAddressLength < 8 ? a->PhysicalAddressLength : 8);
	ifp->mtu = (int)(a->Mtu > 0x7fffffff ? 0x7fffffff : a->Mtu);
	ifp->has |= PK_NETIF_HAS_FLAGS;
}

/* Linux IF_OPER_* of a Windows IF_OPER_STATUS (both RFC 2863). */
static int
oper_linux(IF_OPER_STATUS s)
{
	switch (s) {
	case IfOperStatusUp:		return 6;
	case IfOperStatusDown:		return 2;
	case IfOperStatusTesting:	return 4;
	case IfOperStatusDormant:	return 5;
	case IfOperStatusNotPresent:	return 1;
	case IfOperStatusLowerLayerDown: return 3;
	default:			return 0;
	}
}

static void
mask4(unsigned plen, uint8_t *m)
{
	uint32_t v = plen == 0 ? 0 : plen >= 32 ? 0xffffffffu :
	    ~(0xffffffffu >> plen);

	m[0] = (uint8_t)(v >> 24);
	m[1] = (uint8_t)(v >> 16);
	m[2] = (uint8_t)(v >> 8);
	m[3] = (uint8_t)v;
}

/* The first IPv4 address, as SIOCGIFADDR gives the primary one. */
static void
fetch_ip(const IP_ADAPTER_ADDRESSES *a, struct pk_netif *ifp)
{
	const IP_ADAPTER_UNICAST_ADDRESS *u;
	const struct sockaddr_in *sin;
	int i;

	for (u = a->FirstUnicastAddress; u != NULL; u = u->Next) {
		if (u->Address.lpSockaddr->sa_family != AF_INET)
			continue;
		sin = (const struct sockaddr_in *)(void *)u->Address.lpSockaddr;
		memcpy(ifp->addr, &sin->sin_addr, 4);
		mask4(u->OnLinkPrefixLength, ifp->netmask);
		for (i = 0; i < 4; i++)
			ifp->broadaddr[i] = (ifp->flags & PK_IFF_BROADCAST) ?
			    (uint8_t)(ifp->addr[i] | ~ifp->netmask[i]) : 0;
		ifp->has |= PK_NETIF_HAS_IP;
		return;
	}
}

int
pk_net_fetch(struct pk_ctx *ctx, struct pk_net *net, unsigned what,
    struct pk_netif *ifp)
{
	IP_ADAPTER_ADDRESSES *list;
	const IP_ADAPTER_ADDRESSES *a;
	MIB_IF_ROW2 row;
	int rc, rowok;

	(void)net;
	if ((rc = adapters(ctx, &list)) != PK_OK)
		return rc;
	if ((a = ad_find(list, ifp->name)) == NULL) {
		free(list);
		return pk_ctx_fail(ctx, PK_ENOENT, ERROR_NOT_FOUND, "%s",
		    ifp->name);
	}
	rowok = ad_row(a, &row);
	fetch_link(a, &row, rowok, ifp);
	fetch_ip(a, ifp);
	ifp->ifindex = ad_index(a);
	ifp->has |= PK_NETIF_HAS_INDEX;
	strlcpy(ifp->operstate, pk_net_operstate_name(oper_linux(
	    a->OperStatus)), sizeof(ifp->operstate));
	ifp->has |= PK_NETIF_HAS_OPER;
	if (rowok) {
		ifp->carrier = row.MediaConnectState ==
		    MediaConnectStateConnected;
		ifp->has |= PK_NETIF_HAS_CARRIER;
	}
	if ((what & PK_NET_ETHTOOL) && a->TransmitLinkSpeed != 0 &&
	    a->TransmitLinkSpeed != UINT64_MAX) {
		ifp->speed_mbps = a->TransmitLinkSpeed / 1000000;
		ifp->has |= PK_NETIF_HAS_SPEED;
	}
	free(list);
	return PK_OK;
}

/* if_inet6 scope bits and rtnetlink scope of an IPv6 address. */
static unsigned
scope6_bits(const uint8_t *a)
{
	static const uint8_t lo[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 1 };

	if (memcmp(a, lo, 16) == 0)
		return 0x10;			/* IPV6_ADDR_LOOPBACK */
	if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
		return 0x20;			/* IPV6_ADDR_LINKLOCAL */
	if (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0)
		return 0x40;			/* IPV6_ADDR_SITELOCAL */
	return 0;
}

static unsigned
scope6_rt(const uint8_t *a)
{
	switch (scope6_bits(a)) {
	case 0x10: return 254;			/* RT_SCOPE_HOST */
	case 0x20: return 253;			/* RT_SCOPE_LINK */
	case 0x40: return 200;			/* RT_SCOPE_SITE */
	default: return 0;			/* RT_SCOPE_UNIVERSE */
	}
}

/*
 * Count the unicast addresses of family af, then allocate size bytes per
 * address (plus one element) in *out.
 */
static int
count_addrs(struct pk_ctx *ctx, const IP_ADAPTER_ADDRESSES *list, int af,
    size_t size, void **out, size_t *n)
{
	const IP_ADAPTER_UNICAST_ADDRESS *u;
	size_t k = 0;

	for (; list != NULL; list = list->Next)
		for (u = list->FirstUnicastAddress; u != NULL; u = u->Next)
			if (u->Address.lpSockaddr->sa_family == af)
				k++;
	*n = 0;
	if ((*out = calloc(k + 1, size)) == NULL)
		return pk_ctx_fail(ctx, PK_ENOMEM, ERROR_NOT_ENOUGH_MEMORY,
		    "addresses");
	return PK_OK;
}

int
pk_net_inet6(struct pk_ctx *ctx, struct pk_inet6_entry **out, size_t *n)
{
	IP_ADAPTER_ADDRESSES *list, *a;
	const IP_ADAPTER_UNICAST_ADDRESS *u;
	const struct sockaddr_in6 *s6;
	struct pk_inet6_entry *e;
	void *v;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = adapters(ctx, &list)) != PK_OK)
		return rc;
	if ((rc = count_addrs(ctx, list, AF_INET6, sizeof(*e), &v, n)) !=
	    PK_OK) {
		free(list);
		return rc;
	}
	*out = v;
	for (a = list; a != NULL; a = a->Next)
		for (u = a->FirstUnicastAddress; u != NULL; u = u->Next) {
			if (u->Address.lpSockaddr->sa_family != AF_INET6)
				continue;
			s6 = (const void *)u->Address.lpSockaddr;
			e = &(*out)[(*n)++];
			memcpy(e->addr, &s6->sin6_addr, 16);
			e->ifindex = ad_index(a);
			e->prefixlen = u->OnLinkPrefixLength;
			e->scope = scope6_bits(e->addr);
			e->flags = PK_IFA_F_PERMANENT;
			ad_name(a, e->name, sizeof(e->name));
		}
	free(list);
	return PK_OK;
}

int
pk_net_inet6_addrs(struct pk_ctx *ctx, struct pk_inet6_addr **out, size_t *n)
{
	struct pk_inet6_entry *l;
	size_t i, k;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = pk_net_inet6(ctx, &l, &k)) != PK_OK)
		return rc;
	if ((*out = calloc(k + 1, sizeof(**out))) == NULL) {
		free(l);
		return pk_ctx_fail(ctx, PK_ENOMEM, ERROR_NOT_ENOUGH_MEMORY,
		    "addresses");
	}
	for (i = 0; i < k; i++) {
		memcpy((*out)[i].addr, l[i].addr, 16);
		(*out)[i].prefixlen = l[i].prefixlen;
		(*out)[i].scope = scope6_rt(l[i].addr);
		(*out)[i].flags = l[i].flags;
		(*out)[i].ifindex = l[i].ifindex;
	}
	*n = k;
	free(l);
	return PK_OK;
}

/* One IPv4 address: local, prefix, broadcast where the link has one. */
static void
inet4_entry(const IP_ADAPTER_ADDRESSES *a, const IP_ADAPTER_UNICAST_ADDRESS *u,
    struct pk_inet4_addr *e)
{
	const struct sockaddr_in *sin = (const void *)u->Address.lpSockaddr;
	uint8_t m[4];
	int i;

	memcpy(e->local, &sin->sin_addr, 4);
	e->prefixlen = u->OnLinkPrefixLength;
	e->scope = e->local[0] == 127 ? 254 : 0;	/* host, universe */
	e->ifindex = ad_index(a);
	ad_name(a, e->label, sizeof(e->label));
	if (a->IfType == IF_TYPE_ETHERNET_CSMACD ||
	    a->IfType == IF_TYPE_IEEE80211) {
		mask4(e->prefixlen, m);
		for (i = 0; i < 4; i++)
			e->brd[i] = (uint8_t)(e->local[i] | ~m[i]);
		e->has |= PK_INET4_HAS_BRD;
	}
}

int
pk_net_inet4(struct pk_ctx *ctx, struct pk_inet4_addr **out, size_t *n)
{
	IP_ADAPTER_ADDRESSES *list, *a;
	const IP_ADAPTER_UNICAST_ADDRESS *u;
	void *v;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = adapters(ctx, &list)) != PK_OK)
		return rc;
	if ((rc = count_addrs(ctx, list, AF_INET, sizeof(**out), &v, n)) !=
	    PK_OK) {
		free(list);
		return rc;
	}
	*out = v;
	for (a = list; a != NULL; a = a->Next)
		for (u = a->FirstUnicastAddress; u != NULL; u = u->Next)
			if (u->Address.lpSockaddr->sa_family == AF_INET)
				inet4_entry(a, u, &(*out)[(*n)++]);
	free(list);
	return PK_OK;
}

int
pk_net_links(struct pk_ctx *ctx, struct pk_net_link **out, size_t *n)
{
	IP_ADAPTER_ADDRESSES *list, *a;
	struct pk_net_link *l;
	MIB_IF_ROW2 row;
	size_t k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = adapters(ctx, &list)) != PK_OK)
		return rc;
	for (a = list; a != NULL; a = a->Next)
		k++;
	if ((l = calloc(k + 1, sizeof(*l))) == NULL) {
		free(list);
		return pk_ctx_fail(ctx, PK_ENOMEM, ERROR_NOT_ENOUGH_MEMORY,
		    "links");
	}
	for (k = 0, a = list; a != NULL; a = a->Next, k++) {
		ad_name(a, l[k].name, sizeof(l[k].name));
		l[k].ifindex = ad_index(a);
		l[k].operstate = oper_linux(a->OperStatus);
		l[k].carrier = -1;
		if (ad_row(a, &row))
			l[k].carrier = row.MediaConnectState ==
			    MediaConnectStateConnected;
		l[k].flags = a->OperStatus == IfOperStatusUp ?
		    PK_IFF_LOWER_UP : 0;
	}
	free(list);
	*out = l;
	*n = k;
	return PK_OK;
}
