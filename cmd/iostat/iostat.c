/*
 * iostat: CPU and block device statistics, byte-compatible with sysstat
 * 12.6.1 iostat(1) in text and in its -o JSON document, plus pskit's
 * tsv and prom output through the writer.
 *
 * The command line is parsed left to right by hand as sysstat does
 * (clustered letters, "-p" taking an optional list, devices, interval and
 * count), the device list keeps sysstat's order and states (sorted
 * unless a group or /proc/diskstats is in use), and each report is
 * rendered with sysstat's widths, colours and blank lines.  Every number
 * comes from one function of the library (lib/common/iorate.c).
 *
 * The parts run one way (parts.h): this file parses the options into a
 * struct opts and a device list, then loops: devices.c collects a
 * sample, sample.c computes its rows, report.c or output.c renders them.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "parts.h"
#include "shell.h"

static const char usage_text[] =
"Options are:\n"
"[ -c ] [ -d ] [ -h ] [ -k | -m ] [ -N ] [ -s ] [ -t ] [ -V ] [ -x ] [ -y ] [ -z ]\n"
"[ { -f | +f } <directory> ] [ -j { ID | LABEL | PATH | UUID | ... } ]\n"
"[ --compact ] [ --dec={ 0 | 1 | 2 } ] [ --human ] [ --pretty ] [ -o JSON ]\n"
"[ [ -H ] -g <group_name> ] [ -p [ <device> [,...] | ALL ] ]\n"
"[ <device> [...] | ALL ]\n";

static const char help_text[] =
"pskit options:\n"
"[ { -o | --output } { text | json | tsv | prom } ] [ --json ] [ --tsv ]\n"
"[ --no-header ] [ --psutil ] [ -w FILE | --outfile FILE ]\n"
"[ --procfs DIR ] [ --sysfs DIR ] [ --help ] [ --version ]\n";

static void __attribute__((noreturn))
usage(const struct opts *o)
{
	fprintf(stderr, "Usage: %s [ options ] [ <interval> [ <count> ] ]\n",
	    o->progname);
	fputs(usage_text, stderr);
	exit(1);
}

static void __attribute__((noreturn))
help(const struct opts *o)
{
	printf("Usage: %s [ options ] [ <interval> [ <count> ] ]\n",
	    o->progname);
	fputs(usage_text, stdout);
	fputs(help_text, stdout);
	exit(0);
}

/* ---- the command line (sysstat's main(), left to right) ---- */

/* device_name(): realpath, "/dev/" stripped, '/' made '!'. */
static const char *
device_name(const char *name)
{
	static char out[1024];

	return pk_blk_canon_name(name, out, sizeof(out)) == PK_OK ? out : name;
}

static int
all_digits(const char *a)
{
	return strspn(a, "0123456789") == strlen(a);
}

/* A device argument, through -j's persistent name when asked. */
static void
add_arg_dev(struct opts *o, struct src *s, const char *arg, int dtype)
{
	char tgt[256];
	const char *n = device_name(arg);

	if (DIS(F_PERSIST) && pk_blk_persist_target(o->ptype, n, tgt,
	    sizeof(tgt)) == PK_OK)
		n = tgt;
	/* -N before it: a registered name (vg0-root) stands for its dm-N */
	else if (dtype == 0 && DIS(F_DEVMAP) && pk_blk_devmap_kname(n, tgt,
	    sizeof(tgt)) == PK_OK) {
		add_dev_as(s, o, tgt, dtype, n);
		return;
	}
	add_dev(s, o, n, dtype);
}

static void
opt_p(struct opts *o, struct src *s, char **argv, int *opt)
{
	char *t, *save = NULL;

	if (argv[++*opt] == NULL || all_digits(argv[*opt]) ||
	    argv[*opt][0] == '-') {
		o->flags |= F_EVERYTHING;
		return;
	}
	o->flags |= F_UNFILTERED;
	for (t = strtok_r(argv[*opt], ",", &save); t != NULL;
	    t = strtok_r(NULL, ",", &save)) {
		if (strcmp(t, "ALL") == 0)
			o->flags |= F_EVERYTHING;
		else
			add_arg_dev(o, s, t, T_PART_DEV);
	}
	(*opt)++;
}

