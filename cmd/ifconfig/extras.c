/*
 * extras.c: what ifconfig adds to net-tools: psutil's scripts/ifconfig.py
 * layout (-P), the tsv/json/prom records, and the link states (ifindex,
 * operstate, carrier) they show.
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "pskit/out.h"
#include "pskit/fmt.h"
#include "ifconfig.h"

static const struct pk_out_col tsv_cols[] = {
	{ "ifname", PK_OUT_STR, PK_OUT_LABEL, NULL, "Interface name" },
	{ "ifindex", PK_OUT_U64, PK_OUT_INFO, NULL, "Interface index" },
	{ "flags", PK_OUT_STR, PK_OUT_INFO, NULL, "Interface flags" },
	{ "operstate", PK_OUT_STR, PK_OUT_INFO, NULL, "RFC 2863 operational state" },
	{ "mtu", PK_OUT_U64, PK_OUT_GAUGE, NULL, "MTU" },
	{ "txqlen", PK_OUT_U64, PK_OUT_GAUGE, NULL, "Transmit queue length" },
	{ "link_type", PK_OUT_STR, PK_OUT_INFO, NULL, "Link type" },
	{ "address", PK_OUT_STR, PK_OUT_INFO, NULL, "Hardware address" },
	{ "ipv4", PK_OUT_STR, PK_OUT_INFO, NULL, "IPv4 addresses" },
	{ "ipv6", PK_OUT_STR, PK_OUT_INFO, NULL, "IPv6 addresses" },
	{ "rx_bytes", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "rx_packets", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "rx_errors", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "rx_dropped", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "rx_overruns", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "rx_frame", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "tx_bytes", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "tx_packets", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "tx_errors", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "tx_dropped", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "tx_overruns", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "tx_carrier", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "tx_collisions", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "speed_mbps", PK_OUT_U64, PK_OUT_GAUGE, NULL, NULL },
	{ "duplex", PK_OUT_STR, PK_OUT_INFO, NULL, NULL },
	/* json nests these three as ip does (a net-tools string, stats64) */
	{ "nettools_flags", PK_OUT_STR, PK_OUT_INFO, NULL, "net-tools flag names" },
	{ "stats64_rx_over_errors", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
	{ "stats64_tx_carrier_errors", PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL },
};

/*
 * ip's flag names in ip's order (iproute2 print_link_flags): NO-CARRIER
 * first for a link that is up without RUNNING, RUNNING itself never.
 */
static const struct {
	unsigned	 bit;
	const char	*name;
} ip_flags[] = {
	{ 0x8, "LOOPBACK" }, { 0x2, "BROADCAST" }, { 0x10, "POINTOPOINT" },
	{ 0x1000, "MULTICAST" }, { 0x80, "NOARP" }, { 0x200, "ALLMULTI" },
	{ 0x100, "PROMISC" }, { 0x400, "MASTER" }, { 0x800, "SLAVE" },
	{ 0x4, "DEBUG" }, { 0x8000, "DYNAMIC" }, { 0x4000, "AUTOMEDIA" },
	{ 0x2000, "PORTSEL" }, { 0x20, "NOTRAILERS" }, { 0x1, "UP" },
	{ 0x10000, "LOWER_UP" }, { 0x20000, "DORMANT" }, { 0x40000, "ECHO" },
};

/* The 32-bit flags when netlink gave them, else the 16-bit ioctl ones. */
static unsigned
ip_flag_bits(const struct pk_netif *ifp)
{
	return (ifp->has & PK_NETIF_HAS_LFLAGS) ? ifp->lflags :
	    (unsigned)ifp->flags & 0xffff;
}

/* One of ip's flag names at a time: i is the cursor, NULL at the end. */
static const char *
ip_flag_next(unsigned bits, size_t *i)
{
	if (*i == 0 && (bits & IFF_UP_) && !(bits & IFF_RUNNING_)) {
		*i = 1;
		return "NO-CARRIER";
	}
	for (*i = *i ? *i : 1; *i <= sizeof(ip_flags) / sizeof(ip_flags[0]);
	    (*i)++)
		if (bits & ip_flags[*i - 1].bit)
			return ip_flags[(*i)++ - 1].name;
	return NULL;
}

