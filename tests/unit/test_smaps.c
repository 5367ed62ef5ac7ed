/*
 * Unit tests of the smaps, smaps_rollup and stat parsers of
 * procsmem, and of the derived numbers (USS, smem's system areas).
 */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "pskit.h"

static const char smaps_text[] =
"55d0c0a00000-55d0c0a02000 r--p 00000000 08:01 1234    /usr/bin/my prog (deleted)\n"
"Size:                  8 kB\n"
"KernelPageSize:        4 kB\n"
"Rss:                   8 kB\n"
"Pss:                   3 kB\n"
"Pss_Dirty:             1 kB\n"
"Shared_Clean:          4 kB\n"
"Shared_Dirty:          0 kB\n"
"Private_Clean:         4 kB\n"
"Private_Dirty:         0 kB\n"
"Referenced:            8 kB\n"
"Swap:                  0 kB\n"
"SwapPss:               0 kB\n"
"THPeligible:    0\n"
"VmFlags: rd mr mw me sd\n"
"7f0000000000-7f0000100000 rw-p 00000000 00:00 0 \n"
"Size:               1024 kB\n"
"Rss:                512 kB\n"
"Pss:                512 kB\n"
"Private_Dirty:      500 kB\n"
"Private_Hugetlb:      2048 kB\n"
"Swap:                12 kB\n"
"SwapPss:              6 kB\n"
"7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]\n"
"Size:                132 kB\n"
"Rss:                  16 kB\n"
"Pss:                  16 kB\n"
"Private_Dirty:        16 kB";		/* no final newline */

static const char rollup_text[] =
"5580e1704000-7fff6f20c000 ---p 00000000 00:00 0                          [rollup]\n"
"Rss:                1728 kB\n"
"Pss:                 367 kB\n"
"Pss_Dirty:           112 kB\n"
"Pss_Anon:            112 kB\n"
"Shared_Clean:       1556 kB\n"
"Private_Clean:        60 kB\n"
"Private_Dirty:       112 kB\n"
"Private_Hugetlb:       4 kB\n"
"Swap:                  7 kB\n"
"SwapPss:               3 kB\n";

struct seen {
	int	 n;
	char	 names[4][64];
};

static int
collect(void *arg, const struct pk_vma *v)
{
	struct seen *s = arg;

	if (s->n < 4) {
		memcpy(s->names[s->n], v->name, v->namelen);
		s->names[s->n][v->namelen] = '\0';
	}
	s->n++;
	return strcmp(s->names[s->n - 1], "[stack]") != 0;	/* drop the stack */
}

static void
smaps_sums(void)
{
	struct pk_smaps s;

	CHECK(pk_smaps_parse(smaps_text, sizeof(smaps_text) - 1, &s, NULL,
	    NULL) == PK_OK);
	CHECK_U64(s.maps, 3);
	CHECK_U64(s.kb[PK_SM_SIZE], 8 + 1024 + 132);
	CHECK_U64(s.kb[PK_SM_RSS], 536);
	CHECK_U64(s.kb[PK_SM_PSS], 531);		/* Pss_Dirty not added */
	CHECK_U64(s.kb[PK_SM_SWAP], 12);		/* SwapPss not added */
	CHECK_U64(s.kb[PK_SM_SWAPPSS], 6);
	CHECK_U64(pk_smaps_uss(&s, 0), 4 + 500 + 16);
	CHECK_U64(pk_smaps_uss(&s, 1), 4 + 500 + 16 + 2048);
	CHECK(s.has & (1u << PK_SM_PSS));
}

static void
smaps_names_and_filter(void)
{
	struct pk_smaps s;
	struct seen seen = { 0 };

	pk_smaps_parse(smaps_text, sizeof(smaps_text) - 1, &s, collect, &seen);
	CHECK(seen.n == 3);
	CHECK_STR(seen.names[0], "/usr/bin/my prog (deleted)");
	CHECK_STR(seen.names[1], "<anonymous>");
	CHECK_STR(seen.names[2], "[stack]");
	CHECK_U64(s.maps, 2);
	CHECK_U64(s.kb[PK_SM_RSS], 520);
}

static void
smaps_empty_and_garbage(void)
{
	struct pk_smaps s;
	const char *junk = "Rss: 5 kB\nnot a line\n-:\nSize: x kB\n";

	CHECK(pk_smaps_parse("", 0, &s, NULL, NULL) == PK_OK);
	CHECK_U64(s.maps, 0);
	/* fields before any mapping header belong to no mapping */
	CHECK(pk_smaps_parse(junk, strlen(junk), &s, NULL, NULL) == PK_OK);
	CHECK_U64(s.maps, 0);
	CHECK_U64(s.kb[PK_SM_RSS], 0);
}

