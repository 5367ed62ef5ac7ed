/*
 * atomic.c (stub): no atomic file replacement on this system.
 */
#include <string.h>

#include "pskit.h"

int
pk_atomic_open(struct pk_ctx *ctx, const char *path, struct pk_atomic *a,
    unsigned flags)
{
	(void)flags;
	memset(a, 0, sizeof(*a));
	a->fd = -1;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "write %s: not supported on this system", path);
}

int
pk_atomic_commit(struct pk_ctx *ctx, struct pk_atomic *a)
{
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "write %s: not supported on this system", a->path);
}

void
pk_atomic_abort(struct pk_atomic *a)
{
	(void)a;
}
