/*
 * time.c (stub): no monotonic clock or sleeping on this system; the
 * monotonic clock falls back to the wall clock.
 */
#include "pskit.h"

double
pk_time_monotonic(void)
{
	return pk_time_now();
}

int
pk_time_sleep_until(double deadline)
{
	(void)deadline;
	return PK_ENOTSUP;
}
