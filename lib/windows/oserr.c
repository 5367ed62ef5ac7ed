/*
 * oserr.c: the one mapping from Win32 error codes (GetLastError()) to
 * PK_* codes, and their text.  On Windows ctx->oserr is always a Win32
 * code; C runtime failures are translated by pk_win_crt_error().
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#include "pskit.h"
#include "pkwin.h"

int
pk_code_from_os(int e)
{
	switch (e) {
	case ERROR_SUCCESS:
		return PK_OK;
	case ERROR_FILE_NOT_FOUND:
	case ERROR_PATH_NOT_FOUND:
	case ERROR_INVALID_NAME:		/* OpenServiceW(""): 123 */
	case ERROR_NOT_FOUND:
	case ERROR_SERVICE_DOES_NOT_EXIST:	/* 1060 */
	case ERROR_SERVICE_MARKED_FOR_DELETE:	/* 1072: vanishing */
		return PK_ENOENT;
	case ERROR_ACCESS_DENIED:		/* 5 */
	case ERROR_PRIVILEGE_NOT_HELD:		/* 1314 */
	case ERROR_SHARING_VIOLATION:
		return PK_EACCES;
	case ERROR_NOT_ENOUGH_MEMORY:
	case ERROR_OUTOFMEMORY:
		return PK_ENOMEM;
	case ERROR_NOT_SUPPORTED:
	case ERROR_CALL_NOT_IMPLEMENTED:
	case ERROR_INVALID_LEVEL:		/* 124: Wine's delayed-auto */
		return PK_ENOTSUP;
	default:
		return PK_EOS;
	}
}

/* The system's message for e without its trailing ".\r\n". */
void
pk_os_strerror(int e, char *buf, size_t len)
{
	wchar_t w[512];
	char *s = NULL;
	size_t n;
	DWORD wn;

	wn = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM |
	    FORMAT_MESSAGE_IGNORE_INSERTS | FORMAT_MESSAGE_MAX_WIDTH_MASK,
	    NULL, (DWORD)e, 0, w, sizeof(w) / sizeof(w[0]), NULL);
	if (wn == 0 || pk_win_utf8(w, &s) != PK_OK || s == NULL) {
		snprintf(buf, len, "error %d", e);
		free(s);
		return;
	}
	n = strlen(s);
	while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == '\n' ||
	    s[n - 1] == ' ' || s[n - 1] == '.'))
		s[--n] = '\0';
	snprintf(buf, len, "%s (error %d)", s, e);
	free(s);
}

/* Common errno values of the C runtime as Win32 codes. */
int
pk_win_crt_error(void)
{
	unsigned long d = _doserrno;

	if (d != 0)
		return (int)d;
	switch (errno) {
	case ENOENT:	return ERROR_FILE_NOT_FOUND;
	case EACCES:	return ERROR_ACCESS_DENIED;
	case EEXIST:	return ERROR_FILE_EXISTS;
	case ENOMEM:	return ERROR_NOT_ENOUGH_MEMORY;
	case ENOSPC:	return ERROR_DISK_FULL;
	case EINVAL:	return ERROR_INVALID_PARAMETER;
	default:	return ERROR_GEN_FAILURE;
	}
}
