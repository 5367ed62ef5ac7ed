/*
 * pmem.c: per-process memory from /proc (reference/procsmem.md).
 *
 * A report lists the numeric entries of the proc root, then for each
 * PID opens its directory once and reads stat, cmdline and smaps_rollup
 * through it, once each (smaps instead in exact mode or where the
 * kernel has no rollup).  Every error that
 * means "this process is gone or has no memory" (ENOENT, ESRCH, an
 * empty smaps, a zombie, a kernel thread) becomes PK_ENOENT, which the
 * caller skips silently; EACCES/EPERM become PK_EACCES, which it counts.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pskit.h"

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int
pid_of(const char *s)
{
	long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > 0x7fffffff / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return (int)v;
}

int
pk_pmem_pids(struct pk_ctx *ctx, int **pids, size_t *npids)
{
	struct dirent *de;
	size_t n = 0, cap = 0;
	int *v = NULL, *nv, fd, pid;
	DIR *d;

	*pids = NULL;
	*npids = 0;
	if ((fd = openat(ctx->procfd, ".", O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) == -1)
		return pk_ctx_fail_os(ctx, errno, "open %s", ctx->procfs);
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return pk_ctx_fail_os(ctx, errno, "opendir %s", ctx->procfs);
	}
	while ((de = readdir(d)) != NULL) {
		if ((pid = pid_of(de->d_name)) < 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			if ((nv = reallocarray(v, cap, sizeof(*v))) == NULL) {
				free(v);
				closedir(d);
				return pk_ctx_fail(ctx, PK_ENOMEM, ENOMEM,
				    "list %s", ctx->procfs);
			}
			v = nv;
		}
		v[n++] = pid;
	}
	closedir(d);
	if (n > 0)		/* v is NULL for a /proc without PIDs */
		qsort(v, n, sizeof(*v), cmp_int);
	*pids = v;
	*npids = n;
	return PK_OK;
}

/* Any failure to read a process's own files: gone (skip) or denied. */
static int
proc_err(struct pk_ctx *ctx, int rc)
{
	if (rc == PK_EACCES || rc == PK_ENOMEM || rc == PK_EPARSE)
		return rc;
	if (rc == PK_EOS && ctx->oserr != ESRCH)
		return rc;
	return PK_ENOENT;
}

/*
 * smem's command text: NULs become spaces and the last character is
 * dropped (it is the final NUL of a normal argv; smem drops it even
 * when a process rewrote its command line without one).
 */
