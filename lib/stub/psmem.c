/*
 * psmem.c (stub): no psutil-style process memory probe on this system.
 */
#include <string.h>

#include "pskit.h"

int
pk_psmem_read(struct pk_ctx *ctx, int pid, struct pk_psmem *p)
{
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0,
	    "process memory: not supported on this system");
}

void
pk_psmem_free(struct pk_psmem *p)
{
	pk_strv_free(&p->cmdline);
	p->has_cmdline = 0;
}
