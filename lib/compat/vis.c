/*
 * vis.c (compat): libbsd's vis(3) (NetBSD lib/libc/gen/vis.c) in the C
 * locale, byte by byte: bytes >= 0x80 are not printable and are encoded,
 * so the output equals libbsd's on Linux for the same input and flags.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "vis.h"

#define isoctal(c)	((c) >= '0' && (c) <= '7')

static const char char_shell[] = "'`\";&<>()|{}]\\$!^~";
static const char char_glob[] = "*?[#";

/* Characters the flags ask to encode; NUL always is (as in NetBSD). */
static int
isextra(int c, int flag)
{
	return c == '\0' ||
	    ((flag & VIS_GLOB) && strchr(char_glob, c) != NULL) ||
	    ((flag & VIS_SHELL) && strchr(char_shell, c) != NULL) ||
	    ((flag & VIS_SP) && c == ' ') ||
	    ((flag & VIS_TAB) && c == '\t') ||
	    ((flag & VIS_NL) && c == '\n') ||
	    ((flag & VIS_DQ) && c == '"') ||
	    (!(flag & VIS_NOSLASH) && c == '\\');
}

static int
isgraph_c(int c)
{
	return c < 0x80 && isgraph(c);
}

/* VIS_CSTYLE: NULL when c has no C-style form. */
static char *
cstyle(char *dst, int c, int nextc)
{
	static const char from[] = "\n\r\b\a\v\t\f ";
	static const char to[] = "nrbavtfs";
	const char *p;

	if (c == '\0') {
		*dst++ = '\\';
		*dst++ = '0';
		if (isoctal(nextc)) {
			*dst++ = '0';
			*dst++ = '0';
		}
		return dst;
	}
	if ((p = strchr(from, c)) != NULL) {
		*dst++ = '\\';
		*dst++ = to[p - from];
		return dst;
	}
	/* Letters with a meaning after '\' cannot be escaped this way. */
	if (strchr("nrbavtfs0M^$", c) == NULL && isgraph_c(c) &&
	    !isoctal(c)) {
		*dst++ = '\\';
		*dst++ = (char)c;
		return dst;
	}
	return NULL;
}

char *
vis(char *dst, int c, int flag, int nextc)
{
	int extra;
	char *d;

	c = (unsigned char)c;
	nextc = (unsigned char)nextc;
	extra = isextra(c, flag);
	if (!extra && (isgraph_c(c) || c == ' ' || c == '\t' || c == '\n' ||
	    ((flag & VIS_SAFE) && (c == '\b' || c == '\a' || c == '\r')))) {
		*dst++ = (char)c;
		*dst = '\0';
		return dst;
	}
	if ((flag & VIS_CSTYLE) && (d = cstyle(dst, c, nextc)) != NULL) {
		*d = '\0';
		return d;
	}
	if (extra || (c & 0177) == ' ' || (flag & VIS_OCTAL)) {
		*dst++ = '\\';
		*dst++ = (char)(((c >> 6) & 03) + '0');
		*dst++ = (char)(((c >> 3) & 07) + '0');
		*dst++ = (char)((c & 07) + '0');
	} else {
		if (!(flag & VIS_NOSLASH))
			*dst++ = '\\';
		if (c & 0200) {
			c &= 0177;
			*dst++ = 'M';
		}
		if (iscntrl(c)) {
			*dst++ = '^';
			*dst++ = c == 0177 ? '?' : (char)(c + '@');
		} else {
			*dst++ = '-';
			*dst++ = (char)c;
		}
	}
	*dst = '\0';
	return dst;
}

int
strvisx(char *dst, const char *src, size_t len, int flag)
{
	char *start = dst;

	for (; len > 1; len--, src++)
		dst = vis(dst, *src, flag, src[1]);
	if (len == 1)
		dst = vis(dst, *src, flag, '\0');
	*dst = '\0';
	return (int)(dst - start);
}

int
strvis(char *dst, const char *src, int flag)
{
	return strvisx(dst, src, strlen(src), flag);
}

/* strvis into a bounded buffer: -1 (and a cut, terminated result) when
 * dst is too small. */
int
strnvis(char *dst, const char *src, size_t dstsize, int flag)
{
	char tmp[8], *end;
	size_t n = 0, k;

	if (dstsize == 0)
		return -1;
	for (; *src != '\0'; src++) {
		end = vis(tmp, *src, flag, src[1]);
		k = (size_t)(end - tmp);
		if (n + k >= dstsize) {
			dst[n] = '\0';
			return -1;
		}
		memcpy(dst + n, tmp, k);
		n += k;
	}
	dst[n] = '\0';
	return (int)n;
}

int
stravis(char **outp, const char *src, int flag)
{
	size_t len = strlen(src);
	char *buf;

	if (len > ((size_t)-1 - 1) / 4 || (buf = malloc(4 * len + 1)) == NULL) {
		*outp = NULL;
		errno = ENOMEM;
		return -1;
	}
	*outp = buf;
	return strvis(buf, src, flag);
}
