/*
 * nettools.c: the display of net-tools 2.10 ifconfig (long and -s forms,
 * reference/ifconfig.md section 1), from the report ifconfig.c collected,
 * and the name and flag helpers psutil.c and report.c share.  Reads the
 * report, never changes it.
 */
#include <stdio.h>
#include <string.h>

#include "pskit.h"
#include "ifconfig.h"

/* net-tools' flag names, in its order, and the -s letters. */
static const struct {
	int		 bit;
	const char	*name;
} flag_names[] = {
	{ PK_IFF_UP, "UP" }, { PK_IFF_BROADCAST, "BROADCAST" },
	{ PK_IFF_DEBUG, "DEBUG" }, { PK_IFF_LOOPBACK, "LOOPBACK" },
	{ PK_IFF_POINTOPOINT, "POINTOPOINT" },
	{ PK_IFF_NOTRAILERS, "NOTRAILERS" }, { PK_IFF_RUNNING, "RUNNING" },
	{ PK_IFF_NOARP, "NOARP" }, { PK_IFF_PROMISC, "PROMISC" },
	{ PK_IFF_ALLMULTI, "ALLMULTI" }, { PK_IFF_SLAVE, "SLAVE" },
	{ PK_IFF_MASTER, "MASTER" }, { PK_IFF_MULTICAST, "MULTICAST" },
	{ PK_IFF_DYNAMIC, "DYNAMIC" },
};
static const struct {
	int	 bit;
	char	 letter;
} flag_letters[] = {
	{ PK_IFF_ALLMULTI, 'A' }, { PK_IFF_BROADCAST, 'B' },
	{ PK_IFF_DEBUG, 'D' }, { PK_IFF_LOOPBACK, 'L' },
	{ PK_IFF_MULTICAST, 'M' }, { PK_IFF_DYNAMIC, 'd' },
	{ PK_IFF_PROMISC, 'P' }, { PK_IFF_NOTRAILERS, 'N' },
	{ PK_IFF_NOARP, 'O' }, { PK_IFF_POINTOPOINT, 'P' },
	{ PK_IFF_SLAVE, 's' }, { PK_IFF_MASTER, 'm' },
	{ PK_IFF_RUNNING, 'R' }, { PK_IFF_UP, 'U' },
};

/*
 * An interface name for text output, by the library's escaping policy
 * (the kernel accepts control characters and any high byte in names);
 * ordinary names stay byte-identical to net-tools.
 */
const char *
vname(const char *s, char *buf, size_t len)
{
	pk_esc_text(buf, len, s, pk_esc_locale());
	return buf;
}

/* inet6 text as net-tools prints it (v4-mapped: the dotted tail). */
static const char *
ntoa6(const uint8_t *a, char *buf, size_t len)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0xff, 0xff };

	if (memcmp(a, mapped, 12) == 0)
		return pk_net_ntoa4(a + 12, buf);
	pk_net_ntop6(a, buf, len);
	return buf;
}

/* "UP,BROADCAST,RUNNING,MULTICAST": net-tools' names, its order. */
void
flags_join(int flags, char *buf, size_t len)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
		if (!(flags & flag_names[i].bit))
			continue;
		if (buf[0] != '\0')
			strlcat(buf, ",", len);
		strlcat(buf, flag_names[i].name, len);
	}
}

/* "flags=4163<UP,BROADCAST,RUNNING,MULTICAST>", flags=0 quirk kept. */
static void
print_flags(FILE *fp, int flags)
{
	char names[256];

	flags_join(flags, names, sizeof(names));
	if (flags == 0)
		fputs("flags=0<", fp);
	else if (names[0] == '\0')
		fprintf(fp, "flags=%d", flags);
	else
		fprintf(fp, "flags=%d<%s>", flags, names);
}

static void
print_inet_line(FILE *fp, int flags, const uint8_t *addr, const uint8_t *mask,
    const uint8_t *brd, const uint8_t *dst)
{
	char a[16], b[16];

	fprintf(fp, "        inet %s  netmask %s", pk_net_ntoa4(addr, a),
	    pk_net_ntoa4(mask, b));
	if (flags & PK_IFF_BROADCAST)
		fprintf(fp, "  broadcast %s", pk_net_ntoa4(brd, a));
	if (flags & PK_IFF_POINTOPOINT)
		fprintf(fp, "  destination %s", pk_net_ntoa4(dst, a));
	putc('\n', fp);
}

