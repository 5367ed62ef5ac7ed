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

#include "parts.h"

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
put_unit(const struct opts *o, int unit, int wi, double v)
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
	printf(" %*.*f%s%c", wi - 1, o->dplaces ? 1 : 0, v, o->c.normal,
	    units[unit > 7 ? 7 : unit]);
}

/* cprintf_f(): one float, unit < 0 for none. */
static void
put_f(const struct opts *o, int unit, int wi, int wd, double v)
{
	double lim;

	if (wd > 0 && o->dplaces >= 0)
		wd = o->dplaces;
	lim = wd == 1 ? 0.05 : 0.005;
	if ((wd > 0 && v < lim && v > -lim) ||
	    (wd == 0 && v <= 0.5 && v >= -0.5))
		fputs(o->c.zero, stdout);
	else
		fputs(o->c.num, stdout);
	if (unit < 0)
		printf(" %*.*f%s", wi, wd, v, o->c.normal);
	else
		put_unit(o, unit, wi, v);
}

/* cprintf_pc(): a percentage, with a '%' sign in human mode. */
static void
put_pc(const struct opts *o, int human, int wi, int wd, double v)
{
	double lim;

	if (wd > 0 && o->dplaces >= 0)
		wd = o->dplaces;
	if (human) {
		if (wi < 4)
			wi = 4;
		wi--;
		if (wd > 1)
			wd--;
	}
	lim = wd == 1 ? 0.05 : 0.005;
	if (v >= 75.0)
		fputs(o->c.pc_high, stdout);
	else if (v >= 50.0)
		fputs(o->c.pc_low, stdout);
	else if ((wd > 0 && v < lim) || (wd == 0 && v <= 0.5))
		fputs(o->c.zero, stdout);
	else
		fputs(o->c.num, stdout);
	printf(" %*.*f%s%s", wi, wd, v, o->c.normal, human ? "%" : "");
}

/* cprintf_u64(). */
static void
put_u64(const struct opts *o, int unit, int wi, uint64_t v)
{
	fputs(v ? o->c.num : o->c.zero, stdout);
	if (unit < 0)
		printf(" %*llu%s", wi, (unsigned long long)v, o->c.normal);
	else
		put_unit(o, unit, wi, (double)v);
}

/*
 * A device name by the library's escaping policy; "%-13s" or " %s".
 * Newline and tab too: a name must not break the table into two lines.
 */