/* ip's operstate spelling: the sysfs word in capitals ("UP"). */
static const char *
ip_operstate(const struct pk_netif *ifp, char *buf, size_t len)
{
	size_t i;

	if (!(ifp->has & PK_NETIF_HAS_OPER))
		return NULL;
	for (i = 0; ifp->operstate[i] != '\0' && i + 1 < len; i++)
		buf[i] = (char)toupper((unsigned char)ifp->operstate[i]);
	buf[i] = '\0';
	return buf;
}

/* Prometheus: node_exporter-like names, counters in base units. */
static const struct pk_out_col prom_cols[] = {
	{ "ifname", PK_OUT_STR, PK_OUT_LABEL, NULL, NULL },
	{ "receive", PK_OUT_U64, PK_OUT_COUNTER, "bytes", "Bytes received" },
	{ "receive_packets", PK_OUT_U64, PK_OUT_COUNTER, NULL, "Packets received" },
	{ "receive_errors", PK_OUT_U64, PK_OUT_COUNTER, NULL, "Receive errors" },
	{ "receive_dropped", PK_OUT_U64, PK_OUT_COUNTER, NULL,
	    "Received packets dropped (missed included)" },
	{ "receive_overruns", PK_OUT_U64, PK_OUT_COUNTER, NULL, "Receive FIFO errors" },
	{ "receive_frame", PK_OUT_U64, PK_OUT_COUNTER, NULL, "Receive frame errors" },
	{ "transmit", PK_OUT_U64, PK_OUT_COUNTER, "bytes", "Bytes transmitted" },
	{ "transmit_packets", PK_OUT_U64, PK_OUT_COUNTER, NULL, "Packets transmitted" },
	{ "transmit_errors", PK_OUT_U64, PK_OUT_COUNTER, NULL, "Transmit errors" },
	{ "transmit_dropped", PK_OUT_U64, PK_OUT_COUNTER, NULL,
	    "Transmit packets dropped" },
	{ "transmit_overruns", PK_OUT_U64, PK_OUT_COUNTER, NULL,
	    "Transmit FIFO errors" },
	{ "transmit_carrier", PK_OUT_U64, PK_OUT_COUNTER, NULL,
	    "Transmit carrier errors" },
	{ "transmit_collisions", PK_OUT_U64, PK_OUT_COUNTER, NULL, "Collisions" },
	{ "mtu", PK_OUT_U64, PK_OUT_GAUGE, "bytes", "MTU" },
	{ "up", PK_OUT_U64, PK_OUT_GAUGE, NULL, "1 when the interface is UP" },
	{ "running", PK_OUT_U64, PK_OUT_GAUGE, NULL,
	    "1 when the interface is RUNNING" },
	{ "speed", PK_OUT_U64, PK_OUT_GAUGE, "bytes",
	    "Link speed in bytes per second, as node_exporter" },
};

static struct pk_netif *
find_if(const struct world *w, const char *name)
{
	size_t i;

	for (i = 0; i < w->nifs; i++)
		if (strcmp(w->ifs[i].name, name) == 0)
			return &w->ifs[i];
	return NULL;
}

static int
has_mac(const struct pk_netif *ifp)
{
	return (ifp->has & PK_NETIF_HAS_STATS) &&
	    (ifp->hwtype == HW_ETHER || ifp->hwtype == HW_LOOPBACK);
}