/* -A: the addresses of this label that SIOCGIFADDR did not show. */
static void
print_more_inet(FILE *fp, const struct pk_netif *ifp, const struct world *w)
{
	static const uint8_t zero[4];
	const struct pk_inet4_addr *a, *const *v;
	uint8_t mask[4];
	size_t i, n;
	int first = 1;

	n = pk_net_addrs_in4(&w->addrs, ifp->name, &v);
	for (i = 0; i < n; i++) {
		a = v[i];
		if (first && (ifp->has & PK_NETIF_HAS_IP) &&
		    memcmp(a->local, ifp->addr, 4) == 0) {
			first = 0;
			continue;
		}
		pk_net_prefix_mask(a->prefixlen, mask, 4);
		print_inet_line(fp, ifp->flags, a->local, mask,
		    (a->has & PK_INET4_HAS_BRD) ? a->brd : zero,
		    (a->has & PK_INET4_HAS_PEER) ? a->peer : zero);
	}
}

static void
print_inet6(FILE *fp, const struct pk_netif *ifp, const struct world *w)
{
	const struct pk_inet6_entry *e, *const *v;
	char a[64], names[64];
	unsigned scope;
	size_t i, n;

	n = pk_net_addrs_in6(&w->addrs, ifp->name, &v);
	for (i = 0; i < n; i++) {
		e = v[i];
		fprintf(fp, "        inet6 %s  prefixlen %d  scopeid 0x%x",
		    ntoa6(e->addr, a, sizeof(a)), (int)e->prefixlen, e->scope);
		scope = e->scope;
		names[0] = '\0';
		if (scope & 0x80) {
			strlcat(names, "compat,", sizeof(names));
			scope -= 0x80;
		}
		if (scope == 0)
			strlcat(names, "global,", sizeof(names));
		if (scope & 0x20)
			strlcat(names, "link,", sizeof(names));
		if (scope & 0x40)
			strlcat(names, "site,", sizeof(names));
		if (scope & 0x10)
			strlcat(names, "host,", sizeof(names));
		if (names[0] != '\0') {
			names[strlen(names) - 1] = '\0';
			fprintf(fp, "<%s>", names);
		}
		putc('\n', fp);
	}
}

/* The hardware line: net-tools' hwtype table, UNSPEC for the rest. */
static void
print_hw(FILE *fp, const struct pk_netif *ifp)
{
	const uint8_t *h = ifp->hwaddr;
	const char *title;
	int i;

	switch (ifp->hwtype) {
	case PK_ARPHRD_ETHER:
		fprintf(fp, "        ether %02x:%02x:%02x:%02x:%02x:%02x",
		    h[0], h[1], h[2], h[3], h[4], h[5]);
		title = "Ethernet";
		break;
	case PK_ARPHRD_LOOPBACK:
		fputs("        loop", fp);
		title = "Local Loopback";
		break;
	case PK_ARPHRD_TUNNEL:		/* an address printer that prints "" */
		fputs("        tunnel ", fp);
		title = "IPIP Tunnel";
		break;
	case PK_ARPHRD_SIT:		/* no address printer: no space */
		fputs("        sit", fp);
		title = "IPv6-in-IPv4";
		break;
	case PK_ARPHRD_PPP:
		fputs("        ppp", fp);
		title = "Point-to-Point Protocol";
		break;
	default:
		fputs("        unspec ", fp);
		for (i = 0; i < 16; i++)
			fprintf(fp, i ? "-%02X" : "%02X", h[i]);
		title = "UNSPEC";
		break;
	}
	if (ifp->has & PK_NETIF_HAS_TXQLEN)
		fprintf(fp, "  txqueuelen %d", ifp->txqlen);
	fprintf(fp, "  (%s)\n", title);
}

static void
print_stats(FILE *fp, const struct pk_netdev_stats *s)
{
	char h[32];

	pk_net_human_ifconfig(s->rx_bytes, h, sizeof(h));
	fprintf(fp, "        RX packets %llu  bytes %llu (%s)\n",
	    (unsigned long long)s->rx_packets,
	    (unsigned long long)s->rx_bytes, h);
	fprintf(fp, "        RX errors %llu  dropped %llu  overruns %llu"
	    "  frame %llu\n", (unsigned long long)s->rx_errs,
	    (unsigned long long)s->rx_drop, (unsigned long long)s->rx_fifo,
	    (unsigned long long)s->rx_frame);
	pk_net_human_ifconfig(s->tx_bytes, h, sizeof(h));
	fprintf(fp, "        TX packets %llu  bytes %llu (%s)\n",
	    (unsigned long long)s->tx_packets,
	    (unsigned long long)s->tx_bytes, h);
	/* 2.10's single space before "overruns" is kept */
	fprintf(fp, "        TX errors %llu  dropped %llu overruns %llu"
	    "  carrier %llu  collisions %llu\n",
	    (unsigned long long)s->tx_errs, (unsigned long long)s->tx_drop,
	    (unsigned long long)s->tx_fifo, (unsigned long long)s->tx_carrier,
	    (unsigned long long)s->tx_colls);
}

