/*
 * atomic.c (Windows): replace a file so that a reader (the Prometheus
 * textfile collector, a scheduled-task consumer) never sees half of it:
 * write a temporary file beside it in binary mode (UTF-8, LF), flush it
 * to disk, then MoveFileExW(MOVEFILE_REPLACE_EXISTING) over the target.
 */
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <windows.h>

#include "pskit.h"
#include "pkwin.h"

/* Open a fresh "<dir>.<base>.<unique>" with O_EXCL; returns the fd. */
static int
create_tmp(struct pk_atomic *a, int dirlen, const char *base)
{
	static unsigned counter;
	wchar_t *w;
	int fd = -1, i;

	for (i = 0; i < 100 && fd == -1; i++) {
		if (snprintf(a->tmp, sizeof(a->tmp), "%.*s.%s.%08lx%04x",
		    dirlen, a->path, base,
		    (unsigned long)GetCurrentProcessId(),
		    (unsigned)((GetTickCount() + counter++) & 0xffff)) >=
		    (int)sizeof(a->tmp)) {
			SetLastError(ERROR_FILENAME_EXCED_RANGE);
			return -1;
		}
		if ((w = pk_win_wide(a->tmp)) == NULL) {
			SetLastError(ERROR_NO_UNICODE_TRANSLATION);
			return -1;
		}
		_doserrno = 0;
		fd = _wopen(w, _O_CREAT | _O_EXCL | _O_WRONLY | _O_BINARY,
		    _S_IREAD | _S_IWRITE);
		if (fd == -1)
			SetLastError((DWORD)pk_win_crt_error());
		free(w);
		if (fd == -1 && errno != EEXIST)
			break;
	}
	return fd;
}

int
pk_atomic_open(struct pk_ctx *ctx, const char *path, struct pk_atomic *a,
    unsigned flags)
{
	const char *p, *base = path;

	(void)flags;	/* the directory's ACL decides */
	memset(a, 0, sizeof(*a));
	a->fd = -1;
	for (p = path; *p != '\0'; p++)
		if (*p == '/' || *p == '\\' || (*p == ':' && p == path + 1))
			base = p + 1;
	if (strlcpy(a->path, path, sizeof(a->path)) >= sizeof(a->path))
		return pk_ctx_fail_os(ctx, ERROR_FILENAME_EXCED_RANGE, "%s", path);
	if ((a->fd = create_tmp(a, (int)(base - path), base)) == -1) {
		int e = (int)GetLastError();

		a->tmp[0] = '\0';
		return pk_ctx_fail_os(ctx, e, "create temporary file for %s",
		    path);
	}
	_doserrno = 0;
	if ((a->fp = _fdopen(a->fd, "wb")) == NULL) {
		int rc = pk_ctx_fail_os(ctx, pk_win_crt_error(), "open %s",
		    a->tmp);

		pk_atomic_abort(a);	/* after the message: it forgets a->tmp */
		return rc;
	}
	return PK_OK;
}

int
pk_atomic_commit(struct pk_ctx *ctx, struct pk_atomic *a)
{
	wchar_t *wtmp, *wpath;
	int e = 0;

	_doserrno = 0;
	errno = 0;
	if (fflush(a->fp) != 0 || ferror(a->fp) || _commit(a->fd) != 0)
		e = pk_win_crt_error();
	if (fclose(a->fp) != 0 && e == 0)
		e = pk_win_crt_error();
	a->fp = NULL;
	a->fd = -1;
	if (e != 0) {
		/* The message names the file before the abort forgets it. */
		e = pk_ctx_fail_os(ctx, e, "write %s", a->tmp);
		pk_atomic_abort(a);
		return e;
	}
	wtmp = pk_win_wide(a->tmp);
	wpath = pk_win_wide(a->path);
	if (wtmp == NULL || wpath == NULL)
		e = ERROR_NO_UNICODE_TRANSLATION;
	else if (!MoveFileExW(wtmp, wpath, MOVEFILE_REPLACE_EXISTING |
	    MOVEFILE_WRITE_THROUGH))
		e = (int)GetLastError();
	free(wtmp);
	free(wpath);
	if (e != 0) {
		e = pk_ctx_fail_os(ctx, e, "rename %s", a->path);
		pk_atomic_abort(a);
		return e;
	}
	a->tmp[0] = '\0';
	return PK_OK;
}

void
pk_atomic_abort(struct pk_atomic *a)
{
	wchar_t *w;

	if (a->fp != NULL)
		fclose(a->fp);
	else if (a->fd != -1)
		_close(a->fd);
	a->fp = NULL;
	a->fd = -1;
	if (a->tmp[0] != '\0' && (w = pk_win_wide(a->tmp)) != NULL) {
		_wunlink(w);
		free(w);
	}
	a->tmp[0] = '\0';
}
