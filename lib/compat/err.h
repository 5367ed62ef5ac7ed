/*
 * err.h (compat): BSD err(3) for systems without it (mingw-w64).  Found
 * through -Ilib/compat only on those platforms.
 */
#ifndef PSKIT_COMPAT_ERR_H
#define PSKIT_COMPAT_ERR_H

#include <stdarg.h>

#define PK_NORETURN	__attribute__((noreturn))
#define PK_PRINTF(f, a)	__attribute__((format(printf, f, a)))

void	err(int, const char *, ...) PK_NORETURN PK_PRINTF(2, 3);
void	errx(int, const char *, ...) PK_NORETURN PK_PRINTF(2, 3);
void	errc(int, int, const char *, ...) PK_NORETURN PK_PRINTF(3, 4);
void	verr(int, const char *, va_list) PK_NORETURN PK_PRINTF(2, 0);
void	verrx(int, const char *, va_list) PK_NORETURN PK_PRINTF(2, 0);
void	verrc(int, int, const char *, va_list) PK_NORETURN PK_PRINTF(3, 0);
void	warn(const char *, ...) PK_PRINTF(1, 2);
void	warnx(const char *, ...) PK_PRINTF(1, 2);
void	warnc(int, const char *, ...) PK_PRINTF(2, 3);
void	vwarn(const char *, va_list) PK_PRINTF(1, 0);
void	vwarnx(const char *, va_list) PK_PRINTF(1, 0);
void	vwarnc(int, const char *, va_list) PK_PRINTF(2, 0);

#endif /* PSKIT_COMPAT_ERR_H */
