/*
 * sysmem.c: the /proc/meminfo keys of smem's system view (parsed by
 * meminfo.c in smem's mode) and its derived areas (reference/procsmem.md
 * section 1.4).
 */
#include <string.h>

#include "pskit.h"

#define PK_SYS_MAX	((uint64_t)1 << 50)	/* kB: 1 EiB */

static const int sys_keys[PK_SYS_NKEYS] = {
	PK_MI_MEMTOTAL, PK_MI_MEMFREE, PK_MI_SWAPTOTAL, PK_MI_ANONPAGES,
	PK_MI_MAPPED, PK_MI_BUFFERS, PK_MI_SRECLAIMABLE, PK_MI_CACHED
};

/* The keys smem uses, from the one meminfo parser's result. */
int
pk_sysmem_from_meminfo(const struct pk_meminfo *mi, struct pk_sysmem *out)
{
	uint64_t v;
	int k;

	memset(out, 0, sizeof(*out));
	for (k = 0; k < PK_SYS_NKEYS; k++) {
		if (!(mi->has & (1u << sys_keys[k])))
			continue;
		v = mi->kb[sys_keys[k]];
		/*
		 * held at PK_SYS_MAX kB: every area is a sum or difference
		 * of at most three values, so it stays exact and its bytes
		 * (kB * 1024) fit in an int64_t even for 2^64 or "-1" in
		 * the file
		 */
		out->kb[k] = v > PK_SYS_MAX ? PK_SYS_MAX : v;
		out->has |= 1u << k;
	}
	return (out->has & (1u << PK_SYS_MEMTOTAL)) ? PK_OK : PK_EPARSE;
}

/*
 * smem's system view (reference/procsmem.md 1.4), in kB.  total is the
 * physical memory (-R, else MemTotal), kernel the kernel image size (-K,
 * else 0):
 *	firmware/hardware	max(total - MemTotal - kernel, 0)	0
 *	kernel image		kernel					0
 *	kernel dynamic memory	MemTotal - MemFree - user	Buffers +
 *					SReclaimable + (Cached - Mapped)
 *	userspace memory	user = AnonPages + Mapped	Mapped
 *	free memory		MemFree				MemFree
 *	noncache = used - cache in every row
 */
void
pk_sysmem_areas(const struct pk_sysmem *m, int64_t total, int64_t kernel,
    struct pk_area out[PK_AREAS])
{
	const uint64_t *kb = m->kb;
	int64_t mt = (int64_t)kb[PK_SYS_MEMTOTAL], f = (int64_t)kb[PK_SYS_MEMFREE];
	int64_t u = (int64_t)(kb[PK_SYS_ANONPAGES] + kb[PK_SYS_MAPPED]);
	int64_t fh = total - mt - kernel;
	int i;

	out[0] = (struct pk_area){ "firmware/hardware", fh > 0 ? fh : 0, 0, 0 };
	out[1] = (struct pk_area){ "kernel image", kernel, 0, 0 };
	out[2] = (struct pk_area){ "kernel dynamic memory", mt - f - u,
	    (int64_t)(kb[PK_SYS_BUFFERS] + kb[PK_SYS_SRECLAIMABLE]) +
	    ((int64_t)kb[PK_SYS_CACHED] - (int64_t)kb[PK_SYS_MAPPED]), 0 };
	out[3] = (struct pk_area){ "userspace memory", u,
	    (int64_t)kb[PK_SYS_MAPPED], 0 };
	out[4] = (struct pk_area){ "free memory", f, f, 0 };
	for (i = 0; i < PK_AREAS; i++)
		out[i].noncache = out[i].used - out[i].cache;
}
