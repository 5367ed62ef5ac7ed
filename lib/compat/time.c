/*
 * time.c (compat): timespec_get() and nanosleep() over Win32.
 */
#include <errno.h>
#include <time.h>
#include <windows.h>

/* 100 ns intervals between 1601-01-01 and 1970-01-01. */
#define EPOCH_DIFF	116444736000000000ULL

#ifdef timespec_get
int
pk_compat_timespec_get(struct timespec *ts, int base)
{
	FILETIME ft;
	ULARGE_INTEGER u;

	if (base != TIME_UTC)
		return 0;
	GetSystemTimeAsFileTime(&ft);
	u.LowPart = ft.dwLowDateTime;
	u.HighPart = ft.dwHighDateTime;
	u.QuadPart -= EPOCH_DIFF;
	ts->tv_sec = (time_t)(u.QuadPart / 10000000);
	ts->tv_nsec = (long)(u.QuadPart % 10000000) * 100;
	return base;
}
#endif

/* Sleep() has millisecond granularity; round up so we never sleep short. */
int
nanosleep(const struct timespec *req, struct timespec *rem)
{
	unsigned long long ms;

	if (req->tv_nsec < 0 || req->tv_nsec >= 1000000000L || req->tv_sec < 0) {
		errno = EINVAL;
		return -1;
	}
	ms = (unsigned long long)req->tv_sec * 1000 +
	    ((unsigned long long)req->tv_nsec + 999999) / 1000000;
	while (ms > 0) {
		DWORD d = ms > 0x7fffffffULL ? 0x7fffffff : (DWORD)ms;

		Sleep(d);
		ms -= d;
	}
	if (rem != NULL)
		rem->tv_sec = rem->tv_nsec = 0;
	return 0;
}
