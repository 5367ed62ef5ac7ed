/*
 * time.h (compat): the system header plus C11 timespec_get(), which the
 * msvcrt flavour of mingw-w64 lacks (UCRT has it), and nanosleep(2)
 * without pulling in libwinpthread.
 */
#pragma GCC system_header
#include_next <time.h>

#ifndef PSKIT_COMPAT_TIME_H
#define PSKIT_COMPAT_TIME_H

#ifndef TIME_UTC
#define TIME_UTC	1
#define timespec_get	pk_compat_timespec_get
int	pk_compat_timespec_get(struct timespec *, int);
#endif

#endif /* PSKIT_COMPAT_TIME_H */
