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
	PK_MI_NKEYS
};

struct pk_meminfo {
	uint64_t kb[PK_MI_NKEYS];
	uint32_t has;		/* bit (1 << key) set when the key was seen */
};

/* Pure parser with procps-ng 4.0.2's tokenisation and its 8191-byte
 * window (see meminfo.c). */
#define PK_MEMINFO_WINDOW	8191
int	 pk_meminfo_parse(const char *buf, size_t len, struct pk_meminfo *out);

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
int64_t	 pk_swap_used(const struct pk_meminfo *mi);
int64_t	 pk_commit_free(const struct pk_meminfo *mi);
int64_t	 pk_all_total(const struct pk_meminfo *mi);
int64_t	 pk_all_used(const struct pk_meminfo *mi);
int64_t	 pk_all_free(const struct pk_meminfo *mi);
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

/* ---- atomic file replacement (-w FILE) ---- */

struct pk_atomic {
	char	 path[4096];	/* the destination */
	char	 tmp[4096];	/* the temporary file beside it */
	int	 fd;
	FILE	*fp;		/* write here */
};

/* Create a temporary file in path's directory, open as a->fp. */
int	 pk_atomic_open(struct pk_ctx *ctx, const char *path,
	    struct pk_atomic *a);
/* Flush, fsync and rename over the destination; closes a->fp.  On any
 * error the destination is left as it was. */
int	 pk_atomic_commit(struct pk_ctx *ctx, struct pk_atomic *a);
/* Remove the temporary file, leaving the destination untouched. */
void	 pk_atomic_abort(struct pk_atomic *a);

/* Wall-clock time in seconds, for timestamps. */
double	 pk_now(void);

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
	PK_SM_NKEYS
};

struct pk_smaps {
	uint64_t kb[PK_SM_NKEYS];
	uint64_t maps;		/* mappings summed (0 for a rollup) */
	uint32_t has;		/* bit (1 << key) when the key was seen */
};

/*
 * One mapping, handed to a pk_smaps_parse() callback.  name points into
 * the parsed buffer (not NUL-terminated): the whole rest of the header
 * line after the inode, so names with spaces and " (deleted)" stay
 * whole; "<anonymous>" for a mapping without a name.
 */
struct pk_vma {
	const char	*name;
	size_t		 namelen;
	struct pk_smaps	 v;	/* this mapping's fields, maps = 1 */
};

/* Return non-zero to add the mapping to the totals. */
typedef int (*pk_vma_fn)(void *arg, const struct pk_vma *vma);

/*
 * Pure parsers.  pk_smaps_parse() sums every mapping of a smaps text
 * for which fn (may be NULL) returns non-zero; pk_smaps_rollup_parse()
 * reads the single smaps_rollup record.  Fields are matched by name,
 * never by line position.  PK_EPARSE when a rollup has no field.
 */
int	 pk_smaps_parse(const char *buf, size_t len, struct pk_smaps *out,
	    pk_vma_fn fn, void *arg);
int	 pk_smaps_rollup_parse(const char *buf, size_t len,
	    struct pk_smaps *out);

/*
 * USS, reference/procsmem.md section 0: Private_Clean + Private_Dirty as
 * smem and smemstat count it; with hugetlb, plus Private_Hugetlb as
 * psutil does.  In kB.
 */
uint64_t pk_smaps_uss(const struct pk_smaps *s, int hugetlb);

/* The parts of /proc/PID/stat a memory report needs. */
struct pk_pidstat {
	int		 pid;
	char		 comm[64];	/* up to the LAST ')' */
	char		 state;		/* 'R', 'S', 'Z', ... */
	int		 ppid;
	uint64_t	 flags;		/* PF_* */
};

#define PK_PF_KTHREAD	0x00200000u	/* stat flags: a kernel thread */

/* Pure parser of /proc/PID/stat.  PK_EPARSE on malformed text. */
int	 pk_pidstat_parse(const char *buf, size_t len, struct pk_pidstat *out);

