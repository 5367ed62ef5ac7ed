/*
 * disk.c: block device statistics from sys block/NAME/stat, the partitions
 * below a disk, /proc/diskstats and /proc/devices, read where sysstat
 * 12.6.1's iostat reads them so that the same tree gives the same report.
 */
#define _GNU_SOURCE	/* memmem, realpath, major */
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pskit.h"

int
pk_blkstat_read(struct pk_ctx *ctx, const char *path, struct pk_blkstat *out,
    int *nfields)
{
	struct pk_buf buf = { 0 };
	int rc;

	if ((rc = pk_read_file(ctx, PK_ROOT_SYS, path, &buf)) == PK_OK)
		*nfields = pk_blkstat_parse(buf.data, buf.len, out);
	pk_buf_free(&buf);
	return rc;
}

static int
push(struct pk_blkdev **v, size_t *n, size_t *cap, const struct pk_blkdev *e)
{
	struct pk_blkdev *nv;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		if ((nv = reallocarray(*v, *cap, sizeof(**v))) == NULL)
			return PK_ENOMEM;
		*v = nv;
	}
	(*v)[(*n)++] = *e;
	return PK_OK;
}

int
pk_blkdev_list(struct pk_ctx *ctx, const char *dir, struct pk_blkdev **list,
    size_t *n)
{
	struct pk_blkdev e;
	struct dirent *de;
	size_t cap = 0;
	char path[1024];
	DIR *d;
	int fd;

	*list = NULL;
	*n = 0;
	if (ctx->sysfd == -1)
		return pk_fail(ctx, PK_ENOENT, ENOENT, "open %s/%s",
		    ctx->sysfs, dir);
	fd = openat(ctx->sysfd, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1 || (d = fdopendir(fd)) == NULL) {
		if (fd != -1)
			close(fd);
		return pk_fail_os(ctx, errno, "open %s/%s", ctx->sysfs, dir);
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s/stat", dir, de->d_name);
		memset(&e, 0, sizeof(e));
		if (pk_blkstat_read(ctx, path, &e.st, &e.nfields) != PK_OK)
			continue;
		strlcpy(e.name, de->d_name, sizeof(e.name));
		if (push(list, n, &cap, &e) != PK_OK) {
			closedir(d);
			free(*list);
			*list = NULL;
			*n = 0;
			return pk_fail(ctx, PK_ENOMEM, ENOMEM, "read %s/%s",
			    ctx->sysfs, dir);
		}
	}
	closedir(d);
	ctx->code = PK_OK;
	return PK_OK;
}

int
pk_diskstats_read(struct pk_ctx *ctx, struct pk_diskstats_ent **ents,
    size_t *n)
{
	struct pk_buf buf = { 0 };
	int rc;

	*ents = NULL;
	*n = 0;
	if ((rc = pk_read_file(ctx, PK_ROOT_PROC, "diskstats", &buf)) == PK_OK)
		rc = pk_diskstats_parse(buf.data, buf.len, ents, n);
	pk_buf_free(&buf);
	return rc;
}

int
pk_blk_is_device(struct pk_ctx *ctx, const char *name)
{
	char path[1024];
	size_t i;

	snprintf(path, sizeof(path), "block/%s", name);
	for (i = 6; path[i] != '\0'; i++)
		if (path[i] == '/')
			path[i] = '!';
	return ctx->sysfd != -1 && faccessat(ctx->sysfd, path, F_OK, 0) == 0;
}

unsigned
pk_devmap_major(struct pk_ctx *ctx)
{
	struct pk_buf buf = { 0 };
	unsigned maj = ~0U;
	const char *p, *e, *nl;
	uint64_t v;
	int ok;

	if (pk_read_file(ctx, PK_ROOT_PROC, "devices", &buf) != PK_OK) {
		pk_buf_free(&buf);
		return maj;
	}
	/* get_devmap_major(): the last line mentioning device-mapper. */
	for (p = buf.data, e = buf.data + buf.len; p < e; p = nl) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		else
			nl++;
		if (memmem(p, (size_t)(nl - p), "device-mapper", 13) != NULL) {
			pk_parse_ulong(p, nl, &v, &ok);
			if (ok)
				maj = (unsigned)v;
		}
	}
	pk_buf_free(&buf);
	return maj;
}

int
pk_blk_devnum(const char *name, unsigned *maj, unsigned *min)
{
	char path[PATH_MAX], *p;
	struct stat sb;

	snprintf(path, sizeof(path), "%s%s", name[0] == '/' ? "" : "/dev/",
	    name);
	for (p = path; (p = strchr(p, '!')) != NULL; )
		*p = '/';
	if (stat(path, &sb) == -1)
		return pk_code_from_os(errno);
	*maj = major(sb.st_rdev);
	*min = minor(sb.st_rdev);
	return PK_OK;
}

