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
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <vis.h>

#include "pskit.h"
#include "pskit_out.h"

#define MAX_NAME_LEN	128

/* sysstat's I_D_* flags, same meaning. */
#define F_CPU		0x000001
#define F_DISK		0x000002
#define F_TIMESTAMP	0x000004
#define F_EXTENDED	0x000008
#define F_EVERYTHING	0x000010
#define F_KILOBYTES	0x000020
#define F_UNFILTERED	0x000100
#define F_MEGABYTES	0x000200
#define F_ALL_DEVICES	0x000400
#define F_GROUP		0x000800
#define F_PRETTY	0x001000
#define F_PERSIST	0x002000
#define F_OMIT_BOOT	0x004000
#define F_DEVMAP	0x010000
#define F_GROUP_ONLY	0x040000
#define F_ZERO_OMIT	0x080000
#define F_UNIT		0x100000
#define F_SHORT		0x200000
#define F_COMPACT	0x400000
#define F_JSON		0x800000
#define F_ISO		0x1000000
#define F_PSUTIL	0x2000000

/* The disk roots to try, in order (sysstat -f / +f). */
#define NDCTX(s)	((s)->has_alt ? ((s)->all_dir ? 2 : 1) : 1)

/* Device kinds; a group is T_GROUP plus its number of members. */
enum { T_PART, T_DEV, T_PART_DEV, T_GROUP };

struct dev {
	char		 name[MAX_NAME_LEN];
	int		 tp;
	int		 exist;
	unsigned	 major, minor;
	struct pk_blkstat st[2];
};

/* sysstat's colour strings (S_COLORS, S_COLORS_SGR). */
struct colors {
	char	 pc_high[16], pc_low[16], zero[16], num[16], item[16];
	char	 normal[16];
};

struct ios {
	unsigned	 flags;
	int		 dplaces;	/* --dec=N, -1 unset */
	long		 interval, count;
	struct dev	**dv;		/* the device list, in display order */
	size_t		 ndv, capdv;
	struct pk_cpustat cpu[2];
	uint64_t	 uptime[2];
	int		 cpu_nr;
	unsigned	 dm_major;
	char		 ptype[64];	/* -j TYPE */
	struct colors	 c;
	int		 fmt;		/* OUT_TEXT, OUT_TSV, OUT_PROM */
	unsigned	 outflags;
	const char	*procfs, *sysfs;
	const char	*outfile;	/* -w FILE, --outfile FILE */
	const char	*progname;
	struct pk_ctx	 ctx;
	/* Where disks are read: ctx, -f DIR only, or +f ctx then DIR. */
	struct pk_ctx	 alt;
	int		 has_alt, all_dir;
	struct out	 w;
};

static volatile sig_atomic_t sigint_caught;

static const char usage_text[] =
"Options are:\n"
"[ -c ] [ -d ] [ -h ] [ -k | -m ] [ -N ] [ -s ] [ -t ] [ -V ] [ -x ] [ -y ] [ -z ]\n"
"[ { -f | +f } <directory> ] [ -j { ID | LABEL | PATH | UUID | ... } ]\n"
"[ --compact ] [ --dec={ 0 | 1 | 2 } ] [ --human ] [ --pretty ] [ -o JSON ]\n"
"[ [ -H ] -g <group_name> ] [ -p [ <device> [,...] | ALL ] ]\n"
"[ <device> [...] | ALL ]\n";

static const char help_text[] =
"pskit options:\n"
"[ -o { text | json | tsv | prom } ] [ --json ] [ --tsv ] [ --no-header ]\n"
"[ --psutil ] [ -w FILE | --outfile FILE ] [ --procfs DIR ] [ --sysfs DIR ]\n"
"[ --help ] [ --version ]\n";

static void __attribute__((noreturn))
usage(const struct ios *s)
{
	fprintf(stderr, "Usage: %s [ options ] [ <interval> [ <count> ] ]\n",
	    s->progname);
	fputs(usage_text, stderr);
	exit(1);
}

static void __attribute__((noreturn))
help(const struct ios *s)
{
	printf("Usage: %s [ options ] [ <interval> [ <count> ] ]\n",
	    s->progname);
	fputs(usage_text, stdout);
	fputs(help_text, stdout);
	exit(0);
}

/* ---- the device list (sysstat's add_list_device and readers) ---- */

/* The k-th root to read disks from: /sys, the -f directory, or both. */
static struct pk_ctx *
dctx(struct ios *s, int k)
{
	if (!s->has_alt)
		return &s->ctx;
	if (s->all_dir)
		return k == 0 ? &s->ctx : &s->alt;
	return &s->alt;
}

/* is_device() in the roots, the first that has it. */
static int
is_device(struct ios *s, const char *name)
{
	int k;

	for (k = 0; k < NDCTX(s); k++)
		if (pk_blk_is_device(dctx(s, k), name))
			return 1;
	return 0;
}

static struct dev *
add_dev(struct ios *s, const char *name, int dtype)
{
	struct dev *d, **nv;
	size_t i;
	int c;

	if (strnlen(name, MAX_NAME_LEN) == MAX_NAME_LEN)
		return NULL;
	for (i = 0; i < s->ndv; i++) {
		d = s->dv[i];
		if ((c = strcmp(d->name, name)) == 0) {
			if (dtype == T_PART_DEV && d->tp == T_DEV)
				d->tp = dtype;
			d->exist = 1;
			return d;
		}
		/* Sorted by name, unless groups or diskstats order rule. */
		if (!(s->flags & (F_GROUP | F_EVERYTHING)) && c > 0)
			break;
	}
	if (s->ndv == s->capdv) {
		s->capdv = s->capdv ? s->capdv * 2 : 32;
		if ((nv = reallocarray(s->dv, s->capdv, sizeof(*nv))) == NULL)
			err(4, "malloc");
		s->dv = nv;
	}
	if ((d = calloc(1, sizeof(*d))) == NULL)
		err(4, "malloc");
	memmove(&s->dv[i + 1], &s->dv[i], (s->ndv - i) * sizeof(*s->dv));
	s->dv[i] = d;
	s->ndv++;
	strlcpy(d->name, name, sizeof(d->name));
	d->exist = 1;
	if (dtype == T_GROUP)
		d->tp = T_GROUP;
	else if (is_device(s, name))
		d->tp = dtype == T_PART_DEV ? T_PART_DEV : T_DEV;
	else
		d->tp = T_PART;
	return d;
}

/* get_major_minor_nr(): the numbers of /dev/NAME. */
static int
dev_numbers(struct dev *d)
{
	return pk_blk_devnum(d->name, &d->major, &d->minor) == PK_OK ? 0 : -1;
}

/* Entries of a sys directory with a stat file: into the list. */
static int
read_sys_dir(struct ios *s, struct pk_ctx *c, int curr, const char *dir)
{
	struct pk_blkdev *v;
	struct dev *d;
	size_t i, n;

	if (pk_blkdev_list(c, dir, &v, &n) != PK_OK)
		return -1;
	for (i = 0; i < n; i++)
		if ((d = add_dev(s, v[i].name, 0)) != NULL)
			d->st[curr] = v[i].st;
	free(v);
	return 0;
}

static int
read_dev_stat(struct ios *s, int curr, struct dev *d)
{
	char path[PATH_MAX];
	int nf, k;

	if (d->tp == T_PART) {
		/* A partition named on the command line: dev/block/M:m. */
		if (d->major == 0 && dev_numbers(d) == -1)
			return -1;
		snprintf(path, sizeof(path), "dev/block/%u:%u/stat", d->major,
		    d->minor);
	} else
		snprintf(path, sizeof(path), "block/%s/stat", d->name);
	/* +f: the system first, the directory when that fails. */
	for (k = 0; k < NDCTX(s); k++)
		if (pk_blkstat_read(dctx(s, k), path, &d->st[curr], &nf) ==
		    PK_OK)
			return 0;
	return -1;
}

