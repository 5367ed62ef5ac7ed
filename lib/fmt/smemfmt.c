/*
 * smemfmt.c: text formatting shared by memory reports: smem 1.5's
 * amounts (-k units, -p percentages), its -R sizes, and the UTF-8 aware
 * widths and escaping its Python "%-27.27s" columns need.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "pskit/fmt.h"

/* Characters (code points) of a UTF-8 string, as Python counts them. */
size_t
pk_utf8_len(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Bytes of the first nchars characters of s (all of s if shorter). */
size_t
pk_utf8_prefix(const char *s, size_t nchars)
{
	size_t i, c = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && c++ == nchars)
			break;
	return i;
}

/*
 * Untrusted text (command lines, names, map names) for display, by the
 * one escaping policy (esc.c): malloc'd, NULL when out of memory.
 */
char *
pk_smem_escape(const char *s)
{
	return pk_esc_text_dup(s);
}

/*
 * smem's units(): the amount in bytes, divided by 1024 while it is at
 * least 1024, through "", K, M, G, T, printed "%.1f" + suffix; exactly
 * 0 prints "0".  (Past T, smem divides once more and keeps "T".)
 */
void
pk_smem_units(int64_t kb, char *buf, size_t len)
{
	static const char *sfx[] = { "", "K", "M", "G", "T" };
	double x = (double)kb * 1024;
	size_t i;

	if (kb == 0) {
		snprintf(buf, len, "0");
		return;
	}
	for (i = 0; i < 5; i++) {
		if (x < 1024)
			break;
		x /= 1024.0;
	}
	snprintf(buf, len, "%.1f%s", x, sfx[i < 5 ? i : 4]);
}

/* smem's -p: "%.2f%%" of total, "N/A" when the total is 0. */
void
pk_smem_percent(int64_t kb, double total, char *buf, size_t len)
{
	if (total == 0)
		snprintf(buf, len, "N/A");
	else
		snprintf(buf, len, "%.2f%%", 100.0 * (double)kb / total);
}

/*
 * smem's fromunits() for -R: the first of k K kB KB M MB G GB T TB that
 * ends the text (powers of 1024) scales the number before it; the whole
 * bytes, in kB (a fraction is possible: smem keeps a float).
 */
int
pk_smem_size_kb(const char *s, double *kb)
{
	static const struct { const char *sfx; double mul; } u[] = {
		{ "k", 1 << 10 }, { "K", 1 << 10 }, { "kB", 1 << 10 },
		{ "KB", 1 << 10 }, { "M", 1 << 20 }, { "MB", 1 << 20 },
		{ "G", 1 << 30 }, { "GB", 1 << 30 },
		{ "T", 1099511627776.0 }, { "TB", 1099511627776.0 },
	};
	size_t i, n = strlen(s), k;
	char num[64], *end;
	double v;

	for (i = 0; i < sizeof(u) / sizeof(u[0]); i++) {
		k = strlen(u[i].sfx);
		if (n < k || strcmp(s + n - k, u[i].sfx) != 0)
			continue;
		if (n - k == 0 || n - k >= sizeof(num))
			return PK_EPARSE;
		memcpy(num, s, n - k);
		num[n - k] = '\0';
		v = strtod(num, &end);
		/* bytes must fit in an int64_t */
		if (*end != '\0' || !(v >= 0 && v * u[i].mul < 9.2e18))
			return PK_EPARSE;
		*kb = (double)(int64_t)(v * u[i].mul) / 1024;
		return PK_OK;
	}
	return PK_EPARSE;
}
