/*
 * diskstats.c: /proc/diskstats and /sys/block/.../stat, parsed as
 * sysstat 12.6.1's iostat does (read_diskstats_stat_work,
 * read_sysfs_file_stat_work): one scanf() format per file, the count of
 * converted fields deciding the layout.  The emulation below keeps
 * scanf's rules: white space skipped before each conversion, numbers by
 * strtoul(3) ("%u" then truncated to 32 bits), "%s" a run of non-blank
 * characters, EOF (-1) when the input ends before the first conversion.
 */
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

static int
is_blank(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * scanf over [p, end) with a format of 'l' (u64), 'u' (u32) and 's'
 * (string into a 256-byte buffer) letters.  Returns the count.
 */
static int
scan(const char *p, const char *end, const char *fmt, void **args)
{
	uint64_t v;
	char *s;
	size_t n;
	int count = 0, ok;

	for (; *fmt != '\0'; fmt++, args++) {
		while (p < end && is_blank(*p))
			p++;
		if (p >= end)
			return count == 0 ? -1 : count;
		if (*fmt == 's') {
			s = *args;
			for (n = 0; p < end && !is_blank(*p); p++)
				if (n < 255)
					s[n++] = *p;
			s[n] = '\0';
		} else {
			p = pk_num_parse(p, end, &v, &ok);
			if (!ok)
				return count;
			if (*fmt == 'l')
				*(uint64_t *)*args = v;
			else
				*(uint32_t *)*args = (uint32_t)v;
		}
		count++;
	}
	return count;
}

/* The common 11..17-field tail in sysstat's order. */
static void
fill(struct pk_blkstat *o, int n, const uint64_t *l, const uint32_t *u)
{
	memset(o, 0, sizeof(*o));
	if (n >= 11) {
		o->rd_ios = l[0]; o->rd_merges = l[1]; o->rd_sectors = l[2];
		o->rd_ticks = (uint32_t)l[3];
		o->wr_ios = l[4]; o->wr_merges = l[5]; o->wr_sectors = l[6];
		o->wr_ticks = u[0]; o->ios_pgr = u[1]; o->tot_ticks = u[2];
		o->rq_ticks = u[3];
		if (n >= 15) {
			o->dc_ios = l[7]; o->dc_merges = l[8];
			o->dc_sectors = l[9]; o->dc_ticks = u[4];
		}
		if (n >= 17) {
			o->fl_ios = l[10];
			o->fl_ticks = u[5];
		}
	} else if (n == 4) {
		/* Old partition line: reads, sectors read, writes, written. */
		o->rd_ios = l[0]; o->rd_sectors = l[1];
		o->wr_ios = l[2]; o->wr_sectors = l[3];
	}
}

/* Pointers for the 17 stat fields, sysstat's format order. */
static void
stat_args(void **a, uint64_t *l, uint32_t *u)
{
	a[0] = &l[0]; a[1] = &l[1]; a[2] = &l[2]; a[3] = &l[3];
	a[4] = &l[4]; a[5] = &l[5]; a[6] = &l[6];
	a[7] = &u[0]; a[8] = &u[1]; a[9] = &u[2]; a[10] = &u[3];
	a[11] = &l[7]; a[12] = &l[8]; a[13] = &l[9]; a[14] = &u[4];
	a[15] = &l[10]; a[16] = &u[5];
}

int
pk_blkstat_parse(const char *buf, size_t len, struct pk_blkstat *out)
{
	uint64_t l[11] = { 0 };
	uint32_t u[6] = { 0 };
	void *a[17];
	int n;

	stat_args(a, l, u);
	n = scan(buf, buf + len, "llllllluuuulllulu", a);
	fill(out, n, l, u);
	return n;
}

/* One line; returns the scanf count (after major, minor and name). */
static int
diskstats_line(const char *p, const char *end, struct pk_diskstats_ent *e)
{
	uint64_t l[11] = { 0 };
	uint32_t u[6] = { 0 };
	void *a[20];
	int n;

	a[0] = &e->major; a[1] = &e->minor; a[2] = e->name;
	stat_args(a + 3, l, u);
	e->name[0] = '\0';
	n = scan(p, end, "uusllllllluuuulllulu", a);
	e->nfields = n;
	if (n >= 14)
		fill(&e->st, n - 3, l, u);
	else if (n == 7)
		fill(&e->st, 4, l, u);
	return n;
}

int
pk_diskstats_parse(const char *buf, size_t len, struct pk_diskstats_ent **ents,
    size_t *nents)
{
	const char *p = buf, *end = buf + len, *ls;
	struct pk_diskstats_ent e, *v = NULL;
	size_t n = 0, cap = 0;
	int c;

	while (p < end) {
		/* fgets(line, 256): at most 255 bytes, through the newline. */
		for (ls = p; p < end && p - ls < 255; )
			if (*p++ == '\n')
				break;
		memset(&e, 0, sizeof(e));
		c = diskstats_line(ls, p, &e);
		if (c < 14 && c != 7)
			continue;
		if (pk_array_grow(&v, &cap, n, sizeof(*v)) != PK_OK) {
			free(v);
			return PK_ENOMEM;
		}
		v[n++] = e;
	}
	*ents = v;
	*nents = n;
	return PK_OK;
}