static void
opt_j(struct opts *o, char **argv, int *opt)
{
	size_t i;

	if (argv[++*opt] == NULL || strlen(argv[*opt]) >= sizeof(o->ptype) - 1)
		usage(o);
	strlcpy(o->ptype, argv[*opt], sizeof(o->ptype));
	for (i = 0; o->ptype[i] != '\0'; i++)
		o->ptype[i] = (char)tolower((unsigned char)o->ptype[i]);
	if (!pk_blk_persist_ok(o->ptype)) {
		fprintf(stderr, "Invalid type of persistent device name\n");
		exit(1);
	}
	o->flags |= F_PERSIST | F_PRETTY;
	(*opt)++;
}

/*
 * -o FMT, case-sensitive: "JSON" is sysstat's document (F_JSON), byte
 * for byte; text, json, tsv and prom are pskit's, json and tsv with the
 * same keys through the writer.
 */
static void
set_output(struct opts *o, const char *fmt)
{
	static const char *names[] = { "text", "tsv", "json", "prom" };
	int i;

	if (fmt == NULL)
		usage(o);
	o->flags &= ~F_JSON;
	o->fmt = PK_OUT_TEXT;
	if (strcmp(fmt, "JSON") == 0) {
		o->flags |= F_JSON;
		return;
	}
	for (i = 0; i < 4; i++)
		if (strcmp(fmt, names[i]) == 0) {
			o->fmt = pk_out_parse_fmt(names[i]);
			return;
		}
	warnx("unknown output format '%s'", fmt);
	usage(o);
}

/* pskit's long options; 1 when argv[*opt] was one. */
static int
opt_pskit(struct opts *o, char **argv, int *opt)
{
	const char *a = argv[*opt];
	static const char *withval[] = { "--output", "--procfs", "--sysfs",
	    "--outfile" };
	const char *val = NULL;
	size_t i, l;

	for (i = 0; i < 4; i++) {
		l = strlen(withval[i]);
		if (strncmp(a, withval[i], l) != 0 || (a[l] != '\0' && a[l] != '='))
			continue;
		if (a[l] == '=')
			val = a + l + 1;
		else if ((val = argv[++*opt]) == NULL)
			usage(o);
		if (i == 0)
			set_output(o, val);
		else if (i == 1)
			o->procfs = val;
		else if (i == 2)
			o->sysfs = val;
		else
			o->outfile = val;
		(*opt)++;
		return 1;
	}
	if (strcmp(a, "--json") == 0)
		set_output(o, "json");
	else if (strcmp(a, "--tsv") == 0)
		set_output(o, "tsv");
	else if (strcmp(a, "--no-header") == 0)
		o->outflags |= PK_OUT_NOHEADER;
	else if (strcmp(a, "--psutil") == 0)
		o->flags |= F_PSUTIL;
	else if (strcmp(a, "--help") == 0)
		help(o);
	else if (strcmp(a, "--version") == 0)
		sh_version();
	else if (strncmp(a, "--", 2) == 0) {
		/* sysstat prints only its usage; name the word first */
		warnx("unrecognized option '%s'", a);
		usage(o);
	} else
		return 0;
	(*opt)++;
	return 1;
}

