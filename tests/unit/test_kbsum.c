/*
 * Unit tests of the library's kB sums: pk_kb_add holds a sum at the
 * ceiling every kB value has (2^53), pk_kb_per divides as smem's map
 * view averages (int(total / pids), reference/procsmem.md).
 */
#include "harness.h"
#include "pskit.h"

static void
kb_add(void)
{
	int64_t s = 0;
	int i;

	CHECK(pk_kb_add(0, 0) == 0);
	CHECK(pk_kb_add(40, 2) == 42);
	CHECK(pk_kb_add(PK_KB_MAX - 1, 1) == PK_KB_MAX);
	CHECK(pk_kb_add(PK_KB_MAX - 1, 2) == PK_KB_MAX);
	CHECK(pk_kb_add(PK_KB_MAX, PK_KB_MAX) == PK_KB_MAX);
	CHECK(pk_kb_add(0, INT64_MAX) == PK_KB_MAX);
	/* smem's system areas: negative rows add as they are */
	CHECK(pk_kb_add(10, -25) == -15);
	CHECK(pk_kb_add(-PK_KB_MAX, -PK_KB_MAX) == -2 * PK_KB_MAX);
	CHECK(pk_kb_add(-5, PK_KB_MAX) == PK_KB_MAX - 5);
	/* 100,000 processes of 2^53 kB: held, never wrapped */
	for (i = 0; i < 100000; i++)
		s = pk_kb_add(s, PK_KB_MAX);
	CHECK(s == PK_KB_MAX);
	CHECK((uint64_t)s * 1024 / 1024 == (uint64_t)PK_KB_MAX);
}

static void
kb_per(void)
{
	CHECK(pk_kb_per(10, 3) == 3);
	CHECK(pk_kb_per(10, 0) == 10);
	CHECK(pk_kb_per(10, -4) == 10);
	CHECK(pk_kb_per(0, 7) == 0);
	CHECK(pk_kb_per(PK_KB_MAX, 2) == PK_KB_MAX / 2);
}

int
main(void)
{
	TEST(kb_add);
	TEST(kb_per);
	return DONE();
}
