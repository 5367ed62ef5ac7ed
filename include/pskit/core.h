/*
 * pskit/core.h: the context, errors, growable buffers, whole-file reads
 * and the number and key-value helpers every parser shares.
 *
 * Every probe has the shape
 * 	int pk_<topic>_<verb>(struct pk_ctx *ctx, ..., struct pk_<topic> *out)
 * and returns PK_OK or one of the codes below; the context remembers the
 * failing call and the raw OS error for pk_strerror().  The library never
 * prints and never exits.
 */
#ifndef PSKIT_CORE_H
#define PSKIT_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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
int	 pk_ctx_fail(struct pk_ctx *ctx, int code, int oserr, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));
/* Like pk_ctx_fail with the code derived from the OS error (oserr.c). */
int	 pk_ctx_fail_os(struct pk_ctx *ctx, int oserr, const char *fmt, ...)
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
int	 pk_array_grow(void *arrp, size_t *cap, size_t n, size_t size);

/*
 * Read a whole file below a root into buf (replacing its content), until
 * EOF.  Errors: PK_ENOENT, PK_EACCES, PK_ENOMEM, PK_EOS.
 */
int	 pk_file_read(struct pk_ctx *ctx, enum pk_root root, const char *path,
	    struct pk_buf *buf);

/*
 * Read the file name below directory dfd to EOF into buf; 0 or an errno
 * value.  Only regular files are read (every /proc and /sys file is
 * one): a directory gives EISDIR and a FIFO, device or socket EINVAL,
 * without blocking, so a planted FIFO cannot hang a report and a
 * /dev/zero link cannot fill memory.  pk_file_read() is built on it.
 */
int	 pk_file_read_at(int dfd, const char *name, struct pk_buf *buf);
/*
 * Close a descriptor the library opened (a /proc/PID directory, an ioctl
 * socket), so the free functions of lib/common need no OS call; a no-op
 * where the stubs open none.
 */
void	 pk_fd_close(int fd);

/*
 * Number parsing shared by every /proc parser.  pk_num_parse() reads a
 * decimal number from [p, end) with strtoul(3) semantics (leading white
 * space, optional sign, saturation at UINT64_MAX, "-N" wraps) and never
 * reads past end.  Returns the position after the digits; *ok is 0 when
 * no digit was found.
 */
const char *pk_num_parse(const char *p, const char *end, uint64_t *val,
	    int *ok);

/*
 * The ceiling of every kB value and kB sum of the library (2^53 kB, far
 * beyond any real memory), so bytes (x 1024) still fit in 64 bits.
 * pk_kb_add() is sum + v held there: smem's -t totals over a hostile
 * /proc of 100,000 processes of 2^53 kB each; a negative v (smem's
 * system areas) adds as it is.  pk_kb_per() is kb per item, as smem's
 * map view averages per PID (integer division; n < 1 counts as 1).
 */
#define PK_KB_MAX	((int64_t)1 << 53)
int64_t	 pk_kb_add(int64_t sum, int64_t v);
int64_t	 pk_kb_per(int64_t kb, int64_t n);

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

#endif /* PSKIT_CORE_H */
