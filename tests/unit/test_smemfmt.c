/*
 * Unit tests of smem's amount formats, -R sizes and the UTF-8 helpers.
 * Expected strings were printed by smem 1.5's own units(), showamount()
 * and fromunits() under python3 for the same inputs.
 */
#include <stdlib.h>

#include "harness.h"
#include "pskit.h"
#include "pskit/fmt.h"

static void
units(void)
{
	static const struct { int64_t kb; const char *want; } t[] = {
		{ 0, "0" }, { 1, "1.0K" }, { 1012, "1012.0K" }, { 1023, "1023.0K" },
		{ 1024, "1.0M" }, { 11674, "11.4M" }, { 1048525, "1024.0M" },
		{ 24000000, "22.9G" }, { 5368709120LL, "5.0T" },
		{ 1099511627776LL, "1.0T" },	/* smem has no P */
	};
	char buf[32];
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		pk_smem_units(t[i].kb, buf, sizeof(buf));
		CHECK_STR(buf, t[i].want);
	}
}

static void
percent(void)
{
	char buf[32];

	pk_smem_percent(1, 24683656, buf, sizeof(buf));
	CHECK_STR(buf, "0.00%");
	pk_smem_percent(12345, 24683656, buf, sizeof(buf));
	CHECK_STR(buf, "0.05%");
	pk_smem_percent(24683656, 24683656, buf, sizeof(buf));
	CHECK_STR(buf, "100.00%");
	pk_smem_percent(5, 0, buf, sizeof(buf));
	CHECK_STR(buf, "N/A");
}

static void
sizes(void)
{
	double kb = -1;

	CHECK(pk_smem_size_kb("1024M", &kb) == PK_OK && kb == 1048576.0);
	CHECK(pk_smem_size_kb("2G", &kb) == PK_OK && kb == 2097152.0);
	CHECK(pk_smem_size_kb("1.5kB", &kb) == PK_OK && kb == 1.5);
	CHECK(pk_smem_size_kb("8GB", &kb) == PK_OK && kb == 8388608.0);
	CHECK(pk_smem_size_kb("1T", &kb) == PK_OK && kb == 1073741824.0);
	CHECK(pk_smem_size_kb("3K", &kb) == PK_OK && kb == 3.0);
	CHECK(pk_smem_size_kb("12", &kb) == PK_EPARSE);
	CHECK(pk_smem_size_kb("M", &kb) == PK_EPARSE);
	CHECK(pk_smem_size_kb("x1M", &kb) == PK_EPARSE);
	CHECK(pk_smem_size_kb("", &kb) == PK_EPARSE);
}

static void
utf8(void)
{
	char *e;

	CHECK_U64(pk_utf8_len("abc"), 3);
	CHECK_U64(pk_utf8_len("h\xc3\xa9llo \xe6\x97\xa5"), 7);
	CHECK_U64(pk_utf8_prefix("h\xc3\xa9llo", 2), 3);
	CHECK_U64(pk_utf8_prefix("ab", 5), 2);
	e = pk_smem_escape("a\tb\nc\\d \x01 \xc3\xa9 \xff");
	CHECK_STR(e, "a\\011b\\012c\\d \\001 \xc3\xa9 \\377");
	free(e);
	e = pk_smem_escape("\xe6\x97");		/* truncated sequence */
	CHECK_STR(e, "\\346\\227");
	free(e);
}

int
main(void)
{
	TEST(units);
	TEST(percent);
	TEST(sizes);
	TEST(utf8);
	return DONE();
}