/* read_sysfs_dlist_stat(): named devices, their partitions, then ALL. */
static void
read_sysfs(struct ios *s, int curr)
{
	char path[PATH_MAX];
	struct dev *d;
	size_t i;
	int k;

	for (i = 0; i < s->ndv; i++) {
		d = s->dv[i];
		if (d->exist || d->tp >= T_GROUP)
			continue;
		if (read_dev_stat(s, curr, d) == 0)
			d->exist = 1;
		if (d->tp == T_PART_DEV) {
			snprintf(path, sizeof(path), "block/%s", d->name);
			for (k = 0; k < NDCTX(s); k++)
				if (read_sys_dir(s, dctx(s, k), curr, path) == 0)
					break;
			/* Partitions were inserted around d: find it again. */
			while (s->dv[i] != d)
				i++;
		}
	}
	if (s->flags & F_ALL_DEVICES)
		for (k = 0; k < NDCTX(s); k++)
			read_sys_dir(s, dctx(s, k), curr, "block");
}

static void diskstats_into(struct ios *, int, struct pk_diskstats_ent *,
    size_t);

/* read_diskstats_stat(): every record of /proc/diskstats, file order. */
static void
read_diskstats(struct ios *s, int curr)
{
	struct pk_diskstats_ent *v;
	size_t n;
	int k;

	for (k = 0; k < NDCTX(s); k++) {
		if (pk_diskstats_read(dctx(s, k), &v, &n) == PK_OK)
			diskstats_into(s, curr, v, n);
	}
}

static void
diskstats_into(struct ios *s, int curr, struct pk_diskstats_ent *v, size_t n)
{
	struct dev *d;
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i].nfields == 7 && (s->flags & F_EXTENDED))
			continue;
		if ((d = add_dev(s, v[i].name, 0)) == NULL)
			continue;
		d->st[curr] = v[i].st;
		d->major = v[i].major;
		d->minor = v[i].minor;
	}
	free(v);
}

/* One sample of uptime, CPU and devices into slot curr. */
static void
read_sample(struct ios *s, int curr)
{
	size_t i;
	int rc;

	for (i = 0; i < s->ndv; i++)
		s->dv[i]->exist = 0;
	if (pk_uptime_read(&s->ctx, &s->uptime[curr]) != PK_OK) {
		fprintf(stderr, "Cannot read %s/uptime\n", s->ctx.procfs);
		exit(2);
	}
	/* Without a "cpu " line (PK_EPARSE) the slot keeps old values. */
	rc = pk_cpustat_read(&s->ctx, &s->cpu[curr]);
	if (rc != PK_OK && rc != PK_EPARSE) {
		fprintf(stderr, "Cannot open %s/stat: %s\n", s->ctx.procfs,
		    strerror(s->ctx.oserr));
		exit(2);
	}
	if (s->flags & F_EVERYTHING)
		read_diskstats(s, curr);
	else
		read_sysfs(s, curr);
}

/* ---- text output: sysstat's cprintf_* with colours ---- */

static void
init_colors(struct colors *c)
{
	char *e, *sgr, *p, *save = NULL, *dst;
	size_t len;

	e = getenv("S_COLORS");
	if (e == NULL ? !isatty(STDOUT_FILENO) : (strcmp(e, "never") == 0 ||
	    (strcmp(e, "always") != 0 && !isatty(STDOUT_FILENO)))) {
		memset(c, 0, sizeof(*c));
		return;
	}
	strlcpy(c->pc_high, "\033[31;1m", sizeof(c->pc_high));
	strlcpy(c->pc_low, "\033[35;1m", sizeof(c->pc_low));
	strlcpy(c->zero, "\033[34;22m", sizeof(c->zero));
	strlcpy(c->num, "\033[34;1m", sizeof(c->num));
	strlcpy(c->item, "\033[32;22m", sizeof(c->item));
	strlcpy(c->normal, "\033[0m", sizeof(c->normal));
	if ((e = getenv("S_COLORS_SGR")) == NULL || (sgr = strdup(e)) == NULL)
		return;
	for (p = strtok_r(sgr, ":", &save); p; p = strtok_r(NULL, ":", &save)) {
		len = strlen(p);
		if (len > 7 || len < 3 || p[1] != '=' ||
		    strspn(p + 2, ";0123456789") != len - 2)
			continue;
		switch (*p) {
		case 'H': dst = c->pc_high; break;
		case 'M': dst = c->pc_low; break;
		case 'Z': dst = c->zero; break;
		case 'N': dst = c->num; break;
		case 'I': dst = c->item; break;
		default: dst = NULL; break;
		}
		if (dst != NULL)
			snprintf(dst, 16, "\033[%sm", p + 2);
	}
	free(sgr);
}

/* cprintf_unit(): a value with a unit suffix (sectors become kB). */
static void
put_unit(const struct ios *s, int unit, int wi, double v)
{
	static const char units[] = "sBkMGTP?";

	if (wi < 4)
		wi = 4;
	if (unit == 0) {
		v /= 2;
		unit = 2;
	}
	while (v >= 1024) {
		v /= 1024;
		unit++;
	}
	printf(" %*.*f%s%c", wi - 1, s->dplaces ? 1 : 0, v, s->c.normal,
	    units[unit > 7 ? 7 : unit]);
}

/* cprintf_f(): one float, unit < 0 for none. */
static void
put_f(const struct ios *s, int unit, int wi, int wd, double v)
{
	double lim;

	if (wd > 0 && s->dplaces >= 0)
		wd = s->dplaces;
	lim = wd == 1 ? 0.05 : 0.005;
	if ((wd > 0 && v < lim && v > -lim) ||
	    (wd == 0 && v <= 0.5 && v >= -0.5))
		fputs(s->c.zero, stdout);
	else
		fputs(s->c.num, stdout);
	if (unit < 0)
		printf(" %*.*f%s", wi, wd, v, s->c.normal);
	else
		put_unit(s, unit, wi, v);
}

/* cprintf_pc(): a percentage, with a '%' sign in human mode. */
static void
put_pc(const struct ios *s, int human, int wi, int wd, double v)
{
	double lim;

	if (wd > 0 && s->dplaces >= 0)
		wd = s->dplaces;
	if (human) {
		if (wi < 4)
			wi = 4;
		wi--;
		if (wd > 1)
			wd--;
	}
	lim = wd == 1 ? 0.05 : 0.005;
	if (v >= 75.0)
		fputs(s->c.pc_high, stdout);
	else if (v >= 50.0)
		fputs(s->c.pc_low, stdout);
	else if ((wd > 0 && v < lim) || (wd == 0 && v <= 0.5))
		fputs(s->c.zero, stdout);
	else
		fputs(s->c.num, stdout);
	printf(" %*.*f%s%s", wi, wd, v, s->c.normal, human ? "%" : "");
}

/* cprintf_u64(). */
static void
put_u64(const struct ios *s, int unit, int wi, uint64_t v)
{
	fputs(v ? s->c.num : s->c.zero, stdout);
	if (unit < 0)
		printf(" %*llu%s", wi, (unsigned long long)v, s->c.normal);
	else
		put_unit(s, unit, wi, (double)v);
}

/* A device name, control characters made visible; "%-13s" or " %s". */
static void
put_name(const struct ios *s, int pretty, const char *name)
{
	char *v = NULL;
	const char *p;

	for (p = name; *p != '\0' && !iscntrl((unsigned char)*p); p++)
		;
	if (*p != '\0' && stravis(&v, name, VIS_SAFE | VIS_OCTAL) != -1)
		name = v;
	printf(pretty ? "%s %s%s" : "%s%-13s%s", s->c.item, name, s->c.normal);
	free(v);
}

/* ---- the reports ---- */

#define DIS(f)	((s->flags & (f)) != 0)

static void
tabs(int n)
{
	while (n-- > 0)
		putchar('\t');
}

