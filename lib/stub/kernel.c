/*
 * kernel.c (stub): no kernel image size on this system.
 */
#include "pskit.h"

int
pk_pmem_kernel_size(struct pk_ctx *ctx, const char *path, uint64_t *bytes)
{
	(void)path;
	*bytes = 0;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "kernel image size: not supported on this system");
}
