/*
 * string.h (compat): the system header plus strlcpy/strlcat, which
 * libbsd's overlay adds on Linux.
 */
#pragma GCC system_header
#include_next <string.h>

#ifndef PSKIT_COMPAT_STRING_H
#define PSKIT_COMPAT_STRING_H

size_t	strlcpy(char *, const char *, size_t);
size_t	strlcat(char *, const char *, size_t);

#endif /* PSKIT_COMPAT_STRING_H */
