/*
 * sys.c (stub): no uname, no user database, no terminal on this system.
 */
#include "pskit.h"

int
pk_sys_uname(struct pk_sys_uname *u)
{
	(void)u;
	return PK_ENOTSUP;
}

int
pk_sys_user_name(uint32_t uid, char *buf, size_t len)
{
	(void)uid;
	(void)buf;
	(void)len;
	return PK_ENOENT;
}

int
pk_sys_term_columns(int fd)
{
	(void)fd;
	return -1;
}

/* No locale to ask: every byte >= 0x80 is escaped, as in "C". */
int
pk_sys_utf8_locale(void)
{
	return 0;
}