/* A JSON string: sysstat prints names raw; escape only what must be. */
static void
json_str(const char *str)
{
	out_json_string(stdout, str);
}

static void
write_cpu(struct ios *s, int curr, int tab)
{
	double pc[6];
	int i;

	pk_cpustat_percents(&s->cpu[!curr], &s->cpu[curr], pc);
	if (DIS(F_JSON)) {
		tabs(tab);
		printf("\"avg-cpu\":  {\"user\": %.2f, \"nice\": %.2f, "
		    "\"system\": %.2f, \"iowait\": %.2f, \"steal\": %.2f, "
		    "\"idle\": %.2f}", pc[0], pc[1], pc[2], pc[3], pc[4], pc[5]);
		return;
	}
	printf("avg-cpu:  %%user   %%nice %%system %%iowait  %%steal   %%idle\n");
	printf("       ");
	for (i = 0; i < 6; i++)
		put_pc(s, DIS(F_UNIT), 7, 2, pc[i]);
	printf("\n\n");
}

static void
write_header(struct ios *s, int *fctr, int *tab, int h)
{
	const char *u, *sp = " ";

	if (DIS(F_KILOBYTES)) {
		*fctr = 2;
		u = "kB";
	} else if (DIS(F_MEGABYTES)) {
		*fctr = 2048;
		u = "MB";
	} else {
		u = DIS(F_EXTENDED) ? "sec" : "Blk";
		sp = "";
	}
	if (DIS(F_JSON)) {
		tabs((*tab)++);
		printf("\"disk\": [\n");
		return;
	}
	if (!DIS(F_PRETTY))
		printf("Device       ");
	if (DIS(F_EXTENDED) && DIS(F_SHORT))
		printf("      tps     %s%s/s    rqm/s   await  areq-sz  aqu-sz  "
		    "%%util", sp, u);
	else if (DIS(F_EXTENDED)) {
		if (h == 1 || h == 0)
			printf("     r/s    %sr%s/s   rrqm/s  %%rrqm r_await "
			    "rareq-sz", sp, u);
		if (h == 2 || h == 0)
			printf("     w/s    %sw%s/s   wrqm/s  %%wrqm w_await "
			    "wareq-sz", sp, u);
		if (h == 3 || h == 0)
			printf("     d/s    %sd%s/s   drqm/s  %%drqm d_await "
			    "dareq-sz", sp, u);
		if (h == 4 || h == 0)
			printf("     f/s f_await  aqu-sz  %%util");
	} else if (DIS(F_SHORT))
		printf("      tps   %s%s_read/s    %s%s_w+d/s   %s%s_read    "
		    "%s%s_w+d", sp, u, sp, u, sp, u, sp, u);
	else
		printf("      tps   %s%s_read/s   %s%s_wrtn/s   %s%s_dscd/s   "
		    "%s%s_read   %s%s_wrtn   %s%s_dscd", sp, u, sp, u, sp, u, sp,
		    u, sp, u, sp, u);
	if (DIS(F_PRETTY))
		printf(" Device");
	printf("\n");
}

/* Requests (reads + writes + discards) of a sample; flushes excluded. */
static uint64_t
nr_ios(const struct pk_blkstat *x)
{
	return x->rd_ios + x->wr_ios + x->dc_ios;
}

static void
write_basic(struct ios *s, uint64_t itv, int fctr, const struct pk_blkstat *i,
    const struct pk_blkstat *j, const char *name, int tab)
{
	uint64_t rd = pk_io_sectors_delta(j->rd_sectors, i->rd_sectors);
	uint64_t wr = pk_io_sectors_delta(j->wr_sectors, i->wr_sectors);
	uint64_t dc = pk_io_sectors_delta(j->dc_sectors, i->dc_sectors);
	double tps = pk_io_rate(nr_ios(i) - nr_ios(j), itv);
	int f = DIS(F_UNIT) ? 1 : fctr, unit = DIS(F_UNIT) ? 0 : -1;
	double rs, ws, ds;
	const char *u;

	if (DIS(F_JSON)) {
		u = DIS(F_KILOBYTES) ? "kB" : DIS(F_MEGABYTES) ? "MB" : "Blk";
		tabs(tab);
		printf("{\"disk_device\": ");
		json_str(name);
		printf(", \"tps\": %.2f, \"%s_read/s\": %.2f, \"%s_wrtn/s\": "
		    "%.2f, \"%s_dscd/s\": %.2f, \"%s_read\": %llu, \"%s_wrtn\": "
		    "%llu, \"%s_dscd\": %llu}", tps,
		    u, pk_io_rate_unit(i->rd_sectors - j->rd_sectors, itv, fctr),
		    u, pk_io_rate_unit(i->wr_sectors - j->wr_sectors, itv, fctr),
		    u, pk_io_rate_unit(i->dc_sectors - j->dc_sectors, itv, fctr),
		    u, (unsigned long long)(rd / fctr),
		    u, (unsigned long long)(wr / fctr),
		    u, (unsigned long long)(dc / fctr));
		return;
	}
	if (!DIS(F_PRETTY))
		put_name(s, 0, name);
	rs = pk_io_rate_unit(i->rd_sectors - j->rd_sectors, itv, f);
	ws = pk_io_rate_unit(i->wr_sectors - j->wr_sectors, itv, f);
	ds = pk_io_rate_unit(i->dc_sectors - j->dc_sectors, itv, f);
	put_f(s, -1, 8, 2, tps);
	if (DIS(F_SHORT)) {
		put_f(s, unit, 12, 2, rs);
		put_f(s, unit, 12, 2, ws + ds);
		put_u64(s, unit, 10, rd / f);
		put_u64(s, unit, 10, (wr + dc) / f);
	} else {
		put_f(s, unit, 12, 2, rs);
		put_f(s, unit, 12, 2, ws);
		put_f(s, unit, 12, 2, ds);
		put_u64(s, unit, 10, rd / f);
		put_u64(s, unit, 10, wr / f);
		put_u64(s, unit, 10, dc / f);
	}
	if (DIS(F_PRETTY))
		put_name(s, 1, name);
	printf("\n");
}

/* The extended numbers of one device (write_ext_stat's xds and xios). */
struct ext {
	double	 rs, ws, ds;		/* sectors/s, divided by fctr */
	double	 sectors;		/* -s: all three, divided */
	double	 rm_pc, wm_pc, dm_pc;
	double	 r_await, w_await, d_await, f_await;
	double	 r_sz, w_sz, d_sz;	/* kB */
	double	 await, sz, util;	/* -s await, areq-sz; %util */
	double	 r, w, d, f, rm, wm, dm, tps, rqm, aqu;
};

