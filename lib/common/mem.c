/*
 * mem.c: free(1)'s derived numbers, one function each, with procps-ng
 * 4.0.2's formulas and clamp order (library/meminfo.c; reference/free.md
 * §2).  Everything is kB.  procps keeps the values in unsigned long and
 * prints them as signed 64-bit numbers, so "impossible" files (lxcfs)
 * come out negative; the int64 arithmetic here reproduces that.
 */
#include "pskit.h"

#define KB(mi, k)	((int64_t)(mi)->kb[k])
#define UKB(mi, k)	((mi)->kb[k])

/* MemAvailable; MemFree when it is 0 or missing (kernel < 3.14), and
 * MemFree again when it exceeds MemTotal (the LXC clamp). */
int64_t
pk_mem_available(const struct pk_meminfo *mi)
{
	uint64_t avail = UKB(mi, PK_MI_MEMAVAILABLE);

	if (avail == 0)
		avail = UKB(mi, PK_MI_MEMFREE);
	if (avail > UKB(mi, PK_MI_MEMTOTAL))
		avail = UKB(mi, PK_MI_MEMFREE);
	return (int64_t)avail;
}

/* "cache": Cached + SReclaimable (procps 3.3.10+; not Slab). */
int64_t
pk_mem_cache(const struct pk_meminfo *mi)
{
	return (int64_t)(UKB(mi, PK_MI_CACHED) + UKB(mi, PK_MI_SRECLAIMABLE));
}

int64_t
pk_mem_buff_cache(const struct pk_meminfo *mi)
{
	return (int64_t)(UKB(mi, PK_MI_BUFFERS) + (uint64_t)pk_mem_cache(mi));
}

/* used = MemTotal - available (procps >= 4.0.1); MemTotal - MemFree when
 * that is negative, which may itself stay negative. */
int64_t
pk_mem_used(const struct pk_meminfo *mi)
{
	int64_t used;

	used = (int64_t)(UKB(mi, PK_MI_MEMTOTAL) - (uint64_t)pk_mem_available(mi));
	if (used < 0)
		used = (int64_t)(UKB(mi, PK_MI_MEMTOTAL) - UKB(mi, PK_MI_MEMFREE));
	return used;
}

/* Low/High exist only with CONFIG_HIGHMEM; elsewhere Low is all memory. */
int64_t
pk_mem_low_total(const struct pk_meminfo *mi)
{
	if (UKB(mi, PK_MI_LOWTOTAL) == 0)
		return KB(mi, PK_MI_MEMTOTAL);
	return KB(mi, PK_MI_LOWTOTAL);
}

int64_t
pk_mem_low_free(const struct pk_meminfo *mi)
{
	if (UKB(mi, PK_MI_LOWTOTAL) == 0)
		return KB(mi, PK_MI_MEMFREE);
	return KB(mi, PK_MI_LOWFREE);
}

/* total - free, never negative (procps clamps each used figure at 0). */
static int64_t
used0(uint64_t total, uint64_t free_kb)
{
	return free_kb < total ? (int64_t)(total - free_kb) : 0;
}

/* Note: ignores cache, unlike Mem used (procps does the same). */
int64_t
pk_mem_low_used(const struct pk_meminfo *mi)
{
	return used0((uint64_t)pk_mem_low_total(mi),
	    (uint64_t)pk_mem_low_free(mi));
}

int64_t
pk_mem_high_used(const struct pk_meminfo *mi)
{
	return used0(UKB(mi, PK_MI_HIGHTOTAL), UKB(mi, PK_MI_HIGHFREE));
}

/* Never negative: 0 when SwapFree >= SwapTotal. */
int64_t
pk_mem_swap_used(const struct pk_meminfo *mi)
{
	return used0(UKB(mi, PK_MI_SWAPTOTAL), UKB(mi, PK_MI_SWAPFREE));
}

/* Negative with overcommit; procps 4.0.2 prints it so. */
int64_t
pk_mem_commit_free(const struct pk_meminfo *mi)
{
	return (int64_t)(UKB(mi, PK_MI_COMMITLIMIT) -
	    UKB(mi, PK_MI_COMMITTED_AS));
}

/* The -t row: RAM plus swap, unsigned sums that wrap as procps' do. */
int64_t
pk_mem_all_total(const struct pk_meminfo *mi)
{
	return (int64_t)(UKB(mi, PK_MI_MEMTOTAL) + UKB(mi, PK_MI_SWAPTOTAL));
}

int64_t
pk_mem_all_used(const struct pk_meminfo *mi)
{
	return (int64_t)((uint64_t)pk_mem_used(mi) + (uint64_t)pk_mem_swap_used(mi));
}

int64_t
pk_mem_all_free(const struct pk_meminfo *mi)
{
	return (int64_t)(UKB(mi, PK_MI_MEMFREE) + UKB(mi, PK_MI_SWAPFREE));
}

static int
has(const struct pk_meminfo *mi, int key)
{
	return (mi->has >> key) & 1;
}

void
pk_mem_derive(const struct pk_meminfo *mi, struct pk_mem *m)
{
	m->total = KB(mi, PK_MI_MEMTOTAL);
	m->used = pk_mem_used(mi);
	m->free = KB(mi, PK_MI_MEMFREE);
	m->shared = KB(mi, PK_MI_SHMEM);
	m->buffers = KB(mi, PK_MI_BUFFERS);
	m->cache = pk_mem_cache(mi);
	m->buff_cache = pk_mem_buff_cache(mi);
	m->available = pk_mem_available(mi);
	m->low_total = pk_mem_low_total(mi);
	m->low_used = pk_mem_low_used(mi);
	m->low_free = pk_mem_low_free(mi);
	m->high_total = KB(mi, PK_MI_HIGHTOTAL);
	m->high_used = pk_mem_high_used(mi);
	m->high_free = KB(mi, PK_MI_HIGHFREE);
	m->swap_total = KB(mi, PK_MI_SWAPTOTAL);
	m->swap_used = pk_mem_swap_used(mi);
	m->swap_free = KB(mi, PK_MI_SWAPFREE);
	m->commit_limit = KB(mi, PK_MI_COMMITLIMIT);
	m->committed = KB(mi, PK_MI_COMMITTED_AS);
	m->commit_free = pk_mem_commit_free(mi);
	m->all_total = pk_mem_all_total(mi);
	m->all_used = pk_mem_all_used(mi);
	m->all_free = pk_mem_all_free(mi);
	m->has = 0;
	if (has(mi, PK_MI_SHMEM))
		m->has |= PK_MEM_HAS_SHARED;
	if (has(mi, PK_MI_BUFFERS))
		m->has |= PK_MEM_HAS_BUFFERS;
	if (has(mi, PK_MI_CACHED) || has(mi, PK_MI_SRECLAIMABLE))
		m->has |= PK_MEM_HAS_CACHE;
	if (has(mi, PK_MI_SWAPTOTAL))
		m->has |= PK_MEM_HAS_SWAP;
	if (has(mi, PK_MI_COMMITLIMIT) && has(mi, PK_MI_COMMITTED_AS))
		m->has |= PK_MEM_HAS_COMMIT;
	if (has(mi, PK_MI_HIGHTOTAL))
		m->has |= PK_MEM_HAS_HIGHLOW;
}
