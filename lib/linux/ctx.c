/*
 * ctx.c: the proc and sys roots, opened once; every Linux read is an
 * openat() relative to them so one binary can report a host from inside
 * a container and tests can run on fixture trees.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pskit.h"

static const char *
root_path(const char *arg, const char *env, const char *def)
{
	const char *p;

	if (arg != NULL)
		return arg;
	if ((p = getenv(env)) != NULL && *p != '\0')
		return p;
	return def;
}

int
pk_ctx_open(struct pk_ctx *ctx, const char *procfs, const char *sysfs)
{
	const char *pp, *sp;

	memset(ctx, 0, sizeof(*ctx));
	ctx->procfd = ctx->sysfd = -1;
	pp = root_path(procfs, "PSKIT_PROCFS", "/proc");
	sp = root_path(sysfs, "PSKIT_SYSFS", "/sys");
	strlcpy(ctx->procfs, pp, sizeof(ctx->procfs));
	strlcpy(ctx->sysfs, sp, sizeof(ctx->sysfs));
	ctx->procfd = open(pp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (ctx->procfd == -1)
		return pk_ctx_fail_os(ctx, errno, "open %s", pp);
	/* A missing sysfs matters only to the probes that read it. */
	ctx->sysfd = open(sp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return PK_OK;
}

void
pk_ctx_close(struct pk_ctx *ctx)
{
	if (ctx->procfd != -1)
		close(ctx->procfd);
	if (ctx->sysfd != -1)
		close(ctx->sysfd);
	ctx->procfd = ctx->sysfd = -1;
}

static int
read_all(int fd, struct pk_buf *buf)
{
	ssize_t n;

	for (;;) {
		if (pk_buf_reserve(buf, 4096) != PK_OK)
			return ENOMEM;
		n = read(fd, buf->data + buf->len, buf->cap - buf->len - 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return errno;
		if (n == 0)
			return 0;
		buf->len += (size_t)n;
		buf->data[buf->len] = '\0';
	}
}

/*
 * Open name below dfd if it is a regular file: the fd, or -1 with *e
 * set to open's errno (*badtype 0) or to EISDIR / EINVAL (*badtype 1).
 */
static int
open_regular(int dfd, const char *name, int *e, int *badtype)
{
	struct stat st;
	int fd;

	*badtype = 0;
	/* O_NONBLOCK: a FIFO planted in a fixture must not hang the open */
	fd = openat(dfd, name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd == -1) {
		*e = errno;
		return -1;
	}
	/* /proc and /sys files are regular; a device or FIFO never ends */
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		*e = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		*badtype = 1;
		close(fd);
		return -1;
	}
	return fd;
}

void
pk_fd_close(int fd)
{
	close(fd);
}

int
pk_file_read_at(int dfd, const char *name, struct pk_buf *buf)
{
	int fd, e, badtype;

	pk_buf_reset(buf);
	if ((fd = open_regular(dfd, name, &e, &badtype)) == -1)
		return e;
	e = read_all(fd, buf);
	close(fd);
	return e;
}

/*
 * smaps through the stream parser, one fixed chunk at a time (the
 * DESIGN.md exception to reading a whole file: its size is the user's).
 * errno, or 0 (the parser's own error is then in ps->rc and stops the
 * read).  *nread: the bytes read, 0 for a kernel thread or zombie.
 */
int
pk_smaps_read_at(int dfd, const char *name, struct pk_smaps_parser *ps,
    size_t *nread)
{
	char chunk[16384];
	int fd, e = 0, badtype;
	ssize_t n;

	*nread = 0;
	if ((fd = open_regular(dfd, name, &e, &badtype)) == -1)
		return e;
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			e = errno;
		if (n <= 0)
			break;
		*nread += (size_t)n;
		if (pk_smaps_feed(ps, chunk, (size_t)n) != PK_OK)
			break;
	}
	close(fd);
	return e;
}

int
pk_file_read(struct pk_ctx *ctx, enum pk_root root, const char *path,
    struct pk_buf *buf)
{
	const char *rp = root == PK_ROOT_PROC ? ctx->procfs : ctx->sysfs;
	int dfd = root == PK_ROOT_PROC ? ctx->procfd : ctx->sysfd;
	int fd, e, badtype;

	while (*path == '/')
		path++;
	pk_buf_reset(buf);
	if (dfd == -1)
		return pk_ctx_fail(ctx, PK_ENOENT, ENOENT, "open %s/%s", rp, path);
	if ((fd = open_regular(dfd, path, &e, &badtype)) == -1) {
		if (!badtype)
			return pk_ctx_fail_os(ctx, e, "open %s/%s", rp, path);
		if (e == EINVAL)
			return pk_ctx_fail(ctx, PK_EOS, 0,
			    "read %s/%s: not a regular file", rp, path);
		return pk_ctx_fail(ctx, PK_EOS, e, "read %s/%s", rp, path);
	}
	e = read_all(fd, buf);
	close(fd);
	if (e == ENOMEM)
		return pk_ctx_fail(ctx, PK_ENOMEM, e, "read %s/%s", rp, path);
	if (e != 0)
		return pk_ctx_fail(ctx, PK_EOS, e, "read %s/%s", rp, path);
	return PK_OK;
}
