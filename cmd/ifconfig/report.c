/*
 * report.c: ifconfig's tsv, json and prom records, from the report that
 * ifconfig.c collected.  A record is three field tables: the link's
 * columns (link_head, link_tail), and ifc_counters, the one list of
 * counters that every structured format reads.  Reads the report, never
 * changes it.
 */
#include <ctype.h>
#include <err.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "pskit/out.h"
#include "ifconfig.h"

#define NET(f)	offsetof(struct pk_netif, f)
#define DEV	PK_NETIF_HAS_STATS
#define NL	PK_NETIF_HAS_STATS64

/* Adding a counter: its struct field in the library, one line here. */
const struct ifc_counter ifc_counters[] = {
	{ IFC_FLAT, "rx_bytes", "receive", "bytes", "Bytes received",
	    "rx", "bytes", DEV, 0, NET(st.rx_bytes) },
	{ IFC_FLAT, "rx_packets", "receive_packets", NULL, "Packets received",
	    "rx", "packets", DEV, 0, NET(st.rx_packets) },
	{ IFC_FLAT, "rx_errors", "receive_errors", NULL, "Receive errors",
	    "rx", "errors", DEV, 0, NET(st.rx_errs) },
	{ IFC_FLAT, "rx_dropped", "receive_dropped", NULL,
	    "Received packets dropped (missed included)",
	    "rx", "dropped", DEV, 0, NET(st.rx_drop) },
	{ IFC_FLAT, "rx_overruns", "receive_overruns", NULL,
	    "Receive FIFO errors",
	    "rx", "fifo", DEV, PK_NDS_RX_FIFO, NET(st.rx_fifo) },
	{ IFC_FLAT, "rx_frame", "receive_frame", NULL, "Receive frame errors",
	    "rx", "frame", DEV, PK_NDS_RX_FRAME, NET(st.rx_frame) },
	{ IFC_S64, NULL, NULL, NULL, NULL,
	    "rx", "compressed", DEV, PK_NDS_RX_COMPRESSED,
	    NET(st.rx_compressed) },
	{ IFC_S64, NULL, NULL, NULL, NULL,
	    "rx", "multicast", DEV, PK_NDS_RX_MULTICAST, NET(st.rx_multicast) },
	{ IFC_FLAT, "tx_bytes", "transmit", "bytes", "Bytes transmitted",
	    "tx", "bytes", DEV, 0, NET(st.tx_bytes) },
	{ IFC_FLAT, "tx_packets", "transmit_packets", NULL,
	    "Packets transmitted",
	    "tx", "packets", DEV, 0, NET(st.tx_packets) },
	{ IFC_FLAT, "tx_errors", "transmit_errors", NULL, "Transmit errors",
	    "tx", "errors", DEV, 0, NET(st.tx_errs) },
	{ IFC_FLAT, "tx_dropped", "transmit_dropped", NULL,
	    "Transmit packets dropped",
	    "tx", "dropped", DEV, 0, NET(st.tx_drop) },
	{ IFC_FLAT, "tx_overruns", "transmit_overruns", NULL,
	    "Transmit FIFO errors",
	    "tx", "fifo", DEV, PK_NDS_TX_FIFO, NET(st.tx_fifo) },
	{ IFC_FLAT, "tx_carrier", "transmit_carrier", NULL,
	    "Transmit carrier errors",
	    "tx", "carrier", DEV, PK_NDS_TX_CARRIER, NET(st.tx_carrier) },
	{ IFC_FLAT, "tx_collisions", "transmit_collisions", NULL, "Collisions",
	    "tx", "collisions", DEV, PK_NDS_TX_COLLS, NET(st.tx_colls) },
	{ IFC_S64, NULL, NULL, NULL, NULL,
	    "tx", "compressed", DEV, PK_NDS_TX_COMPRESSED,
	    NET(st.tx_compressed) },
	/* ip's names and netlink source; null on a --procfs tree */
	{ IFC_TAIL, "stats64_rx_over_errors", NULL, NULL, NULL,
	    "rx", "over_errors", NL, 0, NET(rx_over_errors) },
	{ IFC_TAIL, "stats64_tx_carrier_errors", NULL, NULL, NULL,
	    "tx", "carrier_errors", NL, 0, NET(tx_carrier_errors) },
};
const size_t ifc_ncounters = sizeof(ifc_counters) / sizeof(ifc_counters[0]);