static void
rollup(void)
{
	struct pk_smaps s;

	CHECK(pk_smaps_rollup_parse(rollup_text, sizeof(rollup_text) - 1,
	    &s) == PK_OK);
	CHECK_U64(s.kb[PK_SM_RSS], 1728);
	CHECK_U64(s.kb[PK_SM_PSS], 367);
	CHECK_U64(s.kb[PK_SM_SWAP], 7);
	CHECK_U64(s.kb[PK_SM_SWAPPSS], 3);
	CHECK_U64(pk_smaps_uss(&s, 0), 172);
	CHECK_U64(pk_smaps_uss(&s, 1), 176);
	CHECK(!(s.has & (1u << PK_SM_SIZE)));
	CHECK(pk_smaps_rollup_parse("", 0, &s) == PK_EPARSE);
	CHECK(pk_smaps_rollup_parse("garbage\n", 8, &s) == PK_EPARSE);
}

/* USS and sums over many processes are held at 2^53 kB, never wrap. */
static void
smaps_held_sums(void)
{
	const char *t = "Private_Clean: 18446744073709551615 kB\n"
	    "Private_Dirty: 18446744073709551616 kB\n"
	    "Private_Hugetlb: -1 kB\nRss: 99999999999999999999 kB\n";
	struct pk_smaps one, sum;
	int i;

	CHECK(pk_smaps_rollup_parse(t, strlen(t), &one) == PK_OK);
	CHECK_U64(one.kb[PK_SM_RSS], (uint64_t)1 << 53);
	CHECK_U64(pk_smaps_uss(&one, 0), (uint64_t)1 << 53);
	CHECK_U64(pk_smaps_uss(&one, 1), (uint64_t)1 << 53);
	memset(&sum, 0, sizeof(sum));
	for (i = 0; i < 5000; i++)
		pk_smaps_add(&sum, &one);
	CHECK_U64(sum.kb[PK_SM_RSS], (uint64_t)1 << 53);
	CHECK_U64(sum.kb[PK_SM_PRIVATE_DIRTY], (uint64_t)1 << 53);
	CHECK_U64(pk_smaps_uss(&sum, 1) * 1024, (uint64_t)1 << 63);
}

/* Every mapping a parse hands out, as text, to compare two parses. */
struct trace {
	struct pk_buf	 b;
	int		 stop_at;	/* fail with -PK_ENOMEM at this mapping */
	int		 n;
};

static int
trace_vma(void *arg, const struct pk_vma *v)
{
	struct trace *t = arg;
	char num[32];
	int k;

	if (++t->n == t->stop_at)
		return -PK_ENOMEM;
	pk_buf_append(&t->b, v->name, v->namelen);
	pk_buf_append(&t->b, v->anon ? "|a" : "|n", 2);
	for (k = 0; k < PK_SM_NKEYS; k++) {
		snprintf(num, sizeof(num), " %llu",
		    (unsigned long long)v->v.kb[k]);
		pk_buf_append(&t->b, num, strlen(num));
	}
	pk_buf_append(&t->b, "\n", 1);
	return t->n % 3 != 0;	/* skip every third: the sums must agree */
}

/* Parse text cut at the offsets cuts[0..ncuts) (ascending). */
static int
chunked(const char *text, size_t len, const size_t *cuts, size_t ncuts,
    struct pk_smaps *out, struct trace *t)
{
	struct pk_smaps_parser ps;
	size_t i, at = 0;

	pk_smaps_begin(&ps, trace_vma, t);
	for (i = 0; i <= ncuts; i++) {
		size_t to = i < ncuts ? cuts[i] : len;

		pk_smaps_feed(&ps, text + at, to - at);
		at = to;
	}
	return pk_smaps_end(&ps, out);
}

static int
same(const struct pk_smaps *a, const struct trace *ta,
    const struct pk_smaps *b, const struct trace *tb)
{
	return memcmp(a, b, sizeof(*a)) == 0 && ta->b.len == tb->b.len &&
	    (ta->b.len == 0 || memcmp(ta->b.data, tb->b.data, ta->b.len) == 0);
}

/*
 * The stream parser gives the same mappings and sums however the text
 * is cut: at every single offset, at every pair of offsets, and one
 * byte at a time.
 */