/* One process of a memory report. */
struct pk_pmem {
	int		 pid;
	uint32_t	 uid;		/* owner of /proc/PID, as smem */
	struct pk_pidstat st;
	char		*cmdline;	/* NULs as spaces, last char dropped
					   as smem does; malloc'd */
	struct pk_smaps	 mem;
	int		 exact;		/* mem summed from smaps */
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
 * The raw smaps text of pid into buf, for views that need every mapping
 * (parse with pk_smaps_parse()).  Errors as pk_pmem_read().
 */
int	 pk_pmem_smaps(struct pk_ctx *ctx, int pid, struct pk_buf *buf);

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

/* Pure parser; PK_EPARSE without MemTotal. */
int	 pk_sysmem_parse(const char *buf, size_t len, struct pk_sysmem *out);
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
int	 pk_user_name(uint32_t uid, char *buf, size_t len);
/* Columns of the terminal on fd, -1 when fd is not a terminal. */
int	 pk_term_columns(int fd);
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
 * Text formatting of memory reports (smemfmt.c): smem 1.5's -k units
 * ("1012.0K", "0"), -p percentages ("0.25%", "N/A"), -R sizes, and the
 * UTF-8 character counts and escaping of its fixed-width columns.
 */
size_t	 pk_u8_len(const char *s);
size_t	 pk_u8_prefix(const char *s, size_t nchars);
char	*pk_disp_escape(const char *s);
void	 pk_smem_units(int64_t kb, char *buf, size_t len);
void	 pk_smem_percent(int64_t kb, double total, char *buf, size_t len);
int	 pk_smem_size_kb(const char *s, double *kb);

/* ---- network interfaces: /proc/net/dev, if_inet6, ioctls (ifconfig) ---- */

#define PK_IFNAMSIZ	16	/* the kernel's IFNAMSIZ: 15 characters + NUL */

/* The 16 columns of /proc/net/dev, u64 as the kernel prints them. */
struct pk_netdev_stats {
	uint64_t rx_bytes, rx_packets, rx_errs, rx_drop, rx_fifo, rx_frame;
	uint64_t rx_compressed, rx_multicast;
	uint64_t tx_bytes, tx_packets, tx_errs, tx_drop, tx_fifo, tx_colls;
	uint64_t tx_carrier, tx_compressed;
};

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

/*
 * ifconfig's "(231.2 MiB)": base 1024, thresholds strictly above 1024^k,
 * tenths truncated (net-tools 2.10 lib/interface.c ife_print_long).
 */
void	 pk_net_human_ifconfig(uint64_t bytes, char *buf, size_t len);
/* inet_ntop(AF_INET6) of glibc, for systems without it; len >= 46. */
void	 pk_net_ntop6(const uint8_t *addr, char *buf, size_t len);
/* psutil's bytes2human(): base 1024, >= thresholds, "%.1f" rounded. */
void	 pk_net_human_psutil(uint64_t bytes, char *buf, size_t len);

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
struct pk_netlink {
	char		 name[PK_IFNAMSIZ];
	unsigned	 ifindex;
	unsigned	 flags;		/* 32-bit ifi_flags (LOWER_UP, DORMANT) */
	int		 operstate;	/* IF_OPER_*, -1 when absent */
	int		 carrier;	/* 0 or 1, -1 when absent */
};

/* Every link of the namespace, in ifindex order. */
int	 pk_net_links(struct pk_ctx *ctx, struct pk_netlink **out, size_t *n);
/* The sysfs word of an IF_OPER_* value ("up", "lowerlayerdown"...). */
const char *pk_net_operstate_name(int operstate);

/* ---- Windows probes (lib/windows/mem.c, pmem.c) ---- */

/*
 * pk_mem.has: swap used and free are unknown (Windows where the page-
 * file query is refused, as under Wine); swap total still stands.
 */
#define PK_MEM_NO_SWAPUSE	(1u << 6)

/* pk_pmem.uid where the owner cannot be read (Windows: token denied). */
#define PK_UID_UNKNOWN		UINT32_MAX

#endif /* PSKIT_H */
