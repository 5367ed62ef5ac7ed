/*
 * procinfo: everything about one or more processes, read in one shot.
 * Text is psutil 5.9.4 scripts/procinfo.py's layout with its bugs fixed
 * (see the man page); tsv is long format (pid field index value) and
 * json an array of objects with psutil as_dict() names and shapes.
 *
 * The numbers come from pk_proc_read(); this file reads the options and
 * PIDs and hands each report to text.c or the library's writers.
 */
#include <err.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pskit.h"
#include "pskit/out.h"
#include "pskit/fmt.h"
#include "shell.h"
#include "parts.h"

enum {
	OPT_HELP = 256, OPT_TSV, OPT_JSON, OPT_NOHEADER, OPT_OUTFILE,
	OPT_PROCFS, OPT_SYSFS, OPT_VERSION
};

static const struct option longopts[] = {
	{ "verbose",	no_argument,		NULL, 'v' },
	{ "all",	no_argument,		NULL, 'a' },
	{ "memtype",	required_argument,	NULL, 'm' },
	{ "output",	required_argument,	NULL, 'o' },
	{ "tsv",	no_argument,		NULL, OPT_TSV },
	{ "json",	no_argument,		NULL, OPT_JSON },
	{ "no-header",	no_argument,		NULL, OPT_NOHEADER },
	{ "outfile",	required_argument,	NULL, 'w' },
	{ "procfs",	required_argument,	NULL, OPT_PROCFS },
	{ "sysfs",	required_argument,	NULL, OPT_SYSFS },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 }
};

static const char usage_text[] =
"usage: %s [-av] [-m memtype] [-o fmt] [-w file] [--procfs dir] [pid ...]\n"
"\n"
"print information about processes (default: itself)\n"
"\n"
"options:\n"
"  -v, --verbose        print every row of every list\n"
"  -a, --all            include UNIX sockets in connections\n"
"  -m, --memtype TYPE   memory %% of rss, vms, uss, pss, swap, shared,\n"
"                       text or data (default rss)\n"
"  -o, --output FMT     text, tsv, json or prom\n"
"      --tsv            same as --output=tsv\n"
"      --json           same as --output=json\n"
"      --no-header      leave out the tsv header row\n"
"  -w, --outfile FILE   write to FILE atomically\n"
"      --procfs DIR     read DIR instead of /proc\n"
"      --sysfs DIR      read DIR instead of /sys\n"
"  -h, --help           show this help and exit\n"
"  -V, --version        show the version and exit\n";


/* What memory % is a percent of (psutil memory_percent(memtype)). */
static const char *const memtypes[] = {
	"rss", "vms", "uss", "pss", "swap", "shared", "text", "data", NULL
};

static void __attribute__((noreturn))
usage(FILE *fp)
{
	fprintf(fp, usage_text, getprogname());
	exit(fp == stderr ? 2 : 0);
}


