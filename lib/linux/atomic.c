/*
 * atomic.c: replace a file so that a reader (a Prometheus textfile
 * collector, a cron consumer) never sees half of it: write a temporary
 * file in the same directory, fsync it, rename it over the target.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pskit.h"

/*
 * The new file's permissions: never wider than the umask allows, 0600
 * for private data (root-only /proc files must not become readable by
 * all), and never wider than an existing file the administrator has
 * restricted.
 */
static mode_t
new_mode(const char *path, unsigned flags)
{
	struct stat st;
	mode_t mask = umask(0), m;

	umask(mask);
	m = (flags & PK_ATOMIC_PRIVATE) ? 0600 : 0666 & ~mask;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		m &= st.st_mode & 0777;
	return m;
}

int
pk_atomic_open(struct pk_ctx *ctx, const char *path, struct pk_atomic *a,
    unsigned flags)
{
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;

	memset(a, 0, sizeof(*a));
	a->fd = -1;
	if (strlcpy(a->path, path, sizeof(a->path)) >= sizeof(a->path) ||
	    snprintf(a->tmp, sizeof(a->tmp), "%.*s.%s.XXXXXX", dirlen, path,
	    path + dirlen) >= (int)sizeof(a->tmp))
		return pk_ctx_fail(ctx, PK_EOS, ENAMETOOLONG, "%s", path);
	if ((a->fd = mkstemp(a->tmp)) == -1)
		return pk_ctx_fail_os(ctx, errno, "create %s", a->tmp);
	if (fchmod(a->fd, new_mode(path, flags)) == -1 || (a->fp = fdopen(a->fd, "w")) == NULL) {
		int rc = pk_ctx_fail_os(ctx, errno, "open %s", a->tmp);

		pk_atomic_abort(a);	/* after the message: it forgets a->tmp */
		return rc;
	}
	return PK_OK;
}

static void
sync_dir(const char *path)
{
	char dir[4096];
	char *slash;
	int fd;

	strlcpy(dir, path, sizeof(dir));
	if ((slash = strrchr(dir, '/')) == NULL)
		strlcpy(dir, ".", sizeof(dir));
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		(void)fsync(fd);
		close(fd);
	}
}

/*
 * A stream's error flag outlives the errno of the write that failed (later
 * calls overwrite errno): one byte appended to the doomed temporary file
 * gives the reason again (ENOSPC, EDQUOT, EFBIG...), EIO if it does not.
 */
static int
lost_errno(int fd)
{
	struct stat st;

	if (fstat(fd, &st) == 0 && pwrite(fd, "", 1, st.st_size) == -1)
		return errno;
	return EIO;
}

int
pk_atomic_commit(struct pk_ctx *ctx, struct pk_atomic *a)
{
	int e, rc;

	errno = EIO;
	if (fflush(a->fp) != 0)
		e = errno;
	else if (ferror(a->fp))
		e = lost_errno(a->fd);
	else
		e = fsync(a->fd) == -1 ? errno : 0;
	/* The error names the file before pk_atomic_abort() forgets it. */
	if (e != 0) {
		rc = pk_ctx_fail_os(ctx, e, "write %s", a->tmp);
		pk_atomic_abort(a);
		return rc;
	}
	e = fclose(a->fp) == 0 ? 0 : errno;
	a->fp = NULL;
	a->fd = -1;
	if (e != 0) {
		rc = pk_ctx_fail_os(ctx, e, "write %s", a->tmp);
		pk_atomic_abort(a);
		return rc;
	}
	if (rename(a->tmp, a->path) == -1) {
		rc = pk_ctx_fail_os(ctx, errno, "rename %s", a->path);
		pk_atomic_abort(a);
		return rc;
	}
	sync_dir(a->path);
	return PK_OK;
}

void
pk_atomic_abort(struct pk_atomic *a)
{
	if (a->fp != NULL)
		fclose(a->fp);
	else if (a->fd != -1)
		close(a->fd);
	a->fp = NULL;
	a->fd = -1;
	if (a->tmp[0] != '\0')
		unlink(a->tmp);
	a->tmp[0] = '\0';
}
