/*
 * esc.c: the one escaping policy (DESIGN.md "Output", issue 18) for
 * everything a local user names: process names, command lines,
 * environments, map names, interfaces, devices, services.
 *
 * The input is cut into units: one valid UTF-8 sequence, or one byte
 * that is not part of one (overlong forms, surrogates, > U+10FFFF,
 * truncated sequences).  A unit is "unsafe" when it is a C0 control,
 * DEL, a C1 control (U+0080-U+009F as UTF-8, or any lone byte >= 0x80)
 * or not valid UTF-8.  Each format escapes unsafe units per byte:
 *
 *   text  \ooo (vis(3) VIS_OCTAL), a backslash stays itself; outside a
 *         UTF-8 locale every byte >= 0x80 is unsafe (as ps does)
 *   tsv   \t \n \r \\ and \xHH: reversible
 *   json  valid strings exactly (controls as \uXXXX); an invalid value
 *         is an array of its byte values (the systemd journal's form);
 *         an invalid key is "\u0000" and the key's bytes in hex
 *   prom  the label value is the name with \ doubled and unsafe bytes
 *         as \xHH, then exposition-escaped: injective after decoding
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "pskit/out.h"

/*
 * Length of the valid UTF-8 sequence at s (1..4), or 0 when the bytes
 * there are not one (overlong forms, surrogates and > U+10FFFF included).
 */
size_t
pk_utf8_seq(const unsigned char *s)
{
	size_t n, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

int
pk_utf8_valid(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n;

	for (; *s != '\0'; s += n)
		if ((n = pk_utf8_seq(s)) == 0)
			return 0;
	return 1;
}

/*
 * The unit at s: its length in *n, and whether it is unsafe.  With
 * utf8 == 0 (a non-UTF-8 terminal) every byte is its own unit.
 */
static int
unit(const unsigned char *s, int utf8, size_t *n)
{
	if (*s < 0x80) {
		*n = 1;
		return *s < 0x20 || *s == 0x7f;
	}
	if (!utf8 || (*n = pk_utf8_seq(s)) == 0) {
		*n = 1;
		return 1;
	}
	/* U+0080-U+009F are C2 80..C2 9F */
	return *n == 2 && s[0] == 0xc2 && s[1] < 0xa0;
}

/* PK_ESC_UTF8 when the user's locale has the codeset UTF-8 (sys topic). */
unsigned
pk_esc_locale(void)
{
	return pk_sys_utf8_locale() ? PK_ESC_UTF8 : 0;
}

/* One text unit at s, escaped into tmp (16 bytes at most): its length. */
static size_t
text_unit(const unsigned char *s, unsigned flags, char *tmp, size_t *n)
{
	size_t i, w;

	if (!unit(s, flags & PK_ESC_UTF8, n)) {
		memcpy(tmp, s, *n);
		return *n;
	}
	for (i = w = 0; i < *n; i++, w += 4)
		snprintf(tmp + w, 5, "\\%03o", s[i]);
	return w;
}

/*
 * Text: src escaped into dst (dstlen bytes, NUL-terminated).  A unit
 * that does not fit whole is left out with everything after it, so a
 * cut never splits an escape or a character.  Returns the length the
 * whole escaped string needs (4 * strlen(src) at most), as strlcpy.
 */
size_t
pk_esc_text(char *dst, size_t dstlen, const char *src, unsigned flags)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t n, w, len = 0, used = 0;
	char tmp[17];

	for (; *s != '\0'; s += n) {
		w = text_unit(s, flags, tmp, &n);
		if (used == len && len + w < dstlen) {
			memcpy(dst + len, tmp, w);
			used += w;
		}
		len += w;
	}
	if (dstlen > 0)
		dst[used] = '\0';
	return len;
}

/* Text, escaped for the current locale, malloc'd; NULL when out of memory. */
char *
pk_esc_text_dup(const char *src)
{
	size_t len = strlen(src) * 4 + 1;
	char *d;

	if ((d = malloc(len)) == NULL)
		return NULL;
	pk_esc_text(d, len, src, pk_esc_locale());
	return d;
}

/* Text, escaped for the current locale, straight to fp. */
void
pk_esc_fputs(const char *src, FILE *fp)
{
	const unsigned char *s = (const unsigned char *)src;
	unsigned flags = pk_esc_locale();
	size_t n, w;
	char tmp[17];

	for (; *s != '\0'; s += n) {
		w = text_unit(s, flags, tmp, &n);
		fwrite(tmp, 1, w, fp);
	}
}

