/*
 * Unit tests of the library parts behind procsmem's charts: properties
 * of pk_xml_escape() over random bytes (the output is strict UTF-8 with
 * only characters XML 1.0 allows and no raw markup), and of
 * pk_smem_pie() over random values (slices and fold add up to the
 * input, the fold only takes what smem's rules allow, the percentages
 * shown add up to 100).  The exact outputs are compared with smem and
 * psutil by the bats suites.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pskit.h"
#include "pskit/fmt.h"

static uint64_t rng = 88172645463325252ULL;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* A strict UTF-8 XML Char at p: its length, 0 when not one. */
static size_t
xml_char(const unsigned char *p)
{
	size_t n, i;
	unsigned long c;

	n = *p < 0x80 ? 1 : (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3 :
	    (*p & 0xf8) == 0xf0 ? 4 : 0;
	if (n == 0)
		return 0;
	c = n == 1 ? *p : *p & (0x7fu >> n);
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3fu);
	}
	if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) ||
	    (n == 4 && c < 0x10000))
		return 0;
	if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0xd800 && c <= 0xdfff) ||
	    c == 0xfffe || c == 0xffff || c > 0x10ffff)
		return 0;
	if (c == '<' || c == '>' || c == '"' || c == '\'')
		return 0;
	return n;
}

static int
well_formed(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	while (*p != '\0') {
		if (*p == '&') {
			if (strncmp((const char *)p, "&amp;", 5) == 0)
				n = 5;
			else if (strncmp((const char *)p, "&lt;", 4) == 0 ||
			    strncmp((const char *)p, "&gt;", 4) == 0)
				n = 4;
			else if (strncmp((const char *)p, "&quot;", 6) == 0 ||
			    strncmp((const char *)p, "&apos;", 6) == 0)
				n = 6;
			else
				return 0;
		} else if ((n = xml_char(p)) == 0)
			return 0;
		p += n;
	}
	return 1;
}

static void
xml_random_bytes(void)
{
	char in[64], *out;
	int i, j, bad = 0;

	for (i = 0; i < 20000; i++) {
		int len = (int)(next() % 40);

		for (j = 0; j < len; j++) {
			/* half ASCII, half the UTF-8 lead/continuation zone */
			uint64_t r = next();

			in[j] = (char)(r & 1 ? (r >> 8) % 0x80 : 0x80 + (r >> 8) % 0x80);
			if (in[j] == '\0')
				in[j] = 'x';
		}
		in[len] = '\0';
		if ((out = pk_xml_escape(in)) == NULL || !well_formed(out))
			bad++;
		free(out);
	}
	CHECK(bad == 0);
}

static void
xml_keeps_valid_text(void)
{
	const char *s = "p\xc3\xa9tanque \xe2\x82\xac \xf0\x9f\x90\xa7 a\\b";
	char *out = pk_xml_escape(s);

	CHECK(out != NULL && strcmp(out, s) == 0);
	free(out);
}

static void
pie_adds_up(void)
{
	double v[32], folded, total, pct;
	struct pk_pie p;
	size_t n, i, k;
	int bad = 0;

	for (k = 0; k < 5000; k++) {
		n = next() % 32;
		for (i = 0; i < n; i++)	/* descending, as smem sorts */
			v[i] = (double)(next() % 1000) * (double)(n - i);
		total = (double)(next() % 200000);
		pk_smem_pie(v, n, total, &p);
		/* the fold is exactly the rows not kept */
		for (folded = 0, i = p.nkept; i < n; i++)
			folded += v[i];
		bad += p.nkept > n || folded != p.other;
		bad += p.has_other != (folded != 0);
		/* the first slice kept passes both of smem's bounds */
		if (p.nkept > 0 && p.nkept < n)
			bad += !(p.other + v[p.nkept - 1] >= total * .02 &&
			    v[p.nkept - 1] >= total * .005);
		bad += p.has_unused != (p.unused > 0);
		/* the percentages shown add up to 100 */
		for (pct = 0, i = 0; i < p.nkept; i++)
			pct += pk_smem_pie_percent(&p, v[i]);
		pct += p.has_other ? pk_smem_pie_percent(&p, p.other) : 0;
		pct += p.has_unused ? pk_smem_pie_percent(&p, p.unused) : 0;
		bad += p.drawn > 0 && (pct < 100 - 1e-9 || pct > 100 + 1e-9);
	}
	CHECK(bad == 0);
}

int
main(void)
{
	TEST(xml_random_bytes);
	TEST(xml_keeps_valid_text);
	TEST(pie_adds_up);
	return DONE();
}
