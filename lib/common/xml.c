/*
 * xml.c: untrusted text (process names, users, command lines) inside an
 * XML document (procsmem's SVG charts).  The escaping policy of every
 * text output, applied to XML: valid printable UTF-8 passes, markup
 * characters become entities, and what XML 1.0 cannot carry or a reader
 * should not see (C0 and C1 controls, DEL, invalid or overlong UTF-8,
 * surrogates, U+FFFE/U+FFFF) becomes vis(3)-style octal per byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

/* The code point of the strict UTF-8 sequence at p, its length in *n;
 * -1 when the bytes are not one. */
static long
u8_decode(const unsigned char *p, size_t *n)
{
	static const long min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	long c;
	size_t i, len;

	len = *p < 0x80 ? 1 : (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ?
	    3 : (*p & 0xf8) == 0xf0 ? 4 : 0;
	if (len == 0)
		return -1;
	c = len == 1 ? *p : *p & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return -1;
		c = c << 6 | (p[i] & 0x3f);
	}
	if (c < min[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*n = len;
	return c;
}

/* Printable and allowed by XML 1.0's Char production. */
static int
xml_ok(long c)
{
	return (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xd7ff) ||
	    (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

char *
pk_xml_escape(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out, *q;
	size_t n;
	long c;

	/* the longest form: "&quot;" (6) per input byte */
	if ((out = malloc(strlen(s) * 6 + 1)) == NULL)
		return NULL;
	for (q = out; *p != '\0'; p += n) {
		n = 1;
		c = u8_decode(p, &n);
		if (c == '&')
			q += sprintf(q, "&amp;");
		else if (c == '<')
			q += sprintf(q, "&lt;");
		else if (c == '>')
			q += sprintf(q, "&gt;");
		else if (c == '"')
			q += sprintf(q, "&quot;");
		else if (c == '\'')
			q += sprintf(q, "&apos;");
		else if (c >= 0 && xml_ok(c)) {
			memcpy(q, p, n);
			q += n;
		} else {
			/* one byte at a time: the next may start a valid one */
			n = 1;
			q += sprintf(q, "\\%03o", *p);
		}
	}
	*q = '\0';
	return out;
}
