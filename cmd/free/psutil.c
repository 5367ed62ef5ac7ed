/*
 * psutil.c: free --psutil prints psutil 5.9.4's scripts/free.py report
 * byte for byte: virtual_memory() and swap_memory() in KiB under
 * templ = "%-7s %10s %10s %10s %10s %10s %10s".  The numbers are
 * psutil's, not procps' (used subtracts the caches, swap used is not
 * clamped): pk_mem_psutil_used() and friends.  Like psutil, a file
 * without MemTotal or MemFree is an error (psutil: KeyError).
 */
#include <err.h>
#include <stdio.h>

#include "pskit.h"
#include "psutil.h"
#include "shell.h"

static void
row(FILE *fp, const char *label, const int64_t *v, int n)
{
	char num[6][24];
	int i;

	for (i = 0; i < 6; i++) {
		num[i][0] = '\0';
		if (i < n)
			snprintf(num[i], sizeof(num[i]), "%lld",
			    (long long)v[i]);
	}
	fprintf(fp, "%-7s %10s %10s %10s %10s %10s %10s\n", label, num[0],
	    num[1], num[2], num[3], num[4], num[5]);
}

static void
render(FILE *fp, const struct pk_meminfo *mi)
{
	const uint64_t *kb = mi->kb;
	int64_t mem[6], swap[3];

	fprintf(fp, "%-7s %10s %10s %10s %10s %10s %10s\n", "", "total",
	    "used", "free", "shared", "buffers", "cache");
	mem[0] = (int64_t)kb[PK_MI_MEMTOTAL];
	mem[1] = pk_mem_psutil_used(mi);
	mem[2] = (int64_t)kb[PK_MI_MEMFREE];
	mem[3] = (int64_t)kb[PK_MI_SHMEM];
	mem[4] = (int64_t)kb[PK_MI_BUFFERS];
	mem[5] = pk_mem_psutil_cached(mi);
	row(fp, "Mem:", mem, 6);
	swap[0] = (int64_t)kb[PK_MI_SWAPTOTAL];
	swap[1] = pk_mem_psutil_swap_used(mi);
	swap[2] = (int64_t)kb[PK_MI_SWAPFREE];
	row(fp, "Swap:", swap, 3);
}

int
free_psutil(struct pk_ctx *ctx, const char *outfile)
{
	struct pk_meminfo mi;
	struct sh_out so;
	struct pk_mem m;
	int rc;

	if ((rc = pk_mem_read(ctx, &mi, &m)) == PK_ENOTSUP)
		errx(1, "not supported on this system");
	if (rc != PK_OK)
		errx(1, "%s", pk_strerror(ctx));
	if (!(mi.has & (1u << PK_MI_MEMTOTAL)) ||
	    !(mi.has & (1u << PK_MI_MEMFREE)))
		errx(1, "%s/meminfo: no MemTotal or MemFree", ctx->procfs);
	sh_open(ctx, &so, outfile, SH_PUBLIC);
	render(so.fp, &mi);
	sh_commit(ctx, &so);
	return 0;
}
