/*
 * pskit/sys.h: what a report asks the OS besides its data: the system's
 * name, user names, the terminal width, regular expressions.
 */
#ifndef PSKIT_SYS_H
#define PSKIT_SYS_H

#include <stddef.h>
#include <stdint.h>

/* uname(2) for report banners. */
struct pk_sys_uname {
	char	 sysname[65], nodename[65], release[65], machine[65];
};
int	 pk_sys_uname(struct pk_sys_uname *u);

/*
 * OS services a report needs besides /proc: user names, the terminal
 * width, POSIX extended regular expressions.  Stubs return PK_ENOTSUP
 * (user names: PK_ENOENT).
 */
int	 pk_sys_user_name(uint32_t uid, char *buf, size_t len);
/* Columns of the terminal on fd, -1 when fd is not a terminal. */
int	 pk_sys_term_columns(int fd);
/* 1 when the user's locale (LC_ALL, LC_CTYPE, LANG) has the codeset
 * UTF-8, else 0: whether text may pass printable UTF-8 (pk_esc_locale). */
int	 pk_sys_utf8_locale(void);

struct pk_re;
/* Compile an extended regular expression; on error, errbuf says why. */
int	 pk_re_comp(struct pk_re **re, const char *pattern, char *errbuf,
	    size_t errlen);
int	 pk_re_match(const struct pk_re *re, const char *s);
void	 pk_re_free(struct pk_re *re);

#endif /* PSKIT_SYS_H */
