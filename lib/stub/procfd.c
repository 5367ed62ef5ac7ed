/*
 * procfd.c (stub): no process lists on this system.
 */
#include "pskit.h"

int
pk_proc_parent(struct pk_ctx *ctx, struct pk_proc *p)
{
	(void)p;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "process parent: not supported on this system");
}

int
pk_proc_fds(struct pk_ctx *ctx, int dfd, unsigned flags, struct pk_proc *p)
{
	(void)dfd;
	(void)flags;
	(void)p;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "process files: not supported on this system");
}

int
pk_proc_threads(struct pk_ctx *ctx, int dfd, struct pk_proc *p)
{
	(void)dfd;
	(void)p;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "process threads: not supported on this system");
}

int
pk_proc_maps(struct pk_ctx *ctx, int dfd, struct pk_proc *p)
{
	(void)dfd;
	(void)p;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "process memory maps: not supported on this system");
}

int
pk_proc_children(struct pk_ctx *ctx, struct pk_proc *p)
{
	(void)p;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "process children: not supported on this system");
}