/* One record being written: the columns so far, named when nested. */
struct rec {
	struct pk_out		*out;
	int			 nested;
	const struct pk_out_col	*cols;
	size_t			 col;
	const struct world	*w;
};

/* A column of the link (not a counter) and how to write it. */
struct link_field {
	struct pk_out_col	 col;
	void		(*put)(struct rec *, const struct pk_netif *);
};

static struct pk_out *
col(struct rec *r)
{
	if (r->nested)
		pk_out_key(r->out, r->cols[r->col].key);
	r->col++;
	return r->out;
}

static void
opt_u64(struct pk_out *out, int present, uint64_t v)
{
	if (present)
		pk_out_u64(out, v);
	else
		pk_out_null(out);
}

static int
counter_present(const struct ifc_counter *c, const struct pk_netif *ifp)
{
	return (ifp->has & c->has) == c->has && !(ifp->st.absent & c->absent);
}

static uint64_t
counter_value(const struct ifc_counter *c, const struct pk_netif *ifp)
{
	uint64_t v;

	memcpy(&v, (const char *)ifp + c->off, sizeof(v));
	return v;
}

static void
put_counter(struct pk_out *out, const struct ifc_counter *c,
    const struct pk_netif *ifp)
{
	opt_u64(out, counter_present(c, ifp), counter_value(c, ifp));
}

/*
 * ip's flag names in ip's order (iproute2 print_link_flags): NO-CARRIER
 * first for a link that is up without RUNNING, RUNNING itself never.
 */
static const struct {
	unsigned	 bit;
	const char	*name;
} ip_flags[] = {
	{ PK_IFF_LOOPBACK, "LOOPBACK" }, { PK_IFF_BROADCAST, "BROADCAST" },
	{ PK_IFF_POINTOPOINT, "POINTOPOINT" }, { PK_IFF_MULTICAST, "MULTICAST" },
	{ PK_IFF_NOARP, "NOARP" }, { PK_IFF_ALLMULTI, "ALLMULTI" },
	{ PK_IFF_PROMISC, "PROMISC" }, { PK_IFF_MASTER, "MASTER" },
	{ PK_IFF_SLAVE, "SLAVE" }, { PK_IFF_DEBUG, "DEBUG" },
	{ PK_IFF_DYNAMIC, "DYNAMIC" }, { PK_IFF_AUTOMEDIA, "AUTOMEDIA" },
	{ PK_IFF_PORTSEL, "PORTSEL" }, { PK_IFF_NOTRAILERS, "NOTRAILERS" },
	{ PK_IFF_UP, "UP" }, { PK_IFF_LOWER_UP, "LOWER_UP" },
	{ PK_IFF_DORMANT, "DORMANT" }, { PK_IFF_ECHO, "ECHO" },
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
	if (*i == 0 && (bits & PK_IFF_UP) && !(bits & PK_IFF_RUNNING)) {
		*i = 1;
		return "NO-CARRIER";
	}
	for (*i = *i ? *i : 1; *i <= sizeof(ip_flags) / sizeof(ip_flags[0]);
	    (*i)++)
		if (bits & ip_flags[*i - 1].bit)
			return ip_flags[(*i)++ - 1].name;
	return NULL;
}

/* ip's link_type names for the ARPHRD values seen on Linux. */
static const char *
link_type(int t, char *buf, size_t len)
{
	switch (t) {
	case PK_ARPHRD_ETHER: return "ether";
	case PK_ARPHRD_LOOPBACK: return "loopback";
	case PK_ARPHRD_NONE: return "none";
	case PK_ARPHRD_TUNNEL: return "ipip";
	case PK_ARPHRD_SIT: return "sit";
	case PK_ARPHRD_PPP: return "ppp";
	case PK_ARPHRD_IPGRE: return "gre";
	case PK_ARPHRD_IP6GRE: return "ip6gre";
	case PK_ARPHRD_CAN: return "can";
	case PK_ARPHRD_INFINIBAND: return "infiniband";
	case PK_ARPHRD_IEEE80211: return "ieee802.11";
	default: snprintf(buf, len, "[%d]", t); return buf;
	}
}

