/*
 * procstr.c: pure parsers of the per-process files that hold strings:
 * cmdline (psutil's NUL/space heuristic), environ (psutil's
 * parse_environ_block) and smaps grouped by path (memory_maps grouped).
 * reference/procinfo.md §5, §7.
 */
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

void
pk_strv_free(struct pk_strv *sv)
{
	free(sv->v);
	free(sv->store);
	memset(sv, 0, sizeof(*sv));
}

void
pk_env_free(struct pk_env *e)
{
	free(e->key);
	free(e->val);
	free(e->store);
	memset(e, 0, sizeof(*e));
}

/*
 * psutil 5.9.4 _pslinux.py cmdline(): empty -> []; the separator is NUL
 * when the data ends with NUL, else space; one trailing separator is
 * dropped; a NUL-separated single argument holding a space is split on
 * spaces (setproctitle, #1179).  Empty arguments are kept.
 */
int
pk_cmdline_parse(const char *buf, size_t len, struct pk_strv *out)
{
	char sep, *s;
	size_t i, n;

	memset(out, 0, sizeof(*out));
	if (len == 0)
		return PK_OK;
	sep = buf[len - 1] == '\0' ? '\0' : ' ';
	if (buf[len - 1] == sep)
		len--;
	if ((out->store = malloc(len + 1)) == NULL)
		return PK_ENOMEM;
	memcpy(out->store, buf, len);
	out->store[len] = '\0';
	if (sep == '\0' && memchr(out->store, '\0', len) == NULL &&
	    memchr(out->store, ' ', len) != NULL)
		sep = ' ';
	for (n = 1, i = 0; i < len; i++)
		if (out->store[i] == sep)
			n++;
	if ((out->v = calloc(n, sizeof(*out->v))) == NULL) {
		pk_strv_free(out);
		return PK_ENOMEM;
	}
	s = out->store;
	out->v[out->n++] = s;
	for (i = 0; i < len; i++) {
		if (s[i] == sep) {
			s[i] = '\0';
			out->v[out->n++] = s + i + 1;
		}
	}
	return PK_OK;
}

static int
env_cmp(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;
	int c = strcmp(x[0], y[0]);

	if (c != 0)
		return c;
	/* stable: keys point into one buffer, in order of appearance */
	return x[0] < y[0] ? -1 : x[0] > y[0];
}

/*
 * psutil parse_environ_block(): entries are NUL-terminated; an empty
 * entry or a missing final NUL ends the block; entries without '=' or
 * starting with '=' are skipped; a repeated key keeps its last value.
 * Keys come back sorted by bytes (procinfo prints them sorted).
 */
int
pk_environ_parse(const char *buf, size_t len, struct pk_env *out)
{
	size_t pos, i, n = 0, cnt = 0;
	char *s, *nul, *eq, **pairs;

	memset(out, 0, sizeof(*out));
	if ((out->store = malloc(len + 1)) == NULL)
		return PK_ENOMEM;
	memcpy(out->store, buf, len);
	out->store[len] = '\0';
	s = out->store;
	for (i = 0; i < len; i++)
		if (s[i] == '\0')
			cnt++;
	if ((pairs = calloc(cnt + 1, 2 * sizeof(*pairs))) == NULL) {
		pk_env_free(out);
		return PK_ENOMEM;
	}
	for (pos = 0; pos < len; pos = (size_t)(nul - s) + 1) {
		nul = memchr(s + pos, '\0', len - pos);
		if (nul == NULL || nul == s + pos)
			break;
		eq = memchr(s + pos, '=', (size_t)(nul - (s + pos)));
		if (eq == NULL || eq == s + pos)
			continue;
		*eq = '\0';
		pairs[2 * n] = s + pos;
		pairs[2 * n + 1] = eq + 1;
		n++;
	}
	if (n > 1)
		qsort(pairs, n, 2 * sizeof(*pairs), env_cmp);
	out->key = calloc(n + 1, sizeof(char *));
	out->val = calloc(n + 1, sizeof(char *));
	if (out->key == NULL || out->val == NULL) {
		free(pairs);
		pk_env_free(out);
		return PK_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		if (i + 1 < n && strcmp(pairs[2 * i], pairs[2 * i + 2]) == 0)
			continue;	/* a later duplicate wins */
		out->key[out->n] = pairs[2 * i];
		out->val[out->n++] = pairs[2 * i + 1];
	}
	free(pairs);
	return PK_OK;
}

