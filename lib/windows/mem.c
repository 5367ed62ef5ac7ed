/*
 * mem.c (Windows): system memory from GetPerformanceInfo (psapi, served
 * by kernel32's K32GetPerformanceInfo), GlobalMemoryStatusEx when that
 * fails, and the page files from NtQuerySystemInformation.
 *
 * The Windows numbers are mapped onto /proc/meminfo keys the way
 * psutil 5.9.x maps them (psutil/arch/windows/mem.c, _pswindows.py):
 *	MemTotal     = PhysicalTotal * PageSize
 *	MemAvailable = PhysicalAvailable * PageSize
 *	MemFree      = MemAvailable (psutil: "free" is "available" on Windows)
 *	SwapTotal    = (CommitLimit - PhysicalTotal) * PageSize
 *	CommitLimit, Committed_AS = CommitLimit, CommitTotal (the Comm row)
 * and pk_mem_derive() then computes used = total - available, as psutil.
 * Shmem, Buffers, Cached and Low/High have no Windows source: their has-
 * bits stay clear, so tsv/json print \N/null (text prints 0, as procps
 * does for a key the kernel lacks).  Swap usage comes from the page-file
 * list; where that query is refused (Wine 8) it is marked unknown.
 */
#include <stdlib.h>
#include <string.h>
#include <windows.h>
#include <psapi.h>
#include <winternl.h>

#include "pskit.h"
#include "pkwin.h"

#define SYSTEM_PAGEFILE_INFORMATION	18

/* SYSTEM_PAGEFILE_INFORMATION entry (not in mingw's winternl.h). */
struct pagefile {
	ULONG		 next;		/* offset of the next entry, 0: last */
	ULONG		 total;		/* pages */
	ULONG		 inuse;		/* pages */
	ULONG		 peak;
	UNICODE_STRING	 name;
};

/*
 * Swap used, psutil >= 5.9.6 swap_memory(): the page files' "% Usage"
 * (sum of TotalInUse over sum of TotalSize, what the PDH counter
 * "\Paging File(_Total)\% Usage" reports) applied to the swap total
 * derived from the commit limit.  Bytes.
 */
static uint64_t
swap_used(uint64_t swap_total, uint64_t inuse, uint64_t size)
{
	if (size == 0 || swap_total == 0)
		return 0;
	return (uint64_t)((double)inuse / (double)size * (double)swap_total);
}

/* Sum the page files; 0 when the system refuses the query. */
static int
pagefiles(uint64_t *inuse, uint64_t *size)
{
	ULONG len = 4096, got = 0;
	unsigned char *buf = NULL, *p;
	struct pagefile pf;
	NTSTATUS st;
	int tries;

	*inuse = *size = 0;
	for (tries = 0; tries < 8; tries++, len *= 2) {
		free(buf);
		if ((buf = malloc(len)) == NULL)
			return 0;
		st = NtQuerySystemInformation(SYSTEM_PAGEFILE_INFORMATION,
		    buf, len, &got);
		if (st != (NTSTATUS)0xC0000004L)	/* INFO_LENGTH_MISMATCH */
			break;
	}
	if (st != 0) {
		free(buf);
		return 0;
	}
	for (p = buf; got >= sizeof(pf) && p + sizeof(pf) <= buf + got;) {
		memcpy(&pf, p, sizeof(pf));
		*inuse += pf.inuse;
		*size += pf.total;
		if (pf.next == 0)
			break;
		p += pf.next;
	}
	free(buf);
	return 1;
}

static void
set_kb(struct pk_meminfo *mi, int key, uint64_t bytes)
{
	mi->kb[key] = bytes / 1024;
	mi->has |= 1u << key;
}

/* Physical and commit numbers in bytes; psutil's sources first. */
static int
physical(struct pk_ctx *ctx, uint64_t *total, uint64_t *avail,
    uint64_t *limit, uint64_t *commit)
{
	PERFORMANCE_INFORMATION pi;
	MEMORYSTATUSEX ms;
	uint64_t pg;

	memset(&pi, 0, sizeof(pi));
	pi.cb = sizeof(pi);
	if (GetPerformanceInfo(&pi, sizeof(pi)) && pi.PageSize != 0) {
		pg = pi.PageSize;
		*total = (uint64_t)pi.PhysicalTotal * pg;
		*avail = (uint64_t)pi.PhysicalAvailable * pg;
		*limit = (uint64_t)pi.CommitLimit * pg;
		*commit = (uint64_t)pi.CommitTotal * pg;
		return PK_OK;
	}
	memset(&ms, 0, sizeof(ms));
	ms.dwLength = sizeof(ms);
	if (!GlobalMemoryStatusEx(&ms))
		return pk_ctx_fail_os(ctx, (int)GetLastError(),
		    "GlobalMemoryStatusEx");
	*total = ms.ullTotalPhys;
	*avail = ms.ullAvailPhys;
	*limit = ms.ullTotalPageFile;
	*commit = ms.ullTotalPageFile - ms.ullAvailPageFile;
	return PK_OK;
}

int
pk_mem_read(struct pk_ctx *ctx, struct pk_meminfo *raw, struct pk_mem *out)
{
	uint64_t total = 0, avail = 0, limit = 0, commit = 0, swap, used;
	uint64_t inuse, size;
	int rc, known;

	memset(raw, 0, sizeof(*raw));
	if ((rc = physical(ctx, &total, &avail, &limit, &commit)) != PK_OK)
		return rc;
	swap = limit > total ? limit - total : 0;
	set_kb(raw, PK_MI_MEMTOTAL, total);
	set_kb(raw, PK_MI_MEMAVAILABLE, avail);
	set_kb(raw, PK_MI_MEMFREE, avail);
	set_kb(raw, PK_MI_SWAPTOTAL, swap);
	set_kb(raw, PK_MI_COMMITLIMIT, limit);
	set_kb(raw, PK_MI_COMMITTED_AS, commit);
	known = pagefiles(&inuse, &size);
	if (known) {
		if ((used = swap_used(swap, inuse, size)) > swap)
			used = swap;
		set_kb(raw, PK_MI_SWAPFREE, swap - used);
	}
	else	/* text shows used 0 as for a missing key; tsv/json \N */
		raw->kb[PK_MI_SWAPFREE] = raw->kb[PK_MI_SWAPTOTAL];
	pk_mem_derive(raw, out);
	if (!known)
		out->has |= PK_MEM_NO_SWAPUSE;
	return PK_OK;
}

/*
 * smem's system view keys that Windows has: MemTotal, MemFree (psutil's
 * free = available) and SwapTotal as pk_mem_read() above maps them.
 */
int
pk_sysmem_read(struct pk_ctx *ctx, struct pk_sysmem *out)
{
	struct pk_meminfo mi;
	struct pk_mem m;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = pk_mem_read(ctx, &mi, &m)) != PK_OK)
		return rc;
	/* MemTotal is always there: pk_mem_read() sets it */
	return pk_sysmem_from_meminfo(&mi, out);
}
