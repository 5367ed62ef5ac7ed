/*
 * libFuzzer entry point for the incremental smaps parser: the input is
 * fed in chunks whose sizes come from its first bytes, and every
 * mapping handed out, the sums and the grouping must equal the parse of
 * the whole buffer.  Build with `make fuzz CC=clang`.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A running hash of every mapping seen: name, anon flag and fields. */
static int
fold(void *arg, const struct pk_vma *v)
{
	uint64_t *h = arg;
	size_t i;
	int k;

	for (i = 0; i < v->namelen; i++)
		*h = (*h ^ (unsigned char)v->name[i]) * 1099511628211u;
	*h = (*h ^ (uint64_t)v->anon) * 1099511628211u;
	for (k = 0; k < PK_SM_NKEYS; k++)
		*h = (*h ^ v->v.kb[k]) * 1099511628211u;
	return (int)(*h & 1);
}

static void
chunked(const char *b, size_t len, const uint8_t *sizes, size_t nsizes,
    pk_vma_fn fn, void *arg, struct pk_smaps *out)
{
	struct pk_smaps_parser ps;
	size_t at = 0, i = 0, n;

	pk_smaps_begin(&ps, fn, arg);
	while (at < len) {
		n = nsizes > 0 ? (size_t)sizes[i++ % nsizes] : len;
		if (n == 0) {		/* an empty chunk, then one byte */
			pk_smaps_feed(&ps, b + at, 0);
			n = 1;
		}
		if (n > len - at)
			n = len - at;
		pk_smaps_feed(&ps, b + at, n);
		at += n;
	}
	pk_smaps_end(&ps, out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *sizes = data;
	size_t nsizes = size > 0 ? data[0] % 8 : 0, i;
	struct pk_smaps whole, cut;
	struct pk_pmap_group g;
	struct pk_pmap *m1, *m2;
	uint64_t h1 = 14695981039346656037u, h2 = h1;
	size_t n1, n2;
	const char *b;

	if (size < 1 + nsizes)
		return 0;
	sizes = data + 1;
	b = (const char *)data + 1 + nsizes;
	size -= 1 + nsizes;
	pk_smaps_parse(b, size, &whole, fold, &h1);
	chunked(b, size, sizes, nsizes, fold, &h2, &cut);
	if (h1 != h2 || memcmp(&whole, &cut, sizeof(whole)) != 0)
		abort();
	/* grouped: the same groups in the same order */
	if (pk_smaps_group_parse(b, size, &m1, &n1) != PK_OK)
		return 0;
	memset(&g, 0, sizeof(g));
	chunked(b, size, sizes, nsizes, pk_pmap_group_add, &g, &cut);
	pk_pmap_group_take(&g, &m2, &n2);
	if (n1 != n2)
		abort();
	for (i = 0; i < n1; i++)
		if (strcmp(m1[i].path, m2[i].path) != 0 || m1[i].rss != m2[i].rss ||
		    m1[i].anonymous != m2[i].anonymous)
			abort();
	pk_pmaps_free(m1, n1);
	pk_pmaps_free(m2, n2);
	return 0;
}
