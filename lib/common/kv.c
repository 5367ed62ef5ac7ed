/*
 * kv.c: the "Key:   value ..." line parser shared by /proc files such as
 * status, smaps_rollup, io and vmstat-like files.  Keys are matched from a
 * caller's table (PK_KV("VmRSS", IDX) gives the length at compile time),
 * values are read with pk_num_parse().  Lines without a colon, unknown
 * keys and values without digits are skipped; the has-bits say which keys
 * were seen.  /proc/meminfo keeps its own procps-exact tokeniser.
 */
#include <string.h>

#include "pskit.h"

static const struct pk_kv_key *
kv_lookup(const struct pk_kv_key *keys, size_t nkeys, const char *k,
    size_t len)
{
	size_t i;

	for (i = 0; i < nkeys; i++)
		if (keys[i].len == len && memcmp(keys[i].name, k, len) == 0)
			return &keys[i];
	return NULL;
}

int
pk_kv_parse(const char *buf, size_t len, const struct pk_kv_key *keys,
    size_t nkeys, uint64_t *vals, uint64_t *has)
{
	const char *p = buf, *end = buf + len, *eol, *colon;
	const struct pk_kv_key *k;
	uint64_t v;
	int ok, n = 0;

	while (p < end) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		colon = memchr(p, ':', (size_t)(eol - p));
		if (colon != NULL &&
		    (k = kv_lookup(keys, nkeys, p, (size_t)(colon - p))) != NULL) {
			pk_num_parse(colon + 1, eol, &v, &ok);
			if (ok) {
				vals[k->index] = v;
				*has |= (uint64_t)1 << k->index;
				n++;
			}
		}
		p = eol + 1;
	}
	return n;
}

int
pk_kv_find(const char *buf, size_t len, const char *key, const char **val,
    size_t *vlen)
{
	const char *p = buf, *end = buf + len, *eol;
	size_t klen = strlen(key);

	while (p < end) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		if ((size_t)(eol - p) > klen && memcmp(p, key, klen) == 0 &&
		    p[klen] == ':') {
			p += klen + 1;
			while (p < eol && (*p == ' ' || *p == '\t'))
				p++;
			*val = p;
			*vlen = (size_t)(eol - p);
			return PK_OK;
		}
		p = eol + 1;
	}
	return PK_ENOENT;
}