/* A cluster of one-letter options ("-xdk"). */
static void
opt_cluster(struct opts *o, const char *a, int *report_set)
{
	for (a++; *a != '\0'; a++) {
		switch (*a) {
		case 'c': o->flags |= F_CPU; *report_set = 1; break;
		case 'd': o->flags |= F_DISK; *report_set = 1; break;
		case 'H': o->flags |= F_GROUP_ONLY; break;
		case 'h': o->flags |= F_PRETTY | F_UNIT; break;
		case 'k':
			if (DIS(F_MEGABYTES))
				usage(o);
			o->flags |= F_KILOBYTES;
			break;
		case 'm':
			if (DIS(F_KILOBYTES))
				usage(o);
			o->flags |= F_MEGABYTES;
			break;
		case 'N': o->flags |= F_DEVMAP; break;
		case 'p': o->flags |= F_EVERYTHING; break;
		case 's': o->flags |= F_SHORT; break;
		case 't': o->flags |= F_TIMESTAMP; break;
		case 'x': o->flags |= F_EXTENDED; break;
		case 'y': o->flags |= F_OMIT_BOOT; break;
		case 'z': o->flags |= F_ZERO_OMIT; break;
		case 'V': sh_version();
		default: usage(o);
		}
	}
}

/* -f DIR, +f DIR: disks from DIR (its block/, diskstats, dev/block/). */
static void
opt_f(struct opts *o, struct src *s, char **argv, int *opt)
{
	if (s->has_alt || argv[*opt + 1] == NULL)
		usage(o);
	s->all_dir = argv[(*opt)++][0] == '+';
	if (pk_ctx_open(&s->alt, argv[*opt], argv[*opt]) != PK_OK ||
	    s->alt.sysfd == -1)
		usage(o);
	s->has_alt = 1;
	(*opt)++;
}

/* -g NAME: a group, its name with a leading space. */
static void
opt_g(struct opts *o, struct src *s, char **argv, int *opt)
{
	char g[MAX_NAME_LEN];

	if (argv[++*opt] == NULL)
		usage(o);
	o->flags |= F_GROUP;
	snprintf(g, sizeof(g), " %-.*s", MAX_NAME_LEN - 2, argv[(*opt)++]);
	add_dev(s, o, g, T_GROUP);
}

static void finish_args(struct opts *, int);

static void
parse_args(struct opts *o, struct src *s, int argc, char **argv)
{
	int opt = 1, it = 0, report_set = 0;
	char *a;

	(void)argc;
	o->count = 1;
	while ((a = argv[opt]) != NULL) {
		if (strcmp(a, "-p") == 0)
			opt_p(o, s, argv, &opt);
		else if (strcmp(a, "-g") == 0)
			opt_g(o, s, argv, &opt);
		else if (strcmp(a, "--human") == 0 && ++opt)
			o->flags |= F_UNIT;
		else if (strcmp(a, "--pretty") == 0 && ++opt)
			o->flags |= F_PRETTY;
		else if (strcmp(a, "--compact") == 0 && ++opt)
			o->flags |= F_COMPACT;
		else if (strncmp(a, "--dec=", 6) == 0 && strlen(a) == 7) {
			o->dplaces = atoi(a + 6);
			if (o->dplaces < 0 || o->dplaces > 2)
				usage(o);
			opt++;
		} else if (strcmp(a, "-f") == 0 || strcmp(a, "+f") == 0)
			opt_f(o, s, argv, &opt);
		else if (strcmp(a, "-j") == 0)
			opt_j(o, argv, &opt);
		else if (strcmp(a, "-o") == 0) {
			set_output(o, argv[++opt]);
			opt++;
		} else if (strcmp(a, "-w") == 0) {
			/* pskit: not a sysstat option (it would be a usage error). */
			if ((o->outfile = argv[++opt]) == NULL)
				usage(o);
			opt++;
		} else if (opt_pskit(o, argv, &opt))
			;
		else if (a[0] == '-') {
			opt_cluster(o, a, &report_set);
			opt++;
		} else if (!all_digits(a)) {
			/* Named devices are shown even when never used. */
			o->flags |= F_UNFILTERED;
			if (strcmp(a, "ALL") == 0)
				o->flags |= F_ALL_DEVICES;
			else
				add_arg_dev(o, s, a, 0);
			opt++;
		} else if (it == 0) {
			o->interval = atol(argv[opt++]);
			if (o->interval < 0)
				usage(o);
			o->count = -1;
			it = 1;
		} else if (it > 0) {
			o->count = atol(argv[opt++]);
			if (o->count < 1 || o->interval == 0)
				usage(o);
			it = -1;
		} else
			usage(o);
	}
	finish_args(o, report_set);
}