static void
compute_ext(const struct ios *s, uint64_t itv, int fctr, int n,
    const struct pk_blkstat *i, const struct pk_blkstat *j, struct ext *x)
{
	int f = DIS(F_UNIT) && !DIS(F_JSON) ? 1 : fctr;

	memset(x, 0, sizeof(*x));
	x->util = pk_io_util_percent(pk_io_util(j->tot_ticks, i->tot_ticks,
	    itv), n);
	x->await = pk_io_await_total(j, i);
	x->sz = pk_io_areq_total(j, i) / 2;
	x->tps = pk_io_rate(nr_ios(i) - nr_ios(j), itv);
	x->rqm = pk_io_rate((i->rd_merges + i->wr_merges + i->dc_merges) -
	    (j->rd_merges + j->wr_merges + j->dc_merges), itv);
	x->aqu = pk_io_aqu_sz(i->rq_ticks - j->rq_ticks, itv);
	x->rs = pk_io_rate(i->rd_sectors - j->rd_sectors, itv);
	x->ws = pk_io_rate(i->wr_sectors - j->wr_sectors, itv);
	x->ds = pk_io_rate(i->dc_sectors - j->dc_sectors, itv);
	x->sectors = (x->rs + x->ws + x->ds) / f;
	x->rs /= f;
	x->ws /= f;
	x->ds /= f;
	x->r = pk_io_rate(i->rd_ios - j->rd_ios, itv);
	x->w = pk_io_rate(i->wr_ios - j->wr_ios, itv);
	x->d = pk_io_rate(i->dc_ios - j->dc_ios, itv);
	x->f = pk_io_rate(i->fl_ios - j->fl_ios, itv);
	x->rm = pk_io_rate(i->rd_merges - j->rd_merges, itv);
	x->wm = pk_io_rate(i->wr_merges - j->wr_merges, itv);
	x->dm = pk_io_rate(i->dc_merges - j->dc_merges, itv);
	x->rm_pc = pk_io_merge_percent(i->rd_merges - j->rd_merges,
	    i->rd_ios - j->rd_ios);
	x->wm_pc = pk_io_merge_percent(i->wr_merges - j->wr_merges,
	    i->wr_ios - j->wr_ios);
	x->dm_pc = pk_io_merge_percent(i->dc_merges - j->dc_merges,
	    i->dc_ios - j->dc_ios);
	x->r_await = pk_io_await(i->rd_ticks - j->rd_ticks, i->rd_ios - j->rd_ios);
	x->w_await = pk_io_await(i->wr_ticks - j->wr_ticks, i->wr_ios - j->wr_ios);
	x->d_await = pk_io_await(i->dc_ticks - j->dc_ticks, i->dc_ios - j->dc_ios);
	x->f_await = pk_io_await(i->fl_ticks - j->fl_ticks, i->fl_ios - j->fl_ios);
	x->r_sz = pk_io_areq_sectors(i->rd_sectors - j->rd_sectors,
	    i->rd_ios - j->rd_ios) / 2;
	x->w_sz = pk_io_areq_sectors(i->wr_sectors - j->wr_sectors,
	    i->wr_ios - j->wr_ios) / 2;
	x->d_sz = pk_io_areq_sectors(i->dc_sectors - j->dc_sectors,
	    i->dc_ios - j->dc_ios) / 2;
}

static void
write_ext_json(const struct ios *s, const struct ext *x, const char *name,
    int tab)
{
	const char *u = DIS(F_MEGABYTES) ? "MB" : DIS(F_KILOBYTES) ? "kB" :
	    "sec";

	tabs(tab);
	printf("{\"disk_device\": ");
	json_str(name);
	printf(", ");
	if (DIS(F_SHORT))
		printf("\"tps\": %.2f, \"%s/s\": %.2f, \"rqm/s\": %.2f, "
		    "\"await\": %.2f, \"areq-sz\": %.2f, \"aqu-sz\": %.2f, ",
		    x->tps, u, x->sectors, x->rqm, x->await, x->sz, x->aqu);
	else
		printf("\"r/s\": %.2f, \"w/s\": %.2f, \"d/s\": %.2f, "
		    "\"f/s\": %.2f, \"r%s/s\": %.2f, \"w%s/s\": %.2f, "
		    "\"d%s/s\": %.2f, \"rrqm/s\": %.2f, \"wrqm/s\": %.2f, "
		    "\"drqm/s\": %.2f, \"rrqm\": %.2f, \"wrqm\": %.2f, "
		    "\"drqm\": %.2f, \"r_await\": %.2f, \"w_await\": %.2f, "
		    "\"d_await\": %.2f, \"f_await\": %.2f, \"rareq-sz\": %.2f, "
		    "\"wareq-sz\": %.2f, \"dareq-sz\": %.2f, \"aqu-sz\": %.2f, ",
		    x->r, x->w, x->d, x->f, u, x->rs, u, x->ws, u, x->ds,
		    x->rm, x->wm, x->dm, x->rm_pc, x->wm_pc, x->dm_pc,
		    x->r_await, x->w_await, x->d_await, x->f_await,
		    x->r_sz, x->w_sz, x->d_sz, x->aqu);
	printf("\"util\": %.2f}", x->util);
}

/* One class (r, w or d) of the extended text line. */
static void
put_class(const struct ios *s, double ios, double sect, double mrg, double pc,
    double aw, double sz)
{
	int hu = DIS(F_UNIT);

	put_f(s, -1, 7, 2, ios);
	put_f(s, hu ? 0 : -1, 9, 2, sect);
	put_f(s, -1, 8, 2, mrg);
	put_pc(s, hu, 6, 2, pc);
	put_f(s, -1, 7, 2, aw);
	put_f(s, hu ? 2 : -1, 8, 2, sz);
}

static void
write_ext(struct ios *s, uint64_t itv, int fctr, int h, const struct dev *d,
    const struct pk_blkstat *i, const struct pk_blkstat *j, const char *name,
    int tab)
{
	struct ext x;
	int hu = DIS(F_UNIT);

	if (d->tp == T_GROUP)
		return;		/* a group without members */
	compute_ext(s, itv, fctr, d->tp > T_GROUP ? d->tp - T_GROUP : 1, i, j,
	    &x);
	if (DIS(F_JSON)) {
		write_ext_json(s, &x, name, tab);
		return;
	}
	if (!DIS(F_PRETTY))
		put_name(s, 0, name);
	if (DIS(F_SHORT)) {
		put_f(s, -1, 8, 2, x.tps);
		put_f(s, hu ? 0 : -1, 9, 2, x.sectors);
		put_f(s, -1, 8, 2, x.rqm);
		put_f(s, -1, 7, 2, x.await);
		put_f(s, hu ? 2 : -1, 8, 2, x.sz);
		put_f(s, -1, 7, 2, x.aqu);
		put_pc(s, hu, 6, 2, x.util);
	} else {
		if (h == 1 || h == 0)
			put_class(s, x.r, x.rs, x.rm, x.rm_pc, x.r_await, x.r_sz);
		if (h == 2 || h == 0)
			put_class(s, x.w, x.ws, x.wm, x.wm_pc, x.w_await, x.w_sz);
		if (h == 3 || h == 0)
			put_class(s, x.d, x.ds, x.dm, x.dm_pc, x.d_await, x.d_sz);
		if (h == 4 || h == 0) {
			put_f(s, -1, 7, 2, x.f);
			put_f(s, -1, 7, 2, x.f_await);
			put_f(s, -1, 7, 2, x.aqu);
			put_pc(s, hu, 6, 2, x.util);
		}
	}
	if (DIS(F_PRETTY))
		put_name(s, 1, name);
	printf("\n");
}

/* ---- device names for display (get_device_name) ---- */

static const char *
display_name(struct ios *s, struct dev *d)
{
	static char dname[MAX_NAME_LEN];
	char kname[256], pname[256];
	const char *n = NULL;
	char *p;

	if ((DIS(F_DEVMAP) || DIS(F_PERSIST)) && d->tp < T_GROUP &&
	    d->major == 0)
		dev_numbers(d);
	if (DIS(F_PERSIST)) {
		if (pk_blk_kernel_name(&s->ctx, d->major, d->minor, kname,
		    sizeof(kname)) != PK_OK)
			snprintf(kname, sizeof(kname), "dev%u-%u", d->major,
			    d->minor);
		if (pk_blk_persist_name(s->ptype, kname, pname,
		    sizeof(pname)) == PK_OK)
			n = pname;
	}
	if (n == NULL && DIS(F_DEVMAP) && d->major == s->dm_major) {
		switch (pk_blk_devmap_name(&s->ctx, d->major, d->minor, pname,
		    sizeof(pname))) {
		case PK_OK:
			n = pname;
			break;
		case PK_ENOENT:
			break;
		default:
			fprintf(stderr, "Cannot open %s: %s\n", "/dev/mapper",
			    strerror(s->ctx.oserr));
			exit(4);
		}
	}
	strlcpy(dname, n ? n : d->name, sizeof(dname));
	for (p = dname; (p = strchr(p, '!')) != NULL; )
		*p = '/';
	return dname;
}

