/*
 * psutilmem.c: the numbers psutil 5.9.4 derives from /proc/meminfo and
 * prints in its scripts (free.py, procsmem.py), one function each.  They
 * are not procps' (mem.c): psutil's "used" subtracts the caches instead
 * of taking total - available, and its swap "used" is never clamped.
 * Everything is kB.  psutil works in Python integers (bytes = kB * 1024
 * and back through int(x / 1024)), which equals these for any value
 * below 2^53 kB; above that its float division rounds, ours does not.
 */
#include <stdio.h>

#include "pskit.h"

#define KB(mi, k)	((int64_t)(mi)->kb[k])
#define HAS(mi, k)	(((mi)->has >> (k)) & 1)

/*
 * _pslinux.py virtual_memory(): cached = Cached + SReclaimable, but 0
 * (SReclaimable not added) when the file has no Cached line.
 */
int64_t
pk_mem_psutil_cached(const struct pk_meminfo *mi)
{
	if (!HAS(mi, PK_MI_CACHED))
		return 0;
	return KB(mi, PK_MI_CACHED) + KB(mi, PK_MI_SRECLAIMABLE);
}

/*
 * _pslinux.py virtual_memory(): used = total - free - cached - buffers;
 * if that is negative, used = total - free.
 */
int64_t
pk_mem_psutil_used(const struct pk_meminfo *mi)
{
	int64_t used;

	used = KB(mi, PK_MI_MEMTOTAL) - KB(mi, PK_MI_MEMFREE) -
	    pk_mem_psutil_cached(mi) - KB(mi, PK_MI_BUFFERS);
	if (used < 0)
		used = KB(mi, PK_MI_MEMTOTAL) - KB(mi, PK_MI_MEMFREE);
	return used;
}

/* _pslinux.py swap_memory(): used = SwapTotal - SwapFree, negative when
 * SwapFree is the larger (procps clamps to 0). */
int64_t
pk_mem_psutil_swap_used(const struct pk_meminfo *mi)
{
	return KB(mi, PK_MI_SWAPTOTAL) - KB(mi, PK_MI_SWAPFREE);
}

/*
 * scripts/procsmem.py convert_bytes(n): the largest of K M G T P E Z Y
 * (2^10 ... 2^80) that n reaches, as "%.1f" of float(n) / prefix plus
 * the letter; below 1024, the integer and "B".  C's "%.1f" rounds the
 * same binary value the same way as Python's (reference/procsmem.md).
 */
void
pk_psutil_convert_bytes(uint64_t n, char *buf, size_t len)
{
	static const char sym[] = "KMGTPE";	/* 2^70 and up: past u64 */
	int k;

	for (k = 6; k > 0; k--)
		if (n >= (uint64_t)1 << (10 * k))
			break;
	if (k == 0)
		snprintf(buf, len, "%lluB", (unsigned long long)n);
	else
		snprintf(buf, len, "%.1f%c", (double)n /
		    (double)((uint64_t)1 << (10 * k)), sym[k - 1]);
}
