/*
 * libFuzzer entry point for the /proc/meminfo parser in both its modes:
 * procps' (free's derived numbers) and smem's (procsmem's system view).
 * Build with `make fuzz CC=clang`.
 */
#include <stddef.h>
#include <stdint.h>

#include "pskit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pk_area a[PK_AREAS];
	struct pk_meminfo mi;
	struct pk_sysmem sm;
	struct pk_mem m;

	pk_meminfo_parse((const char *)data, size, 0, &mi);
	pk_mem_derive(&mi, &m);
	pk_meminfo_parse((const char *)data, size, PK_MEMINFO_SMEM, &mi);
	if (pk_sysmem_from_meminfo(&mi, &sm) == PK_OK)
		pk_sysmem_areas(&sm, 1024, 0, a);
	return 0;
}
