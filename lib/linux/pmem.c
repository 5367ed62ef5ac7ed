/*
 * pmem.c: per-process memory from /proc (reference/procsmem.md).
 *
 * A report lists the numeric entries of the proc root, then for each
 * PID reads stat, cmdline and smaps_rollup once each (smaps instead in
 * exact mode or where the kernel has no rollup).  Every error that
 * means "this process is gone or has no memory" (ENOENT, ESRCH, an
 * empty smaps, a zombie, a kernel thread) becomes PK_ENOENT, which the
 * caller skips silently; EACCES/EPERM become PK_EACCES, which it counts.
 */
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
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
		return pk_fail_os(ctx, errno, "open %s", ctx->procfs);
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return pk_fail_os(ctx, errno, "opendir %s", ctx->procfs);
	}
	while ((de = readdir(d)) != NULL) {
		if ((pid = pid_of(de->d_name)) < 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			if ((nv = reallocarray(v, cap, sizeof(*v))) == NULL) {
				free(v);
				closedir(d);
				return pk_fail(ctx, PK_ENOMEM, ENOMEM,
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

int
pk_pmem_info(struct pk_ctx *ctx, int pid, struct pk_pmem *p)
{
	struct pk_buf b = { 0 };
	struct stat sb;
	char path[64];
	int rc;

	memset(p, 0, sizeof(*p));
	p->pid = pid;
	snprintf(path, sizeof(path), "%d", pid);
	if (fstatat(ctx->procfd, path, &sb, 0) == -1)
		return proc_err(ctx, pk_fail_os(ctx, errno, "stat %s/%s",
		    ctx->procfs, path));
	p->uid = (uint32_t)sb.st_uid;
	snprintf(path, sizeof(path), "%d/stat", pid);
	if ((rc = pk_read_file(ctx, PK_ROOT_PROC, path, &b)) != PK_OK)
		goto out;
	if (pk_pstat_parse(b.data, b.len, &p->st) != PK_OK) {
		/* a process that exits leaves no half-written stat */
		rc = b.len == 0 ? pk_fail(ctx, PK_ENOENT, ESRCH, "read %s/%s",
		    ctx->procfs, path) : pk_fail(ctx, PK_EPARSE, 0,
		    "parse %s/%s", ctx->procfs, path);
		goto out;
	}
	/* Kernel threads and zombies have no memory to report. */
	if (p->st.state == 'Z' || (p->st.flags & PK_PF_KTHREAD)) {
		rc = pk_fail(ctx, PK_ENOENT, ESRCH, "%s/%d: no user memory",
		    ctx->procfs, pid);
		goto out;
	}
	snprintf(path, sizeof(path), "%d/cmdline", pid);
	if ((rc = pk_read_file(ctx, PK_ROOT_PROC, path, &b)) != PK_OK)
		goto out;
	if ((p->cmdline = cmdline_text(&b)) == NULL)
		rc = pk_fail(ctx, PK_ENOMEM, ENOMEM, "read %s", path);
out:
	pk_buf_free(&b);
	if (rc != PK_OK) {
		pk_pmem_free(p);
		return proc_err(ctx, rc);
	}
	return PK_OK;
}

int
pk_pmem_smaps(struct pk_ctx *ctx, int pid, struct pk_buf *buf)
{
	char path[64];
	int rc;

	snprintf(path, sizeof(path), "%d/smaps", pid);
	if ((rc = pk_read_file(ctx, PK_ROOT_PROC, path, buf)) != PK_OK)
		return proc_err(ctx, rc);
	/* A kernel thread or a zombie reads empty. */
	if (buf->len == 0)
		return pk_fail(ctx, PK_ENOENT, ESRCH, "read %s/%s: empty",
		    ctx->procfs, path);
	return PK_OK;
}

static int
read_exact(struct pk_ctx *ctx, struct pk_pmem *p, struct pk_buf *b)
{
	int rc;

	if ((rc = pk_pmem_smaps(ctx, p->pid, b)) != PK_OK)
		return rc;
	pk_smaps_parse(b->data, b->len, &p->mem, NULL, NULL);
	if (p->mem.maps == 0)
		return pk_fail(ctx, PK_ENOENT, ESRCH, "%s/%d/smaps: no mappings",
		    ctx->procfs, p->pid);
	p->exact = 1;
	return PK_OK;
}

int
pk_pmem_read(struct pk_ctx *ctx, struct pk_pmem *p, int exact,
    struct pk_buf *b)
{
	char path[64];
	int rc;

	if (exact)
		return read_exact(ctx, p, b);
	snprintf(path, sizeof(path), "%d/smaps_rollup", p->pid);
	rc = pk_read_file(ctx, PK_ROOT_PROC, path, b);
	/* No rollup before Linux 4.14: smaps has the same totals. */
	if (rc == PK_ENOENT && ctx->oserr == ENOENT)
		return read_exact(ctx, p, b);
	if (rc != PK_OK)
		return proc_err(ctx, rc);
	if (b->len == 0)
		return pk_fail(ctx, PK_ENOENT, ESRCH, "read %s/%s: empty",
		    ctx->procfs, path);
	if (pk_smaps_rollup_parse(b->data, b->len, &p->mem) != PK_OK)
		return pk_fail(ctx, PK_EPARSE, 0, "parse %s/%s", ctx->procfs,
		    path);
	p->exact = 0;
	return PK_OK;
}

void
pk_pmem_free(struct pk_pmem *p)
{
	free(p->cmdline);
	p->cmdline = NULL;
}

int
pk_sysmem_read(struct pk_ctx *ctx, struct pk_sysmem *out)
{
	struct pk_buf b = { 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = pk_read_file(ctx, PK_ROOT_PROC, "meminfo", &b)) == PK_OK &&
	    pk_sysmem_parse(b.data, b.len, out) != PK_OK)
		rc = pk_fail(ctx, PK_EPARSE, 0, "parse %s/meminfo",
		    ctx->procfs);
	pk_buf_free(&b);
	return rc;
}

int
pk_user_name(uint32_t uid, char *buf, size_t len)
{
	struct passwd *pw;

	if ((pw = getpwuid((uid_t)uid)) == NULL)
		return PK_ENOENT;
	strlcpy(buf, pw->pw_name, len);
	return PK_OK;
}

int
pk_term_columns(int fd)
{
	struct winsize ws;

	if (ioctl(fd, TIOCGWINSZ, &ws) == -1)
		return -1;
	return ws.ws_col;
}