static void
put_ifname(struct rec *r, const struct pk_netif *ifp)
{
	pk_out_str(col(r), ifp->name);
}

static void
put_ifindex(struct rec *r, const struct pk_netif *ifp)
{
	opt_u64(col(r), ifp->has & PK_NETIF_HAS_INDEX, ifp->ifindex);
}

/* flags: ip's names, an array in json and comma-joined in tsv. */
static void
put_flags(struct rec *r, const struct pk_netif *ifp)
{
	char buf[256];
	const char *name;
	unsigned bits = ip_flag_bits(ifp);
	size_t i = 0;

	if (r->nested) {
		pk_out_arr_begin(col(r));
		while ((name = ip_flag_next(bits, &i)) != NULL)
			pk_out_str(r->out, name);
		pk_out_arr_end(r->out);
		return;
	}
	buf[0] = '\0';
	while ((name = ip_flag_next(bits, &i)) != NULL) {
		if (buf[0] != '\0')
			strlcat(buf, ",", sizeof(buf));
		strlcat(buf, name, sizeof(buf));
	}
	pk_out_str(col(r), buf);
}

/* ip's operstate spelling: the sysfs word in capitals ("UP"). */
static void
put_operstate(struct rec *r, const struct pk_netif *ifp)
{
	char buf[sizeof(ifp->operstate)];
	size_t i;

	if (!(ifp->has & PK_NETIF_HAS_OPER)) {
		pk_out_str(col(r), NULL);
		return;
	}
	for (i = 0; ifp->operstate[i] != '\0' && i + 1 < sizeof(buf); i++)
		buf[i] = (char)toupper((unsigned char)ifp->operstate[i]);
	buf[i] = '\0';
	pk_out_str(col(r), buf);
}

static void
put_mtu(struct rec *r, const struct pk_netif *ifp)
{
	pk_out_u64(col(r), (uint64_t)ifp->mtu);
}

static void
put_txqlen(struct rec *r, const struct pk_netif *ifp)
{
	opt_u64(col(r), ifp->has & PK_NETIF_HAS_TXQLEN, (uint64_t)ifp->txqlen);
}

static void
put_link_type(struct rec *r, const struct pk_netif *ifp)
{
	char buf[32];

	pk_out_str(col(r), link_type(ifp->hwtype, buf, sizeof(buf)));
}

static void
put_address(struct rec *r, const struct pk_netif *ifp)
{
	const uint8_t *h = ifp->hwaddr;
	char buf[32];

	if (ifp->hwtype != PK_ARPHRD_ETHER &&
	    ifp->hwtype != PK_ARPHRD_LOOPBACK) {
		pk_out_null(col(r));
		return;
	}
	snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x",
	    h[0], h[1], h[2], h[3], h[4], h[5]);
	pk_out_str(col(r), buf);
}

/* Comma-joined "addr/prefixlen" of one name: ipv4. */
static void
put_ipv4(struct rec *r, const struct pk_netif *ifp)
{
	const struct pk_inet4_addr *const *v;
	static char list[8192];
	char a[64], item[80];
	size_t i, n;

	list[0] = '\0';
	n = pk_net_addrs_in4(&r->w->addrs, ifp->name, &v);
	for (i = 0; i < n; i++) {
		snprintf(item, sizeof(item), "%s%s/%u", list[0] ? "," : "",
		    pk_net_ntoa4(v[i]->local, a), v[i]->prefixlen);
		strlcat(list, item, sizeof(list));
	}
	if (!r->w->addrs.have_in4 && (ifp->has & PK_NETIF_HAS_IP))
		snprintf(list, sizeof(list), "%s/%u", pk_net_ntoa4(ifp->addr, a),
		    pk_net_mask_prefix(ifp->netmask));
	pk_out_str(col(r), list[0] ? list : NULL);
}

/* The same for if_inet6: ipv6. */
static void
put_ipv6(struct rec *r, const struct pk_netif *ifp)
{
	const struct pk_inet6_entry *const *v;
	static char list[8192];
	char a[64], item[80];
	size_t i, n;

	list[0] = '\0';
	n = pk_net_addrs_in6(&r->w->addrs, ifp->name, &v);
	for (i = 0; i < n; i++) {
		pk_net_ntop6(v[i]->addr, a, sizeof(a));
		snprintf(item, sizeof(item), "%s%s/%u", list[0] ? "," : "", a,
		    v[i]->prefixlen);
		strlcat(list, item, sizeof(list));
	}
	pk_out_str(col(r), list[0] ? list : NULL);
}

