/*
 * Unit tests of the /proc/meminfo parser (procps' and smem's modes), of
 * free's derived numbers and of smem's system view.
 */
#include <stdlib.h>

#include "harness.h"
#include "pskit.h"

static struct pk_meminfo mi;

static void
parse(const char *s)
{
	CHECK(pk_meminfo_parse(s, strlen(s), 0, &mi) == PK_OK);
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
	CHECK(pk_meminfo_parse(bin, sizeof(bin) - 1, 0, &mi) == PK_OK);
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
	end = pk_num_parse(s, s + 5, &v, &ok);
	CHECK(ok && v == 123 && end == s + 5);
	end = pk_num_parse(s, s + 2, &v, &ok);
	CHECK(!ok && v == 0 && end == s);
	{
		const char neg[] = "-18446744073709551616";

		pk_num_parse(neg, neg + sizeof(neg) - 1, &v, &ok);
		CHECK(ok && v == UINT64_MAX);	/* saturates like strtoul */
	}
}

/* procsmem's reading: the parser in smem's mode, then smem's keys. */
static int
sysmem_parse(const char *s, struct pk_sysmem *m)
{
	struct pk_meminfo raw;

	CHECK(pk_meminfo_parse(s, strlen(s), PK_MEMINFO_SMEM, &raw) == PK_OK);
	return pk_sysmem_from_meminfo(&raw, m);
}

/*
 * Where procps and smem read a malformed file differently, the flag
 * picks smem's way: lines are separate, a key without a number stays
 * unset, a NUL does not end the data, nothing is cut at 8191 bytes.
 */
static void
smem_mode(void)
{
	static const char nul[] = "MemTotal: 42 kB\n\0\nMemFree: 9 kB\n";
	const char *s = "junk\nMemTotal: 5 kB\nMemFree:\n 7 kB\n"
	    "Cached: abc\nAnonPages: 3 kB\nMapped: 2";
	struct pk_meminfo sm;

	/* procps: "junk\nMemTotal" is one key, MemFree's value is the 7 of
	 * the next line, whose rest makes " 7 kB\nCached" a key */
	parse(s);
	CHECK(!has(PK_MI_MEMTOTAL));
	CHECK(has(PK_MI_MEMFREE) && mi.kb[PK_MI_MEMFREE] == 7);
	CHECK(!has(PK_MI_CACHED));
	CHECK_U64(mi.kb[PK_MI_ANONPAGES], 3);
	CHECK(pk_meminfo_parse(s, strlen(s), PK_MEMINFO_SMEM, &sm) == PK_OK);
	CHECK_U64(sm.kb[PK_MI_MEMTOTAL], 5);
	CHECK(!(sm.has & (1u << PK_MI_MEMFREE)));
	CHECK(!(sm.has & (1u << PK_MI_CACHED)));
	CHECK_U64(sm.kb[PK_MI_ANONPAGES], 3);
	CHECK_U64(sm.kb[PK_MI_MAPPED], 2);
	CHECK(pk_meminfo_parse(nul, sizeof(nul) - 1, PK_MEMINFO_SMEM, &sm) ==
	    PK_OK);
	CHECK_U64(sm.kb[PK_MI_MEMFREE], 9);
}

static void
sysmem_areas(void)
{
	const char *text = "MemTotal:       1000 kB\nMemFree:         400 kB\n"
	    "Buffers:          10 kB\nCached:          200 kB\n"
	    "SwapTotal:         0 kB\nAnonPages:       100 kB\n"
	    "Mapped:           50 kB\nSReclaimable:     20 kB\n";
	struct pk_area a[PK_AREAS];
	struct pk_sysmem m;

	CHECK(sysmem_parse(text, &m) == PK_OK);
	pk_sysmem_areas(&m, 1200, 30, a);
	CHECK(a[0].used == 170 && a[0].cache == 0);	/* 1200-1000-30 */
	CHECK(a[1].used == 30);
	CHECK(a[2].used == 1000 - 400 - 150);
	CHECK(a[2].cache == 10 + 20 + (200 - 50));
	CHECK(a[3].used == 150 && a[3].cache == 50);
	CHECK(a[4].used == 400 && a[4].cache == 400);
	pk_sysmem_areas(&m, 900, 0, a);
	CHECK(a[0].used == 0);				/* never negative */
	CHECK(sysmem_parse("MemFree: 1 kB\n", &m) == PK_EPARSE);
}

/*
 * Numbers at and past 2^64 and negative ones (procsmem -w printed bytes
 * as kB * 1024 in an int64_t: signed overflow, caught by UBSan in
 * tests/bats/procsmem_hostile.bats): every area's bytes must fit.
 */
static void
sysmem_huge(void)
{
	const char *text[] = {
		"MemTotal: 18446744073709551615 kB\nMemFree: 5 kB\n"
		"AnonPages: 18446744073709551616 kB\n"
		"Mapped: 99999999999999999999999 kB\n",
		"MemTotal: -18014398509481984 kB\nMemFree: -1 kB\n"
		"Buffers: -5 kB\nCached: 18446744073709551615 kB\n"
		"SReclaimable: -1 kB\nAnonPages: 1 kB\nMapped: -1 kB\n",
	};
	struct pk_area a[PK_AREAS];
	struct pk_sysmem m;
	size_t i;
	int j;

	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
		CHECK(sysmem_parse(text[i], &m) == PK_OK);
		pk_sysmem_areas(&m, 0, 0, a);
		for (j = 0; j < PK_AREAS; j++) {
			CHECK(a[j].used <= INT64_MAX / 1024 &&
			    a[j].used >= INT64_MIN / 1024);
			CHECK(a[j].cache <= INT64_MAX / 1024 &&
			    a[j].cache >= INT64_MIN / 1024);
			CHECK(a[j].noncache <= INT64_MAX / 1024 &&
			    a[j].noncache >= INT64_MIN / 1024);
		}
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
	TEST(smem_mode);
	TEST(sysmem_areas);
	TEST(sysmem_huge);
	return DONE();
}
