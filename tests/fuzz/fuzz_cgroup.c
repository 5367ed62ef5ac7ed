/*
 * libFuzzer entry point for the cgroup parsers (/proc/self/cgroup,
 * /proc/self/mountinfo, memory.max / limit_in_bytes, memory.stat): the
 * same bytes go through each one, so any fixture seeds all of them.
 * Build with `make fuzz CC=clang`.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pskit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pk_cgroup_loc v2, v1;
	uint64_t stat[PK_CGS_NKEYS], has = 0, lim;
	const char *b = (const char *)data;

	memset(&v2, 0, sizeof(v2));
	memset(&v1, 0, sizeof(v1));
	pk_cgroup_parse_self(b, size, &v2, &v1);
	memset(&v2, 0, sizeof(v2));
	memset(&v1, 0, sizeof(v1));
	pk_cgroup_parse_mounts(b, size, &v2, &v1);
	pk_cgroup_parse_limit(b, size, &lim);
	pk_cgroup_parse_stat(b, size, 1, stat, &has);
	pk_cgroup_parse_stat(b, size, 2, stat, &has);
	return 0;
}