/* compute_device_groups_stats(): add a member's counters. */
static void
group_add(const struct ios *s, int curr, const struct dev *d, struct dev *g)
{
	const struct pk_blkstat *x = &d->st[curr];
	struct pk_blkstat *y = &g->st[curr];

	if (!DIS(F_UNFILTERED) && !x->rd_ios && !x->wr_ios && !x->dc_ios &&
	    !x->fl_ios)
		return;
	y->rd_ios += x->rd_ios; y->rd_merges += x->rd_merges;
	y->rd_sectors += x->rd_sectors; y->rd_ticks += x->rd_ticks;
	y->wr_ios += x->wr_ios; y->wr_merges += x->wr_merges;
	y->wr_sectors += x->wr_sectors; y->wr_ticks += x->wr_ticks;
	y->dc_ios += x->dc_ios; y->dc_merges += x->dc_merges;
	y->dc_sectors += x->dc_sectors; y->dc_ticks += x->dc_ticks;
	y->fl_ios += x->fl_ios; y->fl_ticks += x->fl_ticks;
	y->ios_pgr += x->ios_pgr; y->tot_ticks += x->tot_ticks;
	y->rq_ticks += x->rq_ticks;
}

/*
 * strftime() with sysstat's formats: %x is whatever the locale makes it
 * (two-digit years in C), which is the point, so gcc's y2k check is off.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
fmt_time(char *buf, size_t len, const char *fmt, const struct tm *tm)
{
	if (strftime(buf, len, fmt, tm) == 0)
		buf[0] = '\0';
}
#pragma GCC diagnostic pop

static const char iso_fmt[] = "%FT%T%z", loc_fmt[] = "%x %X",
    loc_date[] = "%x";

static void
write_timestamp(const struct ios *s, int tab, const struct tm *tm)
{
	char ts[64];

	fmt_time(ts, sizeof(ts), DIS(F_ISO) ? iso_fmt : loc_fmt, tm);
	if (DIS(F_JSON)) {
		tabs(tab);
		printf("\"timestamp\": \"%s\",\n", ts);
	} else
		printf("%s\n", ts);
}

/*
 * Should d be shown?  sysstat's filters: the unused filter, -z, and the
 * "removed then inserted" test that makes prev all zeros (*j).
 */
static int
dev_shown(const struct ios *s, const struct pk_blkstat *i,
    const struct pk_blkstat **j)
{
	static const struct pk_blkstat zero;
	const struct pk_blkstat *p = *j;

	if (!DIS(F_UNFILTERED) && !i->rd_ios && !i->wr_ios && !i->dc_ios &&
	    !i->fl_ios)
		return 0;
	if (DIS(F_ZERO_OMIT) && i->rd_ios == p->rd_ios &&
	    i->wr_ios == p->wr_ios && i->dc_ios == p->dc_ios &&
	    i->fl_ios == p->fl_ios)
		return 0;
	if (i->rd_ios + i->wr_ios + i->dc_ios + i->fl_ios <
	    p->rd_ios + p->wr_ios + p->dc_ios + p->fl_ios &&
	    (!p->rd_sectors || i->rd_sectors < p->rd_sectors) &&
	    (!p->wr_sectors || i->wr_sectors < p->wr_sectors) &&
	    (!p->dc_sectors || i->dc_sectors < p->dc_sectors))
		*j = &zero;
	return 1;
}

/* The device rows of one sub-report h, groups folded in (write_stats). */
static void
write_devices(struct ios *s, int curr, int h, int hl, uint64_t itv, int fctr,
    int tab, int skip, int *next)
{
	struct dev *d, *g = NULL, *tmp;
	const struct pk_blkstat *j;
	size_t k = 0;

	for (;;) {
		if (k >= s->ndv) {
			if (g == NULL)
				break;
			d = g;		/* the last group */
			g = NULL;
		} else {
			d = s->dv[k++];
			if (d->tp >= T_GROUP) {
				tmp = g;
				g = d;
				memset(&g->st[curr], 0, sizeof(g->st[curr]));
				if (tmp == NULL)
					continue;
				d = tmp;	/* show the previous group */
			}
		}
		if (!d->exist && d->tp < T_GROUP)
			continue;
		if (g != NULL && h == hl && d->tp < T_GROUP) {
			g->tp++;
			group_add(s, curr, d, g);
		}
		if (DIS(F_GROUP_ONLY) && g != NULL && d->tp < T_GROUP)
			continue;
		j = &d->st[!curr];
		if (!dev_shown(s, &d->st[curr], &j) || skip)
			continue;
		if (DIS(F_JSON) && *next)
			printf(",\n");
		*next = 1;
		if (DIS(F_EXTENDED))
			write_ext(s, itv, fctr, h, d, &d->st[curr], j,
			    display_name(s, d), tab);
		else
			write_basic(s, itv, fctr, &d->st[curr], j,
			    display_name(s, d), tab);
	}
}

static void
write_stats(struct ios *s, int curr, const struct tm *tm, int skip)
{
	int h, hl = 0, hh = 0, fctr = 1, tab = 4, next = 0;
	uint64_t itv;

	if (DIS(F_JSON) && !skip) {
		tabs(tab++);
		printf("{\n");
	}
	if (DIS(F_TIMESTAMP) && !skip)
		write_timestamp(s, tab, tm);
	if (DIS(F_CPU) && !skip) {
		write_cpu(s, curr, tab);
		if (DIS(F_JSON))
			printf(DIS(F_DISK) ? ",\n" : "\n");
	}
	itv = pk_io_interval(s->uptime[!curr], s->uptime[curr]);
	if (DIS(F_DISK)) {
		if (DIS(F_PRETTY) && DIS(F_EXTENDED) && !DIS(F_SHORT) &&
		    !DIS(F_JSON) && !DIS(F_COMPACT)) {
			hl = 1;
			hh = 4;
		}
		for (h = hl; h <= hh; h++) {
			if (!skip)
				write_header(s, &fctr, &tab, h);
			write_devices(s, curr, h, hl, itv, fctr, tab, skip,
			    &next);
			if (h > 0 && h < hh && !skip)
				printf("\n");
		}
		if (DIS(F_JSON) && !skip) {
			printf("\n");
			tabs(--tab);
			printf("]\n");
		}
	}
	if (!skip) {
		if (DIS(F_JSON)) {
			tabs(--tab);
			printf("}");
		} else
			printf("\n");
	}
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
add_arg_dev(struct ios *s, const char *arg, int dtype)
{
	char tgt[256];
	const char *n = device_name(arg);

	if (DIS(F_PERSIST) && pk_blk_persist_target(s->ptype, n, tgt,
	    sizeof(tgt)) == PK_OK)
		n = tgt;
	add_dev(s, n, dtype);
}

static void
opt_p(struct ios *s, char **argv, int *opt)
{
	char *t, *save = NULL;

	if (argv[++*opt] == NULL || all_digits(argv[*opt]) ||
	    argv[*opt][0] == '-') {
		s->flags |= F_EVERYTHING;
		return;
	}
	s->flags |= F_UNFILTERED;
	for (t = strtok_r(argv[*opt], ",", &save); t != NULL;
	    t = strtok_r(NULL, ",", &save)) {
		if (strcmp(t, "ALL") == 0)
			s->flags |= F_EVERYTHING;
		else
			add_arg_dev(s, t, T_PART_DEV);
	}
	(*opt)++;
}

static void
opt_j(struct ios *s, char **argv, int *opt)
{
	size_t i;

	if (argv[++*opt] == NULL || strlen(argv[*opt]) >= sizeof(s->ptype) - 1)
		usage(s);
	strlcpy(s->ptype, argv[*opt], sizeof(s->ptype));
	for (i = 0; s->ptype[i] != '\0'; i++)
		s->ptype[i] = (char)tolower((unsigned char)s->ptype[i]);
	if (!pk_blk_persist_ok(s->ptype)) {
		fprintf(stderr, "Invalid type of persistent device name\n");
		exit(1);
	}
	s->flags |= F_PERSIST | F_PRETTY;
	(*opt)++;
}

static void
set_output(struct ios *s, const char *fmt)
{
	int f = fmt ? out_parse_fmt(fmt) : -1;

	if (f == -1)
		usage(s);
	s->flags &= ~F_JSON;
	s->fmt = OUT_TEXT;
	if (f == OUT_JSON)
		s->flags |= F_JSON;
	else
		s->fmt = f;
}

/* pskit's long options; 1 when argv[*opt] was one. */
static int
opt_pskit(struct ios *s, char **argv, int *opt)
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
			usage(s);
		if (i == 0)
			set_output(s, val);
		else if (i == 1)
			s->procfs = val;
		else if (i == 2)
			s->sysfs = val;
		else
			s->outfile = val;
		(*opt)++;
		return 1;
	}
	if (strcmp(a, "--json") == 0)
		set_output(s, "json");
	else if (strcmp(a, "--tsv") == 0)
		set_output(s, "tsv");
	else if (strcmp(a, "--no-header") == 0)
		s->outflags |= OUT_NOHEADER;
	else if (strcmp(a, "--psutil") == 0)
		s->flags |= F_PSUTIL;
	else if (strcmp(a, "--help") == 0)
		help(s);
	else if (strcmp(a, "--version") == 0) {
		printf("iostat (pskit) %s\n", PSKIT_VERSION);
		exit(0);
	} else
		return 0;
	(*opt)++;
	return 1;
}

