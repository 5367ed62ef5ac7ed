/*
 * mem.c: system memory from /proc/meminfo.
 */
#include "pskit.h"

int
pk_mem_read(struct pk_ctx *ctx, struct pk_meminfo *raw, struct pk_mem *out)
{
	struct pk_buf buf = { 0 };
	int rc;

	if ((rc = pk_read_file(ctx, PK_ROOT_PROC, "meminfo", &buf)) != PK_OK) {
		pk_buf_free(&buf);
		return rc;
	}
	if (buf.len == 0) {
		pk_buf_free(&buf);
		return pk_fail(ctx, PK_EPARSE, 0, "read %s/meminfo: empty file",
		    ctx->procfs);
	}
	rc = pk_meminfo_parse(buf.data, buf.len, 0, raw);
	pk_buf_free(&buf);
	if (rc == PK_OK)
		pk_mem_derive(raw, out);
	return rc;
}
