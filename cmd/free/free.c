/*
 * free: amount of free and used memory, byte-compatible with procps-ng
 * 4.0.2 free(1) in text, plus tsv, json and prom output.
 *
 * The numbers come from pk_mem_read(); this file only picks rows, scales
 * kB for display the way procps does (scale_kb) and renders.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pskit.h"
#include "pskit/out.h"
#include "psutil.h"
#include "shell.h"

#define F_HUMAN		0x001
#define F_LOHI		0x002
#define F_WIDE		0x004
#define F_TOTAL		0x008
#define F_SI		0x010
#define F_REPEAT	0x020
#define F_COUNT		0x040
#define F_COMMITTED	0x080

enum {
	OPT_SI = 256, OPT_KILO, OPT_MEGA, OPT_GIGA, OPT_TERA, OPT_PETA,
	OPT_TEBI, OPT_PEBI, OPT_HELP, OPT_TSV, OPT_JSON, OPT_NOHEADER,
	OPT_OUTFILE, OPT_PROCFS, OPT_SYSFS, OPT_CGROUP, OPT_PSUTIL
};

static const struct option longopts[] = {
	{ "bytes",	no_argument,		NULL, 'b' },
	{ "kilo",	no_argument,		NULL, OPT_KILO },
	{ "mega",	no_argument,		NULL, OPT_MEGA },
	{ "giga",	no_argument,		NULL, OPT_GIGA },
	{ "tera",	no_argument,		NULL, OPT_TERA },
	{ "peta",	no_argument,		NULL, OPT_PETA },
	{ "kibi",	no_argument,		NULL, 'k' },
	{ "mebi",	no_argument,		NULL, 'm' },
	{ "gibi",	no_argument,		NULL, 'g' },
	{ "tebi",	no_argument,		NULL, OPT_TEBI },
	{ "pebi",	no_argument,		NULL, OPT_PEBI },
	{ "human",	no_argument,		NULL, 'h' },
	{ "si",		no_argument,		NULL, OPT_SI },
	{ "lohi",	no_argument,		NULL, 'l' },
	{ "total",	no_argument,		NULL, 't' },
	{ "committed",	no_argument,		NULL, 'v' },
	{ "seconds",	required_argument,	NULL, 's' },
	{ "count",	required_argument,	NULL, 'c' },
	{ "wide",	no_argument,		NULL, 'w' },
	{ "help",	no_argument,		NULL, OPT_HELP },
	{ "version",	no_argument,		NULL, 'V' },
	{ "output",	required_argument,	NULL, 'o' },
	{ "tsv",	no_argument,		NULL, OPT_TSV },
	{ "json",	no_argument,		NULL, OPT_JSON },
	{ "no-header",	no_argument,		NULL, OPT_NOHEADER },
	{ "outfile",	required_argument,	NULL, OPT_OUTFILE },
	{ "procfs",	required_argument,	NULL, OPT_PROCFS },
	{ "sysfs",	required_argument,	NULL, OPT_SYSFS },
	{ "cgroup",	optional_argument,	NULL, OPT_CGROUP },
	{ "psutil",	no_argument,		NULL, OPT_PSUTIL },
	{ NULL,		0,			NULL, 0 }
};

static const char usage_text[] =
"\n"
"Usage:\n"
" %s [options]\n"
"\n"
"Options:\n"
" -b, --bytes         show output in bytes\n"
"     --kilo          show output in kilobytes\n"
"     --mega          show output in megabytes\n"
"     --giga          show output in gigabytes\n"
"     --tera          show output in terabytes\n"
"     --peta          show output in petabytes\n"
" -k, --kibi          show output in kibibytes\n"
" -m, --mebi          show output in mebibytes\n"
" -g, --gibi          show output in gibibytes\n"
"     --tebi          show output in tebibytes\n"
"     --pebi          show output in pebibytes\n"
" -h, --human         show human-readable output\n"
"     --si            use powers of 1000 not 1024\n"
" -l, --lohi          show detailed low and high memory statistics\n"
" -t, --total         show total for RAM + swap\n"
" -v, --committed     show committed memory and commit limit\n"
" -s N, --seconds N   repeat printing every N seconds\n"
" -c N, --count N     repeat printing N times, then exit\n"
" -w, --wide          wide output\n"
" -o, --output FMT    output format: text, tsv, json or prom\n"
"     --tsv           same as --output=tsv\n"
"     --json          same as --output=json\n"
"     --no-header     leave out the tsv header row\n"
"     --outfile FILE  write to FILE atomically (temporary file, rename)\n"
"     --procfs DIR    read DIR instead of /proc\n"
"     --sysfs DIR     read DIR instead of /sys\n"
"     --cgroup[=PATH] show the memory of this process's cgroup (or PATH)\n"
"     --psutil        psutil's scripts/free.py report\n"
"\n"
"     --help     display this help and exit\n"
" -V, --version  output version information and exit\n"
"\n"
"For more details see free(1).\n";

/* Columns of a row; the text report shows a subset. */
enum { C_TOTAL, C_USED, C_FREE, C_SHARED, C_BUFFERS, C_CACHE, C_BUFFCACHE,
	C_AVAILABLE, NCOLS };