static void
ps_stats(FILE *fp, const struct pk_netif *ifp)
{
	const struct pk_netdev_stats *s = &ifp->st;
	char h[32];

	fputs("    stats          : speed=", fp);
	if (ifp->has & PK_NETIF_HAS_SPEED)
		fprintf(fp, "%lluMB", (unsigned long long)ifp->speed_mbps);
	else
		fputs("unknown", fp);
	fprintf(fp, ", duplex=%s, mtu=%d, up=%s",
	    !(ifp->has & PK_NETIF_HAS_DUPLEX) ? "?" : ifp->duplex ? "full" :
	    "half", ifp->mtu, (ifp->flags & IFF_RUNNING_) ? "yes" : "no");
	fprintf(fp, ", operstate=%s, carrier=%s\n",
	    (ifp->has & PK_NETIF_HAS_OPER) ? ifp->operstate : "?",
	    !(ifp->has & PK_NETIF_HAS_CARRIER) ? "?" : ifp->carrier ? "yes" :
	    "no");
	pk_net_human_psutil(s->rx_bytes, h, sizeof(h));
	fprintf(fp, "    incoming       : bytes=%s, pkts=%llu, errs=%llu, "
	    "drops=%llu\n", h, (unsigned long long)s->rx_packets,
	    (unsigned long long)s->rx_errs, (unsigned long long)s->rx_drop);
	pk_net_human_psutil(s->tx_bytes, h, sizeof(h));
	fprintf(fp, "    outgoing       : bytes=%s, pkts=%llu, errs=%llu, "
	    "drops=%llu\n", h, (unsigned long long)s->tx_packets,
	    (unsigned long long)s->tx_errs, (unsigned long long)s->tx_drop);
}

/* getnameinfo(NI_NUMERICHOST) adds "%ifname" to link-local addresses. */
static void
ps_inet6(FILE *fp, const struct pk_netif *ifp, const uint8_t *addr,
    unsigned prefixlen)
{
	char a[64], nb[80];
	uint8_t m[16];
	int ll = addr[0] == 0xfe && (addr[1] & 0xc0) == 0x80;

	pk_net_ntop6(addr, a, sizeof(a));
	fprintf(fp, "    IPv6 address   : %s%s%s\n", a, ll ? "%" : "",
	    ll ? vname(ifp->name, nb, sizeof(nb)) : "");
	prefix_mask(prefixlen, m, 16);
	pk_net_ntop6(m, a, sizeof(a));
	fprintf(fp, "         netmask   : %s\n", a);
}

/* One NIC of psutil's scripts/ifconfig.py: stats, then IPv4, IPv6, MAC. */
static void
ps_nic(FILE *fp, const struct pk_netif *ifp, const struct world *w)
{
	const struct pk_inet4_addr *e;
	const struct pk_inet6_entry *e6;
	char a[64], nb[80];
	uint8_t m[16];
	size_t i;

	fprintf(fp, "%s:\n", vname(ifp->name, nb, sizeof(nb)));
	if (ifp->has & PK_NETIF_HAS_STATS)
		ps_stats(fp, ifp);
	FOR_IN4(e, i, w, ifp->name) {
		fprintf(fp, "    IPv4 address   : %s\n", ntoa4(e->local, a));
		if ((ifp->flags & IFF_BROADCAST_) && (e->has & PK_INET4_HAS_BRD))
			fprintf(fp, "         broadcast : %s\n", ntoa4(e->brd, a));
		prefix_mask(e->prefixlen, m, 4);
		fprintf(fp, "         netmask   : %s\n", ntoa4(m, a));
		if (!(ifp->flags & IFF_BROADCAST_) && (ifp->flags & IFF_P2P_) &&
		    (e->has & PK_INET4_HAS_PEER))
			fprintf(fp, "      p2p       : %s\n", ntoa4(e->peer, a));
	}
	if (w->have_a6) {
		for (i = 0; i < w->na6; i++)
			if (strchr(ifp->name, ':') == NULL &&
			    (ifp->has & PK_NETIF_HAS_INDEX) &&
			    w->a6[i].ifindex == ifp->ifindex)
				ps_inet6(fp, ifp, w->a6[i].addr,
				    w->a6[i].prefixlen);
	} else {
		FOR_IN6(e6, i, w, ifp->name)
			ps_inet6(fp, ifp, e6->addr, e6->prefixlen);
	}
	if (has_mac(ifp)) {
		fprintf(fp, "    MAC  address   : %02x:%02x:%02x:%02x:%02x:%02x\n",
		    ifp->hwaddr[0], ifp->hwaddr[1], ifp->hwaddr[2],
		    ifp->hwaddr[3], ifp->hwaddr[4], ifp->hwaddr[5]);
		if (ifp->flags & IFF_BROADCAST_)
			fputs("         broadcast : ff:ff:ff:ff:ff:ff\n", fp);
	}
	putc('\n', fp);
}

