/*
 * oserr.c: the one mapping from errno to PK_* codes on POSIX systems.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pskit.h"

int
pk_code_from_os(int e)
{
	switch (e) {
	case 0:
		return PK_OK;
	case ENOENT: case ESRCH: case ENXIO: case ENODEV: case ENOTDIR:
		return PK_ENOENT;
	case EACCES: case EPERM:
		return PK_EACCES;
	case ENOMEM:
		return PK_ENOMEM;
	case ENOSYS: case EOPNOTSUPP:
		return PK_ENOTSUP;
	default:
		return PK_EOS;
	}
}

void
pk_os_strerror(int e, char *buf, size_t len)
{
	if (strerror_r(e, buf, len) != 0)
		snprintf(buf, len, "error %d", e);
}
