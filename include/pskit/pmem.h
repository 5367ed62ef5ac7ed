/*
 * pskit/pmem.h: process memory (procsmem): the smaps parsers, one process
 * of a memory report, psutil's memory_full_info().
 */
#ifndef PSKIT_PMEM_H
#define PSKIT_PMEM_H

#include "pskit/core.h"
#include "pskit/proc.h"

/*
 * Sums of /proc/PID/smaps fields over mappings (or the one smaps_rollup
 * record), in kB as the kernel prints them.  has: PK_SM_* bit per field
 * that was seen at least once.
 */
enum pk_sm_key {
	PK_SM_SIZE,
	PK_SM_RSS,
	PK_SM_PSS,
	PK_SM_SHARED_CLEAN,
	PK_SM_SHARED_DIRTY,
	PK_SM_PRIVATE_CLEAN,
	PK_SM_PRIVATE_DIRTY,
	PK_SM_REFERENCED,
	PK_SM_SWAP,
	PK_SM_SWAPPSS,
	PK_SM_PRIVATE_HUGETLB,
	PK_SM_ANONYMOUS,
	PK_SM_NKEYS
};

struct pk_smaps {
	uint64_t kb[PK_SM_NKEYS];
	uint64_t maps;		/* mappings summed (0 for a rollup) */
	uint32_t has;		/* bit (1 << key) when the key was seen */
};

/*
 * One mapping, handed to a smaps parser's callback.  name points into
 * the parser (not NUL-terminated, valid during the call): the whole
 * rest of the header line after the inode, so names with spaces and
 * " (deleted)" stay whole; "<anonymous>" (anon set) for a mapping
 * without a name.
 */
struct pk_vma {
	const char	*name;
	size_t		 namelen;
	int		 anon;
	struct pk_smaps	 v;	/* this mapping's fields, maps = 1 */
};

/*
 * Return 1 to add the mapping to the totals, 0 to skip it, or a
 * negated PK_* code (-PK_ENOMEM) to stop the parse with that error.
 */
typedef int (*pk_vma_fn)(void *arg, const struct pk_vma *vma);

/*
 * The incremental smaps parser: begin, feed the text in chunks of any
 * size, end (always: it frees the parser's buffers).  Its memory is the
 * longest line and mapping name, whatever the text's size; the result
 * is the same for every way of cutting the text into chunks.  feed and
 * end return PK_OK, PK_ENOMEM, or the first error of the callback.
 */
struct pk_smaps_parser {
	pk_vma_fn	 fn;
	void		*arg;
	struct pk_smaps	 sum;
	struct pk_vma	 vma;		/* the open mapping */
	int		 open;
	int		 rollup;	/* smaps_rollup: every field to sum */
	int		 rc;
	struct pk_buf	 line;		/* a line cut by a chunk's end */
	struct pk_buf	 name;		/* vma.name */
};
void	 pk_smaps_begin(struct pk_smaps_parser *ps, pk_vma_fn fn, void *arg);
int	 pk_smaps_feed(struct pk_smaps_parser *ps, const char *buf, size_t len);
int	 pk_smaps_end(struct pk_smaps_parser *ps, struct pk_smaps *out);

/*
 * Pure parsers.  pk_smaps_parse() is the stream parser over one buffer:
 * it sums every mapping for which fn (may be NULL) returns 1;
 * pk_smaps_rollup_parse() reads the single smaps_rollup record through
 * it (every field line counts, headers or not).  Fields
 * are matched by name, never by line position.  PK_EPARSE when a rollup
 * has no field.
 */
int	 pk_smaps_parse(const char *buf, size_t len, struct pk_smaps *out,
	    pk_vma_fn fn, void *arg);
int	 pk_smaps_rollup_parse(const char *buf, size_t len,
	    struct pk_smaps *out);

/*
 * Mappings grouped by path (psutil memory_maps(grouped=True)), in order
 * of first appearance.  Zero it, hand pk_pmap_group_add to a smaps
 * parser with it, then take the array (caller frees with
 * pk_pmaps_free) or free the group.  Memory grows with distinct paths
 * only; lookups are hashed.
 */
struct pk_pmap_slot {
	size_t		 idx;		/* 1 + index into v; 0: empty */
	uint32_t	 h;
};
struct pk_pmap_group {
	struct pk_pmap	*v;
	struct pk_smaps	*sum;		/* kB sums of v[i] */
	size_t		 n, cap;
	struct pk_pmap_slot *slot;
	size_t		 nslot;
};
int	 pk_pmap_group_add(void *arg, const struct pk_vma *vma);
void	 pk_pmap_group_take(struct pk_pmap_group *g, struct pk_pmap **out,
	    size_t *n);
void	 pk_pmap_group_free(struct pk_pmap_group *g);
/* The same over one buffer; *out owned by the caller. */
int	 pk_smaps_group_parse(const char *buf, size_t len, struct pk_pmap **out,
	    size_t *n);

