/*
 * leak_lib: psleak-style leak test of the library's public functions.
 * Each function runs a few thousand times in this process; after a
 * warm-up, glibc's heap in use (mallinfo2 uordblks + hblkhd, after
 * malloc_trim) and the number of open descriptors must not grow.
 * A native leak is invisible in RSS, hence the heap itself.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "leak.h"
#include "pskit.h"
#include "pskit/out.h"

static const char *procfs = "/proc";

static void
f_ctx(void)
{
	struct pk_ctx ctx;

	if (pk_ctx_open(&ctx, procfs, NULL) == PK_OK)
		pk_ctx_close(&ctx);
	pk_ctx_open(&ctx, "/nonexistent", NULL);
	pk_strerror(&ctx);
	pk_ctx_close(&ctx);
}

static void
f_mem(void)
{
	struct pk_ctx ctx;
	struct pk_meminfo raw;
	struct pk_mem m;
	struct pk_cgroup_mem cg;

	if (pk_ctx_open(&ctx, procfs, NULL) != PK_OK)
		return;
	pk_mem_read(&ctx, &raw, &m);
	pk_cgroup_mem_read(&ctx, 0, NULL, &cg);
	pk_cgroup_mem_read(&ctx, 0, "/no/such/cgroup", &cg);
	pk_ctx_close(&ctx);
}

static void
f_out(void)
{
	static const struct pk_out_col cols[] = {
		{ "a", PK_OUT_STR, PK_OUT_LABEL, NULL, "a" },
		{ "n", PK_OUT_U64, PK_OUT_GAUGE, "bytes", "n" },
	};
	FILE *fp = fopen("/dev/null", "w");
	struct pk_out o;
	int fmt, i;

	if (fp == NULL)
		return;
	for (fmt = PK_OUT_TSV; fmt <= PK_OUT_PROM; fmt++) {
		pk_out_begin(&o, fp, fmt, 0, "leak", cols, 2);
		for (i = 0; i < 20; i++) {
			pk_out_record_begin(&o);
			pk_out_str(&o, "x\ty\xff");
			pk_out_u64(&o, (uint64_t)i);
			pk_out_record_end(&o);
		}
		pk_out_end(&o);
	}
	fclose(fp);
}

static void
f_atomic(void)
{
	char path[] = "/tmp/pskit-leak-XXXXXX";
	struct pk_atomic a;
	struct pk_ctx ctx;
	int fd = mkstemp(path);

	if (fd == -1)
		return;
	close(fd);
	pk_ctx_open(&ctx, procfs, NULL);
	if (pk_atomic_open(&ctx, path, &a, 0) == PK_OK) {
		fputs("x\n", a.fp);
		pk_atomic_commit(&ctx, &a);
	}
	if (pk_atomic_open(&ctx, path, &a, 0) == PK_OK)
		pk_atomic_abort(&a);
	pk_atomic_open(&ctx, "/nonexistent/dir/x", &a, 0);
	pk_ctx_close(&ctx);
	unlink(path);
}

static const struct leak_case cases[] = {
	{ "pk_ctx_open/close", f_ctx },
	{ "pk_mem_read, pk_cgroup_mem_read", f_mem },
	{ "out writer, every format", f_out },
	{ "pk_atomic_open/commit/abort", f_atomic },
	LEAK_LIB_CASES
};

int
main(int argc, char **argv)
{
	if (argc > 1)
		procfs = argv[1];
	return leak_run(cases, sizeof(cases) / sizeof(cases[0]));
}
