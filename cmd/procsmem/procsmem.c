/*
 * procsmem: USS, PSS, swap and RSS of every process, compatible with
 * smem 1.5 in text (views, options, widths, trailing spaces, sort order)
 * plus tsv, json and prom output (reference/procsmem.md).
 *
 * Numbers come from smaps_rollup (one read per process) or, with
 * --smaps and wherever a view needs per-mapping data, from smaps summed
 * per mapping exactly as smem does.  This file holds the options and
 * main(); each sample is collected (collect.c), grouped, sorted and
 * totalled (group.c), then rendered (render.c, records.c) from the
 * report read-only: parts.h draws the parts.
 */
#include <sys/stat.h>

#include <signal.h>
#include <time.h>

#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parts.h"
#include "views.h"

enum {
	OPT_PIE = 256, OPT_BAR, OPT_HELP, OPT_TSV, OPT_JSON, OPT_SMAPS,
	OPT_HUGETLB, OPT_OUTFILE, OPT_PROCFS, OPT_SYSFS, OPT_VERSION,
	OPT_CGROUP, OPT_PSUTIL, OPT_BY, OPT_INTERVAL, OPT_COUNT
};

static const struct option longopts[] = {
	{ "no-header",		no_argument,		NULL, 'H' },
	{ "columns",		required_argument,	NULL, 'c' },
	{ "totals",		no_argument,		NULL, 't' },
	{ "autosize",		no_argument,		NULL, 'a' },
	{ "realmem",		required_argument,	NULL, 'R' },
	{ "kernel",		required_argument,	NULL, 'K' },
	{ "mappings",		no_argument,		NULL, 'm' },
	{ "users",		no_argument,		NULL, 'u' },
	{ "system",		no_argument,		NULL, 'w' },
	{ "processfilter",	required_argument,	NULL, 'P' },
	{ "mapfilter",		required_argument,	NULL, 'M' },
	{ "userfilter",		required_argument,	NULL, 'U' },
	{ "numeric",		no_argument,		NULL, 'n' },
	{ "sort",		required_argument,	NULL, 's' },
	{ "reverse",		no_argument,		NULL, 'r' },
	{ "percent",		no_argument,		NULL, 'p' },
	{ "abbreviate",		no_argument,		NULL, 'k' },
	{ "pie",		required_argument,	NULL, OPT_PIE },
	{ "bar",		required_argument,	NULL, OPT_BAR },
	{ "source",		required_argument,	NULL, 'S' },
	{ "quiet",		no_argument,		NULL, 'q' },
	{ "smaps",		no_argument,		NULL, OPT_SMAPS },
	{ "hugetlb",		no_argument,		NULL, OPT_HUGETLB },
	{ "output",		required_argument,	NULL, 'o' },
	{ "tsv",		no_argument,		NULL, OPT_TSV },
	{ "json",		no_argument,		NULL, OPT_JSON },
	{ "outfile",		required_argument,	NULL, OPT_OUTFILE },
	{ "procfs",		required_argument,	NULL, OPT_PROCFS },
	{ "sysfs",		required_argument,	NULL, OPT_SYSFS },
	{ "cgroup",		optional_argument,	NULL, OPT_CGROUP },
	{ "psutil",		no_argument,		NULL, OPT_PSUTIL },
	{ "by",			required_argument,	NULL, OPT_BY },
	{ "interval",		required_argument,	NULL, OPT_INTERVAL },
	{ "count",		required_argument,	NULL, OPT_COUNT },
	{ "help",		no_argument,		NULL, 'h' },
	{ "version",		no_argument,		NULL, 'V' },
	{ NULL,			0,			NULL, 0 }
};

