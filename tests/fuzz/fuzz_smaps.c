/*
 * libFuzzer entry point for procsmem's parsers: smaps (with a mapping
 * callback) and smaps_rollup (smem's meminfo keys: fuzz_meminfo).  Build
 * with `make fuzz CC=clang`.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pskit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
every_other(void *arg, const struct pk_vma *v)
{
	int *n = arg;
	volatile char c;

	if (v->namelen > 0)
		c = v->name[v->namelen - 1];	/* the name lies inside the input */
	(void)c;
	return (*n)++ % 2;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct pk_smaps s;
	int n = 0;

	pk_smaps_parse(buf, size, &s, every_other, &n);
	pk_smaps_uss(&s, 1);
	pk_smaps_rollup_parse(buf, size, &s);
	return 0;
}
