/*
 * libFuzzer entry point for procsmem's parsers: smaps (with a mapping
 * callback), smaps_rollup, /proc/PID/stat and smem's meminfo keys.  Build
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
	struct pk_area a[PK_AREAS];
	struct pk_sysmem sm;
	struct pk_smaps s;
	int n = 0;

	pk_smaps_parse(buf, size, &s, every_other, &n);
	pk_smaps_uss(&s, 1);
	pk_smaps_rollup_parse(buf, size, &s);
	pk_sysmem_parse(buf, size, &sm);
	pk_sysmem_areas(&sm, 1024, 0, a);
	return 0;
}