static void
print_long(FILE *fp, const struct pk_netif *ifp, const struct world *w,
    const struct opts *o)
{
	char nb[80];

	fprintf(fp, "%s: ", vname(ifp->name, nb, sizeof(nb)));
	print_flags(fp, ifp->flags);
	fprintf(fp, "  mtu %d\n", ifp->mtu);
	if (ifp->has & PK_NETIF_HAS_IP)
		print_inet_line(fp, ifp->flags, ifp->addr, ifp->netmask,
		    ifp->broadaddr, ifp->dstaddr);
	if (o->alladdrs)
		print_more_inet(fp, ifp, w);
	print_inet6(fp, ifp, w);
	print_hw(fp, ifp);
	if (ifp->has & PK_NETIF_HAS_STATS)
		print_stats(fp, &ifp->st);
	if (ifp->map_irq || ifp->map_mem_start || ifp->map_dma ||
	    ifp->map_base_addr >= 0x100) {
		fputs("        device ", fp);
		if (ifp->map_irq)
			fprintf(fp, "interrupt %d  ", (int)ifp->map_irq);
		if (ifp->map_base_addr >= 0x100)
			fprintf(fp, "base 0x%x  ", ifp->map_base_addr);
		if (ifp->map_mem_start)
			fprintf(fp, "memory 0x%lx-%lx  ", ifp->map_mem_start,
			    ifp->map_mem_end);
		if (ifp->map_dma)
			fprintf(fp, "  dma 0x%x", ifp->map_dma);
		putc('\n', fp);
	}
	putc('\n', fp);
}

static void
print_short(FILE *fp, const struct pk_netif *ifp)
{
	const struct pk_netdev_stats *s = &ifp->st;
	char nb[80];
	size_t i;

	/* net-tools' "%-15.15s", cut never inside an escape */
	vname(ifp->name, nb, sizeof(nb));
	nb[pk_esc_cut(nb, 15, NULL)] = '\0';
	fprintf(fp, "%-15s %5d ", nb, ifp->mtu);
	if (ifp->has & PK_NETIF_HAS_STATS) {
		fprintf(fp, "%8llu %6llu %6llu %-6llu ",
		    (unsigned long long)s->rx_packets,
		    (unsigned long long)s->rx_errs,
		    (unsigned long long)s->rx_drop,
		    (unsigned long long)s->rx_fifo);
		fprintf(fp, "%8llu %6llu %6llu %6llu ",
		    (unsigned long long)s->tx_packets,
		    (unsigned long long)s->tx_errs,
		    (unsigned long long)s->tx_drop,
		    (unsigned long long)s->tx_fifo);
	} else
		fprintf(fp, "%-56s", "     - no statistics available -");
	if (ifp->flags == 0)
		fputs("[NO FLAGS]", fp);
	for (i = 0; i < sizeof(flag_letters) / sizeof(flag_letters[0]); i++)
		if (ifp->flags & flag_letters[i].bit)
			putc(flag_letters[i].letter, fp);
	putc('\n', fp);
}

int
shown(const struct pk_netif *ifp, const struct opts *o)
{
	return (ifp->has & PK_NETIF_HAS_FLAGS) && (o->name != NULL ||
	    o->all || (ifp->flags & PK_IFF_UP));
}

void
print_short_header(FILE *fp)
{
	fputs("Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    "
	    "TX-OK TX-ERR TX-DRP TX-OVR Flg\n", fp);
}

void
render_nettools(FILE *fp, const struct world *w, const struct opts *o)
{
	size_t i;

	if (o->shortfmt)
		print_short_header(fp);
	for (i = 0; i < w->nifs; i++) {
		if (!shown(&w->ifs[i], o))
			continue;
		if (o->shortfmt)
			print_short(fp, &w->ifs[i]);
		else
			print_long(fp, &w->ifs[i], w, o);
	}
}
