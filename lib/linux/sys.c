/*
 * sys.c: what a report asks the OS besides its data: uname(2) for
 * banners, user names through NSS, the terminal width.
 */
#include <sys/ioctl.h>
#include <sys/utsname.h>

#include <errno.h>
#include <pwd.h>
#include <string.h>

#include "pskit.h"

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

int
pk_sys_user_name(uint32_t uid, char *buf, size_t len)
{
	struct passwd *pw;

	if ((pw = getpwuid((uid_t)uid)) == NULL)
		return PK_ENOENT;
	strlcpy(buf, pw->pw_name, len);
	return PK_OK;
}

int
pk_sys_term_columns(int fd)
{
	struct winsize ws;

	if (ioctl(fd, TIOCGWINSZ, &ws) == -1)
		return -1;
	return ws.ws_col;
}
