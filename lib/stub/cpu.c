/*
 * cpu.c (stub): no CPU counters on this system.
 */
#include "pskit.h"

int
pk_cpustat_read(struct pk_ctx *ctx, struct pk_cpustat *out)
{
	(void)out;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "cpu statistics");
}

int
pk_cpu_count(struct pk_ctx *ctx)
{
	pk_ctx_fail(ctx, PK_ENOTSUP, 0, "cpu count");
	return -1;
}

int
pk_uptime_read(struct pk_ctx *ctx, uint64_t *cs)
{
	(void)cs;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "uptime");
}
