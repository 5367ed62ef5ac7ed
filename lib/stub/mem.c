/*
 * mem.c (stub): no memory probe on this system.
 */
#include <string.h>

#include "pskit.h"

int
pk_mem_read(struct pk_ctx *ctx, struct pk_meminfo *raw, struct pk_mem *out)
{
	(void)raw;
	(void)out;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "memory statistics: not supported on this system");
}

int
pk_sysmem_read(struct pk_ctx *ctx, struct pk_sysmem *out)
{
	memset(out, 0, sizeof(*out));
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "memory statistics: not supported on this system");
}
