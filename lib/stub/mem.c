/*
 * mem.c (stub): no memory probe on this system.
 */
#include "pskit.h"

int
pk_mem_read(struct pk_ctx *ctx, struct pk_meminfo *raw, struct pk_mem *out)
{
	(void)raw;
	(void)out;
	return pk_fail(ctx, PK_ENOTSUP, 0, "memory statistics: not supported on this system");
}
