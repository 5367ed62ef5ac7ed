/*
 * pskit/time.h: clocks and sleeping (lib/<os>/time.c).
 */
#ifndef PSKIT_TIME_H
#define PSKIT_TIME_H

/* Wall-clock time in seconds, for timestamps. */
double	 pk_time_now(void);

/*
 * Interval timing without drift: a monotonic clock in seconds, and a
 * sleep until an absolute point of it.  pk_time_sleep_until returns early
 * (PK_EOS) when a signal arrives, so a caller can check its flag.
 */
double	 pk_time_monotonic(void);
int	 pk_time_sleep_until(double deadline);

#endif /* PSKIT_TIME_H */
