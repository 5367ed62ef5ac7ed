/*
 * leak.h: the measuring loop shared by the leak tests.  Prints TAP.
 */
#ifndef LEAK_H
#define LEAK_H

#include <dirent.h>
#include <malloc.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Under ASan malloc is the sanitizer's allocator and glibc's mallinfo2()
 * reports 0 for ever, so the heap check would always pass: read the
 * sanitizer allocator's own count there instead.
 */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LEAK_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(LEAK_ASAN)
#define LEAK_ASAN 1
#endif
#ifdef LEAK_ASAN
#if defined(__has_include)
#if __has_include(<sanitizer/allocator_interface.h>)
#include <sanitizer/allocator_interface.h>
#define LEAK_HAVE_IFACE 1
#endif
#endif
#ifndef LEAK_HAVE_IFACE
/* gcc ships the runtime but not the header: the documented prototype */
size_t __sanitizer_get_current_allocated_bytes(void);
#endif
#endif

struct leak_case {
	const char	*name;
	void		(*fn)(void);
};

/* Command-specific library cases are added here by the command's issue. */
#ifndef LEAK_LIB_CASES
#define LEAK_LIB_CASES
#endif

static FILE *leak_tap;	/* where TAP goes; stdout unless set */
static int leak_noplan;	/* the caller adds results and prints the plan */

#define LEAK_WARMUP	200
#define LEAK_RUNS	2000
#define LEAK_SLACK	4096	/* bytes of heap growth tolerated */

#ifdef LEAK_ASAN
static size_t
leak_heap(void)
{
	return __sanitizer_get_current_allocated_bytes();
}
#else
static size_t
leak_heap(void)
{
	struct mallinfo2 mi;

	malloc_trim(0);
	mi = mallinfo2();
	return mi.uordblks + mi.hblkhd;
}
#endif

static int
leak_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	if (d == NULL)
		return -1;
	while (readdir(d) != NULL)
		n++;
	closedir(d);
	return n;
}

static int
leak_run(const struct leak_case *cases, size_t n)
{
	size_t i, h0, h1;
	int k, f0, f1, bad = 0;
	FILE *tap = leak_tap != NULL ? leak_tap : stdout;

	for (i = 0; i < n; i++) {
		for (k = 0; k < LEAK_WARMUP; k++)
			cases[i].fn();
		h0 = leak_heap();
		f0 = leak_fds();
		for (k = 0; k < LEAK_RUNS; k++)
			cases[i].fn();
		h1 = leak_heap();
		f1 = leak_fds();
		if (h1 > h0 + LEAK_SLACK || f1 != f0) {
			bad++;
			fprintf(tap, "not ok %zu - %s: heap %zu -> %zu bytes, fds %d -> "
			    "%d over %d runs\n", i + 1, cases[i].name, h0, h1,
			    f0, f1, LEAK_RUNS);
		} else
			fprintf(tap, "ok %zu - %s (heap %zu -> %zu, fds %d)\n", i + 1,
			    cases[i].name, h0, h1, f0);
	}
	if (!leak_noplan)
		fprintf(tap, "1..%zu\n", n);
	return bad != 0;
}

#endif
