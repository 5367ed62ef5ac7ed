/*
 * test_esc.c: the one escaping policy (lib/common/esc.c, issue 18 items
 * 2, 3, 4): every byte, invalid and overlong sequences, surrogates, and
 * names that must stay distinct in every format.
 */
#include <stdlib.h>

#include "pskit.h"
#include "pskit/out.h"
#include "harness.h"

/* What an escaper writes, as a malloc'd string. */
static char *
cap(void (*fn)(FILE *, const char *), const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	fn(fp, s);
	fclose(fp);
	return buf;
}

static char *
text(const char *s, unsigned flags)
{
	static char buf[1024];

	pk_esc_text(buf, sizeof(buf), s, flags);
	return buf;
}

/* No C0 (newline and tab included), DEL or C1 byte, and valid UTF-8. */
static int
terminal_safe(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	for (; *s != '\0'; s++)
		if (*s < 0x20 || *s == 0x7f || (s[0] == 0xc2 && s[1] >= 0x80 &&
		    s[1] < 0xa0))
			return 0;
	return pk_utf8_valid(str);
}

/* The reader's side of TSV: \t \n \r \\ \xHH back to bytes. */
static void
tsv_decode(const char *s, char *out)
{
	unsigned v;

	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			*out++ = *s;
			continue;
		}
		s++;
		switch (*s) {
		case 't': *out++ = '\t'; break;
		case 'n': *out++ = '\n'; break;
		case 'r': *out++ = '\r'; break;
		case '\\': *out++ = '\\'; break;
		case 'x':
			sscanf(s + 1, "%2x", &v);
			*out++ = (char)v;
			s += 2;
			break;
		default: *out++ = '?'; break;
		}
	}
	*out = '\0';
}

/* The consumer's side of a prom label value (exposition 0.0.4). */
static void
prom_decode(const char *s, char *out)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\') {
			s++;
			*out++ = *s == 'n' ? '\n' : *s;
		} else
			*out++ = *s;
	}
	*out = '\0';
}

static void
text_all_bytes(void)
{
	char s[2] = { 0, 0 }, want[8];
	int b;

	for (b = 1; b < 256; b++) {
		s[0] = (char)b;
		if (b >= 0x20 && b < 0x7f)
			snprintf(want, sizeof(want), "%c", b);
		else
			snprintf(want, sizeof(want), "\\%03o", b);
		CHECK_STR(text(s, PK_ESC_UTF8), want);
		CHECK_STR(text(s, 0), want);
		CHECK(terminal_safe(text(s, PK_ESC_UTF8)));
	}
	/* layout characters inside a field are escaped too */
	CHECK_STR(text("a\tb\nc", PK_ESC_UTF8), "a\\011b\\012c");
	CHECK_STR(text("\x1b]0;PWNED\x07\x1b[2J", PK_ESC_UTF8),
	    "\\033]0;PWNED\\007\\033[2J");
	/* a backslash stays itself, as ps and smem print it */
	CHECK_STR(text("a\\b", PK_ESC_UTF8), "a\\b");
}

static void
text_utf8(void)
{
	/* issue 18 item 2: CSI, OSC, ST as UTF-8 */
	CHECK_STR(text("x\xc2\x9b" "2J\xc2\x9d" "0;OWNED\xc2\x9c", PK_ESC_UTF8),
	    "x\\302\\2332J\\302\\2350;OWNED\\302\\234");
	/* printable UTF-8 passes, U+00A0 is the first one after C1 */
	CHECK_STR(text("caf\xc3\xa9 \xc2\xa0 \xe2\x9c\x93 \xf0\x9f\x98\x80",
	    PK_ESC_UTF8), "caf\xc3\xa9 \xc2\xa0 \xe2\x9c\x93 \xf0\x9f\x98\x80");
	/* outside a UTF-8 locale every byte >= 0x80 is escaped, as ps */
	CHECK_STR(text("caf\xc3\xa9", 0), "caf\\303\\251");
	/* overlong '/', overlong NUL, surrogate, > U+10FFFF, truncated */
	CHECK_STR(text("\xc0\xaf", PK_ESC_UTF8), "\\300\\257");
	CHECK_STR(text("\xe0\x80\xaf", PK_ESC_UTF8), "\\340\\200\\257");
	CHECK_STR(text("\xc0\x80", PK_ESC_UTF8), "\\300\\200");
	CHECK_STR(text("\xed\xa0\x80", PK_ESC_UTF8), "\\355\\240\\200");
	CHECK_STR(text("\xf4\x90\x80\x80", PK_ESC_UTF8),
	    "\\364\\220\\200\\200");
	CHECK_STR(text("\xe2\x82z", PK_ESC_UTF8), "\\342\\202z");
	CHECK_STR(text("a\xe2\x82", PK_ESC_UTF8), "a\\342\\202");
	CHECK_U64(pk_utf8_seq((const unsigned char *)"\xef\xbf\xbf"), 3);
	CHECK_U64(pk_utf8_seq((const unsigned char *)"\xf4\x8f\xbf\xbf"), 4);
}