struct row {
	const char	*label;		/* text label */
	const char	*type;		/* tsv/json "type" */
	int64_t		 kb[NCOLS];
	unsigned	 present;	/* bit per column */
};

static const struct pk_out_col out_cols[] = {
	{ "type", PK_OUT_STR, PK_OUT_LABEL, NULL, "Row of the free report" },
	{ "total", PK_OUT_I64, PK_OUT_GAUGE, "bytes", "Total memory" },
	{ "used", PK_OUT_I64, PK_OUT_GAUGE, "bytes", "Used memory (total - available)" },
	{ "free", PK_OUT_I64, PK_OUT_GAUGE, "bytes", "Unused memory (MemFree)" },
	{ "shared", PK_OUT_I64, PK_OUT_GAUGE, "bytes", "Shared memory (Shmem)" },
	{ "buffers", PK_OUT_I64, PK_OUT_GAUGE, "bytes", "Kernel buffers" },
	{ "cache", PK_OUT_I64, PK_OUT_GAUGE, "bytes", "Page cache and reclaimable slab" },
	{ "buff_cache", PK_OUT_I64, PK_OUT_GAUGE, "bytes", "Buffers plus cache" },
	{ "available", PK_OUT_I64, PK_OUT_GAUGE, "bytes", "Memory available for new work" },
	{ "scope", PK_OUT_STR, PK_OUT_LABEL, NULL, "host, or the cgroup path" },
};

struct opts {
	int		 exponent;	/* 0 default kB, 1 bytes, 2.. K M G T P */
	int		 flags;
	int		 count;
	float		 interval_us;	/* procps keeps it as a float */
	int		 fmt;
	unsigned	 outflags;
	const char	*outfile;
	const char	*procfs;
	const char	*sysfs;
	int		 cgroup;	/* --cgroup or PSKIT_FREE_CGROUP=1 */
	const char	*cgroup_path;	/* NULL: the caller's own cgroup */
	int		 psutil;	/* --psutil: free.py's report */
};

static void __attribute__((noreturn))
usage(FILE *fp)
{
	fprintf(fp, usage_text, getprogname());
	exit(fp == stderr ? 1 : 0);
}

static void
set_unit(struct opts *o, int *unit_set, int exponent, int si)
{
	if (*unit_set)
		errx(1, "Multiple unit options don't make sense.");
	*unit_set = 1;
	o->exponent = exponent;
	if (si)
		o->flags |= F_SI;
}

/*
 * procps' locale-free number reader for -s: blanks, sign, digits, '.' or
 * ',' and digits, accumulated the same way so the same input gives the
 * same float.  Messages and their errno suffixes match procps 4.0.2.
 */
