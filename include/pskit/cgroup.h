/*
 * pskit/cgroup.h: memory cgroups (v1 and v2) and what a cgroup path names.
 */
#ifndef PSKIT_CGROUP_H
#define PSKIT_CGROUP_H

#include "pskit/core.h"
#include "pskit/mem.h"

#define PK_CG_PATHMAX	1024

/* Where a process's memory cgroup lives (from /proc/PID/cgroup and
 * /proc/PID/mountinfo). */
struct pk_cgroup_loc {
	int	 version;		/* 2 (unified) or 1 (memory controller) */
	char	 path[PK_CG_PATHMAX];	/* cgroup path: "/user.slice/x" */
	char	 mount[PK_CG_PATHMAX];	/* mount point: "/sys/fs/cgroup/memory" */
	char	 root[PK_CG_PATHMAX];	/* the mount's root in the hierarchy */
};

/* memory.stat keys we use; v1 takes the hierarchical total_* ones. */
enum pk_cgstat_key {
	PK_CGS_ANON,
	PK_CGS_FILE,
	PK_CGS_SHMEM,
	PK_CGS_ACTIVE_FILE,
	PK_CGS_INACTIVE_FILE,
	PK_CGS_SLAB_RECLAIMABLE,
	PK_CGS_NKEYS
};

#define PK_CG_UNLIMITED	UINT64_MAX

/* A memory cgroup's accounting, in bytes. */
struct pk_cgroup_mem {
	struct pk_cgroup_loc loc;
	uint64_t limit;		/* smallest limit on the path to the root */
	uint64_t usage;		/* memory.current / memory.usage_in_bytes */
	uint64_t swap_limit;	/* smallest swap limit; v1: memsw - mem */
	uint64_t swap_usage;
	uint64_t stat[PK_CGS_NKEYS];
	uint64_t has;		/* bit per stat key; PK_CG_HAS_* below */
};

#define PK_CG_HAS_SWAP	((uint64_t)1 << 63)

/* Pure parsers. */
int	 pk_cgroup_parse_self(const char *buf, size_t len,
	    struct pk_cgroup_loc *v2, struct pk_cgroup_loc *v1);
int	 pk_cgroup_parse_mounts(const char *buf, size_t len,
	    struct pk_cgroup_loc *v2, struct pk_cgroup_loc *v1);
/* A limit file: "max" and v1's "unlimited" (>= 2^62) are PK_CG_UNLIMITED. */
int	 pk_cgroup_parse_limit(const char *buf, size_t len, uint64_t *out);
int	 pk_cgroup_parse_stat(const char *buf, size_t len, int version,
	    uint64_t *stat, uint64_t *has);

/*
 * Find and read the memory cgroup of pid (0: the caller), or of the
 * cgroup path given.  v2 is preferred when it has the memory controller.
 */
int	 pk_cgroup_mem_read(struct pk_ctx *ctx, int pid, const char *path,
	    struct pk_cgroup_mem *out);
/*
 * The meminfo a container should see, lxcfs-style: the host's file with
 * the memory and swap keys replaced from the cgroup (see cgroup.c).
 */
void	 pk_cgroup_meminfo(const struct pk_cgroup_mem *cg,
	    const struct pk_meminfo *host, struct pk_meminfo *out);
/* The cgroup path of pid in the hierarchy of the given version (1, 2). */
int	 pk_cgroup_of(struct pk_ctx *ctx, int pid, int version, char *path,
	    size_t len);
/* Is path the cgroup itself or below it? */
int	 pk_cgroup_contains(const char *cgroup, const char *path);

/*
 * What a cgroup path names (cgname.c, pure): the innermost systemd
 * .service or .scope unit; the innermost container id (docker-, libpod-,
 * cri-containerd-, crio-<id>.scope, or an id below /docker/ or a
 * kubelet pod<uid>); the pod UID of kubepods-...-pod<uid>.slice or
 * pod<uid>.  PK_ENOENT when the path names none, PK_EPARSE when out is
 * too small.
 */
int	 pk_cgname_unit(const char *path, char *out, size_t len);
int	 pk_cgname_container(const char *path, char *out, size_t len);
int	 pk_cgname_pod(const char *path, char *out, size_t len);

#endif /* PSKIT_CGROUP_H */
