/*
 * pskit/mem.h: system memory.  /proc/meminfo and the numbers free(1)
 * derives from it (procps-ng), psutil's variants, and smem's view (procsmem -w).
 */
#ifndef PSKIT_MEM_H
#define PSKIT_MEM_H

#include "pskit/core.h"

/* Raw /proc/meminfo keys, in kB as the kernel prints them. */
enum pk_meminfo_key {
	PK_MI_MEMTOTAL,
	PK_MI_MEMFREE,
	PK_MI_MEMAVAILABLE,
	PK_MI_BUFFERS,
	PK_MI_CACHED,
	PK_MI_SRECLAIMABLE,
	PK_MI_SHMEM,
	PK_MI_SWAPTOTAL,
	PK_MI_SWAPFREE,
	PK_MI_HIGHTOTAL,
	PK_MI_HIGHFREE,
	PK_MI_LOWTOTAL,
	PK_MI_LOWFREE,
	PK_MI_COMMITLIMIT,
	PK_MI_COMMITTED_AS,
	PK_MI_ANONPAGES,
	PK_MI_MAPPED,
	PK_MI_NKEYS
};

struct pk_meminfo {
	uint64_t kb[PK_MI_NKEYS];
	uint32_t has;		/* bit (1 << key) set when the key was seen */
};

/* The one /proc/meminfo parser: procps-ng 4.0.2's tokenisation and its
 * 8191-byte window, or with PK_MEMINFO_SMEM smem 1.5's lines (see
 * meminfo.c). */
#define PK_MEMINFO_WINDOW	8191
#define PK_MEMINFO_SMEM		0x1
int	 pk_meminfo_parse(const char *buf, size_t len, unsigned flags,
	    struct pk_meminfo *out);

/*
 * The numbers free(1) prints, in kB, after procps-ng 4.0.2's derivations.
 * Signed: an inconsistent file (lxcfs) can make them negative, and free
 * prints them so.  A PK_MEM_* bit in has marks a value the source gave.
 */
struct pk_mem {
	int64_t	 total, used, free, shared, buffers, cache, buff_cache, available;
	int64_t	 low_total, low_used, low_free;
	int64_t	 high_total, high_used, high_free;
	int64_t	 swap_total, swap_used, swap_free;
	int64_t	 commit_limit, committed, commit_free;
	int64_t	 all_total, all_used, all_free;	/* RAM + swap (free -t) */
	uint32_t has;		/* PK_MEM_HAS_* */
};

#define PK_MEM_HAS_SHARED	(1u << 0)
#define PK_MEM_HAS_BUFFERS	(1u << 1)
#define PK_MEM_HAS_CACHE	(1u << 2)
#define PK_MEM_HAS_SWAP		(1u << 3)
#define PK_MEM_HAS_COMMIT	(1u << 4)
#define PK_MEM_HAS_HIGHLOW	(1u << 5)
/*
 * pk_mem.has: swap used and free are unknown (Windows where the page-
 * file query is refused, as under Wine); swap total still stands.
 */
#define PK_MEM_NO_SWAPUSE	(1u << 6)

/* Each derived number has one function (reference/free.md §2). */
int64_t	 pk_mem_available(const struct pk_meminfo *mi);
int64_t	 pk_mem_cache(const struct pk_meminfo *mi);
int64_t	 pk_mem_buff_cache(const struct pk_meminfo *mi);
int64_t	 pk_mem_used(const struct pk_meminfo *mi);
int64_t	 pk_mem_low_total(const struct pk_meminfo *mi);
int64_t	 pk_mem_low_free(const struct pk_meminfo *mi);
int64_t	 pk_mem_low_used(const struct pk_meminfo *mi);
int64_t	 pk_mem_high_used(const struct pk_meminfo *mi);
int64_t	 pk_mem_swap_used(const struct pk_meminfo *mi);
int64_t	 pk_mem_commit_free(const struct pk_meminfo *mi);
int64_t	 pk_mem_all_total(const struct pk_meminfo *mi);
int64_t	 pk_mem_all_used(const struct pk_meminfo *mi);
int64_t	 pk_mem_all_free(const struct pk_meminfo *mi);
void	 pk_mem_derive(const struct pk_meminfo *mi, struct pk_mem *out);

/*
 * Read the system's memory numbers.  PK_ENOENT when the source does not
 * exist, PK_EPARSE when it is empty, PK_ENOTSUP where the OS has no probe.
 */
int	 pk_mem_read(struct pk_ctx *ctx, struct pk_meminfo *raw,
	    struct pk_mem *out);

/*
 * virtual_memory() and swap_memory() as psutil 5.9.4 _pslinux.py
 * computes them (scripts/free.py prints them), in kB.  They differ from
 * procps (pk_mem_used, pk_mem_swap_used): see psutilmem.c.
 */
int64_t	 pk_mem_psutil_used(const struct pk_meminfo *mi);
int64_t	 pk_mem_psutil_cached(const struct pk_meminfo *mi);
int64_t	 pk_mem_psutil_swap_used(const struct pk_meminfo *mi);

/* smem's view of /proc/meminfo (-w, -p): the keys it uses, in kB. */
enum pk_sys_key {
	PK_SYS_MEMTOTAL,
	PK_SYS_MEMFREE,
	PK_SYS_SWAPTOTAL,
	PK_SYS_ANONPAGES,
	PK_SYS_MAPPED,
	PK_SYS_BUFFERS,
	PK_SYS_SRECLAIMABLE,
	PK_SYS_CACHED,
	PK_SYS_NKEYS
};

struct pk_sysmem {
	uint64_t kb[PK_SYS_NKEYS];
	uint32_t has;
};

/* One row of smem's system view, in kB. */
struct pk_area {
	const char	*area;
	int64_t		 used;
	int64_t		 cache;
	int64_t		 noncache;	/* used - cache */
};

#define PK_AREAS	5

/* smem's keys of a pk_meminfo (parsed with PK_MEMINFO_SMEM), held at
 * 2^50 kB; PK_EPARSE without MemTotal. */
int	 pk_sysmem_from_meminfo(const struct pk_meminfo *mi,
	    struct pk_sysmem *out);
/* Read /proc/meminfo for it. */
int	 pk_sysmem_read(struct pk_ctx *ctx, struct pk_sysmem *out);
/* The rows of smem -w (see sysmem.c for the formulas). */
void	 pk_sysmem_areas(const struct pk_sysmem *m, int64_t total,
	    int64_t kernel, struct pk_area out[PK_AREAS]);

#endif /* PSKIT_MEM_H */