/*
 * Bytes of the longest prefix of an escaped string with at most ncols
 * characters, a \ooo escape counting 4 and never split; the prefix's
 * characters in *cols.  (A literal backslash followed by three octal
 * digits is kept whole too: harmless, the cell is only shorter.)
 */
size_t
pk_esc_cut(const char *str, size_t ncols, size_t *cols)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, c = 0, n, w;

	while (s[i] != '\0') {
		if (s[i] == '\\' && s[i + 1] >= '0' && s[i + 1] <= '3' &&
		    s[i + 2] >= '0' && s[i + 2] <= '7' &&
		    s[i + 3] >= '0' && s[i + 3] <= '7')
			n = w = 4;
		else {
			for (n = 1; (s[i + n] & 0xc0) == 0x80; n++)
				;
			w = 1;
		}
		if (c + w > ncols)
			break;
		c += w;
		i += n;
	}
	if (cols != NULL)
		*cols = c;
	return i;
}

/* TSV: \t \n \r \\ as pairs, other unsafe bytes \xHH. */
void
pk_esc_tsv(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n, i;

	for (; *s != '\0'; s += n) {
		if (!unit(s, 1, &n)) {
			if (*s == '\\')
				fputs("\\\\", fp);
			else
				fwrite(s, 1, n, fp);
			continue;
		}
		for (i = 0; i < n; i++) {
			switch (s[i]) {
			case '\t': fputs("\\t", fp); break;
			case '\n': fputs("\\n", fp); break;
			case '\r': fputs("\\r", fp); break;
			default: fprintf(fp, "\\x%02x", s[i]); break;
			}
		}
	}
}

/* A valid UTF-8 string as a JSON string, exactly; controls as \uXXXX. */
static void
json_valid(FILE *fp, const unsigned char *s)
{
	const unsigned char *run;
	size_t n;

	putc('"', fp);
	while (*s != '\0') {
		for (run = s; *s >= 0x20 && *s < 0x7f && *s != '"' &&
		    *s != '\\'; s++)
			;
		if (s > run)
			fwrite(run, 1, (size_t)(s - run), fp);
		if (*s == '\0')
			break;
		if (*s == '"' || *s == '\\') {
			putc('\\', fp);
			putc(*s++, fp);
			continue;
		}
		if (unit(s, 1, &n)) {
			/* C0, DEL, C1: a terminal never sees them raw */
			switch (*s) {
			case '\n': fputs("\\n", fp); break;
			case '\t': fputs("\\t", fp); break;
			case '\r': fputs("\\r", fp); break;
			case '\b': fputs("\\b", fp); break;
			case '\f': fputs("\\f", fp); break;
			default:
				fprintf(fp, "\\u%04x", n == 2 ? s[1] : s[0]);
				break;
			}
		} else
			fwrite(s, 1, n, fp);
		s += n;
	}
	putc('"', fp);
}

/*
 * A JSON value: a valid string exactly; an invalid one as the array of
 * its byte values, which no string decodes to (systemd journal export).
 */
void
pk_esc_json(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	if (pk_utf8_valid(str)) {
		json_valid(fp, s);
		return;
	}
	putc('[', fp);
	for (; *s != '\0'; s++)
		fprintf(fp, "%u%s", *s, s[1] != '\0' ? "," : "");
	putc(']', fp);
}

/*
 * A JSON object key: a valid key exactly; an invalid one as U+0000
 * followed by its bytes in lower-case hex.  No C string holds U+0000,
 * so the form is never a real key and two keys never merge.
 */
void
pk_esc_json_key(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	if (pk_utf8_valid(str)) {
		json_valid(fp, s);
		return;
	}
	fputs("\"\\u0000", fp);
	for (; *s != '\0'; s++)
		fprintf(fp, "%02x", *s);
	putc('"', fp);
}

/*
 * A Prometheus label value.  The value a consumer decodes is the name
 * with \ doubled and each unsafe byte as \xHH; the exposition format
 * then doubles \ again and escapes ".  Valid UTF-8 always (Prometheus
 * rejects a file for one bad byte) and injective: "a\xff" typed
 * literally decodes to a\\xff, the byte 0xff to a\xff.
 */
void
pk_esc_prom_label(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n, i;

	for (; *s != '\0'; s += n) {
		if (!unit(s, 1, &n)) {
			if (*s == '\\')
				fputs("\\\\\\\\", fp);
			else if (*s == '"')
				fputs("\\\"", fp);
			else
				fwrite(s, 1, n, fp);
			continue;
		}
		for (i = 0; i < n; i++)
			fprintf(fp, "\\\\x%02x", s[i]);
	}
}
