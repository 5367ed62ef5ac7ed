/*
 * proc.c (stub): no process probe on this system.
 */
#include <string.h>

#include "pskit.h"

int64_t
pk_proc_self(void)
{
	return 0;
}

int
pk_proc_read(struct pk_ctx *ctx, int64_t pid, unsigned flags,
    struct pk_proc *out)
{
	(void)flags;
	memset(out, 0, sizeof(*out));
	out->pid = pid;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "process information: not supported on this system");
}

char *
pk_proc_link(int dfd, const char *name, int *err)
{
	(void)dfd;
	(void)name;
	*err = 0;
	return NULL;
}