static void
put_name(const struct opts *o, int pretty, const char *name)
{
	char *v;

	if ((v = pk_esc_text_dup(name)) != NULL)
		name = v;
	printf(pretty ? "%s %s%s" : "%s%-13s%s", o->c.item, name, o->c.normal);
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
write_cpu(const struct opts *o, const double pc[6], int tab)
{
	int i;

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
		put_pc(o, DIS(F_UNIT), 7, 2, pc[i]);
	printf("\n\n");
}

/* The unit word of the headers and JSON keys: kB, MB, sec or Blk. */
static const char *
unit_word(const struct opts *o)
{
	if (DIS(F_KILOBYTES))
		return "kB";
	if (DIS(F_MEGABYTES))
		return "MB";
	return DIS(F_EXTENDED) ? "sec" : "Blk";
}

static void
write_header(const struct opts *o, int *tab, int h)
{
	const char *u = unit_word(o);
	const char *sp = DIS(F_KILOBYTES | F_MEGABYTES) ? " " : "";

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

static void
write_basic(const struct opts *o, const struct row *r, int tab)
{
	const struct pk_disk_stats *x = &r->x;
	int unit = DIS(F_UNIT) ? 0 : -1;
	const char *u;

	if (DIS(F_JSON)) {
		u = DIS(F_KILOBYTES) ? "kB" : DIS(F_MEGABYTES) ? "MB" : "Blk";
		tabs(tab);
		printf("{\"disk_device\": ");
		json_str(r->name);
		printf(", \"tps\": %.2f, \"%s_read/s\": %.2f, \"%s_wrtn/s\": "
		    "%.2f, \"%s_dscd/s\": %.2f, \"%s_read\": %llu, \"%s_wrtn\": "
		    "%llu, \"%s_dscd\": %llu}", x->tps, u, x->rs, u, x->ws, u,
		    x->ds, u, (unsigned long long)x->rd,
		    u, (unsigned long long)x->wr,
		    u, (unsigned long long)x->dc);
		return;
	}
	if (!DIS(F_PRETTY))
		put_name(o, 0, r->name);
	put_f(o, -1, 8, 2, x->tps);
	if (DIS(F_SHORT)) {
		put_f(o, unit, 12, 2, x->rs);
		put_f(o, unit, 12, 2, x->ws + x->ds);
		put_u64(o, unit, 10, x->rd);
		put_u64(o, unit, 10, x->wd);
	} else {
		put_f(o, unit, 12, 2, x->rs);
		put_f(o, unit, 12, 2, x->ws);
		put_f(o, unit, 12, 2, x->ds);
		put_u64(o, unit, 10, x->rd);
		put_u64(o, unit, 10, x->wr);
		put_u64(o, unit, 10, x->dc);
	}
	if (DIS(F_PRETTY))
		put_name(o, 1, r->name);
	printf("\n");
}

static void
write_ext_json(const struct opts *o, const struct pk_disk_stats *x,
    const char *name, int tab)
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
put_class(const struct opts *o, double ios, double sect, double mrg, double pc,
    double aw, double sz)
{
	int hu = DIS(F_UNIT);

	put_f(o, -1, 7, 2, ios);
	put_f(o, hu ? 0 : -1, 9, 2, sect);
	put_f(o, -1, 8, 2, mrg);
	put_pc(o, hu, 6, 2, pc);
	put_f(o, -1, 7, 2, aw);
	put_f(o, hu ? 2 : -1, 8, 2, sz);
}

static void
write_ext(const struct opts *o, int h, const struct row *r, int tab)
{
	const struct pk_disk_stats *x = &r->x;
	int hu = DIS(F_UNIT);

	if (r->group && r->nmemb == 0)
		return;		/* a group without members */
	if (DIS(F_JSON)) {
		write_ext_json(o, x, r->name, tab);
		return;
	}
	if (!DIS(F_PRETTY))
		put_name(o, 0, r->name);
	if (DIS(F_SHORT)) {
		put_f(o, -1, 8, 2, x->tps);
		put_f(o, hu ? 0 : -1, 9, 2, x->sectors);
		put_f(o, -1, 8, 2, x->rqm);
		put_f(o, -1, 7, 2, x->await);
		put_f(o, hu ? 2 : -1, 8, 2, x->sz);
		put_f(o, -1, 7, 2, x->aqu);
		put_pc(o, hu, 6, 2, x->util);
	} else {
		if (h == 1 || h == 0)
			put_class(o, x->r, x->rs, x->rm, x->rm_pc, x->r_await,
			    x->r_sz);
		if (h == 2 || h == 0)
			put_class(o, x->w, x->ws, x->wm, x->wm_pc, x->w_await,
			    x->w_sz);
		if (h == 3 || h == 0)
			put_class(o, x->d, x->ds, x->dm, x->dm_pc, x->d_await,
			    x->d_sz);
		if (h == 4 || h == 0) {
			put_f(o, -1, 7, 2, x->f);
			put_f(o, -1, 7, 2, x->f_await);
			put_f(o, -1, 7, 2, x->aqu);
			put_pc(o, hu, 6, 2, x->util);
		}
	}
	if (DIS(F_PRETTY))
		put_name(o, 1, r->name);
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
write_timestamp(const struct opts *o, int tab, const struct tm *tm)
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
 * The rows of sub-report h.  When a name could not be found there
 * (sm->err), sysstat stops, its JSON separator already out; returns -1.
 */
static int
write_devices(const struct opts *o, const struct sample *sm, int h, int tab,
    int *next)
{
	size_t k;

	for (k = sm->beg[h]; k < sm->end[h]; k++) {
		if (DIS(F_JSON) && *next)
			printf(",\n");
		*next = 1;
		if (DIS(F_EXTENDED))
			write_ext(o, h, &sm->rows[k], tab);
		else
			write_basic(o, &sm->rows[k], tab);
	}
	if (sm->err == 0 || sm->err_h != h)
		return 0;
	if (DIS(F_JSON) && *next)
		printf(",\n");
	return -1;
}

/*
 * One report (write_stats): timestamp, avg-cpu, the device table, split
 * into four sub-reports with --pretty -x; skip: -y's first one.
 */
void
write_stats(const struct opts *o, const struct sample *sm, const struct tm *tm,
    int skip)
{
	int h, tab = 4, next = 0;

	if (DIS(F_JSON) && !skip) {
		tabs(tab++);
		printf("{\n");
	}
	if (DIS(F_TIMESTAMP) && !skip)
		write_timestamp(o, tab, tm);
	if (DIS(F_CPU) && !skip) {
		write_cpu(o, sm->cpu, tab);
		if (DIS(F_JSON))
			printf(DIS(F_DISK) ? ",\n" : "\n");
	}
	if (DIS(F_DISK)) {
		for (h = sm->hl; h <= sm->hh; h++) {
			if (!skip)
				write_header(o, &tab, h);
			if (write_devices(o, sm, h, tab, &next) != 0)
				return;
			if (h > 0 && h < sm->hh && !skip)
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
banner(const struct opts *o, int cpu_nr, const struct tm *tm)
{
	struct pk_sys_uname u;
	char date[64];

	fmt_time(date, sizeof(date), DIS(F_ISO) ? "%Y-%m-%d" : loc_date, tm);
	if (pk_sys_uname(&u) != PK_OK)
		memset(&u, 0, sizeof(u));
	if (!DIS(F_JSON)) {
		printf("%s %s (%s) \t%s \t_%s_\t(%d CPU)\n\n", u.sysname,
		    u.release, u.nodename, date, u.machine, cpu_nr);
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
	    "\t\t\t\"statistics\": [\n", cpu_nr, date);
}