/*
 * USS, reference/procsmem.md section 0: Private_Clean + Private_Dirty as
 * smem and smemstat count it; with hugetlb, plus Private_Hugetlb as
 * psutil does.  In kB.
 */
uint64_t pk_smaps_uss(const struct pk_smaps *s, int hugetlb);

/* The parts of /proc/PID/stat a memory report needs. */
#define PK_PF_KTHREAD	0x00200000u	/* stat flags: a kernel thread */


/* One process of a memory report. */
struct pk_pmem {
	int		 pid;
	uint32_t	 uid;		/* owner of /proc/PID, as smem */
	struct pk_pstat	 st;	/* pk_pstat_parse() */
	char		*cmdline;	/* NULs as spaces, last char dropped
					   as smem does; malloc'd */
	struct pk_smaps	 mem;
	int		 exact;		/* mem summed from smaps */
	int		 dfd;		/* Linux: /proc/PID, from pk_pmem_info
					   to pk_pmem_free; every read of the
					   process goes through it */
};
/* pk_pmem.uid where the owner cannot be read (Windows: token denied). */
#define PK_UID_UNKNOWN		UINT32_MAX

/* Numeric entries of the proc root, ascending.  Free with free(3). */
int	 pk_pmem_pids(struct pk_ctx *ctx, int **pids, size_t *npids);

/*
 * Owner, stat and cmdline of pid (no ptrace access needed).  PK_ENOENT
 * when the process is gone, is a kernel thread or a zombie: a report
 * skips it silently.  Release with pk_pmem_free().
 */
int	 pk_pmem_info(struct pk_ctx *ctx, int pid, struct pk_pmem *p);

/*
 * Memory of p: smaps_rollup, one open and one read (falling back to
 * smaps where the kernel has no rollup), or with exact set, the per-
 * mapping sums of smaps as smem computes them.  scratch is a reusable
 * buffer.  PK_EACCES when the caller may not read it (count it),
 * PK_ENOENT when the process went away or became a zombie (skip it).
 */
int	 pk_pmem_read(struct pk_ctx *ctx, struct pk_pmem *p, int exact,
	    struct pk_buf *scratch);

/*
 * Every mapping of p's smaps to fn (may be NULL; see pk_vma_fn), the
 * sums in p->mem (exact set), streamed: memory does not grow with the
 * file.  Errors as pk_pmem_read(), and fn's own.
 */
int	 pk_pmem_smaps(struct pk_ctx *ctx, struct pk_pmem *p, pk_vma_fn fn,
	    void *arg);

/*
 * The cgroup path (v1 memory controller or v2) of p, read through its
 * /proc/PID directory like every other file of it.
 */
int	 pk_pmem_cgroup(struct pk_ctx *ctx, const struct pk_pmem *p, int version,
	    char *path, size_t len);
void	 pk_pmem_free(struct pk_pmem *p);

/*
 * Feed dfd/name (smaps) to ps chunk by chunk, never holding it whole.
 * errno or 0; the parser's error stays in ps (pk_smaps_end returns it).
 * *nread is the number of bytes read (0: empty file).
 */
int	 pk_smaps_read_at(int dfd, const char *name,
	    struct pk_smaps_parser *ps, size_t *nread);
/*
 * to += from for every key, held at the parser's ceiling (2^53 kB) like
 * each value, so bytes (kB * 1024) of a sum over 100,000 processes of a
 * hostile /proc still fit in 64 bits.
 */
void	 pk_smaps_add(struct pk_smaps *to, const struct pk_smaps *from);

/* The "dec" size reported by size(1) for an uncompressed kernel image,
 * in bytes (procsmem -K). */
int	 pk_pmem_kernel_size(struct pk_ctx *ctx, const char *path,
	    uint64_t *bytes);

/*
 * One process as psutil's memory_full_info() and as_dict(["cmdline",
 * "username"]) see it (scripts/procsmem.py).  Bytes.
 */
struct pk_psmem {
	int		 pid;
	uint64_t	 uss, pss, swap;	/* smaps_rollup (smaps without
						   it); USS counts every
						   Private_* line */
	uint64_t	 rss;		/* statm resident * page size */
	uint32_t	 ruid;		/* real uid from status */
	int		 has_uid;	/* 0: status unreadable (psutil None) */
	struct pk_strv	 cmdline;	/* psutil's split (pk_pcmdline_parse) */
	int		 has_cmdline;
};
/*
 * Read pid's files in psutil's order: smaps_rollup, statm, status,
 * cmdline.  PK_EACCES when the memory is denied (procsmem.py counts
 * it), PK_ENOENT when the process is gone, a zombie or a kernel thread
 * (skipped).  Release with pk_psmem_free().
 */
int	 pk_psmem_read(struct pk_ctx *ctx, int pid, struct pk_psmem *p);
void	 pk_psmem_free(struct pk_psmem *p);

#endif /* PSKIT_PMEM_H */