static void
put_speed_mbps(struct rec *r, const struct pk_netif *ifp)
{
	opt_u64(col(r), ifp->has & PK_NETIF_HAS_SPEED, ifp->speed_mbps);
}

static void
put_duplex(struct rec *r, const struct pk_netif *ifp)
{
	pk_out_str(col(r), !(ifp->has & PK_NETIF_HAS_DUPLEX) ? NULL :
	    ifp->duplex ? "full" : "half");
}

static void
put_nettools_flags(struct rec *r, const struct pk_netif *ifp)
{
	char buf[256];

	flags_join(ifp->flags & 0xffff, buf, sizeof(buf));
	pk_out_str(col(r), buf);
}

/* tsv and json: link_head, the IFC_FLAT counters, link_tail, IFC_TAIL. */
static const struct link_field link_head[] = {
	{ { "ifname", PK_OUT_STR, PK_OUT_LABEL, NULL, "Interface name" },
	    put_ifname },
	{ { "ifindex", PK_OUT_U64, PK_OUT_INFO, NULL, "Interface index" },
	    put_ifindex },
	{ { "flags", PK_OUT_STR, PK_OUT_INFO, NULL, "Interface flags" }, put_flags },
	{ { "operstate", PK_OUT_STR, PK_OUT_INFO, NULL,
	    "RFC 2863 operational state" }, put_operstate },
	{ { "mtu", PK_OUT_U64, PK_OUT_GAUGE, NULL, "MTU" }, put_mtu },
	{ { "txqlen", PK_OUT_U64, PK_OUT_GAUGE, NULL, "Transmit queue length" },
	    put_txqlen },
	{ { "link_type", PK_OUT_STR, PK_OUT_INFO, NULL, "Link type" },
	    put_link_type },
	{ { "address", PK_OUT_STR, PK_OUT_INFO, NULL, "Hardware address" },
	    put_address },
	{ { "ipv4", PK_OUT_STR, PK_OUT_INFO, NULL, "IPv4 addresses" }, put_ipv4 },
	{ { "ipv6", PK_OUT_STR, PK_OUT_INFO, NULL, "IPv6 addresses" }, put_ipv6 },
};
static const struct link_field link_tail[] = {
	{ { "speed_mbps", PK_OUT_U64, PK_OUT_GAUGE, NULL, NULL }, put_speed_mbps },
	{ { "duplex", PK_OUT_STR, PK_OUT_INFO, NULL, NULL }, put_duplex },
	{ { "nettools_flags", PK_OUT_STR, PK_OUT_INFO, NULL,
	    "net-tools flag names" }, put_nettools_flags },
};
#define NHEAD	(sizeof(link_head) / sizeof(link_head[0]))
#define NTAIL	(sizeof(link_tail) / sizeof(link_tail[0]))

static void
put_prom_up(struct rec *r, const struct pk_netif *ifp)
{
	pk_out_u64(col(r), (ifp->flags & PK_IFF_UP) != 0);
}

static void
put_prom_running(struct rec *r, const struct pk_netif *ifp)
{
	pk_out_u64(col(r), (ifp->flags & PK_IFF_RUNNING) != 0);
}

static void
put_prom_speed(struct rec *r, const struct pk_netif *ifp)
{
	opt_u64(col(r), ifp->has & PK_NETIF_HAS_SPEED,
	    ifp->speed_mbps * 125000);	/* Mbit/s to bytes/s */
}

/* prom: the ifname label, the counters with a family, then these. */
static const struct link_field prom_tail[] = {
	{ { "mtu", PK_OUT_U64, PK_OUT_GAUGE, "bytes", "MTU" }, put_mtu },
	{ { "up", PK_OUT_U64, PK_OUT_GAUGE, NULL, "1 when the interface is UP" },
	    put_prom_up },
	{ { "running", PK_OUT_U64, PK_OUT_GAUGE, NULL,
	    "1 when the interface is RUNNING" }, put_prom_running },
	{ { "speed", PK_OUT_U64, PK_OUT_GAUGE, "bytes",
	    "Link speed in bytes per second, as node_exporter" },
	    put_prom_speed },
};
#define NPROMTAIL	(sizeof(prom_tail) / sizeof(prom_tail[0]))
#define NCOUNTERS	(sizeof(ifc_counters) / sizeof(ifc_counters[0]))
#define MAXCOLS		(NHEAD + NTAIL + NPROMTAIL + NCOUNTERS)

