/*
 * libFuzzer entry point for the parsers and escapers of user and process
 * text that are not file parsers: -o's format name, -R's size, smem's
 * fixed-width column escaping and UTF-8 counting, the terminal escaping
 * policy (esc.c), the TSV/JSON/prom escapers, and smem's unit and percent formatting of any number.
 * Build with `make fuzz CC=clang`.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "pskit/out.h"
#include "pskit/fmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
escapers(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		return;
	pk_esc_tsv(fp, s);
	pk_esc_json(fp, s);
	pk_esc_json_key(fp, s);
	pk_esc_prom_label(fp, s);
	fclose(fp);
	free(buf);
}

/* the terminal escaping policy, in both locales, and its cutting */
static void
terminal(const char *s)
{
	char dst[256], *d;
	size_t cols, cut;
	FILE *fp;

	pk_esc_text(dst, sizeof(dst), s, 0);
	pk_esc_text(dst, sizeof(dst), s, PK_ESC_UTF8);
	if ((d = pk_esc_text_dup(s)) != NULL) {
		cut = pk_esc_cut(d, 7, &cols);
		if (cut > strlen(d))
			abort();	/* a cut cannot be longer than the string */
		free(d);
	}
	if ((fp = fopen("/dev/null", "w")) != NULL) {
		pk_esc_fputs(s, fp);
		fclose(fp);
	}
}

static void
numbers(const uint8_t *data, size_t size)
{
	char buf[64];
	int64_t kb = 0;
	double total;

	memcpy(&kb, data, size < sizeof(kb) ? size : sizeof(kb));
	total = (double)(kb >> 3);
	pk_smem_units(kb, buf, sizeof(buf));
	pk_smem_percent(kb, total, buf, sizeof(buf));
	pk_smem_percent(kb, 0, buf, sizeof(buf));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *e;
	double kb;
	size_t n;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	pk_out_parse_fmt(s);
	pk_smem_size_kb(s, &kb);
	n = pk_utf8_len(s);
	if (pk_utf8_prefix(s, n / 2) > strlen(s))
		abort();	/* a prefix cannot be longer than the string */
	if ((e = pk_smem_escape(s)) != NULL)
		free(e);
	escapers(s);
	terminal(s);
	numbers(data, size);
	free(s);
	return 0;
}