static double
parse_seconds(const char *str)
{
	const char *cp = str, *radix;
	double num = 0.0, mult;
	int neg = 0;

	if (*str == '\0')
		errx(1, "seconds argument failed: '%s'", str);
	while (*cp == ' ' || (*cp >= '\t' && *cp <= '\r'))
		cp++;
	if (*cp == '-' || *cp == '+')
		neg = *cp++ == '-';
	for (radix = cp, mult = 0.1; *radix >= '0' && *radix <= '9'; radix++)
		mult *= 10;
	for (; *cp >= '0' && *cp <= '9'; cp++, mult /= 10)
		num += (*cp - '0') * mult;
	if (*cp == '\0')
		return neg ? -num : num;
	if (*cp != '.' && *cp != ',')
		errc(1, EINVAL, "seconds argument failed: '%s'", str);
	for (cp++, mult = 0.1; *cp >= '0' && *cp <= '9'; cp++, mult /= 10)
		num += (*cp - '0') * mult;
	if (*cp == '\0')
		return neg ? -num : num;
	errx(1, "seconds argument failed: '%s'", str);
}

/* strtol_or_err() of procps, and its range check for -c. */
static int
parse_count(const char *str)
{
	char *end;
	long n;

	if (*str == '\0')
		errc(1, ENOENT, "failed to parse count argument: '%s'", str);
	errno = 0;
	n = strtol(str, &end, 10);
	if (errno != 0)
		errc(1, errno, "failed to parse count argument: '%s'", str);
	if (end == str || *end != '\0')
		errx(1, "failed to parse count argument: '%s'", str);
	if (n < 1 || n > 2147483647)
		errc(1, ERANGE, "failed to parse count argument: '%s'", str);
	return (int)n;
}

static void
set_format(struct opts *o, const char *s)
{
	if ((o->fmt = sh_format(s)) == -1)
		usage(stderr);
}