static struct pk_netif *
find_index(const struct world *w, unsigned ifindex)
{
	size_t i;

	for (i = 0; i < w->nifs; i++)
		if ((w->ifs[i].has & PK_NETIF_HAS_INDEX) &&
		    w->ifs[i].ifindex == ifindex &&
		    strchr(w->ifs[i].name, ':') == NULL)
			return &w->ifs[i];
	return NULL;
}

static int
cmp_index(const void *a, const void *b)
{
	const struct pk_netif *x = *(const struct pk_netif *const *)a;
	const struct pk_netif *y = *(const struct pk_netif *const *)b;
	unsigned xi = (x->has & PK_NETIF_HAS_INDEX) ? x->ifindex : ~0u;
	unsigned yi = (y->has & PK_NETIF_HAS_INDEX) ? y->ifindex : ~0u;

	if (xi != yi)
		return xi < yi ? -1 : 1;
	return (x > y) - (x < y);
}

/* The NIC of the i-th entry of a psutil pass, or NULL. */
static struct pk_netif *
ps_pass_nic(const struct world *w, struct pk_netif **byindex, int pass,
    size_t i)
{
	if (pass == 0)
		return find_if(w, w->in4[i].label);
	if (pass == 1)
		return w->have_a6 ? find_index(w, w->a6[i].ifindex) :
		    find_if(w, w->in6[i].name);
	return byindex[i];
}

/*
 * psutil's NIC order: net_if_addrs() sorts getifaddrs() by family, so
 * names with IPv4 come first (kernel order), then IPv6-only, then the
 * links, in ifindex order.
 */
void
render_psutil(FILE *fp, const struct world *w, const struct opts *o)
{
	struct pk_netif *ifp, **byindex;
	size_t i, n;
	char *done;
	int pass;

	done = calloc(w->nifs + 1, 1);
	byindex = reallocarray(NULL, w->nifs + 1, sizeof(*byindex));
	if (done == NULL || byindex == NULL)
		err(1, NULL);
	for (i = 0; i < w->nifs; i++)
		byindex[i] = &w->ifs[i];
	if (w->nifs > 0)
		qsort(byindex, w->nifs, sizeof(*byindex), cmp_index);
	for (pass = 0; pass < 3; pass++) {
		n = pass == 0 ? w->nin4 : pass == 1 ? (w->have_a6 ? w->na6 :
		    w->nin6) : w->nifs;
		for (i = 0; i < n; i++) {
			ifp = ps_pass_nic(w, byindex, pass, i);
			if (ifp == NULL || done[ifp - w->ifs] ||
			    !(ifp->has & PK_NETIF_HAS_FLAGS))
				continue;
			if (o->name != NULL && strcmp(ifp->name, o->name) != 0)
				continue;
			done[ifp - w->ifs] = 1;
			ps_nic(fp, ifp, w);
		}
	}
	free(byindex);
	free(done);
}

/* ip's link_type names for the ARPHRD values seen on Linux. */
static const char *
link_type(int t, char *buf, size_t len)
{
	switch (t) {
	case HW_ETHER: return "ether";
	case HW_LOOPBACK: return "loopback";
	case HW_NONE: return "none";
	case HW_TUNNEL: return "ipip";
	case HW_SIT: return "sit";
	case HW_PPP: return "ppp";
	case 778: return "gre";
	case 823: return "ip6gre";
	case 280: return "can";
	case 32: return "infiniband";
	case 801: return "ieee802.11";
	default: snprintf(buf, len, "[%d]", t); return buf;
	}
}

