/*
 * mem.c: system memory from /proc/meminfo.
 */
#include <string.h>

#include "pskit.h"

int
pk_mem_read(struct pk_ctx *ctx, struct pk_meminfo *raw, struct pk_mem *out)
{
	struct pk_buf buf = { 0 };
	int rc;

	if ((rc = pk_file_read(ctx, PK_ROOT_PROC, "meminfo", &buf)) != PK_OK) {
		pk_buf_free(&buf);
		return rc;
	}
	if (buf.len == 0) {
		pk_buf_free(&buf);
		return pk_ctx_fail(ctx, PK_EPARSE, 0, "read %s/meminfo: empty file",
		    ctx->procfs);
	}
	rc = pk_meminfo_parse(buf.data, buf.len, 0, raw);
	pk_buf_free(&buf);
	if (rc == PK_OK)
		pk_mem_derive(raw, out);
	return rc;
}

int
pk_sysmem_read(struct pk_ctx *ctx, struct pk_sysmem *out)
{
	struct pk_buf b = { 0 };
	struct pk_meminfo mi;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = pk_file_read(ctx, PK_ROOT_PROC, "meminfo", &b)) == PK_OK &&
	    (pk_meminfo_parse(b.data, b.len, PK_MEMINFO_SMEM, &mi) != PK_OK ||
	    pk_sysmem_from_meminfo(&mi, out) != PK_OK))
		rc = pk_ctx_fail(ctx, PK_EPARSE, 0, "parse %s/meminfo",
		    ctx->procfs);
	pk_buf_free(&b);
	return rc;
}
