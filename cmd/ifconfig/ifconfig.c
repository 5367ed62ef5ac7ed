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

/* The one renderer the options ask for; it only reads the report. */
static void
render(FILE *fp, const struct world *w, const struct opts *o)
{
	if (o->fmt != PK_OUT_TEXT)
		render_report(fp, w, o);
	else if (o->psutil)
		render_psutil(fp, w, o);
	else
		render_nettools(fp, w, o);
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
	struct pk_net_addrs *ad = &w->addrs;
	unsigned what = 0;
	size_t i;
	int rc;

	memset(w, 0, sizeof(*w));
	if (o->psutil || o->fmt != PK_OUT_TEXT)
		what = PK_NET_ETHTOOL;
	/* net-tools leaves out the inet6 lines when if_inet6 is unreadable;
	 * say why, and still report every interface. */
	if (pk_net_inet6(ctx, &ad->in6, &ad->nin6) != PK_OK) {
		if (ctx->code == PK_ENOMEM)
			errx(1, "%s", pk_strerror(ctx));
		warnx("%s", pk_strerror(ctx));
		/* no if_inet6 at all is a kernel without IPv6 */
		w->missing |= ctx->code != PK_ENOENT;
	}
	if (o->alladdrs || o->psutil || o->fmt != PK_OUT_TEXT) {
		if (pk_net_inet4(ctx, &ad->in4, &ad->nin4) == PK_OK)
			ad->have_in4 = 1;
		else
			w->missing |= ctx->code != PK_ENOENT &&
			    ctx->code != PK_ENOTSUP;
	}
	if (o->psutil && pk_net_inet6_addrs(ctx, &ad->a6, &ad->na6) == PK_OK)
		ad->have_a6 = 1;
	if (pk_net_addrs_index(ctx, ad) != PK_OK)
		errx(1, "%s", pk_strerror(ctx));
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

/*
 * ifindex, operstate and carrier from one RTM_GETLINK dump (the library
 * merges them); without the dump the report simply lacks them.
 */
static void
merge_links(struct pk_ctx *ctx, struct world *w)
{
	struct pk_net_link *l;
	size_t n;

	if (pk_net_links(ctx, &l, &n) == PK_OK)
		pk_net_links_merge(ctx, w->ifs, w->nifs, l, n);
	free(l);
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
		print_short_header(so.fp);
	if (status != 0)
		sh_abort(&so);	/* keep the last good report */
	else
		sh_commit(&ctx, &so);
	free(w.ifs);
	pk_net_addrs_free(&w.addrs);
	pk_ctx_close(&ctx);
	return sh_exit(status);
}