/* A cluster of one-letter options ("-xdk"). */
static void
opt_cluster(struct ios *s, const char *a, int *report_set)
{
	for (a++; *a != '\0'; a++) {
		switch (*a) {
		case 'c': s->flags |= F_CPU; *report_set = 1; break;
		case 'd': s->flags |= F_DISK; *report_set = 1; break;
		case 'H': s->flags |= F_GROUP_ONLY; break;
		case 'h': s->flags |= F_PRETTY | F_UNIT; break;
		case 'k':
			if (DIS(F_MEGABYTES))
				usage(s);
			s->flags |= F_KILOBYTES;
			break;
		case 'm':
			if (DIS(F_KILOBYTES))
				usage(s);
			s->flags |= F_MEGABYTES;
			break;
		case 'N': s->flags |= F_DEVMAP; break;
		case 'p': s->flags |= F_EVERYTHING; break;
		case 's': s->flags |= F_SHORT; break;
		case 't': s->flags |= F_TIMESTAMP; break;
		case 'x': s->flags |= F_EXTENDED; break;
		case 'y': s->flags |= F_OMIT_BOOT; break;
		case 'z': s->flags |= F_ZERO_OMIT; break;
		case 'V':
			printf("iostat (pskit) %s\n", PSKIT_VERSION);
			exit(0);
		default: usage(s);
		}
	}
}

/* -f DIR, +f DIR: disks from DIR (its block/, diskstats, dev/block/). */
static void
opt_f(struct ios *s, char **argv, int *opt)
{
	if (s->has_alt || argv[*opt + 1] == NULL)
		usage(s);
	s->all_dir = argv[(*opt)++][0] == '+';
	if (pk_ctx_open(&s->alt, argv[*opt], argv[*opt]) != PK_OK ||
	    s->alt.sysfd == -1)
		usage(s);
	s->has_alt = 1;
	(*opt)++;
}

/* -g NAME: a group, its name with a leading space. */
static void
opt_g(struct ios *s, char **argv, int *opt)
{
	char g[MAX_NAME_LEN];

	if (argv[++*opt] == NULL)
		usage(s);
	s->flags |= F_GROUP;
	snprintf(g, sizeof(g), " %-.*s", MAX_NAME_LEN - 2, argv[(*opt)++]);
	add_dev(s, g, T_GROUP);
}

static void
parse_args(struct ios *s, int argc, char **argv)
{
	int opt = 1, it = 0, report_set = 0;
	char *a;

	(void)argc;
	s->count = 1;
	while ((a = argv[opt]) != NULL) {
		if (strcmp(a, "-p") == 0)
			opt_p(s, argv, &opt);
		else if (strcmp(a, "-g") == 0)
			opt_g(s, argv, &opt);
		else if (strcmp(a, "--human") == 0 && ++opt)
			s->flags |= F_UNIT;
		else if (strcmp(a, "--pretty") == 0 && ++opt)
			s->flags |= F_PRETTY;
		else if (strcmp(a, "--compact") == 0 && ++opt)
			s->flags |= F_COMPACT;
		else if (strncmp(a, "--dec=", 6) == 0 && strlen(a) == 7) {
			s->dplaces = atoi(a + 6);
			if (s->dplaces < 0 || s->dplaces > 2)
				usage(s);
			opt++;
		} else if (strcmp(a, "-f") == 0 || strcmp(a, "+f") == 0)
			opt_f(s, argv, &opt);
		else if (strcmp(a, "-j") == 0)
			opt_j(s, argv, &opt);
		else if (strcmp(a, "-o") == 0) {
			set_output(s, argv[++opt]);
			opt++;
		} else if (strcmp(a, "-w") == 0) {
			/* pskit: not a sysstat option (it would be a usage error). */
			if ((s->outfile = argv[++opt]) == NULL)
				usage(s);
			opt++;
		} else if (opt_pskit(s, argv, &opt))
			;
		else if (a[0] == '-') {
			opt_cluster(s, a, &report_set);
			opt++;
		} else if (!all_digits(a)) {
			/* Named devices are shown even when never used. */
			s->flags |= F_UNFILTERED;
			if (strcmp(a, "ALL") == 0)
				s->flags |= F_ALL_DEVICES;
			else
				add_arg_dev(s, a, 0);
			opt++;
		} else if (it == 0) {
			s->interval = atol(argv[opt++]);
			if (s->interval < 0)
				usage(s);
			s->count = -1;
			it = 1;
		} else if (it > 0) {
			s->count = atol(argv[opt++]);
			if (s->count < 1 || s->interval == 0)
				usage(s);
			it = -1;
		} else
			usage(s);
	}
	if (s->interval == 0)
		s->count = 1;
	if (!report_set)
		s->flags |= F_CPU | F_DISK;
	if (DIS(F_EVERYTHING | F_EXTENDED | F_UNFILTERED))
		s->flags |= F_DISK;
	if (!DIS(F_UNFILTERED))
		s->flags |= F_ALL_DEVICES;
	if (DIS(F_GROUP_ONLY) && !DIS(F_GROUP))
		usage(s);
	if (!DIS(F_KILOBYTES | F_MEGABYTES) && getenv("POSIXLY_CORRECT") == NULL)
		s->flags |= F_KILOBYTES;
}

/* ---- pskit's structured output (tsv, prom, --psutil) ---- */

/*
 * -o tsv: one row per device per sample (kind "device") with the
 * extended numbers, and one row per sample of kind "cpu"; the columns of
 * the other kind are \N.
 */
