/*
 * ifconfig: network interfaces, byte-compatible with the display side of
 * net-tools 2.10 ifconfig (reference/ifconfig.md §1), plus every IPv4
 * address (-A), psutil's ifconfig.py layout (-P) and tsv/json/prom.
 *
 * Options are parsed the way net-tools does (one word at a time, no
 * grouping), so its messages for unknown options come out the same.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vis.h>

#include "pskit.h"
#include "pskit/out.h"
#include "pskit/fmt.h"
#include "ifconfig.h"
#include "shell.h"

static const char usage_text[] =
"Usage:\n"
"  ifconfig [-a] [-v] [-s] [-A] [-P] [-o FMT] [<interface>]\n"
"\n"
"  -a                  display all interfaces, even those that are down\n"
"  -s                  display a short list (like netstat -i)\n"
"  -v                  be more verbose (no effect on the display)\n"
"  -A, --all-addresses show every IPv4 address, secondaries included\n"
"  -P, --psutil        psutil's ifconfig.py layout, with speed, duplex,\n"
"                      operstate and carrier\n"
"  -o, --output FMT    output format: text, tsv, json or prom\n"
"      --tsv           same as --output=tsv\n"
"      --json          same as --output=json\n"
"      --no-header     leave out the tsv header row\n"
"  -w, --outfile FILE  write to FILE atomically (temporary file, rename)\n"
"      --procfs DIR    read DIR instead of /proc\n"
"      --sysfs DIR     read DIR instead of /sys\n"
"  -h, --help          display this help and exit\n"
"  -V, --version       output version information and exit\n"
"\n"
"Setting addresses and flags is not supported; use ip(8).\n";

/* net-tools' flag names, in its order, and the -s letters. */
static const struct {
	int		 bit;
	const char	*name;
} flag_names[] = {
	{ 0x1, "UP" }, { 0x2, "BROADCAST" }, { 0x4, "DEBUG" },
	{ 0x8, "LOOPBACK" }, { 0x10, "POINTOPOINT" }, { 0x20, "NOTRAILERS" },
	{ 0x40, "RUNNING" }, { 0x80, "NOARP" }, { 0x100, "PROMISC" },
	{ 0x200, "ALLMULTI" }, { 0x800, "SLAVE" }, { 0x400, "MASTER" },
	{ 0x1000, "MULTICAST" }, { 0x8000, "DYNAMIC" },
};
static const struct {
	int	 bit;
	char	 letter;
} flag_letters[] = {
	{ 0x200, 'A' }, { 0x2, 'B' }, { 0x4, 'D' }, { 0x8, 'L' },
	{ 0x1000, 'M' }, { 0x8000, 'd' }, { 0x100, 'P' }, { 0x20, 'N' },
	{ 0x80, 'O' }, { 0x10, 'P' }, { 0x800, 's' }, { 0x400, 'm' },
	{ 0x40, 'R' }, { 0x1, 'U' },
};

static void __attribute__((noreturn))
bad_option(const char *arg)
{
	fprintf(stderr, "%s: option `%s' not recognised.\n", getprogname(),
	    arg);
	fprintf(stderr, "%s: `--help' gives usage information.\n",
	    getprogname());
	exit(1);
}

/* "--name=value", "--name value", "-o value", "-ovalue". */
static const char *
opt_value(char ***argvp, const char *lng, const char *shrt)
{
	char **argv = *argvp;
	size_t l = strlen(lng);

	if (strncmp(argv[0], lng, l) == 0 && argv[0][l] == '=')
		return argv[0] + l + 1;
	if (strcmp(argv[0], lng) != 0 && (shrt == NULL ||
	    strncmp(argv[0], shrt, 2) != 0))
		return NULL;
	if (shrt != NULL && strncmp(argv[0], shrt, 2) == 0 && argv[0][2])
		return argv[0] + 2;
	if (argv[1] == NULL) {
		fprintf(stderr, "%s: option `%s' requires an argument.\n",
		    getprogname(), argv[0]);
		exit(1);
	}
	(*argvp)++;
	return argv[1];
}

static void
set_format(struct opts *o, const char *s)
{
	if ((o->fmt = sh_format(s)) == -1)
		exit(1);
}

static int
is(const char *arg, const char *a, const char *b)
{
	return strcmp(arg, a) == 0 || (b != NULL && strcmp(arg, b) == 0);
}

