/*
 * pmem.c (stub): no per-process memory probe on this system.
 */
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

int
pk_pmem_pids(struct pk_ctx *ctx, int **pids, size_t *npids)
{
	*pids = NULL;
	*npids = 0;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "process memory: not supported on this system");
}

int
pk_pmem_info(struct pk_ctx *ctx, int pid, struct pk_pmem *p)
{
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "process memory: not supported on this system");
}

int
pk_pmem_read(struct pk_ctx *ctx, struct pk_pmem *p, int exact,
    struct pk_buf *scratch)
{
	(void)p;
	(void)exact;
	(void)scratch;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "process memory: not supported on this system");
}

int
pk_pmem_smaps(struct pk_ctx *ctx, struct pk_pmem *p, pk_vma_fn fn,
    void *arg)
{
	(void)p;
	(void)fn;
	(void)arg;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "process memory: not supported on this system");
}

int
pk_pmem_cgroup(struct pk_ctx *ctx, const struct pk_pmem *p, int version,
    char *path, size_t len)
{
	(void)p;
	(void)version;
	(void)path;
	(void)len;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "process memory: not supported on this system");
}
