/*
 * time.c: the monotonic clock and drift-free sleeping of interval modes.
 */
#include <time.h>

#include "pskit.h"

double
pk_time_monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * A relative nanosleep(2) to the deadline: an absolute clock_nanosleep()
 * would be misread by time-faking preloads (faketime in the tests).
 */
int
pk_time_sleep_until(double deadline)
{
	struct timespec ts;
	double left = deadline - pk_time_monotonic();

	if (left <= 0)
		return PK_OK;
	ts.tv_sec = (time_t)left;
	ts.tv_nsec = (long)((left - (double)ts.tv_sec) * 1e9);
	if (ts.tv_nsec > 999999999L)
		ts.tv_nsec = 999999999L;
	if (nanosleep(&ts, NULL) == -1)
		return PK_EOS;
	return pk_time_monotonic() >= deadline ? PK_OK : PK_EOS;
}