static void
parse_opts(int argc, char **argv, struct opts *o)
{
	const char *p;
	int c, unit_set = 0;

	memset(o, 0, sizeof(*o));
	o->interval_us = 1000000;
	while ((c = getopt_long(argc, argv, "bkmghltvc:ws:Vo:", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'b': set_unit(o, &unit_set, 1, 0); break;
		case 'k': set_unit(o, &unit_set, 2, 0); break;
		case 'm': set_unit(o, &unit_set, 3, 0); break;
		case 'g': set_unit(o, &unit_set, 4, 0); break;
		case OPT_TEBI: set_unit(o, &unit_set, 5, 0); break;
		case OPT_PEBI: set_unit(o, &unit_set, 6, 0); break;
		case OPT_KILO: set_unit(o, &unit_set, 2, 1); break;
		case OPT_MEGA: set_unit(o, &unit_set, 3, 1); break;
		case OPT_GIGA: set_unit(o, &unit_set, 4, 1); break;
		case OPT_TERA: set_unit(o, &unit_set, 5, 1); break;
		case OPT_PETA: set_unit(o, &unit_set, 6, 1); break;
		case 'h': o->flags |= F_HUMAN; break;
		case OPT_SI: o->flags |= F_SI; break;
		case 'l': o->flags |= F_LOHI; break;
		case 't': o->flags |= F_TOTAL; break;
		case 'v': o->flags |= F_COMMITTED; break;
		case 'w': o->flags |= F_WIDE; break;
		case 's':
			o->flags |= F_REPEAT;
			o->interval_us = (float)(1000000 * parse_seconds(optarg));
			if (o->interval_us < 1)
				errx(1, "seconds argument `%s' is not positive "
				    "number", optarg);
			break;
		case 'c':
			o->flags |= F_REPEAT | F_COUNT;
			o->count = parse_count(optarg);
			break;
		case 'V': sh_version();
		case OPT_HELP: usage(stdout);
		case 'o': set_format(o, optarg); break;
		case OPT_TSV: o->fmt = PK_OUT_TSV; break;
		case OPT_JSON: o->fmt = PK_OUT_JSON; break;
		case OPT_NOHEADER: o->outflags |= PK_OUT_NOHEADER; break;
		case OPT_OUTFILE: o->outfile = optarg; break;
		case OPT_PROCFS: o->procfs = optarg; break;
		case OPT_SYSFS: o->sysfs = optarg; break;
		case OPT_CGROUP:
			o->cgroup = 1;
			o->cgroup_path = optarg;
			break;
		case OPT_PSUTIL: o->psutil = 1; break;
		default: usage(stderr);
		}
	}
	if (optind != argc)
		usage(stderr);
	if (o->psutil && (o->fmt != PK_OUT_TEXT || (o->flags & F_REPEAT) ||
	    o->cgroup))
		errx(1, "--psutil prints free.py's report once: "
		    "no -o, -s, -c or --cgroup");
	if ((p = getenv("PSKIT_FREE_CGROUP")) != NULL && strcmp(p, "1") == 0)
		o->cgroup = 1;
	if (o->flags & F_REPEAT)
		o->outflags |= PK_OUT_INTERVAL;
}

/* procps' power(): an integer base raised in double arithmetic. */
static double
power(unsigned int base, unsigned int expo)
{
	return expo == 0 ? 1 : base * power(base, expo - 1);
}

/*
 * procps-ng 4.0.2 scale_size(), quirks included (reference/free.md §3.2,
 * §3.3): kB become bytes with a wrapping multiply, fixed units truncate,
 * -h tries "%.1f" of a float then the truncated integer within a 4 (SI)
 * or 5 (binary) character budget.
 */
static const char *
scale_kb(int64_t kb, const struct opts *o, char *buf, size_t len)
{
	static const char up[] = "BKMGTP";
	int si = (o->flags & F_SI) != 0, i;
	unsigned int base = si ? 1000 : 1024;
	long long bytes = (long long)((uint64_t)kb * 1024u);

	if (!(o->flags & F_HUMAN)) {
		if (o->exponent == 0)
			snprintf(buf, len, "%lld", bytes / (long long)base);
		else if (o->exponent == 1)
			snprintf(buf, len, "%lld", bytes);
		else
			snprintf(buf, len, "%ld", (long)(bytes /
			    power(base, (unsigned)o->exponent - 1)));
		return buf;
	}
	if (snprintf(buf, len, "%lldB", bytes) <= 4)
		return buf;
	for (i = 1; up[i] != '\0'; i++) {
		double x = bytes / power(base, (unsigned)i);

		if (snprintf(buf, len, si ? "%.1f%c" : "%.1f%ci", (double)(float)x,
		    up[i]) <= 4 + !si)
			return buf;
		if (snprintf(buf, len, si ? "%ld%c" : "%ld%ci", (long)x,
		    up[i]) <= 4 + !si)
			return buf;
	}
	return buf;
}

static void
row_set(struct row *r, int col, int64_t kb)
{
	r->kb[col] = kb;
	r->present |= 1u << col;
}

static void
row_tfu(struct row *r, const char *label, const char *type, int64_t t,
    int64_t u, int64_t f)
{
	memset(r, 0, sizeof(*r));
	r->label = label;
	r->type = type;
	row_set(r, C_TOTAL, t);
	row_set(r, C_USED, u);
	row_set(r, C_FREE, f);
}

/* The rows of one report, in procps' order; returns how many. */
static size_t
build_rows(const struct pk_mem *m, const struct opts *o, struct row *rows)
{
	size_t n = 0;
	struct row *r = &rows[n++];

	row_tfu(r, "Mem:", "mem", m->total, m->used, m->free);
	/* text prints every value (0 for a missing key, as procps does);
	 * the present bits tell tsv/json which keys the kernel gave */
	r->kb[C_SHARED] = m->shared;
	r->kb[C_BUFFERS] = m->buffers;
	r->kb[C_CACHE] = m->cache;
	r->kb[C_BUFFCACHE] = m->buff_cache;
	if (m->has & PK_MEM_HAS_SHARED)
		r->present |= 1u << C_SHARED;
	if (m->has & PK_MEM_HAS_BUFFERS)
		r->present |= 1u << C_BUFFERS;
	if (m->has & PK_MEM_HAS_CACHE)
		r->present |= 1u << C_CACHE;
	if (m->has & (PK_MEM_HAS_BUFFERS | PK_MEM_HAS_CACHE))
		r->present |= 1u << C_BUFFCACHE;
	row_set(r, C_AVAILABLE, m->available);
	if (o->flags & F_LOHI) {
		row_tfu(&rows[n++], "Low:", "low", m->low_total, m->low_used,
		    m->low_free);
		row_tfu(&rows[n++], "High:", "high", m->high_total,
		    m->high_used, m->high_free);
	}
	row_tfu(&rows[n++], "Swap:", "swap", m->swap_total, m->swap_used,
	    m->swap_free);
	if (m->has & PK_MEM_NO_SWAPUSE)
		rows[n - 1].present &= ~(1u << C_USED | 1u << C_FREE);
	if (o->flags & F_TOTAL) {
		row_tfu(&rows[n++], "Total:", "total", m->all_total,
		    m->all_used, m->all_free);
		if (m->has & PK_MEM_NO_SWAPUSE)
			rows[n - 1].present &= ~(1u << C_USED | 1u << C_FREE);
	}
	if (o->flags & F_COMMITTED)
		row_tfu(&rows[n++], "Comm:", "comm", m->commit_limit,
		    m->committed, m->commit_free);
	return n;
}

static void
text_header(FILE *fp, const struct opts *o)
{
	if (o->flags & F_WIDE)
		fprintf(fp, "%9s%11s %11s %11s %11s %11s %11s %11s\n", "",
		    "total", "used", "free", "shared", "buffers", "cache",
		    "available");
	else
		fprintf(fp, "%9s%11s %11s %11s %11s %11s %11s\n", "", "total",
		    "used", "free", "shared", "buff/cache", "available");
}

/* Text shows every column of Mem and the first three of the others;
 * procps prints 0 where meminfo lacks a key. */
static void
text_row(FILE *fp, const struct row *r, const struct opts *o)
{
	static const int narrow[] = { C_TOTAL, C_USED, C_FREE, C_SHARED,
		C_BUFFCACHE, C_AVAILABLE };
	static const int wide[] = { C_TOTAL, C_USED, C_FREE, C_SHARED,
		C_BUFFERS, C_CACHE, C_AVAILABLE };
	const int *cols = (o->flags & F_WIDE) ? wide : narrow;
	size_t i, n = (o->flags & F_WIDE) ? 7 : 6;
	char buf[64];

	if (strcmp(r->type, "mem") != 0)
		n = 3;
	fprintf(fp, "%-9s", r->label);
	for (i = 0; i < n; i++)
		fprintf(fp, i ? " %11s" : "%11s",
		    scale_kb(r->kb[cols[i]], o, buf, sizeof(buf)));
	putc('\n', fp);
}

static void
render_text(FILE *fp, const struct row *rows, size_t n, const struct opts *o)
{
	size_t i;

	text_header(fp, o);
	for (i = 0; i < n; i++)
		text_row(fp, &rows[i], o);
}

/* Structured rows: bytes always, whatever unit option was given. */
static void
render_out(struct pk_out *w, const struct row *rows, size_t n, const char *scope)
{
	size_t i;
	int c;

	for (i = 0; i < n; i++) {
		pk_out_record_begin(w);
		pk_out_str(w, rows[i].type);
		for (c = 0; c < NCOLS; c++) {
			if (rows[i].present & (1u << c))
				pk_out_i64(w, (int64_t)((uint64_t)rows[i].kb[c] *
				    1024u));
			else
				pk_out_null(w);
		}
		pk_out_str(w, scope);
		pk_out_record_end(w);
	}
}

/* The memory numbers, of the host or of a cgroup; scope names which. */
static void
read_mem(struct pk_ctx *ctx, const struct opts *o, struct pk_mem *m,
    char *scope, size_t len)
{
	struct pk_meminfo raw, view;
	struct pk_cgroup_mem cg;
	int rc;

	strlcpy(scope, "host", len);
	if ((rc = pk_mem_read(ctx, &raw, m)) == PK_OK) {
		if (!o->cgroup)
			return;
		if (pk_cgroup_mem_read(ctx, 0, o->cgroup_path, &cg) != PK_OK)
			/* a named cgroup that does not exist: 3 */
			errx(ctx->code == PK_ENOENT && o->cgroup_path != NULL ?
			    3 : 1, "%s", pk_strerror(ctx));
		pk_cgroup_meminfo(&cg, &raw, &view);
		pk_mem_derive(&view, m);
		strlcpy(scope, cg.loc.path, len);
		return;
	}
	if (rc == PK_ENOENT)
		errx(1, "Memory information file %s/meminfo does not exist",
		    ctx->procfs);
	if (rc == PK_ENOTSUP)
		errx(1, "not supported on this system");
	errx(1, "Unable to create meminfo structure");
}

/* Sleep like procps' usleep(interval), but wake for a stop signal. */
static void
pause_us(float us)
{
	struct timespec ts;
	double d = us;

	ts.tv_sec = (time_t)(d / 1e6);
	ts.tv_nsec = (long)((d - (double)ts.tv_sec * 1e6) * 1000);
	while (!sh_signal && nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* One sample to fp: the text report or a structured sample. */
static void
emit(FILE *fp, struct pk_out *w, const struct row *rows, size_t n,
    const struct opts *o, const char *scope)
{
	if (o->fmt == PK_OUT_TEXT) {
		render_text(fp, rows, n, o);
		return;
	}
	pk_out_sample_begin(w, pk_time_now());
	render_out(w, rows, n, scope);
	if (w->flags & PK_OUT_INTERVAL)
		pk_out_sample_end(w);
}

/* --outfile: each sample replaces the file atomically. */
static void
emit_file(struct pk_ctx *ctx, const struct row *rows, size_t n,
    const struct opts *o, const char *scope)
{
	struct sh_out so;
	struct pk_out w;

	sh_open(ctx, &so, o->outfile, SH_PUBLIC);
	if (o->fmt != PK_OUT_TEXT && pk_out_begin(&w, so.fp, o->fmt,
	    o->outflags & ~PK_OUT_INTERVAL, "free", out_cols,
	    sizeof(out_cols) / sizeof(out_cols[0])) != PK_OK)
		errx(1, "out of memory");
	emit(so.fp, &w, rows, n, o, scope);
	if (o->fmt != PK_OUT_TEXT)
		pk_out_end(&w);
	sh_commit(ctx, &so);
}

static int
run(struct pk_ctx *ctx, const struct opts *o)
{
	struct row rows[6];
	struct pk_mem m;
	struct pk_out w;
	char scope[PK_CG_PATHMAX];
	size_t n;
	int left = o->count, begun = 0;

	for (;;) {
		/* collect, then render: a failed read leaves no partial output */
		read_mem(ctx, o, &m, scope, sizeof(scope));
		if (!begun && o->fmt != PK_OUT_TEXT && o->outfile == NULL) {
			if (pk_out_begin(&w, stdout, o->fmt, o->outflags, "free",
			    out_cols, sizeof(out_cols) / sizeof(out_cols[0])) !=
			    PK_OK)
				errx(1, "out of memory");
			begun = 1;
		}
		n = build_rows(&m, o, rows);
		if (o->outfile != NULL)
			emit_file(ctx, rows, n, o, scope);
		else
			emit(stdout, &w, rows, n, o, scope);
		if (fflush(stdout) != 0 || ferror(stdout))
			errx(1, "write error");
		if ((o->flags & F_COUNT) && --left < 1)
			break;
		if (!(o->flags & F_REPEAT) || sh_signal)
			break;
		if (o->fmt == PK_OUT_TEXT && o->outfile == NULL)
			putchar('\n');
		pause_us(o->interval_us);
		if (sh_signal)
			break;
	}
	if (begun)
		pk_out_end(&w);
	return 0;
}

int
main(int argc, char **argv)
{
	struct pk_ctx ctx;
	struct opts o;
	int rc;

	parse_opts(argc, argv, &o);
	/* every format: a stop signal ends after the current sample */
	sh_signals();
	if (pk_ctx_open(&ctx, o.procfs, o.sysfs) != PK_OK)
		errx(1, "%s", pk_strerror(&ctx));
	rc = o.psutil ? free_psutil(&ctx, o.outfile) : run(&ctx, &o);
	pk_ctx_close(&ctx);
	return sh_exit(rc);
}