/* transform_devmapname() of sysstat. */
int
pk_blk_devmap_name(struct pk_ctx *ctx, unsigned maj, unsigned min, char *out,
    size_t len)
{
	char path[PATH_MAX];
	struct dirent *de;
	struct stat sb;
	int rc = PK_ENOENT;
	DIR *dir;

	/* Not PK_ENOENT: that means "no such entry" to the caller. */
	if ((dir = opendir("/dev/mapper")) == NULL)
		return pk_fail(ctx, PK_EOS, errno, "open /dev/mapper");
	while ((de = readdir(dir)) != NULL) {
		snprintf(path, sizeof(path), "/dev/mapper/%s", de->d_name);
		if (stat(path, &sb) == 0 && major(sb.st_rdev) == maj &&
		    minor(sb.st_rdev) == min) {
			strlcpy(out, de->d_name, len);
			rc = PK_OK;
			break;
		}
	}
	closedir(dir);
	return rc;
}

int
pk_blk_canon_name(const char *name, char *out, size_t len)
{
	char *r, *p;

	if ((r = realpath(name, NULL)) == NULL)
		return pk_code_from_os(errno);
	strlcpy(out, strncmp(r, "/dev/", 5) == 0 ? r + 5 : r, len);
	free(r);
	for (p = out; (p = strchr(p, '/')) != NULL; )
		*p = '!';
	return PK_OK;
}

/* The last component of a link's target. */
static int
link_base(int dfd, const char *link, char *out, size_t len)
{
	char tgt[PATH_MAX], *p;
	ssize_t r = readlinkat(dfd, link, tgt, sizeof(tgt) - 1);

	if (r <= 0)
		return PK_ENOENT;
	tgt[r] = '\0';
	p = strrchr(tgt, '/');
	p = p ? p + 1 : tgt;
	if (*p == '\0')
		return PK_ENOENT;
	strlcpy(out, p, len);
	return PK_OK;
}

int
pk_blk_devmap_kname(const char *name, char *out, size_t len)
{
	char link[PATH_MAX];
	int n = snprintf(link, sizeof(link), "/dev/mapper/%s", name);

	/* access() as sysstat: a dangling link names no device */
	if (n < 0 || (size_t)n >= sizeof(link) || access(link, F_OK) != 0)
		return PK_ENOENT;
	return link_base(AT_FDCWD, link, out, len);
}

int
pk_blk_kernel_name(struct pk_ctx *ctx, unsigned maj, unsigned min, char *out,
    size_t len)
{
	char link[64];

	snprintf(link, sizeof(link), "dev/block/%u:%u", maj, min);
	return ctx->sysfd == -1 ? PK_ENOENT :
	    link_base(ctx->sysfd, link, out, len);
}

int
pk_blk_persist_ok(const char *type)
{
	char dir[PATH_MAX];

	snprintf(dir, sizeof(dir), "/dev/disk/by-%s", type);
	return access(dir, R_OK) == 0;
}

int
pk_blk_persist_target(const char *type, const char *name, char *out,
    size_t len)
{
	char link[PATH_MAX];

	snprintf(link, sizeof(link), "/dev/disk/by-%s/%s", type, name);
	return link_base(AT_FDCWD, link, out, len);
}

/* get_persistent_name_from_pretty(): first by-TYPE name, sorted. */
int
pk_blk_persist_name(const char *type, const char *kname, char *out,
    size_t len)
{
	char dir[PATH_MAX], link[PATH_MAX * 2], base[PATH_MAX];
	struct dirent **nl;
	int i, n, rc = PK_ENOENT;

	snprintf(dir, sizeof(dir), "/dev/disk/by-%s", type);
	if ((n = scandir(dir, &nl, NULL, alphasort)) < 0)
		return PK_ENOENT;
	for (i = 0; i < n; i++) {
		snprintf(link, sizeof(link), "%s/%s", dir, nl[i]->d_name);
		if (rc != PK_OK && strcmp(nl[i]->d_name, ".") != 0 &&
		    strcmp(nl[i]->d_name, "..") != 0 &&
		    link_base(AT_FDCWD, link, base, sizeof(base)) == PK_OK &&
		    strcmp(base, kname) == 0) {
			strlcpy(out, nl[i]->d_name, len);
			rc = PK_OK;
		}
		free(nl[i]);
	}
	free(nl);
	return rc;
}
