/*
 * stdlib.h (compat): the system header plus the BSD functions libbsd's
 * overlay adds to it on Linux (getprogname, reallocarray, strtonum).
 */
#pragma GCC system_header
#include_next <stdlib.h>

#ifndef PSKIT_COMPAT_STDLIB_H
#define PSKIT_COMPAT_STDLIB_H

const char	*getprogname(void);
void		 setprogname(const char *);
void		*reallocarray(void *, size_t, size_t);
long long	 strtonum(const char *, long long, long long, const char **);

#endif /* PSKIT_COMPAT_STDLIB_H */
