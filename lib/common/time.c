/*
 * time.c: the wall clock, in C11 (timespec_get), so every OS shares it;
 * the monotonic clock and sleeping are per OS (lib/<os>/time.c).
 */
#include <time.h>

#include "pskit.h"

double
pk_time_now(void)
{
	struct timespec ts;

	if (timespec_get(&ts, TIME_UTC) == 0)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