static void
text_cut(void)
{
	char buf[8];
	size_t cols;

	/* truncation never inside an escape or a character */
	CHECK_U64(pk_esc_text(buf, 4, "\xff", PK_ESC_UTF8), 4);
	CHECK_STR(buf, "");
	CHECK_U64(pk_esc_text(buf, 7, "ab\xff\xfe", PK_ESC_UTF8), 10);
	CHECK_STR(buf, "ab\\377");
	CHECK_U64(pk_esc_text(buf, 4, "a\xc3\xa9z", PK_ESC_UTF8), 4);
	CHECK_STR(buf, "a\xc3\xa9");
	CHECK_U64(pk_esc_text(buf, 3, "a\xc3\xa9z", PK_ESC_UTF8), 4);
	CHECK_STR(buf, "a");
	/* procsmem cut "\377" to "\37": the escape goes whole or not at all */
	CHECK_U64(pk_esc_cut("\\377ab", 3, &cols), 0);
	CHECK_U64(cols, 0);
	CHECK_U64(pk_esc_cut("a\\377b", 4, &cols), 1);
	CHECK_U64(cols, 1);
	CHECK_U64(pk_esc_cut("a\\377b", 5, &cols), 5);
	CHECK_U64(cols, 5);
	CHECK_U64(pk_esc_cut("\xc3\xa9\xc3\xa9x", 2, &cols), 4);
	CHECK_U64(cols, 2);
	CHECK_U64(pk_esc_cut("abc", 10, &cols), 3);
	CHECK_U64(cols, 3);
}

static void
tsv_reversible(void)
{
	char s[3] = { 0, 0, 0 }, back[16], *e;
	int a, b;

	/* every one- and two-byte string: safe and read back exactly */
	for (a = 1; a < 256; a++) {
		for (b = 0; b < 256; b++) {
			s[0] = (char)a;
			s[1] = (char)b;
			e = cap(pk_esc_tsv, s);
			CHECK(terminal_safe(e));
			tsv_decode(e, back);
			if (strcmp(back, s) != 0)
				printf("# tsv %02x %02x -> %s\n", a, b, e);
			CHECK(strcmp(back, s) == 0);
			free(e);
		}
	}
	e = cap(pk_esc_tsv, "\x1b]0;PWNED\x07\x1b[2J\t\\");
	CHECK_STR(e, "\\x1b]0;PWNED\\x07\\x1b[2J\\t\\\\");
	free(e);
	e = cap(pk_esc_tsv, "x\xc2\x9b" "2J a\xff caf\xc3\xa9");
	CHECK_STR(e, "x\\xc2\\x9b2J a\\xff caf\xc3\xa9");
	free(e);
}

static void
json_forms(void)
{
	char *e;

	e = cap(pk_esc_json, "q\"\\\x01\x1f/\xc3\xa9\x7f\xc2\x9b");
	CHECK_STR(e, "\"q\\\"\\\\\\u0001\\u001f/\xc3\xa9\\u007f\\u009b\"");
	free(e);
	/* invalid: the byte values, never U+FFFD */
	e = cap(pk_esc_json, "a\xff");
	CHECK_STR(e, "[97,255]");
	free(e);
	e = cap(pk_esc_json, "\xed\xa0\x80");
	CHECK_STR(e, "[237,160,128]");
	free(e);
	e = cap(pk_esc_json, "a\\xff");
	CHECK_STR(e, "\"a\\\\xff\"");
	free(e);
	/* issue 18 item 4: keys B\xff and B\xfe stay two keys */
	e = cap(pk_esc_json_key, "B\xff");
	CHECK_STR(e, "\"\\u000042ff\"");
	free(e);
	e = cap(pk_esc_json_key, "B\xfe");
	CHECK_STR(e, "\"\\u000042fe\"");
	free(e);
	e = cap(pk_esc_json_key, "PATH");
	CHECK_STR(e, "\"PATH\"");
	free(e);
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
prom_injective(void)
{
	/* longer than the two-byte names, so each is there once */
	static const char *lit[] = { "a\\xff", "a\\\\xff", "a\\\\",
		"a\\\"", "a\\n", "a\\x0a", "\\\\x", NULL };
	char **dec, s[3] = { 0, 0, 0 }, *e, buf[64];
	size_t n = 0, i;
	int a, b;

	dec = calloc(256 * 256 + 16, sizeof(*dec));
	for (a = 1; a < 256; a++) {
		for (b = 0; b < 256; b++) {
			s[0] = (char)a;
			s[1] = (char)b;
			e = cap(pk_esc_prom_label, s);
			CHECK(terminal_safe(e));
			prom_decode(e, buf);
			CHECK(terminal_safe(buf));
			dec[n++] = strdup(buf);
			free(e);
		}
	}
	for (i = 0; lit[i] != NULL; i++) {
		e = cap(pk_esc_prom_label, lit[i]);
		prom_decode(e, buf);
		dec[n++] = strdup(buf);
		free(e);
	}
	qsort(dec, n, sizeof(*dec), cmpstr);
	for (i = 1; i < n; i++) {
		if (strcmp(dec[i - 1], dec[i]) == 0)
			printf("# prom: two names decode to \"%s\"\n", dec[i]);
		CHECK(strcmp(dec[i - 1], dec[i]) != 0);
	}
	for (i = 0; i < n; i++)
		free(dec[i]);
	free(dec);
	/* issue 18 item 4: a\xff and a\xfe, and the literal text a\xff */
	e = cap(pk_esc_prom_label, "a\xff");
	CHECK_STR(e, "a\\\\xff");
	free(e);
	e = cap(pk_esc_prom_label, "a\\xff");
	CHECK_STR(e, "a\\\\\\\\xff");
	free(e);
	e = cap(pk_esc_prom_label, "\x1b]0;PWNED\x07");
	CHECK_STR(e, "\\\\x1b]0;PWNED\\\\x07");
	free(e);
	e = cap(pk_esc_prom_label, "sda \"q\" caf\xc3\xa9");
	CHECK_STR(e, "sda \\\"q\\\" caf\xc3\xa9");
	free(e);
}

int
main(void)
{
	TEST(text_all_bytes);
	TEST(text_utf8);
	TEST(text_cut);
	TEST(tsv_reversible);
	TEST(json_forms);
	TEST(prom_injective);
	return DONE();
}