static char *
cmdline_text(const struct pk_buf *b)
{
	size_t i, n = b->len;
	char *s;

	if (n > 0 && b->data[n - 1] == '\0')
		n--;
	else
		while (n > 0 && ((unsigned char)b->data[--n] & 0xc0) == 0x80)
			;
	if ((s = malloc(n + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		s[i] = b->data[i] == '\0' ? ' ' : b->data[i];
	s[n] = '\0';
	return s;
}

/*
 * The open /proc/PID directory is p->dfd: every later read of this
 * process goes through it, so a PID that dies and is reused between two
 * reads cannot mix two processes in one row (the old descriptor's reads
 * fail with ESRCH once its process is gone).
 */
static int
open_pid(struct pk_ctx *ctx, struct pk_pmem *p)
{
	struct stat sb;
	char name[32];

	snprintf(name, sizeof(name), "%d", p->pid);
	if ((p->dfd = openat(ctx->procfd, name, O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) == -1)
		return pk_ctx_fail_os(ctx, errno, "open %s/%s", ctx->procfs, name);
	if (fstat(p->dfd, &sb) == -1)
		return pk_ctx_fail_os(ctx, errno, "stat %s/%s", ctx->procfs, name);
	p->uid = (uint32_t)sb.st_uid;
	return PK_OK;
}

/* Read p's file name through its directory: PK_OK or the ctx error. */
static int
read_pid(struct pk_ctx *ctx, const struct pk_pmem *p, const char *name,
    struct pk_buf *b)
{
	int e;

	if ((e = pk_file_read_at(p->dfd, name, b)) == 0)
		return PK_OK;
	if (e == ENOMEM)
		return pk_ctx_fail(ctx, PK_ENOMEM, e, "read %s/%d/%s", ctx->procfs,
		    p->pid, name);
	if (e == EINVAL)	/* a FIFO or device planted in a tree */
		return pk_ctx_fail(ctx, PK_EOS, 0, "read %s/%d/%s: not a regular "
		    "file", ctx->procfs, p->pid, name);
	return pk_ctx_fail_os(ctx, e, "read %s/%d/%s", ctx->procfs, p->pid, name);
}

int
pk_pmem_info(struct pk_ctx *ctx, int pid, struct pk_pmem *p)
{
	struct pk_buf b = { 0 };
	int rc;

	memset(p, 0, sizeof(*p));
	p->pid = pid;
	p->dfd = -1;
	if ((rc = open_pid(ctx, p)) != PK_OK)
		goto out;
	if ((rc = read_pid(ctx, p, "stat", &b)) != PK_OK)
		goto out;
	if (pk_pstat_parse(b.data, b.len, &p->st) != PK_OK) {
		/* a process that exits leaves no half-written stat */
		rc = b.len == 0 ? pk_ctx_fail(ctx, PK_ENOENT, ESRCH, "read %s/%d/"
		    "stat", ctx->procfs, pid) : pk_ctx_fail(ctx, PK_EPARSE, 0,
		    "parse %s/%d/stat", ctx->procfs, pid);
		goto out;
	}
	/* Kernel threads and zombies have no memory to report. */
	if (p->st.state == 'Z' || (p->st.flags & PK_PF_KTHREAD)) {
		rc = pk_ctx_fail(ctx, PK_ENOENT, ESRCH, "%s/%d: no user memory",
		    ctx->procfs, pid);
		goto out;
	}
	if ((rc = read_pid(ctx, p, "cmdline", &b)) != PK_OK)
		goto out;
	if ((p->cmdline = cmdline_text(&b)) == NULL)
		rc = pk_ctx_fail(ctx, PK_ENOMEM, ENOMEM, "read %s/%d/cmdline",
		    ctx->procfs, pid);
out:
	pk_buf_free(&b);
	if (rc != PK_OK) {
		pk_pmem_free(p);
		return proc_err(ctx, rc);
	}
	return PK_OK;
}

/*
 * smaps streamed through the parser (its size is the user's to choose):
 * every mapping to fn, the sums in p->mem.  A kernel thread or a
 * zombie reads empty: PK_ENOENT.
 */
int
pk_pmem_smaps(struct pk_ctx *ctx, struct pk_pmem *p, pk_vma_fn fn, void *arg)
{
	struct pk_smaps_parser ps;
	size_t nread;
	int e, rc;

	pk_smaps_begin(&ps, fn, arg);
	e = pk_smaps_read_at(p->dfd, "smaps", &ps, &nread);
	rc = pk_smaps_end(&ps, &p->mem);
	if (e != 0)
		return proc_err(ctx, pk_ctx_fail_os(ctx, e, "read %s/%d/smaps",
		    ctx->procfs, p->pid));
	if (rc != PK_OK)
		return pk_ctx_fail(ctx, rc, rc == PK_ENOMEM ? ENOMEM : 0,
		    "read %s/%d/smaps", ctx->procfs, p->pid);
	if (nread == 0)
		return pk_ctx_fail(ctx, PK_ENOENT, ESRCH, "read %s/%d/smaps: empty",
		    ctx->procfs, p->pid);
	p->exact = 1;
	return PK_OK;
}

int
pk_pmem_cgroup(struct pk_ctx *ctx, const struct pk_pmem *p, int version,
    char *path, size_t len)
{
	struct pk_cgroup_loc v2, v1;
	struct pk_buf b = { 0 };
	int rc;

	memset(&v2, 0, sizeof(v2));
	memset(&v1, 0, sizeof(v1));
	if ((rc = read_pid(ctx, p, "cgroup", &b)) == PK_OK) {
		pk_cgroup_parse_self(b.data, b.len, &v2, &v1);
		if ((version == 2 ? v2.version : v1.version) == 0)
			rc = pk_ctx_fail(ctx, PK_ENOENT, 0, "%s/%d/cgroup: no "
			    "cgroup v%d line", ctx->procfs, p->pid, version);
		else
			strlcpy(path, version == 2 ? v2.path : v1.path, len);
	}
	pk_buf_free(&b);
	return rc;
}

static int
read_exact(struct pk_ctx *ctx, struct pk_pmem *p)
{
	int rc;

	if ((rc = pk_pmem_smaps(ctx, p, NULL, NULL)) != PK_OK)
		return rc;
	if (p->mem.maps == 0)
		return pk_ctx_fail(ctx, PK_ENOENT, ESRCH, "%s/%d/smaps: no mappings",
		    ctx->procfs, p->pid);
	return PK_OK;
}

int
pk_pmem_read(struct pk_ctx *ctx, struct pk_pmem *p, int exact,
    struct pk_buf *b)
{
	int rc;

	if (exact)
		return read_exact(ctx, p);
	rc = read_pid(ctx, p, "smaps_rollup", b);
	/* No rollup before Linux 4.14: smaps has the same totals. */
	if (rc == PK_ENOENT && ctx->oserr == ENOENT)
		return read_exact(ctx, p);
	if (rc != PK_OK)
		return proc_err(ctx, rc);
	if (b->len == 0)
		return pk_ctx_fail(ctx, PK_ENOENT, ESRCH, "read %s/%d/smaps_rollup: "
		    "empty", ctx->procfs, p->pid);
	if (pk_smaps_rollup_parse(b->data, b->len, &p->mem) != PK_OK)
		return pk_ctx_fail(ctx, PK_EPARSE, 0, "parse %s/%d/smaps_rollup",
		    ctx->procfs, p->pid);
	p->exact = 0;
	return PK_OK;
}