static void
parse_opts(char **argv, struct opts *o)
{
	const char *v;

	memset(o, 0, sizeof(*o));
	for (argv++; *argv != NULL && argv[0][0] == '-'; argv++) {
		if (is(*argv, "-a", NULL))
			o->all = 1;
		else if (is(*argv, "-s", NULL))
			o->shortfmt = 1;
		else if (is(*argv, "-v", NULL))
			;	/* net-tools: affects only setting */
		else if (is(*argv, "-A", "--all-addresses"))
			o->alladdrs = 1;
		else if (is(*argv, "-P", "--psutil"))
			o->psutil = 1;
		else if (is(*argv, "-V", "--version") || is(*argv, "-version",
		    NULL))
			sh_version();
		else if (is(*argv, "-h", "--help") || is(*argv, "-?",
		    "-help")) {
			fputs(usage_text, stdout);
			exit(0);
		} else if (is(*argv, "--tsv", NULL))
			o->fmt = PK_OUT_TSV;
		else if (is(*argv, "--json", NULL))
			o->fmt = PK_OUT_JSON;
		else if (is(*argv, "--no-header", NULL))
			o->outflags |= PK_OUT_NOHEADER;
		else if ((v = opt_value(&argv, "--output", "-o")) != NULL)
			set_format(o, v);
		else if ((v = opt_value(&argv, "--outfile", "-w")) != NULL)
			o->outfile = v;
		else if ((v = opt_value(&argv, "--procfs", NULL)) != NULL)
			o->procfs = v;
		else if ((v = opt_value(&argv, "--sysfs", NULL)) != NULL)
			o->sysfs = v;
		else
			bad_option(*argv);
	}
	if (*argv != NULL && argv[1] != NULL) {
		fprintf(stderr, "%s: configuring interfaces is not "
		    "supported; use ip(8)\n", getprogname());
		exit(1);	/* ifconfig's one usage status (CONTRACT.md) */
	}
	o->name = *argv;
}

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

static int
cmp_in6(const void *a, const void *b)
{
	const struct pk_inet6_entry *x = *(const struct pk_inet6_entry *const *)a;
	const struct pk_inet6_entry *y = *(const struct pk_inet6_entry *const *)b;
	int c = strcmp(x->name, y->name);

	return c != 0 ? c : (x > y) - (x < y);
}

static int
cmp_in4(const void *a, const void *b)
{
	const struct pk_inet4_addr *x = *(const struct pk_inet4_addr *const *)a;
	const struct pk_inet4_addr *y = *(const struct pk_inet4_addr *const *)b;
	int c = strcmp(x->label, y->label);

	return c != 0 ? c : (x > y) - (x < y);
}

/* Index the address lists by name, keeping each name's own order. */
static void
index_world(struct world *w)
{
	size_t i;

	w->in6s = reallocarray(NULL, w->nin6 + 1, sizeof(*w->in6s));
	w->in4s = reallocarray(NULL, w->nin4 + 1, sizeof(*w->in4s));
	if (w->in6s == NULL || w->in4s == NULL)
		err(1, NULL);
	for (i = 0; i < w->nin6; i++)
		w->in6s[i] = &w->in6[i];
	for (i = 0; i < w->nin4; i++)
		w->in4s[i] = &w->in4[i];
	if (w->nin6 > 0)
		qsort(w->in6s, w->nin6, sizeof(*w->in6s), cmp_in6);
	if (w->nin4 > 0)
		qsort(w->in4s, w->nin4, sizeof(*w->in4s), cmp_in4);
}

