/*
 * cpu.c: the aggregate CPU counters, the CPU count and the uptime that
 * iostat reads (/proc/stat, sys devices/system/cpu, /proc/uptime).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pskit.h"

int
pk_cpustat_read(struct pk_ctx *ctx, struct pk_cpustat *out)
{
	struct pk_buf buf = { 0 };
	int rc;

	if ((rc = pk_file_read(ctx, PK_ROOT_PROC, "stat", &buf)) == PK_OK)
		rc = pk_cpustat_parse(buf.data, buf.len, out);
	pk_buf_free(&buf);
	return rc;
}

/* get_sys_cpu_nr(): cpuN entries that are directories, offline included. */
static int
sys_cpu_nr(struct pk_ctx *ctx)
{
	struct dirent *de;
	struct stat sb;
	DIR *d;
	int fd, nr = 0;

	if (ctx->sysfd == -1 || (fd = openat(ctx->sysfd, "devices/system/cpu",
	    O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return 0;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return 0;
	}
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, "cpu", 3) != 0 ||
		    !isdigit((unsigned char)de->d_name[3]))
			continue;
		if (fstatat(dirfd(d), de->d_name, &sb, 0) == 0 &&
		    S_ISDIR(sb.st_mode))
			nr++;
	}
	closedir(d);
	return nr;
}

int
pk_cpu_count(struct pk_ctx *ctx)
{
	struct pk_buf buf = { 0 };
	int nr;

	if ((nr = sys_cpu_nr(ctx)) > 0)
		return nr;
	if (pk_file_read(ctx, PK_ROOT_PROC, "stat", &buf) != PK_OK) {
		pk_buf_free(&buf);
		return -1;
	}
	nr = pk_cpustat_nr_parse(buf.data, buf.len);
	pk_buf_free(&buf);
	return nr;
}

int
pk_uptime_read(struct pk_ctx *ctx, uint64_t *cs)
{
	struct pk_buf buf = { 0 };
	int rc;

	if ((rc = pk_file_read(ctx, PK_ROOT_PROC, "uptime", &buf)) == PK_OK &&
	    (rc = pk_uptime_parse(buf.data, buf.len, cs)) != PK_OK)
		pk_ctx_fail(ctx, rc, 0, "parse %s/uptime", ctx->procfs);
	pk_buf_free(&buf);
	return rc;
}