/* Comma-joined "addr/prefixlen" lists of one name. */
static void
addr_lists(const struct pk_netif *ifp, const struct world *w, char *v4,
    char *v6, size_t len)
{
	const struct pk_inet4_addr *e4;
	const struct pk_inet6_entry *e6;
	char a[64], item[80];
	size_t i;

	v4[0] = v6[0] = '\0';
	FOR_IN4(e4, i, w, ifp->name) {
		snprintf(item, sizeof(item), "%s%s/%u", v4[0] ? "," : "",
		    ntoa4(e4->local, a), e4->prefixlen);
		strlcat(v4, item, len);
	}
	if (!w->have_in4 && (ifp->has & PK_NETIF_HAS_IP))
		snprintf(v4, len, "%s/%u", ntoa4(ifp->addr, a),
		    mask_prefix(ifp->netmask));
	FOR_IN6(e6, i, w, ifp->name) {
		pk_net_ntop6(e6->addr, a, sizeof(a));
		snprintf(item, sizeof(item), "%s%s/%u", v6[0] ? "," : "", a,
		    e6->prefixlen);
		strlcat(v6, item, len);
	}
}

/* The tsv columns, in order; nested (json) output names each one. */
struct flat {
	struct pk_out	*out;
	int		 nested;
	size_t		 col;
};

static struct pk_out *
col(struct flat *f)
{
	if (f->nested)
		pk_out_key(f->out, tsv_cols[f->col].key);
	f->col++;
	return f->out;
}

static void
opt_u64(struct pk_out *out, int present, uint64_t v)
{
	if (present)
		pk_out_u64(out, v);
	else
		pk_out_null(out);
}

/* The absent-bit of each counter of flat_fields() and record_prom(). */
static const unsigned flat_absent[] = { 0, 0, 0, 0, PK_NDS_RX_FIFO,
	PK_NDS_RX_FRAME, 0, 0, 0, 0, PK_NDS_TX_FIFO, PK_NDS_TX_CARRIER,
	PK_NDS_TX_COLLS };

static int
counter_known(const struct pk_netif *ifp, unsigned bit)
{
	return (ifp->has & PK_NETIF_HAS_STATS) && !(ifp->st.absent & bit);
}

/* flags: ip's names, an array in json and comma-joined in tsv. */
static void
flat_ip_flags(struct flat *f, const struct pk_netif *ifp)
{
	char buf[256];
	const char *name;
	unsigned bits = ip_flag_bits(ifp);
	size_t i = 0;

	if (f->nested) {
		pk_out_arr_begin(col(f));
		while ((name = ip_flag_next(bits, &i)) != NULL)
			pk_out_str(f->out, name);
		pk_out_arr_end(f->out);
		return;
	}
	buf[0] = '\0';
	while ((name = ip_flag_next(bits, &i)) != NULL) {
		if (buf[0] != '\0')
			strlcat(buf, ",", sizeof(buf));
		strlcat(buf, name, sizeof(buf));
	}
	pk_out_str(col(f), buf);
}