void
pk_pmaps_free(struct pk_pmap *m, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(m[i].path);
	free(m);
}

/* Header "addr perms offset dev inode [path]": the path, trimmed. */
static void
smaps_path(const char *p, const char *end, const char **ps, size_t *pl)
{
	int f;

	for (f = 0; f < 5; f++) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		while (p < end && *p != ' ' && *p != '\t')
			p++;
	}
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\r'))
		end--;
	*ps = p;
	*pl = (size_t)(end - p);
}

static struct pk_pmap *
map_find(struct pk_pmap **maps, size_t *n, size_t *cap, const char *p,
    size_t l)
{
	struct pk_pmap *m;
	size_t i;

	if (l == 0)
		p = "[anon]", l = 6;
	for (i = *n; i > 0; i--)
		if (strlen((*maps)[i - 1].path) == l &&
		    memcmp((*maps)[i - 1].path, p, l) == 0)
			return &(*maps)[i - 1];
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		if ((m = reallocarray(*maps, *cap, sizeof(*m))) == NULL)
			return NULL;
		*maps = m;
	}
	m = &(*maps)[*n];
	memset(m, 0, sizeof(*m));
	if ((m->path = malloc(l + 1)) == NULL)
		return NULL;
	memcpy(m->path, p, l);
	m->path[l] = '\0';
	(*n)++;
	return m;
}

static void
map_add(struct pk_pmap *m, const char *k, size_t kl, uint64_t v)
{
	static const char *keys[] = { "Rss", "Size", "Pss", "Shared_Clean",
	    "Shared_Dirty", "Private_Clean", "Private_Dirty", "Referenced",
	    "Anonymous", "Swap" };
	uint64_t *dst[10];
	size_t i;

	dst[0] = &m->rss, dst[1] = &m->size, dst[2] = &m->pss;
	dst[3] = &m->shared_clean, dst[4] = &m->shared_dirty;
	dst[5] = &m->private_clean, dst[6] = &m->private_dirty;
	dst[7] = &m->referenced, dst[8] = &m->anonymous, dst[9] = &m->swap;
	for (i = 0; i < 10; i++)
		if (strlen(keys[i]) == kl && memcmp(keys[i], k, kl) == 0)
			*dst[i] += v * 1024;
}

/*
 * A line whose first token ends in ':' is a "Key: N kB" detail of the
 * current mapping (non-numeric ones such as VmFlags are skipped); any
 * other non-empty line starts a new mapping.
 */
int
pk_smaps_group_parse(const char *buf, size_t len, struct pk_pmap **out,
    size_t *n)
{
	const char *p = buf, *end = buf + len, *nl, *t, *ps;
	struct pk_pmap *cur = NULL;
	size_t cap = 0, pl;
	uint64_t v;
	int ok;

	*out = NULL;
	*n = 0;
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		for (t = p; t < nl && *t != ' ' && *t != '\t'; t++)
			;
		if (t == p)
			continue;
		if (t[-1] == ':') {
			pk_parse_ulong(t, nl, &v, &ok);
			if (ok && cur != NULL)
				map_add(cur, p, (size_t)(t - p - 1), v);
			continue;
		}
		smaps_path(p, nl, &ps, &pl);
		if ((cur = map_find(out, n, &cap, ps, pl)) == NULL) {
			pk_pmaps_free(*out, *n);
			*out = NULL;
			*n = 0;
			return PK_ENOMEM;
		}
	}
	return PK_OK;
}
