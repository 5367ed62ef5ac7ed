/*
 * libFuzzer entry point for the /proc/meminfo parser and free's derived
 * numbers.  Build with `make fuzz CC=clang`.
 */
#include <stddef.h>
#include <stdint.h>

#include "pskit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pk_meminfo mi;
	struct pk_mem m;

	pk_meminfo_parse((const char *)data, size, &mi);
	pk_mem_derive(&mi, &m);
	return 0;
}
