/*
 * Unit tests of the /proc/meminfo parser and of free's derived numbers.
 */
#include <stdlib.h>

#include "harness.h"
#include "pskit.h"

static struct pk_meminfo mi;

static void
parse(const char *s)
{
	CHECK(pk_meminfo_parse(s, strlen(s), &mi) == PK_OK);
}

static int
has(int key)
{
	return (mi.has >> key) & 1;
}

static void
kernel_format(void)
{
	parse("MemTotal:       24683656 kB\nMemFree:        24187496 kB\n"
	    "MemAvailable:   24277556 kB\nBuffers:            3920 kB\n"
	    "HugePages_Total:       0\n");
	CHECK_U64(mi.kb[PK_MI_MEMTOTAL], 24683656);
	CHECK_U64(mi.kb[PK_MI_MEMFREE], 24187496);
	CHECK_U64(mi.kb[PK_MI_MEMAVAILABLE], 24277556);
	CHECK_U64(mi.kb[PK_MI_BUFFERS], 3920);
	CHECK(!has(PK_MI_SHMEM));
	CHECK_U64(mi.kb[PK_MI_SHMEM], 0);
}

static void
missing_keys(void)
{
	struct pk_mem m;

	parse("MemTotal:\t1000 kB\n");
	CHECK(has(PK_MI_MEMTOTAL));
	CHECK(!has(PK_MI_MEMFREE) && !has(PK_MI_MEMAVAILABLE));
	pk_mem_derive(&mi, &m);
	/* no MemAvailable: available = MemFree = 0, used = total - 0 */
	CHECK_U64(m.available, 0);
	CHECK_U64(m.used, 1000);
	CHECK(!(m.has & PK_MEM_HAS_SHARED));
}

static void
no_trailing_newline(void)
{
	parse("MemFree: 5 kB\nMemTotal: 77");
	CHECK_U64(mi.kb[PK_MI_MEMTOTAL], 77);
	CHECK_U64(mi.kb[PK_MI_MEMFREE], 5);
}

static void
huge_values(void)
{
	parse("MemTotal: 18446744073709551615 kB\n"
	    "MemFree: 18446744073709551616 kB\n"
	    "Buffers: 99999999999999999999999999 kB\n"
	    "Cached: 18446744073709551614 kB\n");
	CHECK_U64(mi.kb[PK_MI_MEMTOTAL], UINT64_MAX);
	CHECK_U64(mi.kb[PK_MI_MEMFREE], UINT64_MAX);
	CHECK_U64(mi.kb[PK_MI_BUFFERS], UINT64_MAX);
	CHECK_U64(mi.kb[PK_MI_CACHED], UINT64_MAX - 1);
}

static void
negative_values(void)
{
	struct pk_mem m;

	/* strtoul semantics: "-1" wraps, as procps reads it */
	parse("MemTotal: 1000 kB\nMemFree: 1500 kB\nMemAvailable: -1 kB\n"
	    "SwapTotal: 100 kB\nSwapFree: 200 kB\nShmem: +5 kB\n");
	CHECK_U64(mi.kb[PK_MI_MEMAVAILABLE], UINT64_MAX);
	CHECK_U64(mi.kb[PK_MI_SHMEM], 5);
	pk_mem_derive(&mi, &m);
	CHECK(m.available == 1500);	/* > total: the LXC clamp to MemFree */
	CHECK(m.used == -500);		/* total - free, still negative */
	CHECK(m.swap_used == 0);	/* swap used never negative */
}

static void
garbage_lines(void)
{
	/* A line without a colon merges into the next record's key, as in
	 * procps, so MemFree is lost; Buffers on the next line survives. */
	parse("garbage line\nMemFree: 10 kB\nBuffers: 7 kB\n:::\n"
	    "Cached:abc\nShmem:\t\t 12\n");
	CHECK(!has(PK_MI_MEMFREE));
	CHECK_U64(mi.kb[PK_MI_BUFFERS], 7);
	CHECK(has(PK_MI_CACHED));
	CHECK_U64(mi.kb[PK_MI_CACHED], 0);
	CHECK_U64(mi.kb[PK_MI_SHMEM], 12);
}

static void
empty_and_binary(void)
{
	static const char bin[] = "MemTotal: 42 kB\n\0MemFree: 9 kB\n";

	parse("");
	CHECK(mi.has == 0);
	CHECK(pk_meminfo_parse(bin, sizeof(bin) - 1, &mi) == PK_OK);
	CHECK_U64(mi.kb[PK_MI_MEMTOTAL], 42);
	CHECK(!has(PK_MI_MEMFREE));	/* a NUL ends the data, as in procps */
}

static void
repeated_and_crlf(void)
{
	parse("MemTotal: 1 kB\r\nMemTotal: 2 kB\r\nMemFree:3\r\n");
	CHECK_U64(mi.kb[PK_MI_MEMTOTAL], 2);
	CHECK_U64(mi.kb[PK_MI_MEMFREE], 3);
}

static void
big_file(void)
{
	size_t cap = 32768, n = 0;
	char *s = malloc(cap);
	int i;

	CHECK(s != NULL);
	if (s == NULL)
		return;
	n = (size_t)snprintf(s, cap, "MemTotal: 123 kB\n");
	for (i = 0; n < 8170; i++)
		n += (size_t)snprintf(s + n, cap - n, "Extra_%d:  %d kB\n", i, i);
	/* the value that straddles byte 8191 is cut there, as procps cuts it */
	n = 8170;	/* "Pad" may merge with a cut line; MemFree starts at 8181 */
	n += (size_t)snprintf(s + n, cap - n, "\nPad: 0000\nMemFree: 98765 kB\n");
	for (i = 0; n < 20000; i++)
		n += (size_t)snprintf(s + n, cap - n, "Extra_%d:  %d kB\n", i, i);
	snprintf(s + n, cap - n, "SwapFree: 4 kB\n");
	parse(s);
	CHECK_U64(mi.kb[PK_MI_MEMTOTAL], 123);
	CHECK_U64(mi.kb[PK_MI_MEMFREE], 9);	/* "MemFree: 9|8765" */
	CHECK(!has(PK_MI_SWAPFREE));		/* past the window */
	free(s);
}

static void
parse_ulong_bounds(void)
{
	const char s[] = "  123456";
	uint64_t v;
	int ok;
	const char *end;

	/* never reads past the end it is given */
	end = pk_parse_ulong(s, s + 5, &v, &ok);
	CHECK(ok && v == 123 && end == s + 5);
	end = pk_parse_ulong(s, s + 2, &v, &ok);
	CHECK(!ok && v == 0 && end == s);
	{
		const char neg[] = "-18446744073709551616";

		pk_parse_ulong(neg, neg + sizeof(neg) - 1, &v, &ok);
		CHECK(ok && v == UINT64_MAX);	/* saturates like strtoul */
	}
}

int
main(void)
{
	TEST(kernel_format);
	TEST(missing_keys);
	TEST(no_trailing_newline);
	TEST(huge_values);
	TEST(negative_values);
	TEST(garbage_lines);
	TEST(empty_and_binary);
	TEST(repeated_and_crlf);
	TEST(big_file);
	TEST(parse_ulong_bounds);
	return DONE();
}