size_t
first6(const struct world *w, const char *name)
{
	size_t lo = 0, hi = w->nin6, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(w->in6s[mid]->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
first4(const struct world *w, const char *name)
{
	size_t lo = 0, hi = w->nin4, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(w->in4s[mid]->label, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const char *
ntoa4(const uint8_t *a, char *buf)
{
	snprintf(buf, 16, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	return buf;
}

unsigned
mask_prefix(const uint8_t *m)
{
	unsigned i, n = 0;

	for (i = 0; i < 32; i++)
		if (m[i / 8] & (0x80 >> (i % 8)))
			n++;
	return n;
}

void
prefix_mask(unsigned plen, uint8_t *m, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++, plen = plen > 8 ? plen - 8 : 0)
		m[i] = plen >= 8 ? 0xff : (uint8_t)(0xff00 >> plen);
}

/* inet6 text as net-tools prints it (v4-mapped: the dotted tail). */
static const char *
ntoa6(const uint8_t *a, char *buf, size_t len)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0xff, 0xff };

	if (memcmp(a, mapped, 12) == 0)
		return ntoa4(a + 12, buf);
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

	fprintf(fp, "        inet %s  netmask %s", ntoa4(addr, a),
	    ntoa4(mask, b));
	if (flags & IFF_BROADCAST_)
		fprintf(fp, "  broadcast %s", ntoa4(brd, a));
	if (flags & IFF_P2P_)
		fprintf(fp, "  destination %s", ntoa4(dst, a));
	putc('\n', fp);
}

/* -A: the addresses of this label that SIOCGIFADDR did not show. */
static void
print_more_inet(FILE *fp, const struct pk_netif *ifp, const struct world *w)
{
	static const uint8_t zero[4];
	const struct pk_inet4_addr *a;
	uint8_t mask[4];
	size_t i;
	int first = 1;

	FOR_IN4(a, i, w, ifp->name) {
		if (first && (ifp->has & PK_NETIF_HAS_IP) &&
		    memcmp(a->local, ifp->addr, 4) == 0) {
			first = 0;
			continue;
		}
		prefix_mask(a->prefixlen, mask, 4);
		print_inet_line(fp, ifp->flags, a->local, mask,
		    (a->has & PK_INET4_HAS_BRD) ? a->brd : zero,
		    (a->has & PK_INET4_HAS_PEER) ? a->peer : zero);
	}
}

static void
print_inet6(FILE *fp, const struct pk_netif *ifp, const struct world *w)
{
	const struct pk_inet6_entry *e;
	char a[64], names[64];
	unsigned scope;
	size_t i;

	FOR_IN6(e, i, w, ifp->name) {
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
	case HW_ETHER:
		fprintf(fp, "        ether %02x:%02x:%02x:%02x:%02x:%02x",
		    h[0], h[1], h[2], h[3], h[4], h[5]);
		title = "Ethernet";
		break;
	case HW_LOOPBACK:
		fputs("        loop", fp);
		title = "Local Loopback";
		break;
	case HW_TUNNEL:		/* an address printer that prints "" */
		fputs("        tunnel ", fp);
		title = "IPIP Tunnel";
		break;
	case HW_SIT:		/* no address printer: no space */
		fputs("        sit", fp);
		title = "IPv6-in-IPv4";
		break;
	case HW_PPP:
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
	    o->all || (ifp->flags & IFF_UP_));
}

static void
render(FILE *fp, const struct world *w, const struct opts *o)
{
	size_t i;

	if (o->fmt != PK_OUT_TEXT) {
		render_report(fp, w, o);
		return;
	}
	if (o->psutil) {
		render_psutil(fp, w, o);
		return;
	}
	if (o->shortfmt)
		fputs("Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    "
		    "TX-OK TX-ERR TX-DRP TX-OVR Flg\n", fp);
	for (i = 0; i < w->nifs; i++) {
		if (!shown(&w->ifs[i], o))
			continue;
		if (o->shortfmt)
			print_short(fp, &w->ifs[i]);
		else
			print_long(fp, &w->ifs[i], w, o);
	}
}

/* net-tools' do_if_fetch() message. */
static void
fetch_error(struct pk_ctx *ctx, const char *name)
{
	char msg[256], nb[80];

	if (ctx->code == PK_ENOENT)
		strlcpy(msg, "Device not found", sizeof(msg));
	else
		pk_os_strerror(ctx->oserr, msg, sizeof(msg));
	fprintf(stderr, "%s: error fetching interface information: %s\n",
	    vname(name, nb, sizeof(nb)), msg);
}

/* net-tools' warning when /proc/net/dev cannot be read. */
static void
netdev_warning(struct pk_ctx *ctx, const struct pk_net *net)
{
	char msg[256];

	pk_os_strerror(net->dev_oserr, msg, sizeof(msg));
	fprintf(stderr, "Warning: cannot open %s/net/dev (%s). Limited "
	    "output.\n", ctx->procfs, msg);
}

/*
 * Collect: names, ioctls, if_inet6, and netlink addresses when asked.
 * Returns 1 when net-tools would exit 1 (a fetch failed).
 */
static int
collect_ifs(struct pk_ctx *ctx, struct pk_net *net, const struct opts *o,
    struct world *w)
{
	unsigned what = 0;
	size_t i;
	int rc;

	memset(w, 0, sizeof(*w));
	if (o->psutil || o->fmt != PK_OUT_TEXT)
		what = PK_NET_ETHTOOL;
	/* net-tools leaves out the inet6 lines when if_inet6 is unreadable;
	 * say why, and still report every interface. */
	if (pk_net_inet6(ctx, &w->in6, &w->nin6) != PK_OK) {
		if (ctx->code == PK_ENOMEM)
			errx(1, "%s", pk_strerror(ctx));
		warnx("%s", pk_strerror(ctx));
		/* no if_inet6 at all is a kernel without IPv6 */
		w->missing |= ctx->code != PK_ENOENT;
	}
	if (o->alladdrs || o->psutil || o->fmt != PK_OUT_TEXT) {
		if (pk_net_inet4(ctx, &w->in4, &w->nin4) == PK_OK)
			w->have_in4 = 1;
		else
			w->missing |= ctx->code != PK_ENOENT &&
			    ctx->code != PK_ENOTSUP;
	}
	if (o->psutil && pk_net_inet6_addrs(ctx, &w->a6, &w->na6) == PK_OK)
		w->have_a6 = 1;
	index_world(w);
	if (o->name != NULL) {
		if ((w->ifs = calloc(1, sizeof(*w->ifs))) == NULL)
			err(1, NULL);
		w->nifs = 1;
		if (pk_net_lookup(ctx, net, o->name, w->ifs) != PK_OK) {
			if (ctx->code == PK_ENOMEM)
				errx(1, "%s", pk_strerror(ctx));
			netdev_warning(ctx, net);
			return 1;	/* net-tools: nothing more */
		}
		if (pk_net_fetch(ctx, net, what, w->ifs) != PK_OK) {
			fetch_error(ctx, w->ifs->name);
			return 1;
		}
		return 0;
	}
	if (pk_net_names(ctx, net, &w->ifs, &w->nifs) != PK_OK)
		errx(1, "%s", pk_strerror(ctx));
	if (net->dev_oserr != 0) {
		netdev_warning(ctx, net);
		w->missing = 1;
	}
	for (i = 0; i < w->nifs; i++) {
		rc = pk_net_fetch(ctx, net, what, &w->ifs[i]);
		if (rc == PK_ENOENT)
			continue;	/* vanished during the scan */
		if (rc != PK_OK) {
			fetch_error(ctx, w->ifs[i].name);
			w->nifs = i;	/* net-tools stops here */
			return 1;
		}
	}
	return 0;
}

static int
collect(struct pk_ctx *ctx, struct pk_net *net, const struct opts *o,
    struct world *w)
{
	int status = collect_ifs(ctx, net, o, w);

	if (o->psutil || o->fmt != PK_OUT_TEXT)
		merge_links(ctx, w);
	/*
	 * Issue 18.7: a structured report or a file is read by programs:
	 * one without the counters (EMFILE, EACCES) must not pass for a
	 * complete one with a fresh timestamp.  net-tools' text keeps its
	 * "Limited output".
	 */
	if (w->missing && (o->fmt != PK_OUT_TEXT || o->outfile != NULL))
		return 1;	/* the warning above said which source */
	return status;
}

int
main(int argc, char **argv)
{
	struct sh_out so;
	struct pk_ctx ctx;
	struct pk_net net;
	struct world w;
	struct opts o;
	int status;

	(void)argc;
	parse_opts(argv, &o);
	sh_signals();
	if (pk_ctx_open(&ctx, o.procfs, o.sysfs) != PK_OK)
		errx(1, "%s", pk_strerror(&ctx));
	if (pk_net_open(&ctx, &net) != PK_OK)
		errx(1, "%s", pk_strerror(&ctx));
	status = collect(&ctx, &net, &o, &w);
	pk_net_close(&net);
	sh_open(&ctx, &so, o.outfile, SH_PUBLIC);
	if (w.missing && status)
		;	/* incomplete structured report: nothing */
	else if (!(status && o.name != NULL))
		render(so.fp, &w, &o);
	else if (o.fmt == PK_OUT_TEXT && o.shortfmt && !o.psutil)
		fputs("Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    "
		    "TX-OK TX-ERR TX-DRP TX-OVR Flg\n", so.fp);
	if (status != 0)
		sh_abort(&so);	/* keep the last good report */
	else
		sh_commit(&ctx, &so);
	free(w.ifs);
	free(w.in6);
	free(w.in4);
	free(w.in6s);
	free(w.in4s);
	free(w.a6);
	pk_ctx_close(&ctx);
	return sh_exit(status);
}
