/*
 * cgroup.c (stub): no control groups on this system.
 */
#include <string.h>

#include "pskit.h"

int
pk_cgroup_mem_read(struct pk_ctx *ctx, int pid, const char *path,
    struct pk_cgroup_mem *out)
{
	(void)pid;
	(void)path;
	memset(out, 0, sizeof(*out));
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "memory cgroups: not supported on this system");
}

int
pk_cgroup_of(struct pk_ctx *ctx, int pid, int version, char *path, size_t len)
{
	(void)pid;
	(void)version;
	(void)path;
	(void)len;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "memory cgroups: not supported on "
	    "this system");
}
