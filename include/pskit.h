/*
 * pskit.h: the one public header of libpskit.
 *
 * Every probe has the shape
 *	int pk_<topic>_<verb>(struct pk_ctx *ctx, ..., struct pk_<topic> *out)
 * and returns PK_OK or one of the codes below; the context remembers the
 * failing call and the raw OS error for pk_strerror().  The library never
 * prints and never exits.
 */
#ifndef PSKIT_H
#define PSKIT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define PSKIT_VERSION	"0.1.0"

enum {
	PK_OK = 0,
	PK_ENOENT,	/* no such process, interface, device, service, file */
	PK_EACCES,	/* permission denied */
	PK_ENOTSUP,	/* not supported on this system */
	PK_EPARSE,	/* the source exists but cannot be parsed */
	PK_ENOMEM,	/* out of memory */
	PK_EOS		/* any other operating system error */
};

/* Roots a context reads from. */
enum pk_root {
	PK_ROOT_PROC,
	PK_ROOT_SYS
};

/*
 * Per-command context: the proc and sys roots opened once as directory
 * descriptors, and the last error.  Lives on the caller's stack.
 */
struct pk_ctx {
	int	 procfd;
	int	 sysfd;
	int	 code;		/* last PK_* code */
	int	 oserr;		/* raw errno or GetLastError() */
	char	 procfs[256];	/* root paths, for messages */
	char	 sysfs[256];
	char	 what[512];	/* the call that failed: "open /proc/meminfo" */
	char	 msg[1024];	/* pk_strerror() result */
};

/*
 * Open the roots.  NULL means $PSKIT_PROCFS / $PSKIT_SYSFS, else /proc and
 * /sys.  A missing sysfs is not an error until something reads from it.
 */
int	 pk_ctx_open(struct pk_ctx *ctx, const char *procfs, const char *sysfs);
void	 pk_ctx_close(struct pk_ctx *ctx);

/* Record an error in ctx and return code.  With an OS error, fmt names
 * the call ("open /proc/1/stat") and pk_strerror() adds the OS's text;
 * without one (oserr 0), fmt is the whole message. */