static const struct out_col tsv_cols[] = {
	{ "kind", OUT_STR, OUT_LABEL, NULL, "Row kind: cpu or device" },
	{ "device", OUT_STR, OUT_LABEL, NULL, "Device name" },
	{ "tps", OUT_F64, OUT_GAUGE, NULL, "Transfers per second" },
	{ "r_s", OUT_F64, OUT_GAUGE, NULL, "Reads per second" },
	{ "w_s", OUT_F64, OUT_GAUGE, NULL, "Writes per second" },
	{ "d_s", OUT_F64, OUT_GAUGE, NULL, "Discards per second" },
	{ "f_s", OUT_F64, OUT_GAUGE, NULL, "Flushes per second" },
	{ "rkb_s", OUT_F64, OUT_GAUGE, NULL, "kB read per second" },
	{ "wkb_s", OUT_F64, OUT_GAUGE, NULL, "kB written per second" },
	{ "dkb_s", OUT_F64, OUT_GAUGE, NULL, "kB discarded per second" },
	{ "rrqm_s", OUT_F64, OUT_GAUGE, NULL, "Merged reads per second" },
	{ "wrqm_s", OUT_F64, OUT_GAUGE, NULL, "Merged writes per second" },
	{ "drqm_s", OUT_F64, OUT_GAUGE, NULL, "Merged discards per second" },
	{ "rrqm_percent", OUT_F64, OUT_GAUGE, "percent", "Reads merged" },
	{ "wrqm_percent", OUT_F64, OUT_GAUGE, "percent", "Writes merged" },
	{ "drqm_percent", OUT_F64, OUT_GAUGE, "percent", "Discards merged" },
	{ "r_await", OUT_F64, OUT_GAUGE, NULL, "Read wait, ms" },
	{ "w_await", OUT_F64, OUT_GAUGE, NULL, "Write wait, ms" },
	{ "d_await", OUT_F64, OUT_GAUGE, NULL, "Discard wait, ms" },
	{ "f_await", OUT_F64, OUT_GAUGE, NULL, "Flush wait, ms" },
	{ "rareq_sz", OUT_F64, OUT_GAUGE, NULL, "Read size, kB" },
	{ "wareq_sz", OUT_F64, OUT_GAUGE, NULL, "Write size, kB" },
	{ "dareq_sz", OUT_F64, OUT_GAUGE, NULL, "Discard size, kB" },
	{ "aqu_sz", OUT_F64, OUT_GAUGE, NULL, "Average queue length" },
	{ "util_percent", OUT_F64, OUT_GAUGE, "percent", "Busy time" },
	{ "user_percent", OUT_F64, OUT_GAUGE, "percent", "CPU user" },
	{ "nice_percent", OUT_F64, OUT_GAUGE, "percent", "CPU nice" },
	{ "system_percent", OUT_F64, OUT_GAUGE, "percent", "CPU system" },
	{ "iowait_percent", OUT_F64, OUT_GAUGE, "percent", "CPU iowait" },
	{ "steal_percent", OUT_F64, OUT_GAUGE, "percent", "CPU steal" },
	{ "idle_percent", OUT_F64, OUT_GAUGE, "percent", "CPU idle" },
};
#define NTSV	(sizeof(tsv_cols) / sizeof(tsv_cols[0]))
#define NDEVCOLS	23	/* tps .. util_percent */

/* -o prom and --psutil: psutil's disk_io_counters() per device. */
static const struct out_col ps_cols[] = {
	{ "device", OUT_STR, OUT_LABEL, NULL, "Device name" },
	{ "read_count", OUT_U64, OUT_COUNTER, NULL, "Reads completed" },
	{ "write_count", OUT_U64, OUT_COUNTER, NULL, "Writes completed" },
	{ "read_bytes", OUT_U64, OUT_COUNTER, NULL, "Bytes read" },
	{ "write_bytes", OUT_U64, OUT_COUNTER, NULL, "Bytes written" },
	{ "read_time", OUT_F64, OUT_COUNTER, "seconds", "Time reading" },
	{ "write_time", OUT_F64, OUT_COUNTER, "seconds", "Time writing" },
	{ "read_merged_count", OUT_U64, OUT_COUNTER, NULL, "Reads merged" },
	{ "write_merged_count", OUT_U64, OUT_COUNTER, NULL, "Writes merged" },
	{ "busy_time", OUT_F64, OUT_COUNTER, "seconds", "Time doing I/O" },
};
#define NPS	(sizeof(ps_cols) / sizeof(ps_cols[0]))

static void
out_ext(struct ios *s, const char *name, const struct ext *x)
{
	const double v[NDEVCOLS] = { x->tps, x->r, x->w, x->d, x->f, x->rs,
	    x->ws, x->ds, x->rm, x->wm, x->dm, x->rm_pc, x->wm_pc, x->dm_pc,
	    x->r_await, x->w_await, x->d_await, x->f_await, x->r_sz, x->w_sz,
	    x->d_sz, x->aqu, x->util };
	size_t k;

	out_record_begin(&s->w);
	out_str(&s->w, "device");
	out_str(&s->w, name);
	for (k = 0; k < NDEVCOLS; k++)
		out_f64(&s->w, v[k], 2);
	out_record_end(&s->w);
}

static void
out_cpu(struct ios *s, int curr)
{
	double pc[6];
	size_t k;

	pk_cpustat_percents(&s->cpu[!curr], &s->cpu[curr], pc);
	out_record_begin(&s->w);
	out_str(&s->w, "cpu");
	out_null(&s->w);
	for (k = 0; k < NDEVCOLS; k++)
		out_null(&s->w);
	for (k = 0; k < 6; k++)
		out_f64(&s->w, pc[k], 2);
	out_record_end(&s->w);
}

/* psutil's fields of one device, from its cumulative counters. */
static void
out_psutil(struct ios *s, const char *name, const struct pk_blkstat *x)
{
	out_record_begin(&s->w);
	out_str(&s->w, name);
	out_u64(&s->w, x->rd_ios);
	out_u64(&s->w, x->wr_ios);
	out_u64(&s->w, x->rd_sectors * 512);
	out_u64(&s->w, x->wr_sectors * 512);
	out_f64(&s->w, x->rd_ticks / 1000.0, 3);
	out_f64(&s->w, x->wr_ticks / 1000.0, 3);
	out_u64(&s->w, x->rd_merges);
	out_u64(&s->w, x->wr_merges);
	out_f64(&s->w, x->tot_ticks / 1000.0, 3);
	out_record_end(&s->w);
}

/* --psutil in text: psutil's repr of one sdiskio. */
static void
print_psutil(const char *name, const struct pk_blkstat *x)
{
	printf("%s: sdiskio(read_count=%llu, write_count=%llu, read_bytes=%llu, "
	    "write_bytes=%llu, read_time=%u, write_time=%u, "
	    "read_merged_count=%llu, write_merged_count=%llu, busy_time=%u)\n",
	    name, (unsigned long long)x->rd_ios, (unsigned long long)x->wr_ios,
	    (unsigned long long)(x->rd_sectors * 512),
	    (unsigned long long)(x->wr_sectors * 512), x->rd_ticks, x->wr_ticks,
	    (unsigned long long)x->rd_merges, (unsigned long long)x->wr_merges,
	    x->tot_ticks);
}

/* --psutil: every /proc/diskstats record, as psutil reads it. */
static void
write_psutil(struct ios *s)
{
	struct pk_diskstats_ent *v;
	size_t i, n;

	if (pk_diskstats_read(&s->ctx, &v, &n) != PK_OK)
		errx(1, "%s", pk_strerror(&s->ctx));
	for (i = 0; i < n; i++) {
		if (s->fmt == OUT_TEXT)
			print_psutil(v[i].name, &v[i].st);
		else
			out_psutil(s, v[i].name, &v[i].st);
	}
	free(v);
}

/* One sample through the writer: the devices the text would show. */
static void
write_out(struct ios *s, int curr, int skip)
{
	const struct pk_blkstat *j;
	struct ext x;
	struct dev *d;
	size_t k;

	if (skip)
		return;
	if (s->fmt != OUT_TEXT)
		out_sample_begin(&s->w, pk_now());
	if (DIS(F_PSUTIL))
		write_psutil(s);
	else {
		if (s->fmt == OUT_TSV && DIS(F_CPU))
			out_cpu(s, curr);
		for (k = 0; DIS(F_DISK) && k < s->ndv; k++) {
			d = s->dv[k];
			if (!d->exist || d->tp >= T_GROUP)
				continue;
			j = &d->st[!curr];
			if (!dev_shown(s, &d->st[curr], &j))
				continue;
			if (s->fmt == OUT_PROM)
				out_psutil(s, display_name(s, d), &d->st[curr]);
			else {
				compute_ext(s, pk_io_interval(s->uptime[!curr],
				    s->uptime[curr]), 2, 1, &d->st[curr], j, &x);
				out_ext(s, display_name(s, d), &x);
			}
		}
	}
	/* A one-sample prom or json document is finished by out_end(). */
	if (s->fmt != OUT_TEXT && (s->w.flags & OUT_INTERVAL))
		out_sample_end(&s->w);
}

