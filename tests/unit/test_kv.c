/*
 * Unit tests of the shared "Key: value" line parser.
 */
#include "harness.h"
#include "pskit.h"

enum { RSS, SWAP, PSS, NK };
static const struct pk_kv_key keys[] = {
	PK_KV("Rss", RSS), PK_KV("Swap", SWAP), PK_KV("Pss", PSS),
};

static void
status_like(void)
{
	static const char s[] = "Name:\tcat\nRss:   1234 kB\nPss_Anon: 9 kB\n"
	    "Swap:\t\t0 kB\nnocolon 5\nPss:";
	uint64_t v[NK] = { 0 }, has = 0;

	CHECK(pk_kv_parse(s, sizeof(s) - 1, keys, NK, v, &has) == 2);
	CHECK_U64(v[RSS], 1234);
	CHECK_U64(v[SWAP], 0);
	CHECK_U64(has, (1u << RSS) | (1u << SWAP));	/* Pss: has no value */
}

static void
bounded(void)
{
	static const char s[] = "Rss: 12345";
	uint64_t v[NK] = { 0 }, has = 0;

	/* the length, not the NUL, ends the data */
	CHECK(pk_kv_parse(s, 7, keys, NK, v, &has) == 1);
	CHECK_U64(v[RSS], 12);
	CHECK(pk_kv_parse("", 0, keys, NK, v, &has) == 0);
}

static void
find(void)
{
	static const char s[] = "Name:\t a b \nState:\tS (sleeping)\nX";
	const char *val;
	size_t n;

	CHECK(pk_kv_find(s, sizeof(s) - 1, "State", &val, &n) == PK_OK);
	CHECK(n == 12 && memcmp(val, "S (sleeping)", 12) == 0);
	CHECK(pk_kv_find(s, sizeof(s) - 1, "Name", &val, &n) == PK_OK);
	CHECK(n == 4 && memcmp(val, "a b ", 4) == 0);
	CHECK(pk_kv_find(s, sizeof(s) - 1, "X", &val, &n) == PK_ENOENT);
	CHECK(pk_kv_find(s, sizeof(s) - 1, "Nam", &val, &n) == PK_ENOENT);
}

int
main(void)
{
	TEST(status_like);
	TEST(bounded);
	TEST(find);
	return DONE();
}