static const char usage_text[] =
"Usage: %s [options]\n"
"\n"
"Options:\n"
"  -h, --help            show this help message and exit\n"
"  -H, --no-header       disable header line\n"
"  -c COLUMNS, --columns=COLUMNS\n"
"                        columns to show\n"
"  -t, --totals          show totals\n"
"  -a, --autosize        size columns to fit terminal size\n"
"  -R REALMEM, --realmem=REALMEM\n"
"                        amount of physical RAM\n"
"  -K KERNEL, --kernel=KERNEL\n"
"                        path to kernel image\n"
"  -m, --mappings        show mappings\n"
"  -u, --users           show users\n"
"  -w, --system          show whole system\n"
"  -P PROCESSFILTER, --processfilter=PROCESSFILTER\n"
"                        process filter regex\n"
"  -M MAPFILTER, --mapfilter=MAPFILTER\n"
"                        map filter regex\n"
"  -U USERFILTER, --userfilter=USERFILTER\n"
"                        user filter regex\n"
"  -n, --numeric         numeric output\n"
"  -s SORT, --sort=SORT  field to sort on\n"
"  -r, --reverse         reverse sort\n"
"  -p, --percent         show percentage\n"
"  -k, --abbreviate      show unit suffixes\n"
"  --pie=PIE             show pie graph (SVG)\n"
"  --bar=BAR             show bar graph (SVG)\n"
"  -S SOURCE, --source=SOURCE\n"
"                        /proc data source (a root directory)\n"
"  -q, --quiet           do not count unreadable processes on stderr\n"
"      --smaps           sum smaps per mapping exactly as smem does\n"
"      --hugetlb         count Private_Hugetlb in USS (as psutil)\n"
"  -o FMT, --output=FMT  output format: text, tsv, json or prom\n"
"      --tsv             same as --output=tsv\n"
"      --json            same as --output=json\n"
"      --outfile=FILE    write to FILE atomically\n"
"      --procfs=DIR      read DIR instead of /proc\n"
"      --sysfs=DIR       read DIR instead of /sys\n"
"      --cgroup[=PATH]   only processes in this process's memory cgroup\n"
"                        (or PATH) and below, with its memory.current\n"
"      --psutil          psutil's scripts/procsmem.py report\n"
"      --by=KEY          sum per program, user, cgroup, unit or container\n"
"      --interval=SECS   a sample every SECS seconds\n"
"      --count=N         stop after N samples (with --interval)\n"
"  -V, --version         output version information and exit\n";

static void __attribute__((noreturn))
usage(FILE *fp)
{
	fprintf(fp, usage_text, getprogname());
	exit(fp == stderr ? 2 : 0);
}

/* -R SIZE in kB, or smem's message and status. */
static double
parse_realmem(const char *s)
{
	double kb;

	if (pk_smem_size_kb(s, &kb) == PK_OK)
		return kb;
	fprintf(stderr, "Memory size should be written with units, "
	    "for example 1024M\n");
	exit(255);
}

static void
set_regex(struct pk_re **re, const char **dst, const char *src)
{
	char msg[256];

	pk_re_free(*re);
	*re = NULL;
	*dst = NULL;
	/* smem: an empty pattern is no filter */
	if (*src == '\0')
		return;
	if (pk_re_comp(re, src, msg, sizeof(msg)) != PK_OK)
		errx(2, "%s: %s", src, msg);
	*dst = src;
}

static int
parse_by(const char *s)
{
	int i;

	for (i = BY_PROGRAM; i <= BY_CONTAINER; i++)
		if (strcmp(s, by_names[i]) == 0)
			return i;
	errx(2, "--by: unknown key '%s' (program, user, cgroup, unit, "
	    "container)", s);
}

static double
parse_secs(const char *s)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || !(d > 0) || d > 1e6)
		errx(2, "--interval: '%s' is not a number of seconds > 0", s);
	return d;
}

static long
parse_count(const char *s)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || n < 1)
		errx(2, "--count: '%s' is not a number > 0", s);
	return n;
}