static void
smaps_every_split(void)
{
	const char *text = smaps_text;
	size_t len = sizeof(smaps_text) - 1, cuts[2], i, j, *all;
	struct trace whole = { { NULL, 0, 0 }, 0, 0 };
	struct pk_smaps ws, cs;
	int bad = 0;

	CHECK(pk_smaps_parse(text, len, &ws, trace_vma, &whole) == PK_OK);
	CHECK(whole.n == 3 && ws.maps == 2);
	for (i = 0; i <= len && !bad; i++) {
		struct trace t = { { NULL, 0, 0 }, 0, 0 };

		cuts[0] = i;
		chunked(text, len, cuts, 1, &cs, &t);
		bad = !same(&ws, &whole, &cs, &t);
		pk_buf_free(&t.b);
	}
	CHECK(!bad);
	for (i = 0; i <= len && !bad; i += 7)
		for (j = i; j <= len && !bad; j++) {
			struct trace t = { { NULL, 0, 0 }, 0, 0 };

			cuts[0] = i;
			cuts[1] = j;
			chunked(text, len, cuts, 2, &cs, &t);
			bad = !same(&ws, &whole, &cs, &t);
			pk_buf_free(&t.b);
		}
	CHECK(!bad);
	all = calloc(len, sizeof(*all));
	for (i = 0; i < len; i++)
		all[i] = i;
	{
		struct trace t = { { NULL, 0, 0 }, 0, 0 };

		chunked(text, len, all, len, &cs, &t);
		CHECK(same(&ws, &whole, &cs, &t));
		pk_buf_free(&t.b);
	}
	free(all);
	pk_buf_free(&whole.b);
}

/*
 * A 1 MiB mapping name (no kernel writes one, a --procfs tree may) stays
 * whole, however the line is cut.
 */
static void
smaps_long_line(void)
{
	size_t n = 1 << 20, len, i, cuts[2];
	struct trace whole = { { NULL, 0, 0 }, 0, 0 };
	struct pk_smaps ws, cs;
	char *text = malloc(n + 200);
	int bad = 0;

	len = (size_t)sprintf(text, "00400000-00401000 r--p 00000000 08:01 1 /");
	memset(text + len, 'x', n);
	len += n;
	len += (size_t)sprintf(text + len, "\nRss: 4 kB\n"
	    "00500000-00501000 r--p 00000000 08:01 1 /b\nRss: 8 kB\n");
	CHECK(pk_smaps_parse(text, len, &ws, trace_vma, &whole) == PK_OK);
	CHECK_U64(ws.kb[PK_SM_RSS], 12);
	CHECK(memchr(whole.b.data, '|', whole.b.len) == whole.b.data + n + 1);
	for (i = 1; i <= len && !bad; i += 4099) {
		struct trace t = { { NULL, 0, 0 }, 0, 0 };

		cuts[0] = i / 2;
		cuts[1] = i;
		chunked(text, len, cuts, 2, &cs, &t);
		bad = !same(&ws, &whole, &cs, &t);
		pk_buf_free(&t.b);
	}
	CHECK(!bad);
	pk_buf_free(&whole.b);
	free(text);
}

/* A callback's error stops the parse and comes back from feed and end. */
static void
smaps_callback_error(void)
{
	struct trace t = { { NULL, 0, 0 }, 2, 0 };
	struct pk_smaps s;

	CHECK(pk_smaps_parse(smaps_text, sizeof(smaps_text) - 1, &s,
	    trace_vma, &t) == PK_ENOMEM);
	CHECK(t.n == 2);	/* the third mapping never reached it */
	pk_buf_free(&t.b);
}

/* procinfo's grouping: psutil's keys, "[anon]", first appearance order. */
static void
smaps_grouped_hash(void)
{
	struct pk_buf b = { NULL, 0, 0 };
	struct pk_pmap *m;
	char line[160];
	size_t n, i;
	int l;

	/* 5,000 mappings: 800 paths (i % 1000 never 4 mod 5) and anonymous */
	for (i = 0; i < 5000; i++) {
		if (i % 5 == 4)
			l = snprintf(line, sizeof(line), "%zx-%zx rw-p 0 00:00 0"
			    "\nRss: 1 kB\nAnonymous: 1 kB\n", i, i + 1);
		else
			l = snprintf(line, sizeof(line), "%zx-%zx r--p 0 08:01 "
			    "7 /lib/f%zu\nRss: 2 kB\nSize: 4 kB\n", i, i + 1,
			    i % 1000);
		pk_buf_append(&b, line, (size_t)l);
	}
	CHECK(pk_smaps_group_parse(b.data, b.len, &m, &n) == PK_OK);
	CHECK(n == 800 + 1);
	CHECK_STR(m[0].path, "/lib/f0");
	CHECK_STR(m[4].path, "[anon]");
	CHECK_U64(m[4].rss, 1000 * 1024);
	CHECK_U64(m[4].anonymous, 1000 * 1024);
	CHECK_STR(m[5].path, "/lib/f5");
	/* f0 appears at i = 0, 1000 ... 4000 minus the anonymous slots */
	CHECK_U64(m[0].rss, 5 * 2048);
	CHECK_U64(m[0].size, 5 * 4096);
	pk_pmaps_free(m, n);
	pk_buf_free(&b);
}

int
main(void)
{
	TEST(smaps_sums);
	TEST(smaps_names_and_filter);
	TEST(smaps_empty_and_garbage);
	TEST(rollup);
	TEST(smaps_held_sums);
	TEST(smaps_every_split);
	TEST(smaps_long_line);
	TEST(smaps_callback_error);
	TEST(smaps_grouped_hash);
	return DONE();
}
