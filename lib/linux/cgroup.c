/*
 * cgroup.c: find a process's memory cgroup and read its accounting.
 *
 * The cgroup comes from PROC/<pid>/cgroup, its hierarchy's mount point
 * from PROC/<pid>/mountinfo; a mount point under /sys is read below the
 * context's sys root, so fixture trees and a host's /sys from inside a
 * container both work.  Limits are the smallest found walking from the
 * cgroup up to the hierarchy's root (cgroupns=host puts the limit on a
 * parent).
 */
#include <stdio.h>
#include <string.h>

#include "pskit.h"

/* "/sys/fs/cgroup/memory" + "/a/b" -> "fs/cgroup/memory/a/b" below sysfs. */
static int
cg_dir(struct pk_ctx *ctx, const struct pk_cgroup_loc *l, char *dir,
    size_t len)
{
	const char *rel = l->path;
	size_t rl = strlen(l->root);

	if (strncmp(l->mount, "/sys/", 5) != 0 && strcmp(l->mount, "/sys") != 0)
		return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "cgroup mount point %s is "
		    "not below /sys", l->mount);
	/* a path below the mount's root is relative to that root */
	if (rl > 1 && strncmp(rel, l->root, rl) == 0 &&
	    (rel[rl] == '/' || rel[rl] == '\0'))
		rel += rl;
	if ((size_t)snprintf(dir, len, "%s%s", l->mount + 5, rel) >= len)
		return pk_ctx_fail(ctx, PK_EPARSE, 0, "cgroup path too long");
	while (strlen(dir) > 1 && dir[strlen(dir) - 1] == '/')
		dir[strlen(dir) - 1] = '\0';
	return PK_OK;
}

static int
read_sys(struct pk_ctx *ctx, const char *dir, const char *file,
    struct pk_buf *b)
{
	char path[PK_CG_PATHMAX + 64];

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	return pk_file_read(ctx, PK_ROOT_SYS, path, b);
}

/* The smallest limit in file from dir up to stop (the mount). Missing
 * files (the root cgroup has none) do not count. */
static int
min_limit(struct pk_ctx *ctx, char *dir, size_t stop, const char *file,
    uint64_t *out, struct pk_buf *b)
{
	uint64_t v;
	char *slash;
	int rc, found = 0;

	*out = PK_CG_UNLIMITED;
	for (;;) {
		rc = read_sys(ctx, dir, file, b);
		if (rc == PK_OK) {
			if (pk_cgroup_parse_limit(b->data, b->len, &v) != PK_OK)
				return pk_ctx_fail(ctx, PK_EPARSE, 0, "%s/%s/%s: "
				    "not a limit", ctx->sysfs, dir, file);
			found = 1;
			if (v < *out)
				*out = v;
		} else if (rc != PK_ENOENT)
			return rc;
		if (strlen(dir) <= stop || (slash = strrchr(dir, '/')) == NULL)
			break;
		*slash = '\0';
	}
	return found ? PK_OK : PK_ENOENT;
}

static int
read_value(struct pk_ctx *ctx, const char *dir, const char *file,
    uint64_t *v, struct pk_buf *b)
{
	int rc;

	if ((rc = read_sys(ctx, dir, file, b)) != PK_OK)
		return rc;
	if (pk_cgroup_parse_limit(b->data, b->len, v) != PK_OK)
		return pk_ctx_fail(ctx, PK_EPARSE, 0, "%s/%s/%s: not a number",
		    ctx->sysfs, dir, file);
	return PK_OK;
}

/* Walk-up copy of dir, so the caller's string survives. */
static int
limit_of(struct pk_ctx *ctx, const char *dir, size_t stop, const char *file,
    uint64_t *out, struct pk_buf *b)
{
	char walk[PK_CG_PATHMAX + 16];

	strlcpy(walk, dir, sizeof(walk));
	return min_limit(ctx, walk, stop, file, out, b);
}

static int
read_v2(struct pk_ctx *ctx, const char *dir, size_t stop,
    struct pk_cgroup_mem *m, struct pk_buf *b)
{
	int rc;

	if ((rc = limit_of(ctx, dir, stop, "memory.max", &m->limit, b)) !=
	    PK_OK && rc != PK_ENOENT)
		return rc;
	if ((rc = read_value(ctx, dir, "memory.current", &m->usage, b)) != PK_OK)
		return rc;
	if (limit_of(ctx, dir, stop, "memory.swap.max", &m->swap_limit, b) ==
	    PK_OK && read_value(ctx, dir, "memory.swap.current",
	    &m->swap_usage, b) == PK_OK)
		m->has |= PK_CG_HAS_SWAP;
	if ((rc = read_sys(ctx, dir, "memory.stat", b)) != PK_OK)
		return rc;
	return pk_cgroup_parse_stat(b->data, b->len, 2, m->stat, &m->has);
}

static int
read_v1(struct pk_ctx *ctx, const char *dir, size_t stop,
    struct pk_cgroup_mem *m, struct pk_buf *b)
{
	uint64_t memsw, memsw_usage;
	int rc;