int	 pk_fail(struct pk_ctx *ctx, int code, int oserr, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));
/* Like pk_fail with the code derived from the OS error (oserr.c). */
int	 pk_fail_os(struct pk_ctx *ctx, int oserr, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
int	 pk_code_from_os(int oserr);
/* The OS's text for a raw error number (oserr.c of each OS). */
void	 pk_os_strerror(int oserr, char *buf, size_t len);
/* "open /proc/42/stat: No such file or directory" */
const char *pk_strerror(struct pk_ctx *ctx);
/* The message of a bare code: "no such process" ... */
const char *pk_code_str(int code);

/* A growable byte buffer, always NUL-terminated after len. */
struct pk_buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

int	 pk_buf_reserve(struct pk_buf *b, size_t extra);
int	 pk_buf_append(struct pk_buf *b, const void *p, size_t n);
void	 pk_buf_reset(struct pk_buf *b);
void	 pk_buf_free(struct pk_buf *b);
/*
 * Room for one more element in a growing array: arrp points at the array
 * pointer (T **), *cap its capacity, n the elements in use.  Doubles the
 * capacity (first 32) when n has reached it; on PK_ENOMEM the old array is
 * untouched and still the caller's to free.
 */
int	 pk_grow(void *arrp, size_t *cap, size_t n, size_t size);

/*
 * Read a whole file below a root into buf (replacing its content), until
 * EOF.  Errors: PK_ENOENT, PK_EACCES, PK_ENOMEM, PK_EOS.
 */
int	 pk_read_file(struct pk_ctx *ctx, enum pk_root root, const char *path,
	    struct pk_buf *buf);

/*
 * Number parsing shared by every /proc parser.  pk_parse_ulong() reads a
 * decimal number from [p, end) with strtoul(3) semantics (leading white
 * space, optional sign, saturation at UINT64_MAX, "-N" wraps) and never
 * reads past end.  Returns the position after the digits; *ok is 0 when
 * no digit was found.
 */
const char *pk_parse_ulong(const char *p, const char *end, uint64_t *val,
	    int *ok);

/*
 * "Key:   value" lines (status, smaps_rollup, io ...).  A table entry is
 * PK_KV("VmRSS", MY_VMRSS): index into vals (< 64) and into the has-bits.
 * Returns how many values were stored.
 */
struct pk_kv_key {
	const char	*name;
	size_t		 len;
	int		 index;
};
#define PK_KV(name, index)	{ name, sizeof(name) - 1, index }

int	 pk_kv_parse(const char *buf, size_t len, const struct pk_kv_key *keys,
	    size_t nkeys, uint64_t *vals, uint64_t *has);
/* The text after "key:" and its blanks, up to the end of the line. */
int	 pk_kv_find(const char *buf, size_t len, const char *key,
	    const char **val, size_t *vlen);

/* ---- memory: /proc/meminfo and free's derived numbers ---- */

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

/* ---- memory cgroups (v1 and v2) ---- */

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

/* ---- atomic file replacement (-w FILE) ---- */

struct pk_atomic {
	char	 path[4096];	/* the destination */
	char	 tmp[4096];	/* the temporary file beside it */
	int	 fd;
	FILE	*fp;		/* write here */
};

/* pk_atomic_open() flags: the output carries command lines,
 * environments, working directories or open files (mode 0600). */
#define PK_ATOMIC_PRIVATE	0x1
/* Create a temporary file in path's directory, open as a->fp.  Its mode
 * is 0600 with PK_ATOMIC_PRIVATE, else 0666 & ~umask; an existing
 * destination's mode is kept where it is stricter (POSIX only). */
int	 pk_atomic_open(struct pk_ctx *ctx, const char *path,
	    struct pk_atomic *a, unsigned flags);
/* Flush, fsync and rename over the destination; closes a->fp.  On any
 * error the destination is left as it was. */
int	 pk_atomic_commit(struct pk_ctx *ctx, struct pk_atomic *a);
/* Remove the temporary file, leaving the destination untouched. */
void	 pk_atomic_abort(struct pk_atomic *a);

/* Wall-clock time in seconds, for timestamps. */
double	 pk_time_now(void);

/* ---- process: one process read in one shot (procinfo) ---- */

/* /proc/PID/stat, split at the LAST ')' (reference/procinfo.md §2). */
struct pk_pstat {
	int64_t	 pid;
	char	 comm[128];	/* raw bytes between the first '(' and last ')' */
	char	 state;		/* kernel letter */
	int64_t	 ppid;
	int64_t	 tty_nr;
	uint64_t flags;
	uint64_t utime, stime;	/* clock ticks */
	uint64_t cutime, cstime;
	int64_t	 nice;
	int64_t	 num_threads;
	uint64_t starttime;	/* ticks since boot */
	int64_t	 processor;
	uint64_t blkio;		/* delayacct_blkio_ticks */
	unsigned has;		/* PK_PSTAT_HAS_* */
};
#define PK_PSTAT_HAS_PROCESSOR	0x1
#define PK_PSTAT_HAS_BLKIO	0x2

/* /proc/PID/status: ids, threads, context switches. */
struct pk_pstatus {
	uint64_t uid[3], gid[3];	/* real, effective, saved */
	uint64_t threads;
	uint64_t vctx, nvctx;
	int	 kthread;
	uint64_t cpus[16];		/* Cpus_allowed_list as a bitmap */
	unsigned has;			/* PK_PSTATUS_HAS_* */
};
#define PK_PSTATUS_MAXCPU	1024
#define PK_PSTATUS_HAS_UID	0x01
#define PK_PSTATUS_HAS_GID	0x02
#define PK_PSTATUS_HAS_THREADS	0x04
#define PK_PSTATUS_HAS_CTX	0x08
#define PK_PSTATUS_HAS_CPUS	0x10

/* /proc/PID/statm, in pages. */
struct pk_pstatm {
	uint64_t size, resident, shared, text, lib, data, dt;
};

/* /proc/PID/io. */
struct pk_pio {
	uint64_t rchar, wchar, syscr, syscw, read_bytes, write_bytes;
	unsigned has;			/* all six: PK_PIO_HAS_ALL */
};
#define PK_PIO_HAS_ALL		0x3f

/* /proc/PID/limits, in psutil's alphabetical RLIMIT_* order. */
enum pk_rlim {
	PK_RLIM_AS, PK_RLIM_CORE, PK_RLIM_CPU, PK_RLIM_DATA, PK_RLIM_FSIZE,
	PK_RLIM_LOCKS, PK_RLIM_MEMLOCK, PK_RLIM_MSGQUEUE, PK_RLIM_NICE,
	PK_RLIM_NOFILE, PK_RLIM_NPROC, PK_RLIM_RSS, PK_RLIM_RTPRIO,
	PK_RLIM_RTTIME, PK_RLIM_SIGPENDING, PK_RLIM_STACK, PK_RLIM_N
};
#define PK_RLIM_INFINITY	UINT64_MAX
struct pk_plimits {
	uint64_t soft[PK_RLIM_N], hard[PK_RLIM_N];
	unsigned has;			/* bit per enum pk_rlim */
};
/* psutil's constant name without RLIMIT_ ("AS", "NOFILE") */
const char *pk_rlim_name(int r);

/* smaps_rollup totals in bytes (pk_smaps_rollup_parse, USS as psutil). */
struct pk_prollup {
	uint64_t rss, pss, swap, uss;
	unsigned has;			/* PK_ROLLUP_HAS_* */
};
#define PK_ROLLUP_HAS_RSS	0x1
#define PK_ROLLUP_HAS_PSS	0x2
#define PK_ROLLUP_HAS_SWAP	0x4
#define PK_ROLLUP_HAS_USS	0x8

/* A list of strings kept in one allocation. */
struct pk_strv {
	char	**v;
	size_t	  n;
	char	 *store;
};
void	 pk_strv_free(struct pk_strv *sv);

/* Environment: keys and values sorted by key (bytes), last duplicate wins. */
struct pk_env {
	char	**key;
	char	**val;
	size_t	  n;
	char	 *store;
};
void	 pk_env_free(struct pk_env *e);

/* One grouped /proc/PID/smaps entry (psutil memory_maps(grouped=True)). */
struct pk_pmap {
	char	*path;
	uint64_t rss, size, pss, shared_clean, shared_dirty, private_clean,
		 private_dirty, referenced, anonymous, swap;
};

int	 pk_pstat_parse(const char *buf, size_t len, struct pk_pstat *out);
int	 pk_pstatus_parse(const char *buf, size_t len, struct pk_pstatus *out);
int	 pk_pstatm_parse(const char *buf, size_t len, struct pk_pstatm *out);
int	 pk_pio_parse(const char *buf, size_t len, struct pk_pio *out);
int	 pk_plimits_parse(const char *buf, size_t len, struct pk_plimits *out);
int	 pk_cmdline_parse(const char *buf, size_t len, struct pk_strv *out);
int	 pk_environ_parse(const char *buf, size_t len, struct pk_env *out);
void	 pk_pmaps_free(struct pk_pmap *m, size_t n);
/* /proc/stat "btime" (seconds since the epoch). */
int	 pk_btime_parse(const char *buf, size_t len, uint64_t *btime);

/*
 * psutil's name(): comm, unless it is 15+ bytes long and basename of
 * cmdline[0] starts with it (reference §7); then that basename.
 * Returns a pointer into comm or into cmd.
 */
const char *pk_proc_name(const char *comm, const struct pk_strv *cmd);
/* psutil's status() word for a kernel state letter; "?" when unknown. */
const char *pk_proc_status_str(char state);

/* memory_percent(memtype): 100 * value / MemTotal (psutil __init__.py). */
double	 pk_proc_mem_percent(uint64_t value, uint64_t memtotal);

/* An open regular file (psutil popenfile). */
struct pk_pfile {
	char	*path;
	int	 fd;
	uint64_t position;
	uint64_t flags;
	char	 mode[3];		/* r w a r+ a+ */
	int	 has_fdinfo;
};

/* An inet or UNIX connection (psutil pconn). */
struct pk_pconn {
	int	 fd;
	int	 family;		/* 2 AF_INET, 10 AF_INET6, 1 AF_UNIX */
	int	 type;			/* 1 SOCK_STREAM, 2 SOCK_DGRAM, 5 SEQPACKET */
	char	 laddr[64 + 108];	/* ip text, or UNIX path */
	int	 lport;			/* -1: no address */
	char	 raddr[64];
	int	 rport;			/* -1: no address */
	const char *status;		/* "LISTEN", "NONE" ... */
};

struct pk_pthread {
	int64_t	 tid;
	uint64_t utime, stime;		/* ticks */
};

struct pk_pchild {
	int64_t	 pid;
	char	*name;			/* NULL: denied */
};

/* Parse one line table of /proc/net/{tcp,tcp6,udp,udp6}; rows whose
 * inode is in inodes[0..ninodes) (sorted) are appended to *conns. */
int	 pk_pconn_inet_parse(const char *buf, size_t len, int family, int type,
	    const uint64_t *inodes, const int *fds, size_t ninodes,
	    struct pk_pconn **conns, size_t *nconns);
/*
 * /proc/net/unix, for a --procfs tree only (the kernel prints abstract
 * names raw, so a local user can forge lines): a line that does not
 * parse whole is dropped, and so is every line of an inode that appears
 * more than once.
 */
int	 pk_pconn_unix_parse(const char *buf, size_t len, const uint64_t *inodes,
	    const int *fds, size_t ninodes, struct pk_pconn **conns,
	    size_t *nconns);
/*
 * The same rows from the kernel's sock_diag (UNIX_DIAG) of the caller's
 * network namespace: the live system's source.
 */
int	 pk_pconn_unix_diag(struct pk_ctx *ctx, const uint64_t *inodes,
	    const int *fds, size_t ninodes, struct pk_pconn **conns,
	    size_t *nconns);
/* Order: TCP before UDP before UNIX, then local then remote address. */
void	 pk_pconn_sort(struct pk_pconn *c, size_t n);

/* What pk_proc_read fills: bits of pk_proc.has. */
#define PK_P_STAT	0x000001
#define PK_P_STATUS	0x000002
#define PK_P_STATM	0x000004
#define PK_P_IO		0x000008
#define PK_P_LIMITS	0x000010
#define PK_P_ROLLUP	0x000020
#define PK_P_CMDLINE	0x000040
#define PK_P_ENVIRON	0x000080
#define PK_P_EXE	0x000100
#define PK_P_CWD	0x000200
#define PK_P_NICE	0x000400
#define PK_P_IONICE	0x000800
#define PK_P_AFFINITY	0x001000
#define PK_P_FDS	0x002000	/* num_fds and open_files */
#define PK_P_CONNS	0x004000
#define PK_P_THREADS	0x008000
#define PK_P_MAPS	0x010000
#define PK_P_CHILDREN	0x020000
#define PK_P_PARENT	0x040000
#define PK_P_CREATE	0x080000
#define PK_P_TERMINAL	0x100000
#define PK_P_USER	0x200000
#define PK_P_MEMTOTAL	0x400000

/* Request flags of pk_proc_read. */
#define PK_PROC_UNIX	0x1	/* connections include UNIX sockets */

struct pk_proc {
	int64_t		 pid;
	uint32_t	 has;		/* PK_P_*: the field was read */
	int		 vanished;	/* the process went away mid-read */
	struct pk_pstat	 stat;
	struct pk_pstatus status;
	struct pk_pstatm statm;		/* pages */
	uint64_t	 pagesize;
	uint64_t	 clk_tck;
	struct pk_pio	 io;
	struct pk_plimits limits;
	struct pk_prollup rollup;
	struct pk_strv	 cmdline;
	struct pk_env	 env;		/* "environ" is a macro on Windows */
	const char	*name;		/* into stat.comm or cmdline */
	char		*exe;		/* "" for kernel threads, zombies */
	char		*cwd;
	char		*user;		/* user name or the uid as text */
	char		*terminal;	/* NULL: none */
	char		*parent_name;	/* NULL: no parent */
	double		 create_time;	/* epoch seconds */
	uint64_t	 memtotal;	/* bytes, for memory_percent */
	int		 nice;
	int		 ioclass, iovalue;
	int		*cpus;		/* affinity, ascending */
	size_t		 ncpus;
	int64_t		 num_fds;
	struct pk_pfile	*files;
	size_t		 nfiles;
	struct pk_pconn	*conns;
	size_t		 nconns;
	struct pk_pthread *threads;
	size_t		 nthreads;
	struct pk_pchild *children;
	size_t		 nchildren;
	struct pk_pmap	*maps;
	size_t		 nmaps;
};

/*
 * Read every field of one process, each /proc/PID file at most once.  A
 * denied or missing field leaves its PK_P_* bit clear.  PK_ENOENT with
 * has == 0: no such process; with has != 0 and vanished set: the process
 * went away and the fields read so far are valid.
 */
int	 pk_proc_read(struct pk_ctx *ctx, int64_t pid, unsigned flags,
	    struct pk_proc *out);
void	 pk_proc_free(struct pk_proc *p);
/*
 * The parts of pk_proc_read over a process directory fd (procfd.c); each
 * sets its PK_P_* bit on success.  Exposed for the stub twins.
 */
int	 pk_proc_parent(struct pk_ctx *ctx, struct pk_proc *p);
int	 pk_proc_fds(struct pk_ctx *ctx, int dfd, unsigned flags,
	    struct pk_proc *p);
int	 pk_proc_threads(struct pk_ctx *ctx, int dfd, struct pk_proc *p);
int	 pk_proc_maps(struct pk_ctx *ctx, int dfd, struct pk_proc *p);
int	 pk_proc_children(struct pk_ctx *ctx, struct pk_proc *p);
/* readlinkat cut at a NUL, " (deleted)" stripped when the path is gone;
 * NULL with *err an errno value on failure. */
char	*pk_proc_link(int dfd, const char *name, int *err);
/* Our own process id (the default target). */
int64_t	 pk_proc_self(void);

/* Clock ticks of p as seconds. */
double	 pk_proc_secs(const struct pk_proc *p, uint64_t ticks);
/* Bytes memory_percent(memtype) is of: rss vms uss pss swap shared text
 * data.  0 when that field was not read. */
int	 pk_proc_memtype_value(const struct pk_proc *p, const char *memtype,
	    uint64_t *v);

/* ---- iostat: /proc/stat cpu line, uptime, block device statistics ---- */

/* The aggregate "cpu " line of /proc/stat, in jiffies (sysstat's order). */
struct pk_cpustat {
	uint64_t user, nice, system, idle, iowait, irq, softirq, steal;
	uint64_t guest, guest_nice;
};

/*
 * Counters of one block device or partition, with sysstat's types: the
 * counts are 64-bit, the millisecond times 32-bit (they wrap there).
 */
struct pk_blkstat {
	uint64_t rd_ios, rd_merges, rd_sectors;
	uint64_t wr_ios, wr_merges, wr_sectors;
	uint64_t dc_ios, dc_merges, dc_sectors;
	uint64_t fl_ios;
	uint32_t rd_ticks, wr_ticks, dc_ticks, fl_ticks;
	uint32_t ios_pgr, tot_ticks, rq_ticks;
};

/* One /proc/diskstats record. */
struct pk_diskstats_ent {
	unsigned major, minor;
	int	 nfields;	/* sscanf count: >= 14, or 7 (old partition) */
	char	 name[256];
	struct pk_blkstat st;
};

/*
 * Pure parsers with sysstat 12.6.1's scanf semantics (cpustat.c,
 * diskstats.c).  pk_cpustat_parse: PK_OK when a "cpu " line exists
 * (missing trailing fields are 0), PK_EPARSE when none does.
 * pk_cpustat_nr_parse: highest N + 1 of the "cpuN" lines (0 if none).
 * pk_uptime_parse: first field as centiseconds (sec * 100 + digits after
 * the point); PK_EPARSE when it is not "N.N".  pk_blkstat_parse: a
 * /sys/block/.../stat file; returns the scanf count (11+ full record,
 * 15+ discard, 17+ flush, 4 old partition; anything else gives zeros).
 * pk_diskstats_parse: every record of /proc/diskstats that sysstat keeps
 * (>= 14 fields, or 7), read in 255-byte lines like its fgets().
 */
int	 pk_cpustat_parse(const char *buf, size_t len, struct pk_cpustat *out);
int	 pk_cpustat_nr_parse(const char *buf, size_t len);
int	 pk_uptime_parse(const char *buf, size_t len, uint64_t *cs);
int	 pk_blkstat_parse(const char *buf, size_t len, struct pk_blkstat *out);
int	 pk_diskstats_parse(const char *buf, size_t len,
	    struct pk_diskstats_ent **ents, size_t *nents);

/*
 * psutil 5.9.4's disk_io_counters(perdisk=True) on Linux (psdisk.c):
 * counters as Python ints (no 32-bit truncation), bytes = sectors * 512.
 * pk_psdisk_diskstats_parse: every line of /proc/diskstats, psutil's
 * three layouts by field count (15: Linux 2.4, name 4th; 14 or >= 18;
 * 7: old partition); PK_EPARSE for any other count or a field that is
 * not a decimal number below 2^64 (psutil raises ValueError there).
 * Duplicate names are kept; pk_psdisk_dedup makes psutil's dict of them
 * (a name's first place, its last counters) and returns the new count.
 * pk_psdisk_stat_parse: a sys block .../stat file, its first 10 fields.
 * pk_psdisk_read: /proc/diskstats when it exists, else sys block/X/stat
 * and the stat files below block/X (os.walk order, no symlinks
 * followed), deduplicated.
 */
struct pk_psdisk {
	char	 name[256];
	uint64_t reads, writes, rbytes, wbytes, rtime, wtime;
	uint64_t rmerged, wmerged, busy;
};
int	 pk_psdisk_diskstats_parse(const char *buf, size_t len,
	    struct pk_psdisk **ents, size_t *nents);
int	 pk_psdisk_stat_parse(const char *buf, size_t len,
	    struct pk_psdisk *out);
size_t	 pk_psdisk_dedup(struct pk_psdisk *v, size_t n);
int	 pk_psdisk_read(struct pk_ctx *ctx, struct pk_psdisk **ents,
	    size_t *nents);

/*
 * Derived numbers, one function each (reference/iostat.md section 3;
 * sysstat's S_VALUE, ll_sp_value, get_interval, compute_ext_disk_stats).
 * Deltas are taken in the counter's own type by the caller.
 */
uint64_t pk_io_interval(uint64_t prev_cs, uint64_t curr_cs);
double	 pk_io_rate(uint64_t delta, uint64_t itv);
double	 pk_io_rate_unit(uint64_t delta, uint64_t itv, int fctr);
uint64_t pk_io_sectors_delta(uint64_t prev, uint64_t curr);
double	 pk_io_merge_percent(uint64_t dmerges, uint64_t dios);
double	 pk_io_await(uint32_t dticks, uint64_t dios);
double	 pk_io_await_total(const struct pk_blkstat *prev,
	    const struct pk_blkstat *curr);
double	 pk_io_areq_sectors(uint64_t dsectors, uint64_t dios);
double	 pk_io_areq_total(const struct pk_blkstat *prev,
	    const struct pk_blkstat *curr);
double	 pk_io_aqu_sz(uint32_t drq_ticks, uint64_t itv);
double	 pk_io_util(uint32_t prev_tot, uint32_t curr_tot, uint64_t itv);
double	 pk_io_util_percent(double util, int ndev);
uint64_t pk_cpustat_total(const struct pk_cpustat *c);
double	 pk_cpustat_percent(uint64_t prev, uint64_t curr, uint64_t dtot);
/* %user %nice %system %iowait %steal %idle, in that order. */
void	 pk_cpustat_percents(const struct pk_cpustat *prev,
	    const struct pk_cpustat *curr, double pct[6]);

/*
 * Readers (lib/linux/cpu.c, disk.c).  pk_cpustat_read: PK_EPARSE when
 * the file has no "cpu " line (out untouched).  pk_cpu_count: cpuN
 * directories of sys devices/system/cpu, else cpuN lines of /proc/stat
 * (-1 with ctx set when /proc/stat cannot be opened).
 */
int	 pk_cpustat_read(struct pk_ctx *ctx, struct pk_cpustat *out);
int	 pk_cpu_count(struct pk_ctx *ctx);
int	 pk_uptime_read(struct pk_ctx *ctx, uint64_t *cs);

/* A directory entry of the block tree with the stat file read under it. */
struct pk_blkdev {
	char	 name[256];
	int	 nfields;
	struct pk_blkstat st;
};

/* Read sys path (e.g. "block/sda/stat"); the scanf count in *nfields. */
int	 pk_blkstat_read(struct pk_ctx *ctx, const char *path,
	    struct pk_blkstat *out, int *nfields);
/*
 * Every entry of sys dir (e.g. "block" or "block/sda") whose "stat" file
 * reads, in readdir order.  Free *list with free().
 */
int	 pk_blkdev_list(struct pk_ctx *ctx, const char *dir,
	    struct pk_blkdev **list, size_t *n);
int	 pk_diskstats_read(struct pk_ctx *ctx, struct pk_diskstats_ent **ents,
	    size_t *n);
/* access("<sys>/block/NAME") as sysstat's is_device(). */
int	 pk_blk_is_device(struct pk_ctx *ctx, const char *name);
/* Major of "device-mapper" in /proc/devices; UINT32_MAX when absent. */
unsigned pk_blk_devmap_major(struct pk_ctx *ctx);
/* Device numbers of /dev/NAME ('!' read as '/'). */
int	 pk_blk_devnum(const char *name, unsigned *maj, unsigned *min);
/*
 * The /dev/mapper entry with these numbers: PK_OK, PK_ENOENT when none,
 * PK_EOS (ctx set, errno in ctx->oserr) when /dev/mapper cannot be read.
 */
int	 pk_blk_devmap_name(struct pk_ctx *ctx, unsigned maj, unsigned min,
	    char *out, size_t len);
/*
 * The kernel name (dm-N) of a device-mapper registered name: the last
 * part of the /dev/mapper/NAME link (sysstat's
 * get_dm_name_from_registered_name()); PK_ENOENT when not a link.
 */
int	 pk_blk_devmap_kname(const char *name, char *out, size_t len);
/* sysstat's device_name(): realpath, "/dev/" stripped, '/' -> '!'. */
int	 pk_blk_canon_name(const char *name, char *out, size_t len);
/* Kernel name behind sys dev/block/MAJ:MIN (its link's last part). */
int	 pk_blk_kernel_name(struct pk_ctx *ctx, unsigned maj, unsigned min,
	    char *out, size_t len);
/* /dev/disk/by-TYPE: readable?  name -> kernel name, kernel -> name. */
int	 pk_blk_persist_ok(const char *type);
int	 pk_blk_persist_target(const char *type, const char *name, char *out,
	    size_t len);
int	 pk_blk_persist_name(const char *type, const char *kname, char *out,
	    size_t len);

/* uname(2) for report banners. */
struct pk_sys_uname {
	char	 sysname[65], nodename[65], release[65], machine[65];
};
int	 pk_sys_uname(struct pk_sys_uname *u);

/*
 * Interval timing without drift: a monotonic clock in seconds, and a
 * sleep until an absolute point of it.  pk_time_sleep_until returns early
 * (PK_EOS) when a signal arrives, so a caller can check its flag.
 */
double	 pk_time_monotonic(void);
int	 pk_time_sleep_until(double deadline);

/* ---- process memory: smaps, smaps_rollup, per-process info (procsmem) ---- */

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

/*
 * OS services a memory report needs besides /proc: user names, the
 * terminal width, a kernel image's size, POSIX extended regular
 * expressions.  Stubs return PK_ENOTSUP (user names: PK_ENOENT).
 */
int	 pk_sys_user_name(uint32_t uid, char *buf, size_t len);
/* Columns of the terminal on fd, -1 when fd is not a terminal. */
int	 pk_sys_term_columns(int fd);
/* The "dec" size reported by size(1) for an uncompressed kernel image,
 * in bytes. */
int	 pk_kernel_image_size(struct pk_ctx *ctx, const char *path,
	    uint64_t *bytes);

struct pk_re;
/* Compile an extended regular expression; on error, errbuf says why. */
int	 pk_re_comp(struct pk_re **re, const char *pattern, char *errbuf,
	    size_t errlen);
int	 pk_re_match(const struct pk_re *re, const char *s);
void	 pk_re_free(struct pk_re *re);

/*
 * The escaping policy (esc.c; DESIGN.md "Output").  Text for terminals:
 * C0 controls (newline and tab too: they are inside a field), DEL, C1
 * controls and bytes of invalid UTF-8 become vis(3)'s octal \ooo; valid
 * printable UTF-8 passes when the locale's codeset is UTF-8
 * (PK_ESC_UTF8), else every byte >= 0x80 is escaped.  pk_esc_text()
 * truncates like strlcpy but never inside an escape or a character;
 * pk_esc_cut() cuts an escaped string to ncols characters the same way.
 * The tsv, json and prom escapers are pk_esc_tsv(), pk_esc_json(),
 * pk_esc_json_key() and pk_esc_prom_label() (pskit_out.h).
 */
#define PK_ESC_UTF8	0x1
unsigned pk_esc_locale(void);
size_t	 pk_esc_text(char *dst, size_t dstlen, const char *src,
	    unsigned flags);
char	*pk_esc_text_dup(const char *src);
void	 pk_esc_fputs(const char *src, FILE *fp);
size_t	 pk_esc_cut(const char *s, size_t ncols, size_t *cols);
size_t	 pk_utf8_seq(const unsigned char *s);
int	 pk_utf8_valid(const char *s);

/*
 * Untrusted text as XML 1.0 character data or attribute value (xml.c):
 * & < > " ' as entities; C0, DEL, C1, invalid UTF-8 and code points XML
 * does not allow as vis(3)-style octal (\ooo per byte), so any bytes
 * give well-formed UTF-8 XML.  malloc'd; NULL when out of memory.
 */
char	*pk_xml_escape(const char *s);

/* ---- psutil 5.9.4's memory numbers (psutilmem.c, psmem.c) ---- */

/*
 * virtual_memory() and swap_memory() as psutil 5.9.4 _pslinux.py
 * computes them (scripts/free.py prints them), in kB.  They differ from
 * procps (pk_mem_used, pk_mem_swap_used): see psutilmem.c.
 */
int64_t	 pk_mem_psutil_used(const struct pk_meminfo *mi);
int64_t	 pk_mem_psutil_cached(const struct pk_meminfo *mi);
int64_t	 pk_mem_psutil_swap_used(const struct pk_meminfo *mi);
/* scripts/procsmem.py convert_bytes(): "15.3M", "1023.0K", "0B". */
void	 pk_psutil_convert_bytes(uint64_t n, char *buf, size_t len);

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
	struct pk_strv	 cmdline;	/* psutil's split (pk_cmdline_parse) */
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

/* ---- network interfaces: /proc/net/dev, if_inet6, ioctls (ifconfig) ---- */

#define PK_IFNAMSIZ	16	/* the kernel's IFNAMSIZ: 15 characters + NUL */

/* The 16 columns of /proc/net/dev, u64 as the kernel prints them. */
struct pk_netdev_stats {
	uint64_t rx_bytes, rx_packets, rx_errs, rx_drop, rx_fifo, rx_frame;
	uint64_t rx_compressed, rx_multicast;
	uint64_t tx_bytes, tx_packets, tx_errs, tx_drop, tx_fifo, tx_colls;
	uint64_t tx_carrier, tx_compressed;
	unsigned absent;	/* PK_NDS_*: counters the OS does not keep */
};
#define PK_NDS_RX_FIFO		0x01
#define PK_NDS_RX_FRAME		0x02
#define PK_NDS_RX_COMPRESSED	0x04
#define PK_NDS_RX_MULTICAST	0x08
#define PK_NDS_TX_FIFO		0x10
#define PK_NDS_TX_COLLS		0x20
#define PK_NDS_TX_CARRIER	0x40
#define PK_NDS_TX_COMPRESSED	0x80

struct pk_netdev_entry {
	char			 name[PK_IFNAMSIZ];
	struct pk_netdev_stats	 st;
};

/*
 * Pure parser of /proc/net/dev with net-tools 2.10's rules: two header
 * lines (the second picks the format: "compressed" = 16 columns, "bytes" =
 * 13, else 11), the name runs to the first ':' (old "eth0:1:" aliases
 * kept), numbers as sscanf's %llu (missing ones are 0).  Names longer
 * than 15 characters are truncated as net-tools' IFNAMSIZ copy does.
 * *out is malloc'ed; free it.
 */
int	 pk_netdev_parse(const char *buf, size_t len,
	    struct pk_netdev_entry **out, size_t *n);

/* One line of /proc/net/if_inet6. */
struct pk_inet6_entry {
	uint8_t		 addr[16];
	unsigned	 ifindex;
	unsigned	 prefixlen;
	unsigned	 scope;		/* IPV6_ADDR_* scope bits */
	unsigned	 flags;		/* IFA_F_* */
	char		 name[PK_IFNAMSIZ];
};

/* Pure parser of /proc/net/if_inet6; malformed lines are skipped. */
int	 pk_if_inet6_parse(const char *buf, size_t len,
	    struct pk_inet6_entry **out, size_t *n);

/* net-tools 2.10 nstrcmp(): natural order, "eth2" < "eth10" < "eth10:1". */
int	 pk_net_nstrcmp(const char *a, const char *b);

/* inet_ntop(AF_INET6) of glibc, for systems without it; len >= 46. */
void	 pk_net_ntop6(const uint8_t *addr, char *buf, size_t len);

/* One IPv4 address (netlink RTM_GETADDR), secondaries included. */
struct pk_inet4_addr {
	uint8_t		 local[4];	/* IFA_LOCAL (or IFA_ADDRESS) */
	uint8_t		 peer[4];	/* IFA_ADDRESS when it differs */
	uint8_t		 brd[4];	/* IFA_BROADCAST */
	unsigned	 prefixlen;
	unsigned	 scope;
	unsigned	 flags;		/* IFA_F_* (SECONDARY 0x01) */
	unsigned	 ifindex;
	unsigned	 has;		/* PK_INET4_HAS_* */
	char		 label[PK_IFNAMSIZ];
};
#define PK_INET4_HAS_PEER	0x1
#define PK_INET4_HAS_BRD	0x2

#define PK_NETIF_HAS_FLAGS	0x0001	/* SIOCGIFFLAGS worked */
#define PK_NETIF_HAS_STATS	0x0002	/* the name is in /proc/net/dev */
#define PK_NETIF_HAS_IP		0x0004	/* SIOCGIFADDR worked */
#define PK_NETIF_HAS_TXQLEN	0x0008
#define PK_NETIF_HAS_SPEED	0x0010	/* ethtool knew the speed */
#define PK_NETIF_HAS_DUPLEX	0x0020
#define PK_NETIF_HAS_INDEX	0x0040
#define PK_NETIF_HAS_OPER	0x0080	/* operstate read */
#define PK_NETIF_HAS_CARRIER	0x0100
#define PK_NETIF_HAS_LFLAGS	0x0200	/* lflags from netlink */
#define PK_NETIF_HAS_STATS64	0x0400	/* netlink IFLA_STATS64 read */

/* What pk_net_fetch() reads beyond net-tools' ioctls. */
#define PK_NET_ETHTOOL		0x1	/* speed, duplex */

/*
 * One interface (or IPv4 label such as eth0:1) as net-tools sees it:
 * the SIOCGIF* results, the /proc/net/dev counters, and extras.
 */
struct pk_netif {
	char			 name[PK_IFNAMSIZ];
	unsigned		 has;		/* PK_NETIF_HAS_* */
	int			 flags;		/* the 16-bit short, sign-extended */
	int			 hwtype;	/* ARPHRD_* */
	uint8_t			 hwaddr[16];	/* sa_data[0..7], then zeros */
	int			 mtu;
	int			 txqlen;
	unsigned long		 map_mem_start, map_mem_end;
	unsigned		 map_base_addr, map_irq, map_dma;
	uint8_t			 addr[4], netmask[4], broadaddr[4], dstaddr[4];
	struct pk_netdev_stats	 st;
	unsigned		 ifindex;
	uint64_t		 speed_mbps;
	int			 duplex;	/* 0 half, 1 full */
	int			 carrier;
	char			 operstate[16];
	unsigned		 lflags;	/* 32-bit ifi_flags (LOWER_UP) */
	/* from IFLA_STATS64, as ip reads them (not /proc/net/dev's sums) */
	uint64_t		 rx_over_errors, tx_carrier_errors;
};

/* Sockets for the interface ioctls, opened once per command. */
struct pk_net {
	int	 sock;		/* AF_INET datagram socket */
	int	 dev_oserr;	/* why /proc/net/dev was unreadable, or 0 */
};

int	 pk_net_open(struct pk_ctx *ctx, struct pk_net *net);
void	 pk_net_close(struct pk_net *net);

/*
 * Every name net-tools lists: /proc/net/dev plus the SIOCGIFCONF labels,
 * sorted and merged with pk_net_nstrcmp() as net-tools' cache does.
 * Entries from /proc/net/dev carry their counters (PK_NETIF_HAS_STATS).
 */
int	 pk_net_names(struct pk_ctx *ctx, struct pk_net *net,
	    struct pk_netif **out, size_t *n);
/*
 * pk_net_names() carries on without /proc/net/dev, as net-tools does, and
 * leaves the reason in net->dev_oserr.
 *
 * One name as `ifconfig NAME` looks it up: counters only if the name is a
 * row of /proc/net/dev.  The name is truncated to 15 characters.  An
 * unreadable /proc/net/dev is an error here (net-tools gives up too).
 */
int	 pk_net_lookup(struct pk_ctx *ctx, struct pk_net *net, const char *name,
	    struct pk_netif *out);
/*
 * The SIOCGIF* reads of net-tools' if_fetch() into ifp (name and counters
 * already set), plus the extras asked for in what (PK_NET_*).  PK_ENOENT
 * when the interface does not exist (ENODEV); extras that fail are left
 * out of has, never an error.
 */
int	 pk_net_fetch(struct pk_ctx *ctx, struct pk_net *net, unsigned what,
	    struct pk_netif *ifp);
/* /proc/net/if_inet6, read once; a missing file is an empty list. */
int	 pk_net_inet6(struct pk_ctx *ctx, struct pk_inet6_entry **out,
	    size_t *n);
/* Every IPv4 address of the namespace (netlink), in kernel order. */
int	 pk_net_inet4(struct pk_ctx *ctx, struct pk_inet4_addr **out,
	    size_t *n);

/* One IPv6 address of the RTM_GETADDR dump (getifaddrs' order). */
struct pk_inet6_addr {
	uint8_t		 addr[16];
	unsigned	 prefixlen;
	unsigned	 scope;		/* RT_SCOPE_* */
	unsigned	 flags;		/* IFA_F_* */
	unsigned	 ifindex;
};

/* Every IPv6 address of the namespace (netlink), in kernel order. */
int	 pk_net_inet6_addrs(struct pk_ctx *ctx, struct pk_inet6_addr **out,
	    size_t *n);

/* One link of the netlink RTM_GETLINK dump. */
struct pk_net_link {
	char		 name[PK_IFNAMSIZ];
	unsigned	 ifindex;
	unsigned	 flags;		/* 32-bit ifi_flags (LOWER_UP, DORMANT) */
	int		 operstate;	/* IF_OPER_*, -1 when absent */
	int		 carrier;	/* 0 or 1, -1 when absent */
	int		 has_stats64;	/* the two counters below were sent */
	uint64_t	 rx_over_errors, tx_carrier_errors;
};

/* Every link of the namespace, in ifindex order. */
int	 pk_net_links(struct pk_ctx *ctx, struct pk_net_link **out, size_t *n);
/* The sysfs word of an IF_OPER_* value ("up", "lowerlayerdown"...). */
const char *pk_net_operstate_name(int operstate);

/* ---- winservices: Windows services through the Service Control Manager ---- */

/* Status: the Win32 SERVICE_* state values; 0 when not known. */
enum pk_svc_status {
	PK_SVC_STATUS_UNKNOWN = 0,
	PK_SVC_STOPPED = 1,
	PK_SVC_START_PENDING,
	PK_SVC_STOP_PENDING,
	PK_SVC_RUNNING,
	PK_SVC_CONTINUE_PENDING,
	PK_SVC_PAUSE_PENDING,
	PK_SVC_PAUSED
};

#define PK_SVC_HAS_STATUS	(1u << 0)	/* status, service_type */
#define PK_SVC_HAS_PID		(1u << 1)	/* running with a pid != 0 */
#define PK_SVC_HAS_CONFIG	(1u << 2)	/* binpath, username, start */
#define PK_SVC_HAS_DESCR	(1u << 3)	/* description != NULL */

/*
 * One service.  Strings are UTF-8, owned by the entry (pk_svc_free);
 * NULL where the system gave none.  start is the raw dwStartType
 * (0 boot .. 4 disabled); delayed is 1/0 for an automatic service, -1
 * when the delayed-auto query was refused (Wine: ERROR_INVALID_LEVEL).
 * code/oserr: the PK_* code and OS error of a per-service failure.
 */
struct pk_svc {
	char		*name;
	char		*display_name;
	char		*binpath;
	char		*username;
	char		*description;
	wchar_t		*wname;		/* the name as the SCM spells it */
	uint32_t	 service_type;	/* SERVICE_WIN32_OWN_PROCESS ... */
	uint32_t	 start;
	int		 delayed;
	int		 status;	/* enum pk_svc_status */
	uint32_t	 pid;
	uint32_t	 has;		/* PK_SVC_HAS_* */
	int		 code;
	int		 oserr;
};

/* The SCM connection, opened once per report. */
struct pk_svc_scm {
	void		*h;
};

/* Connect to the SCM with enumerate rights.  PK_ENOTSUP off Windows. */
int	 pk_svc_open(struct pk_ctx *ctx, struct pk_svc_scm *scm);
void	 pk_svc_close(struct pk_svc_scm *scm);
/*
 * Every Win32 service: name, display name, status, pid and type from the
 * enumeration (one call; the buffer grows on ERROR_MORE_DATA up to a
 * bound).  Order is the system's.  Free with pk_svc_free().
 */
int	 pk_svc_enum(struct pk_ctx *ctx, struct pk_svc_scm *scm,
	    struct pk_svc **out, size_t *n);
/*
 * Fill the rest of one entry with one OpenServiceW: configuration,
 * description, delayed-auto flag (and status when the enumeration did
 * not give it).  PK_ENOENT when the service is gone; any other failure
 * is also left in s->code/s->oserr and the fields stay absent.
 */
int	 pk_svc_query(struct pk_ctx *ctx, struct pk_svc_scm *scm,
	    struct pk_svc *s);
/*
 * The service called name, case-insensitively: the entry of list (the
 * canonical spelling) when it is there, else the SCM is asked directly
 * (drivers, services newer than list).  Fully queried.  PK_ENOENT when
 * there is no such service.
 */
int	 pk_svc_get(struct pk_ctx *ctx, struct pk_svc_scm *scm,
	    const struct pk_svc *list, size_t n, const char *name,
	    struct pk_svc *out);
void	 pk_svc_clear(struct pk_svc *s);
void	 pk_svc_free(struct pk_svc *v, size_t n);

/* "running", "stopped", ... ("unknown" when not known). */
const char *pk_svc_status_str(const struct pk_svc *s);
/* automatic, delayed-auto, manual, disabled, boot, system, unknown
 * (automatic whose delayed flag was refused is "automatic": what is
 * known stays; the flag itself is delayed, -1). */
const char *pk_svc_start_str(const struct pk_svc *s);
/* psutil's start_type: automatic (delayed included), manual, disabled,
 * else unknown. */
const char *pk_svc_start_psutil(const struct pk_svc *s);

/* ---- Windows probes (lib/windows/mem.c, pmem.c) ---- */

/*
 * pk_mem.has: swap used and free are unknown (Windows where the page-
 * file query is refused, as under Wine); swap total still stands.
 */
#define PK_MEM_NO_SWAPUSE	(1u << 6)

/* pk_pmem.uid where the owner cannot be read (Windows: token denied). */
#define PK_UID_UNKNOWN		UINT32_MAX

/* pk_proc.has: statm holds resident and size only (Windows: working set
 * and private bytes); shared, text, lib, data, dirty are absent. */
#define PK_P_STATM_RV		0x800000

/* ---- hostile input ---- */
/*
 * Read the file name below directory dfd to EOF into buf; 0 or an errno
 * value.  Only regular files are read (every /proc and /sys file is
 * one): a directory gives EISDIR and a FIFO, device or socket EINVAL,
 * without blocking, so a planted FIFO cannot hang a report and a
 * /dev/zero link cannot fill memory.  pk_read_file() is built on it.
 */
int	 pk_read_at(int dfd, const char *name, struct pk_buf *buf);
/*
 * Feed dfd/name (smaps) to ps chunk by chunk, never holding it whole.
 * errno or 0; the parser's error stays in ps (pk_smaps_end returns it).
 * *nread is the number of bytes read (0: empty file).
 */
int	 pk_read_smaps_at(int dfd, const char *name,
	    struct pk_smaps_parser *ps, size_t *nread);
/*
 * to += from for every key, held at the parser's ceiling (2^53 kB) like
 * each value, so bytes (kB * 1024) of a sum over 100,000 processes of a
 * hostile /proc still fit in 64 bits.
 */
void	 pk_smaps_add(struct pk_smaps *to, const struct pk_smaps *from);

#endif /* PSKIT_H */
