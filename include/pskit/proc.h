/*
 * pskit/proc.h: one process read in one shot (procinfo): the parsers of
 * /proc/PID files, the connection tables, and struct pk_proc.
 */
#ifndef PSKIT_PROC_H
#define PSKIT_PROC_H

#include "pskit/core.h"

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
const char *pk_plimits_name(int r);

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
void	 pk_penviron_free(struct pk_env *e);

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
int	 pk_pcmdline_parse(const char *buf, size_t len, struct pk_strv *out);
int	 pk_penviron_parse(const char *buf, size_t len, struct pk_env *out);
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
/* pk_proc.has: statm holds resident and size only (Windows: working set
 * and private bytes); shared, text, lib, data, dirty are absent. */
#define PK_P_STATM_RV		0x800000

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

#endif /* PSKIT_PROC_H */
