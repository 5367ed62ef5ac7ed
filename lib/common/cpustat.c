/*
 * cpustat.c: the "cpu " line of /proc/stat, the cpuN count and
 * /proc/uptime, parsed as sysstat 12.6.1 does (rd_stats.c read_stat_cpu,
 * read_uptime; count.c get_proc_cpu_nr): it reads lines with fgets()
 * into fixed buffers and converts them with sscanf(), so a line is cut
 * where its buffer ends and a number keeps strtoul(3) semantics (sign,
 * saturation).  Reproducing that makes odd input give sysstat's numbers.
 */
#include <string.h>

#include "pskit.h"

/* The next fgets(buf, size) line of [*p, end): its bounds. */
static int
next_line(const char **p, const char *end, size_t size, const char **ls,
    const char **le)
{
	const char *q = *p;

	if (q >= end)
		return 0;
	*ls = q;
	while (q < end && (size_t)(q - *ls) < size - 1) {
		if (*q++ == '\n')
			break;
	}
	*le = q;
	*p = q;
	return 1;
}

int
pk_cpustat_parse(const char *buf, size_t len, struct pk_cpustat *out)
{
	const char *p = buf, *end = buf + len, *ls, *le;
	uint64_t *f[10];
	int i, ok;

	f[0] = &out->user; f[1] = &out->nice; f[2] = &out->system;
	f[3] = &out->idle; f[4] = &out->iowait; f[5] = &out->irq;
	f[6] = &out->softirq; f[7] = &out->steal; f[8] = &out->guest;
	f[9] = &out->guest_nice;
	while (next_line(&p, end, 8192, &ls, &le)) {
		if (le - ls < 4 || memcmp(ls, "cpu ", 4) != 0)
			continue;
		memset(out, 0, sizeof(*out));
		/* sysstat scans from line + 5, whatever the spacing. */
		ls = le - ls >= 5 ? ls + 5 : le;
		for (i = 0; i < 10; i++) {
			ls = pk_num_parse(ls, le, f[i], &ok);
			if (!ok)
				break;
		}
		return PK_OK;
	}
	return PK_EPARSE;
}

/* sscanf("%d") of [p, end): strtol(3) truncated to int. */
static int
scan_int(const char *p, const char *end, int *v)
{
	uint64_t u;
	int ok, neg;

	while (p < end && (*p == ' ' || (*p >= '\t' && *p <= '\r')))
		p++;
	neg = p < end && *p == '-';
	pk_num_parse(p, end, &u, &ok);
	if (!ok)
		return 0;
	if (!neg && u > 0x7fffffffffffffffULL)
		u = 0x7fffffffffffffffULL;
	*v = (int)(uint32_t)u;
	return 1;
}

int
pk_cpustat_nr_parse(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *ls, *le;
	int num = -1, nr = -1;

	/* get_proc_cpu_nr() reads 15-character pieces. */
	while (next_line(&p, end, 16, &ls, &le)) {
		if (le - ls < 3 || memcmp(ls, "cpu", 3) != 0 ||
		    (le - ls >= 4 && ls[3] == ' '))
			continue;
		/* A failed scan keeps the previous number, as sscanf does. */
		(void)scan_int(ls + 3, le, &num);
		if (num > nr)
			nr = num;
	}
	return nr + 1;
}

int
pk_uptime_parse(const char *buf, size_t len, uint64_t *cs)
{
	const char *p = buf, *end = buf + len, *ls, *le;
	uint64_t sec, cent;
	int ok;

	if (!next_line(&p, end, 128, &ls, &le))
		return PK_EPARSE;
	ls = pk_num_parse(ls, le, &sec, &ok);
	if (!ok || ls >= le || *ls != '.')
		return PK_EPARSE;
	pk_num_parse(ls + 1, le, &cent, &ok);
	if (!ok)
		return PK_EPARSE;
	*cs = sec * 100 + cent;
	return PK_OK;
}
