/*
 * report.c: the text report and the -o JSON document of sysstat 12.6.1
 * iostat, byte for byte: its widths, its colours (cprintf_*), its blank
 * lines and its JSON indentation (write_stats and friends).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <vis.h>

#include "iostat.h"

/* ---- text output: sysstat's cprintf_* with colours ---- */

void
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

/*
 * A device name by the library's escaping policy; "%-13s" or " %s".
 * Newline and tab too: a name must not break the table into two lines.
 */
static void
put_name(const struct ios *s, int pretty, const char *name)
{
	char *v;

	if ((v = pk_esc_text_dup(name)) != NULL)
		name = v;
	printf(pretty ? "%s %s%s" : "%s%-13s%s", s->c.item, name, s->c.normal);
	free(v);
}

/* ---- the reports ---- */

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
	pk_esc_json(stdout, str);
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

void
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
int
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

void
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

/* print_gal_header(): the banner line or the JSON document's head. */
void
banner(struct ios *s, const struct tm *tm)
{
	struct pk_sys_uname u;
	char date[64];
	const char *e = getenv("S_TIME_FORMAT");

	if (e != NULL && strcmp(e, "ISO") == 0) {
		s->flags |= F_ISO;
		fmt_time(date, sizeof(date), "%Y-%m-%d", tm);
	} else
		fmt_time(date, sizeof(date), loc_date, tm);
	if (pk_sys_uname(&u) != PK_OK)
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