/* What sysstat's main() derives once the arguments are read. */
static void
finish_args(struct opts *o, int report_set)
{
	const char *e;

	if (o->interval == 0)
		o->count = 1;
	if (!report_set)
		o->flags |= F_CPU | F_DISK;
	if (DIS(F_EVERYTHING | F_EXTENDED | F_UNFILTERED))
		o->flags |= F_DISK;
	if (!DIS(F_UNFILTERED))
		o->flags |= F_ALL_DEVICES;
	if (DIS(F_GROUP_ONLY) && !DIS(F_GROUP))
		usage(o);
	if (!DIS(F_KILOBYTES | F_MEGABYTES) && getenv("POSIXLY_CORRECT") == NULL)
		o->flags |= F_KILOBYTES;
	if ((e = getenv("S_TIME_FORMAT")) != NULL && strcmp(e, "ISO") == 0)
		o->flags |= F_ISO;
}

/* ---- the loop ---- */

/* Sleep until the absolute deadline, or until a stop signal. */
static void
wait_until(double deadline)
{
	while (!sh_signal && pk_time_sleep_until(deadline) == PK_EOS)
		;
}

static void
flush_out(void)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		errx(1, "write error");
}

/* sysstat's exit when /dev/mapper cannot be read for -N. */
static void __attribute__((noreturn))
devmap_fail(const struct sample *sm)
{
	fprintf(stderr, "Cannot open %s: %s\n", "/dev/mapper",
	    strerror(sm->oserr));
	exit(4);
}

/* One sample rendered: sysstat's text or JSON, or the writer. */
static void
render(const struct opts *o, struct src *s, struct pk_out *w, struct sample *sm,
    int curr, int skip)
{
	struct tm tm;
	time_t now;
	int text = o->fmt == PK_OUT_TEXT && !DIS(F_PSUTIL);

	sample_build(s, o, curr, skip, text ? FOR_TEXT : FOR_WRITER, sm);
	now = time(NULL);
	localtime_r(&now, &tm);
	if (text)
		write_stats(o, sm, &tm, skip);
	else if (write_sample(o, sm, w, &s->ctx, skip) != 0 && sm->err == 0)
		errx(1, "%s", pk_strerror(&s->ctx));
	if (sm->err != 0)
		devmap_fail(sm);
}

/*
 * sysstat's rw_io_stat_loop().  primed: main() has read the first sample
 * already.  The "," between two JSON samples waits until the next sample
 * is read, so that a failed read still leaves a closed, valid document.
 * Returns 2 when a sample could not be read, else 0.
 */
static int
run(const struct opts *o, struct src *s, struct pk_out *w, int primed)
{
	struct sample sm = { 0 };
	double dl;
	long count = o->count;
	int curr = 1, skip = DIS(F_OMIT_BOOT) && o->interval > 0;
	int comma = 0, status = 0;

	dl = pk_time_monotonic();
	do {
		if (!primed && read_sample(s, o, curr) != 0) {
			if (comma)
				printf("\n");
			status = 2;
			break;
		}
		primed = 0;
		if (comma)
			printf(",\n");
		comma = 0;
		render(o, s, w, &sm, curr, skip);
		if (!skip && count > 0)
			count--;
		if (count) {
			curr ^= 1;
			flush_out();
			dl += (double)o->interval;
			wait_until(dl);
			if (sh_signal)
				count = 0;
			else if (DIS(F_JSON) && count && !skip)
				comma = 1;
			skip = 0;
		}
		if (o->fmt == PK_OUT_TEXT && !DIS(F_PSUTIL) && !comma)
			printf("\n");
	} while (count);
	if (DIS(F_JSON) && o->fmt == PK_OUT_TEXT)
		printf("\t\t\t]\n\t\t}\n\t]\n}}\n");
	sample_free(&sm);
	return status;
}

