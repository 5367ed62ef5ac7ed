/*
 * psutil.c: ifconfig -P, the layout of psutil's scripts/ifconfig.py
 * (net_if_stats, net_io_counters, net_if_addrs), from the report that
 * ifconfig.c collected.  Reads the report, never changes it.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "ifconfig.h"

static const struct pk_netif *
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
	    (ifp->hwtype == PK_ARPHRD_ETHER ||
	    ifp->hwtype == PK_ARPHRD_LOOPBACK);
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
	    "half", ifp->mtu, (ifp->flags & PK_IFF_RUNNING) ? "yes" : "no");
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
	pk_net_prefix_mask(prefixlen, m, 16);
	pk_net_ntop6(m, a, sizeof(a));
	fprintf(fp, "         netmask   : %s\n", a);
}

static void
ps_inet4(FILE *fp, const struct pk_netif *ifp, const struct pk_inet4_addr *e)
{
	char a[64];
	uint8_t m[16];

	fprintf(fp, "    IPv4 address   : %s\n", pk_net_ntoa4(e->local, a));
	if ((ifp->flags & PK_IFF_BROADCAST) && (e->has & PK_INET4_HAS_BRD))
		fprintf(fp, "         broadcast : %s\n",
		    pk_net_ntoa4(e->brd, a));
	pk_net_prefix_mask(e->prefixlen, m, 4);
	fprintf(fp, "         netmask   : %s\n", pk_net_ntoa4(m, a));
	if (!(ifp->flags & PK_IFF_BROADCAST) &&
	    (ifp->flags & PK_IFF_POINTOPOINT) && (e->has & PK_INET4_HAS_PEER))
		fprintf(fp, "      p2p       : %s\n", pk_net_ntoa4(e->peer, a));
}

/* One NIC of psutil's scripts/ifconfig.py: stats, then IPv4, IPv6, MAC. */
static void
ps_nic(FILE *fp, const struct pk_netif *ifp, const struct world *w)
{
	const struct pk_net_addrs *ad = &w->addrs;
	const struct pk_inet4_addr *const *v4;
	const struct pk_inet6_entry *const *v6;
	char nb[80];
	size_t i, n;

	fprintf(fp, "%s:\n", vname(ifp->name, nb, sizeof(nb)));
	if (ifp->has & PK_NETIF_HAS_STATS)
		ps_stats(fp, ifp);
	n = pk_net_addrs_in4(ad, ifp->name, &v4);
	for (i = 0; i < n; i++)
		ps_inet4(fp, ifp, v4[i]);
	if (ad->have_a6) {
		for (i = 0; i < ad->na6; i++)
			if (strchr(ifp->name, ':') == NULL &&
			    (ifp->has & PK_NETIF_HAS_INDEX) &&
			    ad->a6[i].ifindex == ifp->ifindex)
				ps_inet6(fp, ifp, ad->a6[i].addr,
				    ad->a6[i].prefixlen);
	} else {
		n = pk_net_addrs_in6(ad, ifp->name, &v6);
		for (i = 0; i < n; i++)
			ps_inet6(fp, ifp, v6[i]->addr, v6[i]->prefixlen);
	}
	if (has_mac(ifp)) {
		fprintf(fp, "    MAC  address   : %02x:%02x:%02x:%02x:%02x:%02x\n",
		    ifp->hwaddr[0], ifp->hwaddr[1], ifp->hwaddr[2],
		    ifp->hwaddr[3], ifp->hwaddr[4], ifp->hwaddr[5]);
		if (ifp->flags & PK_IFF_BROADCAST)
			fputs("         broadcast : ff:ff:ff:ff:ff:ff\n", fp);
	}
	putc('\n', fp);
}

static const struct pk_netif *
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
static const struct pk_netif *
ps_pass_nic(const struct world *w, const struct pk_netif **byindex, int pass,
    size_t i)
{
	const struct pk_net_addrs *ad = &w->addrs;

	if (pass == 0)
		return find_if(w, ad->in4[i].label);
	if (pass == 1)
		return ad->have_a6 ? find_index(w, ad->a6[i].ifindex) :
		    find_if(w, ad->in6[i].name);
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
	const struct pk_net_addrs *ad = &w->addrs;
	const struct pk_netif *ifp, **byindex;
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
		n = pass == 0 ? ad->nin4 : pass == 1 ? (ad->have_a6 ?
		    ad->na6 : ad->nin6) : w->nifs;
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
