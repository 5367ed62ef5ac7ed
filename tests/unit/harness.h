/*
 * harness.h: a tiny TAP-emitting test harness for the unit tests.
 * Each CHECK prints nothing when it holds and a diagnostic when it does
 * not; each TEST() is one TAP line; main() returns non-zero on failure.
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int h_failed_here, h_tests, h_failures;

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		printf("# %s:%d: CHECK(%s) failed\n", __FILE__,	\
		    __LINE__, #cond);					\
		h_failed_here = 1;					\
	}								\
} while (0)

#define CHECK_U64(got, want) do {					\
	uint64_t g_ = (got), w_ = (want);				\
	if (g_ != w_) {							\
		printf("# %s:%d: %s = %" PRIu64 ", want %" PRIu64 "\n",	\
		    __FILE__, __LINE__, #got, g_, w_);			\
		h_failed_here = 1;					\
	}								\
} while (0)

#define CHECK_STR(got, want) do {					\
	const char *g_ = (got), *w_ = (want);				\
	if (strcmp(g_, w_) != 0) {					\
		printf("# %s:%d: %s = \"%s\", want \"%s\"\n",		\
		    __FILE__, __LINE__, #got, g_, w_);			\
		h_failed_here = 1;					\
	}								\
} while (0)

static void
h_run(const char *name, void (*fn)(void))
{
	h_failed_here = 0;
	fn();
	h_tests++;
	if (h_failed_here)
		h_failures++;
	printf("%sok %d - %s\n", h_failed_here ? "not " : "", h_tests, name);
}

#define TEST(fn)	h_run(#fn, fn)
#define DONE()		(printf("1..%d\n", h_tests), h_failures != 0)

#endif
