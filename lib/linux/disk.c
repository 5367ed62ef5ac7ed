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

	if ((rc = pk_file_read(ctx, PK_ROOT_SYS, path, &buf)) == PK_OK)
		*nfields = pk_blkstat_parse(buf.data, buf.len, out);
	pk_buf_free(&buf);
	return rc;
}

static int
push(struct pk_blkdev **v, size_t *n, size_t *cap, const struct pk_blkdev *e)
{
	if (pk_array_grow(v, cap, *n, sizeof(**v)) != PK_OK)
		return PK_ENOMEM;
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
		return pk_ctx_fail(ctx, PK_ENOENT, ENOENT, "open %s/%s",
		    ctx->sysfs, dir);
	fd = openat(ctx->sysfd, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1 || (d = fdopendir(fd)) == NULL) {
		if (fd != -1)
			close(fd);
		return pk_ctx_fail_os(ctx, errno, "open %s/%s", ctx->sysfs, dir);
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
			return pk_ctx_fail(ctx, PK_ENOMEM, ENOMEM, "read %s/%s",
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
	if ((rc = pk_file_read(ctx, PK_ROOT_PROC, "diskstats", &buf)) == PK_OK)
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
pk_blk_devmap_major(struct pk_ctx *ctx)
{
	struct pk_buf buf = { 0 };
	unsigned maj = ~0U;
	const char *p, *e, *nl;
	uint64_t v;
	int ok;

	if (pk_file_read(ctx, PK_ROOT_PROC, "devices", &buf) != PK_OK) {
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
			pk_num_parse(p, nl, &v, &ok);
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
		return pk_ctx_fail(ctx, PK_EOS, errno, "open /dev/mapper");
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

/* ---- psutil's disk_io_counters() sources (psdisk.c parses) ---- */

static int
psdisk_push(struct pk_psdisk **v, size_t *n, size_t *cap,
    const struct pk_psdisk *e)
{
	if (pk_array_grow(v, cap, *n, sizeof(**v)) != PK_OK)
		return PK_ENOMEM;
	(*v)[(*n)++] = *e;
	return PK_OK;
}

/*
 * os.walk(top) as read_sysfs(): a "stat" that is not a directory in top
 * first, then each subdirectory that is not a symlink, in readdir order.
 * depth bounds a hostile tree (sys block trees are a few levels deep).
 */
static int
psdisk_walk(struct pk_ctx *ctx, int dfd, const char *name, int depth,
    struct pk_psdisk **v, size_t *n, size_t *cap)
{
	struct pk_buf buf = { 0 };
	struct pk_psdisk e;
	struct dirent *de;
	struct stat sb;
	DIR *d;
	int fd, rc = PK_OK;

	if ((fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return PK_OK;	/* os.walk ignores what it cannot list */
	if (fstatat(fd, "stat", &sb, 0) == 0 && !S_ISDIR(sb.st_mode)) {
		if (pk_file_read_at(fd, "stat", &buf) != PK_OK)
			rc = pk_ctx_fail_os(ctx, errno, "read %s/stat", name);
		else if ((rc = pk_psdisk_stat_parse(buf.data, buf.len, &e)) ==
		    PK_OK) {
			strlcpy(e.name, name, sizeof(e.name));
			rc = psdisk_push(v, n, cap, &e);
		} else
			rc = pk_ctx_fail(ctx, rc, 0, "%s/stat: not psutil's layout",
			    name);
		pk_buf_free(&buf);
	}
	if (rc != PK_OK || depth == 0 || (d = fdopendir(fd)) == NULL) {
		close(fd);
		return rc;
	}
	while (rc == PK_OK && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 ||
		    fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISDIR(sb.st_mode))
			continue;
		rc = psdisk_walk(ctx, dirfd(d), de->d_name, depth - 1, v, n, cap);
	}
	closedir(d);
	return rc;
}

/* read_sysfs(): every entry of block/, walked. */
static int
psdisk_sysfs(struct pk_ctx *ctx, struct pk_psdisk **v, size_t *n)
{
	struct dirent *de;
	size_t cap = 0;
	DIR *d;
	int fd, rc = PK_OK;

	if (ctx->sysfd == -1 || (fd = openat(ctx->sysfd, "block",
	    O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return pk_ctx_fail(ctx, PK_ENOENT, ENOENT,
		    "%s/diskstats nor %s/block are available", ctx->procfs,
		    ctx->sysfs);
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return pk_ctx_fail_os(ctx, errno, "open %s/block", ctx->sysfs);
	}
	while (rc == PK_OK && (de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			rc = psdisk_walk(ctx, dirfd(d), de->d_name, 8, v, n, &cap);
	closedir(d);
	if (rc != PK_OK) {
		free(*v);
		*v = NULL;
		*n = 0;
	}
	return rc == PK_ENOMEM ? pk_ctx_fail(ctx, rc, ENOMEM, "read %s/block",
	    ctx->sysfs) : rc;
}

int
pk_psdisk_read(struct pk_ctx *ctx, struct pk_psdisk **ents, size_t *n)
{
	struct pk_buf buf = { 0 };
	struct stat sb;
	int rc;

	*ents = NULL;
	*n = 0;
	/* os.path.exists(): follows links, any kind of file */
	if (ctx->procfd == -1 || fstatat(ctx->procfd, "diskstats", &sb, 0) != 0)
		rc = psdisk_sysfs(ctx, ents, n);
	else {
		if ((rc = pk_file_read(ctx, PK_ROOT_PROC, "diskstats", &buf)) ==
		    PK_OK && (rc = pk_psdisk_diskstats_parse(buf.data, buf.len,
		    ents, n)) != PK_OK)
			rc = pk_ctx_fail(ctx, rc, 0, "%s/diskstats: a line psutil "
			    "cannot interpret", ctx->procfs);
		pk_buf_free(&buf);
	}
	if (rc == PK_OK)
		*n = pk_psdisk_dedup(*ents, *n);
	return rc;
}
