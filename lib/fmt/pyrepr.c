/*
 * pyrepr.c: Python's repr() of a service's strings, as psutil's
 * scripts/winservices.py prints them (winservices only).
 */
#include <stdio.h>
#include <string.h>

#include "pskit.h"
#include "pskit/fmt.h"

/* One code point from valid UTF-8 at s, its length in *n; -1 if invalid. */
static long
utf8_decode(const unsigned char *s, size_t *n)
{
	static const unsigned char lead[] = { 0, 0x7f, 0x1f, 0x0f, 0x07 };
	unsigned long cp;
	size_t len, i;

	if ((len = pk_utf8_seq(s)) == 0)	/* esc.c: the one validator */
		return -1;
	cp = s[0] & lead[len];
	for (i = 1; i < len; i++)
		cp = (cp << 6) | (s[i] & 0x3f);
	*n = len;
	return (long)cp;
}

/*
 * CPython's str.isprintable() is false for the categories Cc, Cf, Cs, Co,
 * Cn, Zl, Zp and Zs other than ' '.  These ranges cover the assigned
 * Cc/Cf/Z*, surrogates, private use and noncharacters; other unassigned
 * code points count as printable here.
 */
static int
py_printable(unsigned long cp)
{
	static const unsigned long no[][2] = {
		{ 0x0, 0x1f }, { 0x7f, 0xa0 }, { 0xad, 0xad },
		{ 0x600, 0x605 }, { 0x61c, 0x61c }, { 0x6dd, 0x6dd },
		{ 0x70f, 0x70f }, { 0x890, 0x891 }, { 0x8e2, 0x8e2 },
		{ 0x180e, 0x180e }, { 0x1680, 0x1680 }, { 0x2000, 0x200f },
		{ 0x2028, 0x202f }, { 0x205f, 0x206f }, { 0x3000, 0x3000 },
		{ 0xd800, 0xf8ff }, { 0xfdd0, 0xfdef }, { 0xfeff, 0xfeff },
		{ 0xfff9, 0xfffb }, { 0x110bd, 0x110bd }, { 0x110cd, 0x110cd },
		{ 0x13430, 0x1343f }, { 0x1bca0, 0x1bca3 },
		{ 0x1d173, 0x1d17a }, { 0xe0001, 0xe0001 },
		{ 0xe0020, 0xe007f }, { 0xf0000, 0x10ffff },
	};
	size_t i;

	if ((cp & 0xfffe) == 0xfffe)
		return 0;
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (cp >= no[i][0] && cp <= no[i][1])
			return 0;
	return 1;
}

static int
put_escape(struct pk_buf *b, unsigned long cp)
{
	char tmp[16];
	int n;

	switch (cp) {
	case '\t': return pk_buf_append(b, "\\t", 2);
	case '\n': return pk_buf_append(b, "\\n", 2);
	case '\r': return pk_buf_append(b, "\\r", 2);
	}
	if (cp < 0x100)
		n = snprintf(tmp, sizeof(tmp), "\\x%02lx", cp);
	else if (cp < 0x10000)
		n = snprintf(tmp, sizeof(tmp), "\\u%04lx", cp);
	else
		n = snprintf(tmp, sizeof(tmp), "\\U%08lx", cp);
	return pk_buf_append(b, tmp, (size_t)n);
}

int
pk_svc_pyrepr(const char *str, struct pk_buf *b)
{
	const unsigned char *s = (const unsigned char *)str;
	char q = '\'';
	size_t n;
	long cp;
	int rc = PK_OK;

	/* CPython: single quotes unless the text has ' and no ". */
	if (strchr(str, '\'') != NULL && strchr(str, '"') == NULL)
		q = '"';
	rc |= pk_buf_append(b, &q, 1);
	while (*s != '\0' && rc == PK_OK) {
		if ((cp = utf8_decode(s, &n)) < 0) {
			rc = put_escape(b, *s++);
			continue;
		}
		if (cp == q || cp == '\\') {
			rc = pk_buf_append(b, "\\", 1);
			rc |= pk_buf_append(b, s, 1);
		} else if (!py_printable((unsigned long)cp))
			rc = put_escape(b, (unsigned long)cp);
		else
			rc = pk_buf_append(b, s, n);
		s += n;
	}
	rc |= pk_buf_append(b, &q, 1);
	return rc == PK_OK ? PK_OK : PK_ENOMEM;
}