/* --procfs/--sysfs before anything reads a device name. */
static void
prescan_roots(struct opts *o, char **argv)
{
	size_t l;
	int i;

	for (i = 1; argv[i] != NULL; i++) {
		l = strncmp(argv[i], "--procfs", 8) == 0 ? 8 :
		    strncmp(argv[i], "--sysfs", 7) == 0 ? 7 : 0;
		if (l == 0 || (argv[i][l] != '\0' && argv[i][l] != '='))
			continue;
		if (argv[i][l] == '=')
			*(l == 8 ? &o->procfs : &o->sysfs) = argv[i] + l + 1;
		else if (argv[i + 1] != NULL)
			*(l == 8 ? &o->procfs : &o->sysfs) = argv[++i];
	}
}

int
main(int argc, char **argv)
{
	static struct opts opt;
	static struct src src;
	static struct pk_out w;
	struct opts *o = &opt;
	struct src *s = &src;
	struct tm tm;
	time_t now;
	int primed, status, sysstat_json;

	/* main() may run more than once in a process (tests/leak) */
	memset(o, 0, sizeof(*o));
	memset(s, 0, sizeof(*s));
	memset(&w, 0, sizeof(w));
	sh_signals();
	o->progname = argv[0];
	o->dplaces = -1;
	o->fmt = PK_OUT_TEXT;
	/* The categories sysstat's init_nls() sets (not messages: no
	 * catalogue here), so %x and the decimal point follow the locale. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_TIME, "");
	setlocale(LC_NUMERIC, "");
	prescan_roots(o, argv);
	if (pk_ctx_open(&s->ctx, o->procfs, o->sysfs) != PK_OK)
		errx(1, "%s", pk_strerror(&s->ctx));
	parse_args(o, s, argc, argv);
	init_colors(&o->c);
	if (DIS(F_JSON) || o->fmt != PK_OUT_TEXT)
		setlocale(LC_NUMERIC, "C");
	s->dm_major = DIS(F_DEVMAP) ? pk_blk_devmap_major(&s->ctx) : ~0U;
	/* psutil's disk_io_counters() reads neither stat nor uptime */
	if (!DIS(F_PSUTIL) && (s->cpu_nr = pk_cpu_count(&s->ctx)) < 0 &&
	    s->ctx.code == PK_ENOTSUP)
		errx(1, "not supported on this system");
	if (!DIS(F_PSUTIL) && s->cpu_nr < 0) {
		fprintf(stderr, "Cannot open %s/stat: %s\n", s->ctx.procfs,
		    strerror(s->ctx.oserr));
		exit(1);
	}
	now = time(NULL);
	localtime_r(&now, &tm);
	if (DIS(F_PSUTIL) && DIS(F_JSON)) {
		o->flags &= ~F_JSON;
		o->fmt = PK_OUT_JSON;
	}
	if (o->outfile != NULL && o->fmt == PK_OUT_TEXT)
		errx(1, "-w needs -o tsv, -o json or -o prom");
	/* From here on the options are only read. */
	/* Structured output starts only once the first sample is read, so
	 * that an unreadable uptime or stat leaves no half document. */
	primed = o->fmt != PK_OUT_TEXT || DIS(F_JSON | F_PSUTIL);
	if (primed && read_sample(s, o, 1) != 0)
		exit(2);
	if (o->fmt == PK_OUT_TEXT && !DIS(F_PSUTIL))
		banner(o, s->cpu_nr, &tm);
	else if (o->fmt != PK_OUT_TEXT && o->outfile == NULL)
		writer_begin(o, &w, stdout);
	status = run(o, s, &w, primed);
	if (o->fmt != PK_OUT_TEXT && o->outfile == NULL)
		pk_out_end(&w);
	flush_out();
	sysstat_json = DIS(F_JSON) && o->fmt == PK_OUT_TEXT;
	free_devs(s);
	if (s->has_alt)
		pk_ctx_close(&s->alt);
	pk_ctx_close(&s->ctx);
	/* sysstat closes its JSON document and exits 0 after SIGINT */
	return sh_exit_after(status, sysstat_json ? SIGINT : 0);
}
