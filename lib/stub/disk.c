/*
 * disk.c (stub): no block device statistics on this system.
 */
#include <stddef.h>

#include "pskit.h"

int
pk_blkstat_read(struct pk_ctx *ctx, const char *path, struct pk_blkstat *out,
    int *nfields)
{
	(void)out;
	*nfields = 0;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "%s", path);
}

int
pk_blkdev_list(struct pk_ctx *ctx, const char *dir, struct pk_blkdev **list,
    size_t *n)
{
	*list = NULL;
	*n = 0;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "%s", dir);
}

int
pk_diskstats_read(struct pk_ctx *ctx, struct pk_diskstats_ent **ents,
    size_t *n)
{
	*ents = NULL;
	*n = 0;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "disk statistics");
}

int
pk_blk_is_device(struct pk_ctx *ctx, const char *name)
{
	(void)ctx;
	(void)name;
	return 0;
}

unsigned
pk_blk_devmap_major(struct pk_ctx *ctx)
{
	(void)ctx;
	return ~0U;
}

int
pk_blk_devnum(const char *name, unsigned *maj, unsigned *min)
{
	(void)name;
	(void)maj;
	(void)min;
	return PK_ENOTSUP;
}

int
pk_blk_devmap_name(struct pk_ctx *ctx, unsigned maj, unsigned min, char *out,
    size_t len)
{
	(void)maj;
	(void)min;
	(void)out;
	(void)len;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "device-mapper names");
}

int
pk_blk_devmap_kname(const char *name, char *out, size_t len)
{
	(void)name;
	(void)out;
	(void)len;
	return PK_ENOTSUP;
}

int
pk_blk_canon_name(const char *name, char *out, size_t len)
{
	(void)name;
	(void)out;
	(void)len;
	return PK_ENOTSUP;
}

int
pk_blk_kernel_name(struct pk_ctx *ctx, unsigned maj, unsigned min, char *out,
    size_t len)
{
	(void)ctx;
	(void)maj;
	(void)min;
	(void)out;
	(void)len;
	return PK_ENOTSUP;
}

int
pk_blk_persist_ok(const char *type)
{
	(void)type;
	return 0;
}

int
pk_blk_persist_target(const char *type, const char *name, char *out,
    size_t len)
{
	(void)type;
	(void)name;
	(void)out;
	(void)len;
	return PK_ENOTSUP;
}

int
pk_blk_persist_name(const char *type, const char *kname, char *out,
    size_t len)
{
	(void)type;
	(void)kname;
	(void)out;
	(void)len;
	return PK_ENOTSUP;
}

int
pk_psdisk_read(struct pk_ctx *ctx, struct pk_psdisk **ents, size_t *n)
{
	*ents = NULL;
	*n = 0;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "disk counters");
}