static void
writer_begin(struct ios *s, FILE *fp)
{
	int tsv = s->fmt == OUT_TSV && !DIS(F_PSUTIL);
	unsigned fl = s->outflags;

	/*
	 * tsv always has its timestamp column; json and prom to stdout in
	 * an interval run give one document per sample (JSON Lines, one
	 * exposition each); a -w file holds one sample.
	 */
	if (s->fmt == OUT_TSV || (s->interval > 0 && s->outfile == NULL))
		fl |= OUT_INTERVAL;
	if (out_begin(&s->w, fp, s->fmt, fl, "iostat", tsv ? tsv_cols :
	    ps_cols, tsv ? NTSV : NPS) != PK_OK)
		errx(1, "out of memory");
}

/* A structured sample, to stdout or replacing the -w file atomically. */
static void
write_sample(struct ios *s, int curr, int skip)
{
	struct pk_atomic a;

	if (s->outfile == NULL || skip) {
		write_out(s, curr, skip);
		return;
	}
	if (pk_atomic_open(&s->ctx, s->outfile, &a) != PK_OK)
		errx(1, "%s", pk_strerror(&s->ctx));
	writer_begin(s, a.fp);
	write_out(s, curr, skip);
	out_end(&s->w);
	if (pk_atomic_commit(&s->ctx, &a) != PK_OK)
		errx(1, "%s", pk_strerror(&s->ctx));
}

/* ---- the loop ---- */

static void
on_signal(int sig)
{
	(void)sig;
	sigint_caught = 1;
}

/* print_gal_header(): the banner line or the JSON document's head. */
static void
banner(struct ios *s, const struct tm *tm)
{
	struct pk_uname u;
	char date[64];
	const char *e = getenv("S_TIME_FORMAT");

	if (e != NULL && strcmp(e, "ISO") == 0) {
		s->flags |= F_ISO;
		fmt_time(date, sizeof(date), "%Y-%m-%d", tm);
	} else
		fmt_time(date, sizeof(date), loc_date, tm);
	if (pk_uname(&u) != PK_OK)
		memset(&u, 0, sizeof(u));
	if (!DIS(F_JSON)) {
		printf("%s %s (%s) \t%s \t_%s_\t(%d CPU)\n\n", u.sysname,
		    u.release, u.nodename, date, u.machine, s->cpu_nr);
		return;
	}
	printf("{\"sysstat\": {\n\t\"hosts\": [\n\t\t{\n\t\t\t\"nodename\": ");
	json_str(u.nodename);
	printf(",\n\t\t\t\"sysname\": ");
	json_str(u.sysname);
	printf(",\n\t\t\t\"release\": ");
	json_str(u.release);
	printf(",\n\t\t\t\"machine\": ");
	json_str(u.machine);
	printf(",\n\t\t\t\"number-of-cpus\": %d,\n\t\t\t\"date\": \"%s\",\n"
	    "\t\t\t\"statistics\": [\n", s->cpu_nr, date);
}

/* Sleep until the absolute deadline, or until SIGINT/SIGTERM. */
static void
wait_until(double deadline)
{
	while (!sigint_caught && pk_sleep_until(deadline) == PK_EOS)
		;
}

static void
flush_out(void)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		errx(1, "write error");
}

static void
run(struct ios *s)
{
	struct sigaction sa;
	double dl;
	struct tm tm;
	time_t now;
	long count = s->count;
	int curr = 1, skip = DIS(F_OMIT_BOOT) && s->interval > 0;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	dl = pk_monotonic();
	do {
		read_sample(s, curr);
		now = time(NULL);
		localtime_r(&now, &tm);
		if (s->fmt == OUT_TEXT && !DIS(F_PSUTIL))
			write_stats(s, curr, &tm, skip);
		else
			write_sample(s, curr, skip);
		if (!skip && count > 0)
			count--;
		if (count) {
			curr ^= 1;
			flush_out();
			dl += (double)s->interval;
			wait_until(dl);
			if (sigint_caught)
				count = 0;
			else if (DIS(F_JSON) && count && !skip)
				printf(",");
			skip = 0;
		}
		if (s->fmt == OUT_TEXT && !DIS(F_PSUTIL))
			printf("\n");
	} while (count);
	if (DIS(F_JSON) && s->fmt == OUT_TEXT)
		printf("\t\t\t]\n\t\t}\n\t]\n}}\n");
}

/* --procfs/--sysfs before anything reads a device name. */
static void
prescan_roots(struct ios *s, char **argv)
{
	size_t l;
	int i;

	for (i = 1; argv[i] != NULL; i++) {
		l = strncmp(argv[i], "--procfs", 8) == 0 ? 8 :
		    strncmp(argv[i], "--sysfs", 7) == 0 ? 7 : 0;
		if (l == 0 || (argv[i][l] != '\0' && argv[i][l] != '='))
			continue;
		if (argv[i][l] == '=')
			*(l == 8 ? &s->procfs : &s->sysfs) = argv[i] + l + 1;
		else if (argv[i + 1] != NULL)
			*(l == 8 ? &s->procfs : &s->sysfs) = argv[++i];
	}
}

int
main(int argc, char **argv)
{
	static struct ios st;
	struct ios *s = &st;
	size_t i;
	struct tm tm;
	time_t now;

	memset(s, 0, sizeof(*s));
	sigint_caught = 0;
	s->progname = argv[0];
	s->dplaces = -1;
	s->fmt = OUT_TEXT;
	/* The categories sysstat's init_nls() sets (not messages: no
	 * catalogue here), so %x and the decimal point follow the locale. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_TIME, "");
	setlocale(LC_NUMERIC, "");
	prescan_roots(s, argv);
	if (pk_ctx_open(&s->ctx, s->procfs, s->sysfs) != PK_OK)
		errx(1, "%s", pk_strerror(&s->ctx));
	parse_args(s, argc, argv);
	init_colors(&s->c);
	if (DIS(F_JSON) || s->fmt != OUT_TEXT)
		setlocale(LC_NUMERIC, "C");
	s->dm_major = DIS(F_DEVMAP) ? pk_devmap_major(&s->ctx) : ~0U;
	if ((s->cpu_nr = pk_cpu_count(&s->ctx)) < 0 &&
	    s->ctx.code == PK_ENOTSUP)
		errx(1, "not supported on this system");
	if (s->cpu_nr < 0) {
		fprintf(stderr, "Cannot open %s/stat: %s\n", s->ctx.procfs,
		    strerror(s->ctx.oserr));
		exit(1);
	}
	now = time(NULL);
	localtime_r(&now, &tm);
	if (DIS(F_PSUTIL) && DIS(F_JSON)) {
		s->flags &= ~F_JSON;
		s->fmt = OUT_JSON;
	}
	if (s->outfile != NULL && s->fmt == OUT_TEXT)
		errx(1, "-w needs -o tsv, -o prom or --psutil -o json");
	if (s->fmt == OUT_TEXT && !DIS(F_PSUTIL))
		banner(s, &tm);
	else if (s->fmt != OUT_TEXT && s->outfile == NULL)
		writer_begin(s, stdout);
	run(s);
	if (s->fmt != OUT_TEXT && s->outfile == NULL)
		out_end(&s->w);
	flush_out();
	for (i = 0; i < s->ndv; i++)
		free(s->dv[i]);
	free(s->dv);
	if (s->has_alt)
		pk_ctx_close(&s->alt);
	pk_ctx_close(&s->ctx);
	return 0;
}
