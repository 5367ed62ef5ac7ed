/*
 * libFuzzer entry point for the output writer's escaping: the input is
 * split at NUL bytes into string fields, written in every format; the
 * text escaper (esc.c) is checked against the policy: no raw control or
 * invalid UTF-8 in its output, truncation a prefix that never ends
 * inside an escape.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "pskit/out.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The text escaper's promises, on the first field; abort() on a breach. */
static void
check_text(const char *s, unsigned flags)
{
	size_t need = strlen(s) * 4 + 1, full, cut, i, cols;
	char *a, *b;
	const unsigned char *u;

	if ((a = malloc(need)) == NULL || (b = malloc(need)) == NULL) {
		free(a);
		return;
	}
	full = pk_esc_text(a, need, s, flags);
	if (full != strlen(a) || !pk_utf8_valid(a))
		abort();
	for (u = (const unsigned char *)a; *u != '\0'; u++)
		if (*u < 0x20 || *u == 0x7f ||
		    (u[0] == 0xc2 && u[1] >= 0x80 && u[1] < 0xa0) ||
		    (!(flags & PK_ESC_UTF8) && *u >= 0x80))
			abort();
	for (i = 0; i <= full + 1 && i < 64; i++) {
		if (pk_esc_text(b, i, s, flags) != full ||
		    (i > 0 && strncmp(a, b, strlen(b)) != 0) ||
		    (i > 0 && strlen(b) >= i))
			abort();
		cut = pk_esc_cut(a, i, &cols);
		if (cols > i || cut > full)
			abort();
		/* never right after the backslash of a \ooo escape */
		if (cut > 0 && a[cut - 1] == '\\' && a[cut] >= '0' &&
		    a[cut] <= '3' && a[cut + 1] >= '0' && a[cut + 1] <= '7' &&
		    a[cut + 2] >= '0' && a[cut + 2] <= '7')
			abort();
	}
	free(a);
	free(b);
}

static const struct pk_out_col cols[] = {
	{ "a", PK_OUT_STR, PK_OUT_LABEL, NULL, "a" },
	{ "b", PK_OUT_STR, PK_OUT_INFO, NULL, "b" },
	{ "n", PK_OUT_U64, PK_OUT_GAUGE, "bytes", "n" },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 2), *buf = NULL;
	size_t len = 0;
	struct pk_out o;
	FILE *fp;
	int fmt;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = s[size + 1] = '\0';
	check_text(s, 0);
	check_text(s, PK_ESC_UTF8);
	for (fmt = PK_OUT_TSV; fmt <= PK_OUT_PROM; fmt++) {
		if ((fp = open_memstream(&buf, &len)) == NULL)
			break;
		pk_out_begin(&o, fp, fmt, 0, "fuzz", cols, 3);
		pk_out_record_begin(&o);
		pk_out_str(&o, s);
		pk_out_str(&o, s + strlen(s) + (strlen(s) < size));
		pk_out_u64(&o, size);
		pk_out_record_end(&o);
		pk_out_end(&o);
		fclose(fp);
		free(buf);
		buf = NULL;
	}
	free(s);
	return 0;
}
