/*
 * cpu.c: the aggregate CPU counters, the CPU count and the uptime that
 * iostat reads (/proc/stat, sys devices/system/cpu, /proc/uptime).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "pskit.h"

int
pk_cpustat_read(struct pk_ctx *ctx, struct pk_cpustat *out)
{
	struct pk_buf buf = { 0 };
	int rc;

	if ((rc = pk_read_file(ctx, PK_ROOT_PROC, "stat", &buf)) == PK_OK)
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
	if (pk_read_file(ctx, PK_ROOT_PROC, "stat", &buf) != PK_OK) {
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

	if ((rc = pk_read_file(ctx, PK_ROOT_PROC, "uptime", &buf)) == PK_OK &&
	    (rc = pk_uptime_parse(buf.data, buf.len, cs)) != PK_OK)
		pk_fail(ctx, rc, 0, "parse %s/uptime", ctx->procfs);
	pk_buf_free(&buf);
	return rc;
}

int
pk_sys_uname(struct pk_sys_uname *u)
{
	struct utsname n;

	if (uname(&n) == -1)
		return pk_code_from_os(errno);
	strlcpy(u->sysname, n.sysname, sizeof(u->sysname));
	strlcpy(u->nodename, n.nodename, sizeof(u->nodename));
	strlcpy(u->release, n.release, sizeof(u->release));
	strlcpy(u->machine, n.machine, sizeof(u->machine));
	return PK_OK;
}

double
pk_time_monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * A relative nanosleep(2) to the deadline: an absolute clock_nanosleep()
 * would be misread by time-faking preloads (faketime in the tests).
 */
int
pk_time_sleep_until(double deadline)
{
	struct timespec ts;
	double left = deadline - pk_time_monotonic();

	if (left <= 0)
		return PK_OK;
	ts.tv_sec = (time_t)left;
	ts.tv_nsec = (long)((left - (double)ts.tv_sec) * 1e9);
	if (ts.tv_nsec > 999999999L)
		ts.tv_nsec = 999999999L;
	if (nanosleep(&ts, NULL) == -1)
		return PK_EOS;
	return pk_time_monotonic() >= deadline ? PK_OK : PK_EOS;
}