/* The tsv (and json) columns, or the prom ones: returns how many. */
static size_t
make_cols(struct pk_out_col *cols, int prom)
{
	const struct ifc_counter *c;
	size_t i, n = 0;

	if (prom) {
		cols[n++] = link_head[0].col;	/* ifname, a label */
		for (i = 0; i < ifc_ncounters; i++) {
			c = &ifc_counters[i];
			if (c->prom != NULL)
				cols[n++] = (struct pk_out_col){ c->prom, PK_OUT_U64,
				    PK_OUT_COUNTER, c->unit, c->help };
		}
		for (i = 0; i < NPROMTAIL; i++)
			cols[n++] = prom_tail[i].col;
		return n;
	}
	for (i = 0; i < NHEAD; i++)
		cols[n++] = link_head[i].col;
	for (i = 0; i < ifc_ncounters; i++)
		if (ifc_counters[i].where == IFC_FLAT)
			cols[n++] = (struct pk_out_col){ ifc_counters[i].key,
			    PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL };
	for (i = 0; i < NTAIL; i++)
		cols[n++] = link_tail[i].col;
	for (i = 0; i < ifc_ncounters; i++)
		if (ifc_counters[i].where == IFC_TAIL)
			cols[n++] = (struct pk_out_col){ ifc_counters[i].key,
			    PK_OUT_U64, PK_OUT_COUNTER, NULL, NULL };
	return n;
}

