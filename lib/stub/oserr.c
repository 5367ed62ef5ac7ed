/*
 * oserr.c (stub): no OS error numbers to map beyond the C library's.
 */
#include <stdio.h>
#include <string.h>

#include "pskit.h"

int
pk_code_from_os(int e)
{
	return e == 0 ? PK_OK : PK_EOS;
}

void
pk_os_strerror(int e, char *buf, size_t len)
{
	snprintf(buf, len, "%s", strerror(e));
}