	if ((rc = limit_of(ctx, dir, stop, "memory.limit_in_bytes", &m->limit,
	    b)) != PK_OK && rc != PK_ENOENT)
		return rc;
	if ((rc = read_value(ctx, dir, "memory.usage_in_bytes", &m->usage, b))
	    != PK_OK)
		return rc;
	/* memsw counts memory + swap: swap is what exceeds the memory part */
	if (limit_of(ctx, dir, stop, "memory.memsw.limit_in_bytes", &memsw, b)
	    == PK_OK && read_value(ctx, dir, "memory.memsw.usage_in_bytes",
	    &memsw_usage, b) == PK_OK) {
		m->swap_limit = memsw == PK_CG_UNLIMITED ? PK_CG_UNLIMITED :
		    memsw > m->limit ? memsw - m->limit : 0;
		m->swap_usage = memsw_usage > m->usage ?
		    memsw_usage - m->usage : 0;
		m->has |= PK_CG_HAS_SWAP;
	}
	if ((rc = read_sys(ctx, dir, "memory.stat", b)) != PK_OK)
		return rc;
	return pk_cgroup_parse_stat(b->data, b->len, 1, m->stat, &m->has);
}

/* v2 counts only when its root offers the memory controller. */
static int
v2_has_memory(struct pk_ctx *ctx, const struct pk_cgroup_loc *l,
    struct pk_buf *b)
{
	struct pk_cgroup_loc root = *l;
	char dir[PK_CG_PATHMAX + 16];

	strlcpy(root.path, "/", sizeof(root.path));
	if (l->mount[0] == '\0' || cg_dir(ctx, &root, dir, sizeof(dir)) != PK_OK)
		return 0;
	if (read_sys(ctx, dir, "cgroup.controllers", b) != PK_OK)
		return 0;
	return strstr(b->data, "memory") != NULL;
}

static int
locate(struct pk_ctx *ctx, int pid, struct pk_cgroup_loc *loc,
    struct pk_buf *b)
{
	struct pk_cgroup_loc v2 = { 0 }, v1 = { 0 };
	char self[32], file[64];
	int rc;

	if (pid > 0)
		snprintf(self, sizeof(self), "%d", pid);
	else
		strlcpy(self, "self", sizeof(self));
	snprintf(file, sizeof(file), "%s/cgroup", self);
	if ((rc = pk_file_read(ctx, PK_ROOT_PROC, file, b)) != PK_OK)
		return rc;
	pk_cgroup_parse_self(b->data, b->len, &v2, &v1);
	snprintf(file, sizeof(file), "%s/mountinfo", self);
	if ((rc = pk_file_read(ctx, PK_ROOT_PROC, file, b)) != PK_OK)
		return rc;
	pk_cgroup_parse_mounts(b->data, b->len, &v2, &v1);
	if (v2.version && v2_has_memory(ctx, &v2, b))
		*loc = v2;
	else if (v1.version && v1.mount[0] != '\0')
		*loc = v1;
	else
		return pk_ctx_fail(ctx, PK_ENOENT, 0, "no memory cgroup hierarchy "
		    "in %s/%s", ctx->procfs, self);
	return PK_OK;
}

int
pk_cgroup_mem_read(struct pk_ctx *ctx, int pid, const char *path,
    struct pk_cgroup_mem *out)
{
	struct pk_buf b = { 0 };
	char dir[PK_CG_PATHMAX + 16];
	size_t stop;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = locate(ctx, pid, &out->loc, &b)) != PK_OK)
		goto done;
	if (path != NULL)
		strlcpy(out->loc.path, path, sizeof(out->loc.path));
	if ((rc = cg_dir(ctx, &out->loc, dir, sizeof(dir))) != PK_OK)
		goto done;
	stop = strlen(out->loc.mount) - 5;	/* never above the mount */
	if (out->loc.version == 2)
		rc = read_v2(ctx, dir, stop, out, &b);
	else
		rc = read_v1(ctx, dir, stop, out, &b);
done:
	pk_buf_free(&b);
	return rc;
}

int
pk_cgroup_of(struct pk_ctx *ctx, int pid, int version, char *path, size_t len)
{
	struct pk_cgroup_loc v2 = { 0 }, v1 = { 0 };
	struct pk_buf b = { 0 };
	char file[64];
	int rc;

	snprintf(file, sizeof(file), "%d/cgroup", pid);
	if ((rc = pk_file_read(ctx, PK_ROOT_PROC, file, &b)) == PK_OK) {
		pk_cgroup_parse_self(b.data, b.len, &v2, &v1);
		if ((version == 2 ? v2.version : v1.version) == 0)
			rc = pk_ctx_fail(ctx, PK_ENOENT, 0, "%s/%s: no cgroup v%d "
			    "line", ctx->procfs, file, version);
		else
			strlcpy(path, version == 2 ? v2.path : v1.path, len);
	}
	pk_buf_free(&b);
	return rc;
}
