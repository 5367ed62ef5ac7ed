/*
 * libFuzzer entry point for the output writer's escaping: the input is
 * split at NUL bytes into string fields, written in every format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "pskit_out.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct out_col cols[] = {
	{ "a", OUT_STR, OUT_LABEL, NULL, "a" },
	{ "b", OUT_STR, OUT_INFO, NULL, "b" },
	{ "n", OUT_U64, OUT_GAUGE, "bytes", "n" },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 2), *buf = NULL;
	size_t len = 0;
	struct out o;
	FILE *fp;
	int fmt;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = s[size + 1] = '\0';
	for (fmt = OUT_TSV; fmt <= OUT_PROM; fmt++) {
		if ((fp = open_memstream(&buf, &len)) == NULL)
			break;
		out_begin(&o, fp, fmt, 0, "fuzz", cols, 3);
		out_record_begin(&o);
		out_str(&o, s);
		out_str(&o, s + strlen(s) + (strlen(s) < size));
		out_u64(&o, size);
		out_record_end(&o);
		out_end(&o);
		fclose(fp);
		free(buf);
		buf = NULL;
	}
	free(s);
	return 0;
}