static void
parse_opts(int argc, char **argv, struct opts *o)
{
	int c, i;

	memset(o, 0, sizeof(*o));
	o->memtype = "rss";
	o->fmt = PK_OUT_TEXT;
	while ((c = getopt_long(argc, argv, "avm:o:w:hV", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 'v': o->verbose = 1; break;
		case 'a': o->flags |= PK_PROC_UNIX; break;
		case 'm':
			for (i = 0; memtypes[i] != NULL; i++)
				if (strcmp(optarg, memtypes[i]) == 0)
					break;
			if (memtypes[i] == NULL) {
				warnx("invalid memory type: %s", optarg);
				usage(stderr);
			}
			o->memtype = memtypes[i];
			break;
		case 'o':
			if ((o->fmt = sh_format(optarg)) < 0)
				usage(stderr);
			break;
		case OPT_TSV: o->fmt = PK_OUT_TSV; break;
		case OPT_JSON: o->fmt = PK_OUT_JSON; break;
		case OPT_NOHEADER: o->outflags |= PK_OUT_NOHEADER; break;
		case 'w': o->outfile = optarg; break;
		case OPT_PROCFS: o->procfs = optarg; break;
		case OPT_SYSFS: o->sysfs = optarg; break;
		case 'h': usage(stdout);
		case 'V': sh_version();
		default: usage(stderr);
		}
	}
}

/* PIDs are checked before anything is read: a bad one is a usage error. */
static int64_t *
parse_pids(int argc, char **argv, size_t *n)
{
	const char *e;
	int64_t *v;
	int i;

	*n = argc > 0 ? (size_t)argc : 1;
	if ((v = calloc(*n, sizeof(*v))) == NULL)
		err(1, NULL);
	if (argc == 0)
		v[0] = pk_proc_self();
	for (i = 0; i < argc; i++) {
		v[i] = strtonum(argv[i], 0, LLONG_MAX, &e);
		if (e != NULL) {
			warnx("invalid pid: %s", argv[i]);
			usage(stderr);
		}
	}
	return v;
}

/* Report every pid to fp; the exit status (3 when one was missing). */
static int
report(struct pk_ctx *ctx, FILE *fp, const struct opts *o,
    const int64_t *pids, size_t n)
{
	struct pk_proc p;
	struct pk_out w;
	size_t i, shown = 0, ncols;
	int rc, status = 0;

	if (o->fmt == PK_OUT_PROM) {
		const struct pk_out_col *cols = pk_proc_prom_cols(&ncols);

		if (pk_out_begin(&w, fp, PK_OUT_PROM, 0, "procinfo", cols, ncols) !=
		    PK_OK)
			errx(1, "out of memory");
	} else if (o->fmt != PK_OUT_TEXT &&
	    pk_out_nest_begin(&w, fp, o->fmt, o->outflags, "procinfo", "pid") !=
	    PK_OK)
		errx(1, "unsupported output format");
	for (i = 0; i < n; i++) {
		rc = pk_proc_read(ctx, pids[i], o->flags, &p);
		if (rc == PK_ENOTSUP || rc == PK_ENOMEM)
			errx(1, "%s", pk_strerror(ctx));
		if (rc == PK_ENOENT && p.has == 0) {
			warnx("%lld: no such process", (long long)pids[i]);
			status = 3;
		} else if (rc == PK_EACCES && p.has == 0) {
			warnx("%lld: permission denied", (long long)pids[i]);
			status = 3;
		} else if (rc != PK_OK && p.has == 0) {
			warnx("%lld: %s", (long long)pids[i], pk_strerror(ctx));
			status = status ? status : 1;
		} else {
			if (o->fmt == PK_OUT_TEXT) {
				if (shown++ > 0)
					putc('\n', fp);
				render_text(fp, o, &p);
			} else if (o->fmt == PK_OUT_PROM)
				pk_proc_prom(&w, &p);
			else
				pk_proc_dict(&w, &p, o->memtype);
			if (p.vanished) {
				fflush(fp);
				warnx("%lld: no such process",
				    (long long)pids[i]);
				status = 3;
			}
		}
		pk_proc_free(&p);
	}
	if (o->fmt != PK_OUT_TEXT)
		pk_out_end(&w);
	return status;
}

int
main(int argc, char **argv)
{
	struct sh_out so;
	struct pk_ctx ctx;
	struct opts o;
	int64_t *pids;
	size_t n;
	int status;

	parse_opts(argc, argv, &o);
	sh_signals();
	pids = parse_pids(argc - optind, argv + optind, &n);
	if (pk_ctx_open(&ctx, o.procfs, o.sysfs) != PK_OK)
		errx(1, "%s", pk_strerror(&ctx));
	o.tty = o.outfile == NULL && o.fmt == PK_OUT_TEXT &&
	    isatty(STDOUT_FILENO);
	/* command lines, environments, cwd, open files: owner only */
	sh_open(&ctx, &so, o.outfile, SH_PRIVATE);
	status = report(&ctx, so.fp, &o, pids, n);
	if (status != 0)
		sh_abort(&so);	/* a missing process: keep the last report */
	else
		sh_commit(&ctx, &so);
	free(pids);
	pk_ctx_close(&ctx);
	return sh_exit(status);
}