static void
flat_fields(struct flat *f, const struct pk_netif *ifp, const struct world *w)
{
	const struct pk_netdev_stats *s = &ifp->st;
	const uint64_t c[] = { s->rx_bytes, s->rx_packets, s->rx_errs,
		s->rx_drop, s->rx_fifo, s->rx_frame, s->tx_bytes, s->tx_packets,
		s->tx_errs, s->tx_drop, s->tx_fifo, s->tx_carrier, s->tx_colls };
	static char v4[8192], v6[8192];
	char buf[256];
	const uint8_t *h = ifp->hwaddr;
	size_t i;

	pk_out_str(col(f), ifp->name);
	opt_u64(col(f), ifp->has & PK_NETIF_HAS_INDEX, ifp->ifindex);
	flat_ip_flags(f, ifp);
	pk_out_str(col(f), ip_operstate(ifp, buf, sizeof(buf)));
	pk_out_u64(col(f), (uint64_t)ifp->mtu);
	opt_u64(col(f), ifp->has & PK_NETIF_HAS_TXQLEN, (uint64_t)ifp->txqlen);
	pk_out_str(col(f), link_type(ifp->hwtype, buf, sizeof(buf)));
	if (ifp->hwtype == HW_ETHER || ifp->hwtype == HW_LOOPBACK) {
		snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x",
		    h[0], h[1], h[2], h[3], h[4], h[5]);
		pk_out_str(col(f), buf);
	} else
		pk_out_null(col(f));
	addr_lists(ifp, w, v4, v6, sizeof(v4));
	pk_out_str(col(f), v4[0] ? v4 : NULL);
	pk_out_str(col(f), v6[0] ? v6 : NULL);
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		opt_u64(col(f), counter_known(ifp, flat_absent[i]), c[i]);
	opt_u64(col(f), ifp->has & PK_NETIF_HAS_SPEED, ifp->speed_mbps);
	pk_out_str(col(f), !(ifp->has & PK_NETIF_HAS_DUPLEX) ? NULL :
	    ifp->duplex ? "full" : "half");
	flags_join(ifp->flags & 0xffff, buf, sizeof(buf));
	pk_out_str(col(f), buf);
	if (f->nested)
		return;		/* stats64 nests them, as ip does */
	opt_u64(col(f), ifp->has & PK_NETIF_HAS_STATS64, ifp->rx_over_errors);
	opt_u64(col(f), ifp->has & PK_NETIF_HAS_STATS64,
	    ifp->tx_carrier_errors);
}

static void
record_tsv(struct pk_out *out, const struct pk_netif *ifp, const struct world *w)
{
	struct flat f = { out, 0, 0 };

	pk_out_record_begin(out);
	flat_fields(&f, ifp, w);
	pk_out_record_end(out);
}

/* ip's names for IPv4 ifa_scope values (rtnetlink RT_SCOPE_*). */
static void
json_scope4(struct pk_out *out, unsigned scope)
{
	switch (scope) {
	case 0: pk_out_str(out, "global"); break;
	case 200: pk_out_str(out, "site"); break;
	case 253: pk_out_str(out, "link"); break;
	case 254: pk_out_str(out, "host"); break;
	default: pk_out_u64(out, scope); break;
	}
}

/* The same for if_inet6's IPV6_ADDR_* scope bits. */
static void
json_scope6(struct pk_out *out, unsigned scope)
{
	switch (scope & 0x70) {
	case 0: pk_out_str(out, "global"); break;
	case 0x10: pk_out_str(out, "host"); break;
	case 0x20: pk_out_str(out, "link"); break;
	case 0x40: pk_out_str(out, "site"); break;
	default: pk_out_u64(out, scope); break;
	}
}

/* addr_info: every address of the name, like `ip -j addr`. */
static void
json_addrs(struct pk_out *out, const struct pk_netif *ifp, const struct world *w)
{
	const struct pk_inet4_addr *e4;
	const struct pk_inet6_entry *e6;
	char a[64];
	size_t i;

	pk_out_key(out, "addr_info");
	pk_out_arr_begin(out);
	FOR_IN4(e4, i, w, ifp->name) {
		pk_out_obj_begin(out);
		pk_out_key(out, "family");
		pk_out_str(out, "inet");
		pk_out_key(out, "local");
		pk_out_str(out, ntoa4(e4->local, a));
		if (e4->has & PK_INET4_HAS_PEER) {
			pk_out_key(out, "address");
			pk_out_str(out, ntoa4(e4->peer, a));
		}
		pk_out_key(out, "prefixlen");
		pk_out_u64(out, e4->prefixlen);
		if (e4->has & PK_INET4_HAS_BRD) {
			pk_out_key(out, "broadcast");
			pk_out_str(out, ntoa4(e4->brd, a));
		}
		pk_out_key(out, "scope");
		json_scope4(out, e4->scope);
		pk_out_key(out, "secondary");
		pk_out_bool(out, e4->flags & 0x01);	/* IFA_F_SECONDARY */
		pk_out_key(out, "label");
		pk_out_str(out, e4->label);
		pk_out_obj_end(out);
	}
	FOR_IN6(e6, i, w, ifp->name) {
		pk_out_obj_begin(out);
		pk_out_key(out, "family");
		pk_out_str(out, "inet6");
		pk_out_key(out, "local");
		pk_net_ntop6(e6->addr, a, sizeof(a));
		pk_out_str(out, a);
		pk_out_key(out, "prefixlen");
		pk_out_u64(out, e6->prefixlen);
		pk_out_key(out, "scope");
		json_scope6(out, e6->scope);
		pk_out_obj_end(out);
	}
	pk_out_arr_end(out);
}

