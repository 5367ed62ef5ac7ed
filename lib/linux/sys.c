/*
 * sys.c: what a report asks the OS besides its data: uname(2) for
 * banners, user names through NSS, the terminal width.
 */
#include <sys/ioctl.h>
#include <sys/utsname.h>

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <pwd.h>
#include <string.h>
#include <strings.h>

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

/*
 * Read through newlocale(3), so no command has to call setlocale() and
 * the process's own locale stays "C"; a locale that is not installed
 * counts as "C", as it would for setlocale() and ps.
 */
int
pk_sys_utf8_locale(void)
{
	static int cached = -1;
	locale_t loc;
	const char *cs;

	if (cached >= 0)
		return cached;
	cached = 0;
	if ((loc = newlocale(LC_CTYPE_MASK, "", (locale_t)0)) != (locale_t)0) {
		cs = nl_langinfo_l(CODESET, loc);
		if (cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
		    strcasecmp(cs, "UTF8") == 0))
			cached = 1;
		freelocale(loc);
	}
	return cached;
}
