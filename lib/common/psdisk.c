/*
 * psdisk.c: /proc/diskstats and sys block stat files read as psutil
 * 5.9.4's disk_io_counters() reads them (psutil/_pslinux.py read_procfs,
 * read_sysfs): Python's readlines() (lines end at \n, \r\n or \r),
 * str.split() (ASCII white space, \x1c-\x1f included) and int().
 * Pure: no I/O; pk_psdisk_read (lib/linux/disk.c) feeds it.
 */
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

#define MAXF	20	/* fields kept per line; more only count */

static int
py_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* int() of a field: [+]digits below 2^64, else -1. */
static int
py_int(const char *p, size_t n, uint64_t *v)
{
	size_t i = 0;

	*v = 0;
	if (n > 0 && p[0] == '+')
		i++;
	if (i == n)
		return -1;
	for (; i < n; i++) {
		if (p[i] < '0' || p[i] > '9' ||
		    *v > (UINT64_MAX - (uint64_t)(p[i] - '0')) / 10)
			return -1;
		*v = *v * 10 + (uint64_t)(p[i] - '0');
	}
	return 0;
}

/* split() of [p, end): the first MAXF fields; returns the count. */
static int
split(const char *p, const char *end, const char **f, size_t *fl)
{
	int n = 0;

	for (;;) {
		while (p < end && py_space(*p))
			p++;
		if (p >= end)
			return n;
		if (n < MAXF)
			f[n] = p;
		while (p < end && !py_space(*p))
			p++;
		if (n < MAXF)
			fl[n] = (size_t)(p - f[n]);
		n++;
	}
}

/* map(int, fields[a:a+k]) into v. */
static int
ints(const char **f, const size_t *fl, int a, int k, uint64_t *v)
{
	int i;

	for (i = 0; i < k; i++)
		if (py_int(f[a + i], fl[a + i], &v[i]) == -1)
			return -1;
	return 0;
}

static void
set_name(struct pk_psdisk *d, const char *p, size_t n)
{
	if (n >= sizeof(d->name))
		n = sizeof(d->name) - 1;
	memcpy(d->name, p, n);
	d->name[n] = '\0';
}

/* One readlines() line into d; -1 where psutil raises. */
static int
ps_line(const char *p, const char *end, struct pk_psdisk *d)
{
	const char *f[MAXF];
	size_t fl[MAXF];
	uint64_t v[11];
	int n = split(p, end, f, fl);

	memset(d, 0, sizeof(*d));
	if (n == 15) {		/* Linux 2.4: reads before the name */
		if (ints(f, fl, 2, 1, v) == -1 || ints(f, fl, 4, 10, v + 1) == -1)
			return -1;
		set_name(d, f[3], fl[3]);
	} else if (n == 14 || n >= 18) {
		if (ints(f, fl, 3, 11, v) == -1)
			return -1;
		set_name(d, f[2], fl[2]);
	} else if (n == 7) {	/* reads, sectors read, writes, written */
		if (ints(f, fl, 3, 4, v) == -1)
			return -1;
		set_name(d, f[2], fl[2]);
		d->reads = v[0]; d->rbytes = v[1] * 512;
		d->writes = v[2]; d->wbytes = v[3] * 512;
		return 0;
	} else
		return -1;
	d->reads = v[0]; d->rmerged = v[1]; d->rbytes = v[2] * 512;
	d->rtime = v[3]; d->writes = v[4]; d->wmerged = v[5];
	d->wbytes = v[6] * 512; d->wtime = v[7]; d->busy = v[9];
	return 0;
}

int
pk_psdisk_diskstats_parse(const char *buf, size_t len, struct pk_psdisk **ents,
    size_t *nents)
{
	const char *p = buf, *end = buf + len, *ls;
	struct pk_psdisk d, *v = NULL;
	size_t n = 0, cap = 0;

	*ents = NULL;
	*nents = 0;
	while (p < end) {
		for (ls = p; p < end && *p != '\n' && *p != '\r'; p++)
			;
		if (ps_line(ls, p, &d) == -1) {
			free(v);
			return PK_EPARSE;
		}
		/* the line ends at \n, \r\n or \r (universal newlines) */
		if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n')
			p++;
		if (p < end)
			p++;
		if (pk_array_grow(&v, &cap, n, sizeof(*v)) != PK_OK) {
			free(v);
			return PK_ENOMEM;
		}
		v[n++] = d;
	}
	*ents = v;
	*nents = n;
	return PK_OK;
}

int
pk_psdisk_stat_parse(const char *buf, size_t len, struct pk_psdisk *out)
{
	const char *f[MAXF];
	size_t fl[MAXF];
	uint64_t v[10];

	memset(out, 0, sizeof(*out));
	if (split(buf, buf + len, f, fl) < 10 || ints(f, fl, 0, 10, v) == -1)
		return PK_EPARSE;
	out->reads = v[0]; out->rmerged = v[1]; out->rbytes = v[2] * 512;
	out->rtime = v[3]; out->writes = v[4]; out->wmerged = v[5];
	out->wbytes = v[6] * 512; out->wtime = v[7]; out->busy = v[9];
	return PK_OK;
}

/* Sort key: the name, then the position (stable). */
static const struct pk_psdisk *sort_base;

static int
by_name(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = strcmp(sort_base[i].name, sort_base[j].name);

	return c != 0 ? c : (i > j) - (i < j);
}

size_t
pk_psdisk_dedup(struct pk_psdisk *v, size_t n)
{
	size_t *ix, i, j, k, m;
	char *drop;

	if (n < 2 || (ix = calloc(n, sizeof(*ix))) == NULL ||
	    (drop = calloc(n, 1)) == NULL) {
		if (n >= 2)
			free(ix);
		return n;	/* no memory: duplicates stay, nothing is lost */
	}
	for (i = 0; i < n; i++)
		ix[i] = i;
	sort_base = v;
	qsort(ix, n, sizeof(*ix), by_name);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[ix[j]].name, v[ix[i]].name) == 0;
		    j++)
			drop[ix[j]] = 1;
		if (j - i > 1)	/* the first place, the last counters */
			v[ix[i]] = v[ix[j - 1]];
	}
	for (k = 0, m = 0; k < n; k++)
		if (!drop[k])
			v[m++] = v[k];
	free(ix);
	free(drop);
	return m;
}