static void
parse_opts(int argc, char **argv, struct opts *o)
{
	int c, m = 0, u = 0, w = 0;

	memset(o, 0, sizeof(*o));
	while ((c = getopt_long(argc, argv, "hHc:taR:K:muwP:M:U:ns:rpkS:qo:V",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'H': o->noheader = 1; break;
		case 'c': o->columns = optarg; break;
		case 't': o->totals = 1; break;
		case 'a': o->autosize = 1; break;
		case 'R': o->realmem = optarg; break;
		case 'K': o->kernel = optarg; break;
		case 'm': m = 1; break;
		case 'u': u = 1; break;
		case 'w': w = 1; break;
		case 'P': set_regex(&o->pre, &o->pfilter, optarg); break;
		case 'M': set_regex(&o->mre, &o->mfilter, optarg); break;
		case 'U': set_regex(&o->ure, &o->ufilter, optarg); break;
		case 'n': o->numeric = 1; break;
		case 's': o->sort = optarg; break;
		case 'r': o->reverse = 1; break;
		case 'p': o->percent = 1; break;
		case 'k': o->abbrev = 1; break;
		/* smem: an empty FIELD is no chart */
		case OPT_PIE: o->pie = *optarg ? optarg : NULL; break;
		case OPT_BAR: o->bar = *optarg ? optarg : NULL; break;
		case OPT_PSUTIL: o->psutil = 1; break;
		case OPT_BY: o->by = parse_by(optarg); break;
		case OPT_INTERVAL: o->interval = parse_secs(optarg); break;
		case OPT_COUNT: o->count = parse_count(optarg); break;
		case 'S': o->source = optarg; break;
		case 'q': o->quiet = 1; break;
		case OPT_SMAPS: o->exact = 1; break;
		case OPT_HUGETLB: o->hugetlb = 1; break;
		case 'o':
			if ((o->fmt = sh_format(optarg)) == -1)
				usage(stderr);
			break;
		case OPT_TSV: o->fmt = PK_OUT_TSV; break;
		case OPT_JSON: o->fmt = PK_OUT_JSON; break;
		case OPT_OUTFILE: o->outfile = optarg; break;
		case OPT_PROCFS: o->procfs = optarg; break;
		case OPT_SYSFS: o->sysfs = optarg; break;
		case OPT_CGROUP:
			o->cgroup = o->totals = 1;
			o->cgroup_path = optarg;
			break;
		case 'V': sh_version();
		case 'h': usage(stdout);
		default: usage(stderr);
		}
	}
	if (optind != argc)
		usage(stderr);
	if ((o->pie != NULL || o->bar != NULL) && o->fmt != PK_OUT_TEXT)
		errx(2, "--pie and --bar write SVG: no -o");
	/* smem tests these as Python strings: empty means not given */
	if (o->sort != NULL && *o->sort == '\0')
		o->sort = NULL;
	if (o->realmem != NULL && *o->realmem == '\0')
		o->realmem = NULL;
	if (o->kernel != NULL && *o->kernel == '\0')
		o->kernel = NULL;
	/* smem's precedence: -m, then -u, then -w */
	o->view = m ? V_MAP : u ? V_USER : w ? V_SYS : V_PROC;
	if (o->by != BY_NONE && (m || w || (u && o->by != BY_USER)))
		errx(2, "--by does not combine with -m, -u or -w");
	if (o->by == BY_USER)
		o->view = V_USER;
	else if (o->by != BY_NONE)
		o->view = V_GROUP;
	if (o->count > 0 && o->interval == 0)
		errx(2, "--count needs --interval");
	if (o->interval > 0 && (o->psutil || o->pie != NULL || o->bar != NULL))
		errx(2, "--interval does not combine with --psutil, --pie or "
		    "--bar");
	if (o->realmem != NULL)
		o->realmem_kb = parse_realmem(o->realmem);
}

/* -S DIR: smem reads DIR/proc; a tar capture is not supported. */
static const char *
source_procfs(const struct opts *o, char *buf, size_t len)
{
	struct stat sb;

	if (o->source == NULL)
		return o->procfs;
	if (stat(o->source, &sb) == 0 && !S_ISDIR(sb.st_mode))
		errx(1, "%s: tar captures are not supported; "
		    "give a directory holding proc/", o->source);
	snprintf(buf, len, "%s/proc", o->source);
	return buf;
}

/* Does this view need smaps per mapping rather than the rollup? */
static int
need_exact(const struct opts *o, const struct field *sort,
    const struct field **cols, size_t nc)
{
	if (o->exact || o->mfilter != NULL || o->view == V_MAP)
		return 1;
	if (o->fmt != PK_OUT_TEXT)
		return 0;
	if (o->view == V_PROC && (sort->id == F_MAPS ||
	    cols_have(cols, nc, F_MAPS)))
		return 1;
	return sort->id == F_VSS || cols_have(cols, nc, F_VSS);
}

/* smem appends --pie's and --bar's FIELD to the columns. */
static const char *
chart_columns(const struct opts *o, const char *spec, char *buf,
    size_t len)
{
	if (o->pie == NULL && o->bar == NULL)
		return spec;
	if (snprintf(buf, len, "%s %s %s", spec, o->pie ? o->pie : "",
	    o->bar ? o->bar : "") >= (int)len)
		errx(2, "--columns: too long");
	return buf;
}

/* Sleep the interval, but wake for a signal. */
static void
pause_secs(double secs)
{
	struct timespec ts;

	ts.tv_sec = (time_t)secs;
	ts.tv_nsec = (long)((secs - (double)ts.tv_sec) * 1e9);
	while (!sh_signal && nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* What every sample shares: the options, the table, the columns. */
struct run {
	struct opts		*o;
	const struct field	*fields, *sort, **cols;
	size_t			 nc;
	int			 exact;
	struct field		 group[GROUP_NFIELDS];	/* --by's table */
	struct stream		 stream;
};

/* Samples until --count, a signal or, without --interval, the first. */
static int
run_samples(struct pk_ctx *ctx, struct run *u)
{
	struct report r;
	long n = 0;
	int status = 0;

	for (;;) {
		collect(ctx, u->o, u->fields, u->exact, &r);
		group_finish(&r, u->sort, u->cols, u->nc);
		output(ctx, &u->stream, &r, u->sort, u->cols, u->nc, n == 0);
		if (r.denied > 0 && !u->o->quiet)
			warnx("%lld process%s could not be read (permission "
			    "denied)", (long long)r.denied,
			    r.denied == 1 ? "" : "es");
		if (r.n == 0 && r.denied > 0)
			r.status = 1;
		status |= r.status;
		report_free(&r);
		if (fflush(stdout) != 0 || ferror(stdout))
			errx(1, "write error");
		if (u->o->interval == 0 || ++n == u->o->count || sh_signal)
			break;
		pause_secs(u->o->interval);
		if (sh_signal)
			break;
	}
	output_end(&u->stream);
	return status;
}

int
main(int argc, char **argv)
{
	static const char *const defcols[] = {
		"pid user command swap uss pss rss",
		"user count swap uss pss rss", "map pids avgpss pss",
		"area used cache noncache", NULL };
	const char *def = defcols[0];
	struct run u;
	struct pk_ctx ctx;
	struct opts o;
	char root[4096], spec[4096], gcols[128];
	int status;

	parse_opts(argc, argv, &o);
	sh_signals();
	if (o.psutil)
		return psutil_main(source_procfs(&o, root, sizeof(root)),
		    o.sysfs, o.outfile, o.fmt, o.quiet);
	memset(&u, 0, sizeof(u));
	u.o = &o;
	if (o.view == V_GROUP) {
		snprintf(gcols, sizeof(gcols), "%s count swap uss pss rss%s",
		    by_names[o.by], o.by == BY_CGROUP ? " charged" : "");
		def = gcols;
	} else
		def = defcols[o.view];
	u.fields = view_fields(&o, u.group);
	u.sort = find_field(u.fields, o.sort ? o.sort :
	    o.view == V_SYS ? "order" : "pss");
	if (u.sort == NULL)
		showfields(u.fields, "unknown field ", o.sort);
	u.nc = parse_columns(u.fields, chart_columns(&o, o.columns &&
	    *o.columns ? o.columns : def, spec, sizeof(spec)), &u.cols);
	u.exact = need_exact(&o, u.sort, u.cols, u.nc);
	if (pk_ctx_open(&ctx, source_procfs(&o, root, sizeof(root)),
	    o.sysfs) != PK_OK)
		errx(1, "%s", pk_strerror(&ctx));
	status = run_samples(&ctx, &u);
	pk_ctx_close(&ctx);
	pk_re_free(o.pre);
	pk_re_free(o.mre);
	pk_re_free(o.ure);
	free(u.cols);
	return sh_exit(status);
}
