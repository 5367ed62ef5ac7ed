/*
 * ctx.c (stub): no roots to open; every read is "not supported".
 */
#include <errno.h>
#include <string.h>

#include "pskit.h"

int
pk_ctx_open(struct pk_ctx *ctx, const char *procfs, const char *sysfs)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->procfd = ctx->sysfd = -1;
	(void)procfs;
	(void)sysfs;
	return PK_OK;
}

void
pk_ctx_close(struct pk_ctx *ctx)
{
	(void)ctx;
}

int
pk_file_read(struct pk_ctx *ctx, enum pk_root root, const char *path,
    struct pk_buf *buf)
{
	(void)root;
	(void)buf;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "%s: not supported on this system", path);
}

void
pk_fd_close(int fd)
{
	(void)fd;
}

int
pk_file_read_at(int dfd, const char *name, struct pk_buf *buf)
{
	(void)dfd;
	(void)name;
	pk_buf_reset(buf);
	return ENOSYS;
}

int
pk_smaps_read_at(int dfd, const char *name, struct pk_smaps_parser *ps,
    size_t *nread)
{
	(void)dfd;
	(void)name;
	(void)ps;
	*nread = 0;
	return ENOSYS;
}