/* stats64: the 16 columns of /proc/net/dev under their own names. */
static void
json_stats(struct pk_out *out, const struct pk_netif *ifp)
{
	const struct pk_netdev_stats *s = &ifp->st;
	static const char *rxk[] = { "bytes", "packets", "errors", "dropped",
		"fifo", "frame", "compressed", "multicast" };
	static const char *txk[] = { "bytes", "packets", "errors", "dropped",
		"fifo", "collisions", "carrier", "compressed" };
	const uint64_t rx[] = { s->rx_bytes, s->rx_packets, s->rx_errs,
		s->rx_drop, s->rx_fifo, s->rx_frame, s->rx_compressed,
		s->rx_multicast };
	const uint64_t tx[] = { s->tx_bytes, s->tx_packets, s->tx_errs,
		s->tx_drop, s->tx_fifo, s->tx_colls, s->tx_carrier,
		s->tx_compressed };
	static const unsigned rxa[] = { 0, 0, 0, 0, PK_NDS_RX_FIFO,
		PK_NDS_RX_FRAME, PK_NDS_RX_COMPRESSED, PK_NDS_RX_MULTICAST };
	static const unsigned txa[] = { 0, 0, 0, 0, PK_NDS_TX_FIFO,
		PK_NDS_TX_COLLS, PK_NDS_TX_CARRIER, PK_NDS_TX_COMPRESSED };
	size_t i;

	pk_out_key(out, "stats64");
	if (!(ifp->has & PK_NETIF_HAS_STATS)) {
		pk_out_null(out);
		return;
	}
	pk_out_obj_begin(out);
	pk_out_key(out, "rx");
	pk_out_obj_begin(out);
	for (i = 0; i < 8; i++) {
		pk_out_key(out, rxk[i]);
		opt_u64(out, !(s->absent & rxa[i]), rx[i]);
	}
	/* ip's names and netlink source; null on a --procfs tree */
	pk_out_key(out, "over_errors");
	opt_u64(out, ifp->has & PK_NETIF_HAS_STATS64, ifp->rx_over_errors);
	pk_out_obj_end(out);
	pk_out_key(out, "tx");
	pk_out_obj_begin(out);
	for (i = 0; i < 8; i++) {
		pk_out_key(out, txk[i]);
		opt_u64(out, !(s->absent & txa[i]), tx[i]);
	}
	pk_out_key(out, "carrier_errors");
	opt_u64(out, ifp->has & PK_NETIF_HAS_STATS64, ifp->tx_carrier_errors);
	pk_out_obj_end(out);
	pk_out_obj_end(out);
}

/*
 * One JSON object: the tsv columns under the same keys (DESIGN.md), then
 * addr_info and stats64 shaped like `ip -j addr` and `ip -j -s link`.
 */
static void
record_json(struct pk_out *out, const struct pk_netif *ifp, const struct world *w)
{
	struct flat f = { out, 1, 0 };

	pk_out_nest_record_begin(out, ifp->name);
	flat_fields(&f, ifp, w);
	json_addrs(out, ifp, w);
	json_stats(out, ifp);
	pk_out_record_end(out);
}

