/*
 * num.c: bounded number parsing for /proc text.  The kernel's files are
 * not NUL-terminated buffers in our hands (fuzzers, fixtures), so nothing
 * here reads past end.
 */
#include "pskit.h"

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	    c == '\r';
}

/*
 * strtoul(3) semantics, as procps and the kernel's users rely on: leading
 * white space, an optional sign, saturation at UINT64_MAX on overflow
 * (even for negative input), and "-N" giving the two's complement of N.
 */
const char *
pk_num_parse(const char *p, const char *end, uint64_t *val, int *ok)
{
	const char *start = p;
	uint64_t v = 0;
	int neg = 0, over = 0, digits = 0;

	while (p < end && is_space(*p))
		p++;
	if (p < end && (*p == '+' || *p == '-'))
		neg = *p++ == '-';
	for (; p < end && *p >= '0' && *p <= '9'; p++, digits++) {
		if (v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			over = 1;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	*ok = digits > 0;
	if (!digits) {
		*val = 0;
		return start;
	}
	if (over)
		*val = UINT64_MAX;
	else
		*val = neg ? (uint64_t)0 - v : v;
	return p;
}

/* kB sums of reports (smem's -t), held at the library's ceiling. */
int64_t
pk_kb_add(int64_t sum, int64_t v)
{
	return v > 0 && sum > PK_KB_MAX - v ? PK_KB_MAX : sum + v;
}

/* smem's map view: avgpss = int(pss / pids), reference/procsmem.md. */
int64_t
pk_kb_per(int64_t kb, int64_t n)
{
	return kb / (n > 0 ? n : 1);
}