/* The record's columns in make_cols' order; json stops before IFC_TAIL. */
static void
put_flat(struct rec *r, const struct pk_netif *ifp)
{
	size_t i;

	for (i = 0; i < NHEAD; i++)
		link_head[i].put(r, ifp);
	for (i = 0; i < ifc_ncounters; i++)
		if (ifc_counters[i].where == IFC_FLAT)
			put_counter(col(r), &ifc_counters[i], ifp);
	for (i = 0; i < NTAIL; i++)
		link_tail[i].put(r, ifp);
	if (r->nested)
		return;		/* stats64 nests them, as ip does */
	for (i = 0; i < ifc_ncounters; i++)
		if (ifc_counters[i].where == IFC_TAIL)
			put_counter(col(r), &ifc_counters[i], ifp);
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

static void
json_addr4(struct pk_out *out, const struct pk_inet4_addr *e4)
{
	char a[64];

	pk_out_obj_begin(out);
	pk_out_key(out, "family");
	pk_out_str(out, "inet");
	pk_out_key(out, "local");
	pk_out_str(out, pk_net_ntoa4(e4->local, a));
	if (e4->has & PK_INET4_HAS_PEER) {
		pk_out_key(out, "address");
		pk_out_str(out, pk_net_ntoa4(e4->peer, a));
	}
	pk_out_key(out, "prefixlen");
	pk_out_u64(out, e4->prefixlen);
	if (e4->has & PK_INET4_HAS_BRD) {
		pk_out_key(out, "broadcast");
		pk_out_str(out, pk_net_ntoa4(e4->brd, a));
	}
	pk_out_key(out, "scope");
	json_scope4(out, e4->scope);
	pk_out_key(out, "secondary");
	pk_out_bool(out, e4->flags & PK_IFA_F_SECONDARY);
	pk_out_key(out, "label");
	pk_out_str(out, e4->label);
	pk_out_obj_end(out);
}

/* addr_info: every address of the name, like `ip -j addr`. */
static void
json_addrs(struct pk_out *out, const struct pk_netif *ifp, const struct world *w)
{
	const struct pk_inet4_addr *const *v4;
	const struct pk_inet6_entry *const *v6;
	char a[64];
	size_t i, n;

	pk_out_key(out, "addr_info");
	pk_out_arr_begin(out);
	n = pk_net_addrs_in4(&w->addrs, ifp->name, &v4);
	for (i = 0; i < n; i++)
		json_addr4(out, v4[i]);
	n = pk_net_addrs_in6(&w->addrs, ifp->name, &v6);
	for (i = 0; i < n; i++) {
		pk_out_obj_begin(out);
		pk_out_key(out, "family");
		pk_out_str(out, "inet6");
		pk_out_key(out, "local");
		pk_net_ntop6(v6[i]->addr, a, sizeof(a));
		pk_out_str(out, a);
		pk_out_key(out, "prefixlen");
		pk_out_u64(out, v6[i]->prefixlen);
		pk_out_key(out, "scope");
		json_scope6(out, v6[i]->scope);
		pk_out_obj_end(out);
	}
	pk_out_arr_end(out);
}

/* One direction of stats64: its counters in struct pk_netif order. */
static void
json_stats_dir(struct pk_out *out, const struct pk_netif *ifp, const char *dir)
{
	const struct ifc_counter *c, *next;
	size_t i, last = 0;
	int first = 1;

	pk_out_key(out, dir);
	pk_out_obj_begin(out);
	for (;;) {
		next = NULL;
		for (i = 0; i < ifc_ncounters; i++) {
			c = &ifc_counters[i];
			if (strcmp(c->dir, dir) == 0 && (first ||
			    c->off > last) && (next == NULL ||
			    c->off < next->off))
				next = c;
		}
		if (next == NULL)
			break;
		pk_out_key(out, next->s64);
		put_counter(out, next, ifp);
		last = next->off;
		first = 0;
	}
	pk_out_obj_end(out);
}

/* stats64: the 16 columns of /proc/net/dev under their own names. */
static void
json_stats(struct pk_out *out, const struct pk_netif *ifp)
{
	pk_out_key(out, "stats64");
	if (!(ifp->has & PK_NETIF_HAS_STATS)) {
		pk_out_null(out);
		return;
	}
	pk_out_obj_begin(out);
	json_stats_dir(out, ifp, "rx");
	json_stats_dir(out, ifp, "tx");
	pk_out_obj_end(out);
}

/*
 * One JSON object: the tsv columns under the same keys (DESIGN.md), then
 * addr_info and stats64 shaped like `ip -j addr` and `ip -j -s link`.
 */
static void
record(struct rec *r, const struct pk_netif *ifp, int fmt)
{
	size_t i;

	r->col = 0;
	if (fmt == PK_OUT_PROM) {
		pk_out_record_begin(r->out);
		put_ifname(r, ifp);
		for (i = 0; i < ifc_ncounters; i++)
			if (ifc_counters[i].prom != NULL)
				put_counter(col(r), &ifc_counters[i], ifp);
		for (i = 0; i < NPROMTAIL; i++)
			prom_tail[i].put(r, ifp);
	} else if (fmt == PK_OUT_JSON) {
		pk_out_nest_record_begin(r->out, ifp->name);
		put_flat(r, ifp);
		json_addrs(r->out, ifp, r->w);
		json_stats(r->out, ifp);
	} else {
		pk_out_record_begin(r->out);
		put_flat(r, ifp);
	}
	pk_out_record_end(r->out);
}

void
render_report(FILE *fp, const struct world *w, const struct opts *o)
{
	struct pk_out_col cols[MAXCOLS];
	struct pk_out out;
	struct rec r = { &out, o->fmt == PK_OUT_JSON, cols, 0, w };
	size_t i, ncols;
	int rc;

	ncols = make_cols(cols, o->fmt == PK_OUT_PROM);
	if (o->fmt == PK_OUT_JSON)
		rc = pk_out_nest_begin(&out, fp, PK_OUT_JSON, o->outflags, "ifconfig",
		    "ifname");
	else
		rc = pk_out_begin(&out, fp, (enum pk_out_fmt)o->fmt, o->outflags,
		    "ifconfig", cols, ncols);
	if (rc != PK_OK)
		errx(1, "out of memory");
	pk_out_sample_begin(&out, pk_time_now());
	for (i = 0; i < w->nifs; i++)
		if (shown(&w->ifs[i], o))
			record(&r, &w->ifs[i], o->fmt);
	if (pk_out_end(&out) != PK_OK)
		errx(1, "out of memory");
}
