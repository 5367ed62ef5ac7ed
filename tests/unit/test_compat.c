/*
 * test_compat.c: lib/compat (what mingw-w64 lacks) against libbsd, the
 * implementation the Linux build uses: the same output for the same input.
 * The compat sources are compiled here under other names.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <vis.h>

#include "harness.h"

#define vis		pkc_vis
#define strvis		pkc_strvis
#define strvisx		pkc_strvisx
#define strnvis		pkc_strnvis
#define stravis		pkc_stravis
#define strlcpy		pkc_strlcpy
#define strlcat		pkc_strlcat
#define strtonum	pkc_strtonum
#define reallocarray	pkc_reallocarray
#define getprogname	pkc_getprogname
#define setprogname	pkc_setprogname
char	*pkc_vis(char *, int, int, int);
int	 pkc_strvis(char *, const char *, int);
int	 pkc_strvisx(char *, const char *, size_t, int);
int	 pkc_strnvis(char *, const char *, size_t, int);
int	 pkc_stravis(char **, const char *, int);
size_t	 pkc_strlcpy(char *, const char *, size_t);
size_t	 pkc_strlcat(char *, const char *, size_t);
long long pkc_strtonum(const char *, long long, long long, const char **);
void	*pkc_reallocarray(void *, size_t, size_t);
const char *pkc_getprogname(void);
void	 pkc_setprogname(const char *);
#include "../../lib/compat/vis.c"
#include "../../lib/compat/strlcpy.c"
#include "../../lib/compat/strtonum.c"
#include "../../lib/compat/reallocarray.c"
#include "../../lib/compat/progname.c"
#undef vis
#undef strvis
#undef strvisx
#undef strnvis
#undef stravis
#undef strlcpy
#undef strlcat
#undef strtonum
#undef reallocarray
#undef getprogname
#undef setprogname

/* Every byte before every kind of next byte, under 1024 flag sets. */
static void
test_vis_equals_libbsd(void)
{
	static const int base[] = { VIS_OCTAL, VIS_CSTYLE, VIS_SP, VIS_TAB,
		VIS_NL, VIS_SAFE, VIS_NOSLASH, VIS_GLOB, VIS_SHELL, VIS_DQ };
	static const char next[] = { '1', 'a', '\0' };
	char s[3], a[64], b[64];
	int m, i, c, k, bad = 0;

	for (m = 0; m < 1024; m++) {
		int f = 0;

		for (i = 0; i < 10; i++)
			if (m & (1 << i))
				f |= base[i];
		for (c = 0; c < 256; c++)
			for (k = 0; k < 3; k++) {
				s[0] = (char)c;
				s[1] = next[k];
				s[2] = '\0';
				strvisx(a, s, 2, f);
				pkc_strvisx(b, s, 2, f);
				if (strcmp(a, b) != 0 && bad++ < 5)
					printf("# flags %#x byte %d: libbsd %s, "
					    "compat %s\n", f, c, a, b);
			}
	}
	CHECK(bad == 0);
}

static void
test_vis_strings(void)
{
	static const char *const in[] = { "", "plain", "tab\tnl\n\\",
		"C:\\Program Files\\x", "\x01\x7f\x80\xff", "a\0" };
	char a[128], b[128], *pa, *pb;
	size_t i;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		CHECK(strvis(a, in[i], VIS_SAFE | VIS_OCTAL) ==
		    pkc_strvis(b, in[i], VIS_SAFE | VIS_OCTAL));
		CHECK_STR(b, a);
		CHECK(stravis(&pa, in[i], VIS_CSTYLE) ==
		    pkc_stravis(&pb, in[i], VIS_CSTYLE));
		CHECK_STR(pb, pa);
		free(pa);
		free(pb);
	}
	CHECK(pkc_strnvis(b, "\x01\x01", 6, VIS_OCTAL) == -1);
	CHECK_STR(b, "\\001");
	CHECK(pkc_strnvis(b, "ab", 3, 0) == 2);
}

static void
test_strlcpy_strlcat(void)
{
	char a[8], b[8];

	CHECK_U64(pkc_strlcpy(b, "truncated!", sizeof(b)),
	    strlcpy(a, "truncated!", sizeof(a)));
	CHECK_STR(b, a);
	CHECK_U64(pkc_strlcpy(b, "x", 0), 1);
	CHECK_U64(pkc_strlcat(b, "+more", sizeof(b)),
	    strlcat(a, "+more", sizeof(a)));
	CHECK_STR(b, a);
	strcpy(a, "ab");
	strcpy(b, "ab");
	CHECK_U64(pkc_strlcat(b, "cd", sizeof(b)), strlcat(a, "cd", sizeof(a)));
	CHECK_STR(b, a);
}

static void
test_strtonum(void)
{
	static const char *const in[] = { "0", "42", "-5", "100", "101",
		"abc", "", "12x", " 7", "9223372036854775807",
		"9223372036854775808", "-9223372036854775809" };
	const char *ea, *eb;
	long long va, vb;
	size_t i;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		va = strtonum(in[i], -10, 100, &ea);
		vb = pkc_strtonum(in[i], -10, 100, &eb);
		CHECK(va == vb);
		CHECK_STR(eb ? eb : "(null)", ea ? ea : "(null)");
		va = strtonum(in[i], LLONG_MIN, LLONG_MAX, &ea);
		vb = pkc_strtonum(in[i], LLONG_MIN, LLONG_MAX, &eb);
		CHECK(va == vb);
		CHECK_STR(eb ? eb : "(null)", ea ? ea : "(null)");
	}
	vb = pkc_strtonum("5", 10, 1, &eb);
	CHECK_STR(eb, "invalid");
}

static void
test_reallocarray_progname(void)
{
	void *p;

	errno = 0;
	CHECK(pkc_reallocarray(NULL, SIZE_MAX / 2, 3) == NULL);
	CHECK(errno == ENOMEM);
	CHECK((p = pkc_reallocarray(NULL, 4, 4)) != NULL);
	free(p);
	CHECK_STR(pkc_getprogname(), "pskit");
	pkc_setprogname("Z:\\work\\bin\\winservices.exe");
	CHECK_STR(pkc_getprogname(), "winservices");
	pkc_setprogname("bin/free");
	CHECK_STR(pkc_getprogname(), "free");
}

int
main(void)
{
	TEST(test_vis_equals_libbsd);
	TEST(test_vis_strings);
	TEST(test_strlcpy_strlcat);
	TEST(test_strtonum);
	TEST(test_reallocarray_progname);
	return DONE();
}