static void
record_prom(struct pk_out *out, const struct pk_netif *ifp)
{
	const struct pk_netdev_stats *s = &ifp->st;
	const uint64_t c[] = { s->rx_bytes, s->rx_packets, s->rx_errs,
		s->rx_drop, s->rx_fifo, s->rx_frame, s->tx_bytes, s->tx_packets,
		s->tx_errs, s->tx_drop, s->tx_fifo, s->tx_carrier, s->tx_colls };
	size_t i;

	pk_out_record_begin(out);
	pk_out_str(out, ifp->name);
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		opt_u64(out, counter_known(ifp, flat_absent[i]), c[i]);
	pk_out_u64(out, (uint64_t)ifp->mtu);
	pk_out_u64(out, (ifp->flags & IFF_UP_) != 0);
	pk_out_u64(out, (ifp->flags & IFF_RUNNING_) != 0);
	opt_u64(out, ifp->has & PK_NETIF_HAS_SPEED,
	    ifp->speed_mbps * 125000);	/* Mbit/s to bytes/s */
	pk_out_record_end(out);
}

void
render_report(FILE *fp, const struct world *w, const struct opts *o)
{
	struct pk_out out;
	size_t i;
	int prom = o->fmt == PK_OUT_PROM, rc;

	if (o->fmt == PK_OUT_JSON)
		rc = pk_out_nest_begin(&out, fp, PK_OUT_JSON, o->outflags, "ifconfig",
		    "ifname");
	else
		rc = pk_out_begin(&out, fp, (enum pk_out_fmt)o->fmt, o->outflags,
		    "ifconfig", prom ? prom_cols : tsv_cols, prom ?
		    sizeof(prom_cols) / sizeof(prom_cols[0]) :
		    sizeof(tsv_cols) / sizeof(tsv_cols[0]));
	if (rc != PK_OK)
		errx(1, "out of memory");
	pk_out_sample_begin(&out, pk_time_now());
	for (i = 0; i < w->nifs; i++) {
		if (!shown(&w->ifs[i], o))
			continue;
		if (prom)
			record_prom(&out, &w->ifs[i]);
		else if (o->fmt == PK_OUT_JSON)
			record_json(&out, &w->ifs[i], w);
		else
			record_tsv(&out, &w->ifs[i], w);
	}
	if (pk_out_end(&out) != PK_OK)
		errx(1, "out of memory");
}

static int
cmp_link(const void *a, const void *b)
{
	return strcmp(((const struct pk_net_link *)a)->name,
	    ((const struct pk_net_link *)b)->name);
}

/*
 * ifindex, operstate and carrier from one RTM_GETLINK dump; an alias such
 * as eth0:1 gets its device's.  As with sysfs, the carrier of a device
 * that is down is unknown.
 */
void
merge_links(struct pk_ctx *ctx, struct world *w)
{
	struct pk_net_link *l, key, *f;
	struct pk_netif *ifp;
	size_t n, i;
	char *colon;

	if (pk_net_links(ctx, &l, &n) != PK_OK || n == 0) {
		free(l);
		return;
	}
	if (n > 0)
		qsort(l, n, sizeof(*l), cmp_link);
	memset(&key, 0, sizeof(key));
	for (i = 0; i < w->nifs; i++) {
		ifp = &w->ifs[i];
		strlcpy(key.name, ifp->name, sizeof(key.name));
		if ((colon = strchr(key.name, ':')) != NULL)
			*colon = '\0';
		if ((f = bsearch(&key, l, n, sizeof(*l), cmp_link)) == NULL)
			continue;
		ifp->ifindex = f->ifindex;
		ifp->lflags = f->flags;
		ifp->has |= PK_NETIF_HAS_INDEX | PK_NETIF_HAS_LFLAGS;
		/* counters of the live namespace never mix into a tree's */
		if (f->has_stats64 && strcmp(ctx->procfs, "/proc") == 0) {
			ifp->rx_over_errors = f->rx_over_errors;
			ifp->tx_carrier_errors = f->tx_carrier_errors;
			ifp->has |= PK_NETIF_HAS_STATS64;
		}
		if (f->operstate >= 0) {
			strlcpy(ifp->operstate,
			    pk_net_operstate_name(f->operstate),
			    sizeof(ifp->operstate));
			ifp->has |= PK_NETIF_HAS_OPER;
		}
		if (f->carrier >= 0 && (ifp->flags & IFF_UP_)) {
			ifp->carrier = f->carrier;
			ifp->has |= PK_NETIF_HAS_CARRIER;
		}
	}
	free(l);
}
