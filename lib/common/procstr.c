/*
 * procstr.c: pure parsers of the per-process files that hold strings:
 * cmdline (psutil's NUL/space heuristic), environ (psutil's
 * parse_environ_block) and smaps mappings grouped by path (memory_maps
 * grouped; the mappings come from the one smaps parser, smaps.c).
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
pk_penviron_free(struct pk_env *e)
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
pk_pcmdline_parse(const char *buf, size_t len, struct pk_strv *out)
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
pk_penviron_parse(const char *buf, size_t len, struct pk_env *out)
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
		pk_penviron_free(out);
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
		pk_penviron_free(out);
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

/* FNV-1a: the grouping's hash of a path. */
static uint32_t
path_hash(const char *p, size_t l)
{
	uint32_t h = 2166136261u;

	while (l-- > 0)
		h = (h ^ (unsigned char)*p++) * 16777619u;
	return h;
}

/* Double the slot table (load at most one half) and rehash. */
static int
group_grow(struct pk_pmap_group *g)
{
	size_t i, j, ns = g->nslot ? g->nslot * 2 : 64;
	struct pk_pmap_slot *sl;

	if ((sl = calloc(ns, sizeof(*sl))) == NULL)
		return -1;
	for (i = 0; i < g->nslot; i++) {
		if (g->slot[i].idx == 0)
			continue;
		for (j = g->slot[i].h & (ns - 1); sl[j].idx != 0;
		    j = (j + 1) & (ns - 1))
			;
		sl[j] = g->slot[i];
	}
	free(g->slot);
	g->slot = sl;
	g->nslot = ns;
	return 0;
}

/* A new group for path p (l bytes) at slot j; NULL when out of memory. */
static struct pk_smaps *
group_new(struct pk_pmap_group *g, size_t j, uint32_t h, const char *p,
    size_t l)
{
	struct pk_pmap *m;
	struct pk_smaps *sm;
	size_t cap;

	if (g->n == g->cap) {
		cap = g->cap ? g->cap * 2 : 32;
		if ((m = reallocarray(g->v, cap, sizeof(*m))) == NULL)
			return NULL;
		g->v = m;
		if ((sm = reallocarray(g->sum, cap, sizeof(*sm))) == NULL)
			return NULL;
		g->sum = sm;
		g->cap = cap;
	}
	m = &g->v[g->n];
	memset(m, 0, sizeof(*m));
	if ((m->path = malloc(l + 1)) == NULL)
		return NULL;
	memcpy(m->path, p, l);
	m->path[l] = '\0';
	memset(&g->sum[g->n], 0, sizeof(g->sum[g->n]));
	g->slot[j].idx = ++g->n;
	g->slot[j].h = h;
	return &g->sum[g->n - 1];
}

/*
 * psutil memory_maps(grouped=True): sums by path in order of first
 * appearance, "[anon]" for a mapping without one.  A hash of the path
 * finds the group, so 100,000 distinct paths cost linear time.  A
 * pk_vma_fn: -PK_ENOMEM when a group cannot be made.
 */
int
pk_pmap_group_add(void *arg, const struct pk_vma *vma)
{
	struct pk_pmap_group *g = arg;
	const char *p = vma->anon ? "[anon]" : vma->name;
	size_t l = vma->anon ? 6 : vma->namelen, j;
	struct pk_smaps *sm = NULL;
	uint32_t h = path_hash(p, l);

	if (2 * (g->n + 1) > g->nslot && group_grow(g) != 0)
		return -PK_ENOMEM;
	for (j = h & (g->nslot - 1); g->slot[j].idx != 0;
	    j = (j + 1) & (g->nslot - 1)) {
		const char *q = g->v[g->slot[j].idx - 1].path;

		if (g->slot[j].h == h && strncmp(q, p, l) == 0 &&
		    q[l] == '\0') {
			sm = &g->sum[g->slot[j].idx - 1];
			break;
		}
	}
	if (sm == NULL && (sm = group_new(g, j, h, p, l)) == NULL)
		return -PK_ENOMEM;
	pk_smaps_add(sm, &vma->v);
	return 1;
}

/* kB sums (held below 2^53 by pk_smaps_add) to psutil's bytes. */
static void
group_bytes(struct pk_pmap *m, const struct pk_smaps *s)
{
	m->rss = s->kb[PK_SM_RSS] * 1024;
	m->size = s->kb[PK_SM_SIZE] * 1024;
	m->pss = s->kb[PK_SM_PSS] * 1024;
	m->shared_clean = s->kb[PK_SM_SHARED_CLEAN] * 1024;
	m->shared_dirty = s->kb[PK_SM_SHARED_DIRTY] * 1024;
	m->private_clean = s->kb[PK_SM_PRIVATE_CLEAN] * 1024;
	m->private_dirty = s->kb[PK_SM_PRIVATE_DIRTY] * 1024;
	m->referenced = s->kb[PK_SM_REFERENCED] * 1024;
	m->anonymous = s->kb[PK_SM_ANONYMOUS] * 1024;
	m->swap = s->kb[PK_SM_SWAP] * 1024;
}

void
pk_pmap_group_take(struct pk_pmap_group *g, struct pk_pmap **out, size_t *n)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		group_bytes(&g->v[i], &g->sum[i]);
	*out = g->v;
	*n = g->n;
	g->v = NULL;
	g->n = 0;
	pk_pmap_group_free(g);
}

void
pk_pmap_group_free(struct pk_pmap_group *g)
{
	pk_pmaps_free(g->v, g->n);
	free(g->sum);
	free(g->slot);
	memset(g, 0, sizeof(*g));
}

/* The stream parser over one buffer, grouped: for tests and fuzzing. */
int
pk_smaps_group_parse(const char *buf, size_t len, struct pk_pmap **out,
    size_t *n)
{
	struct pk_pmap_group g;
	struct pk_smaps sum;
	int rc;

	memset(&g, 0, sizeof(g));
	*out = NULL;
	*n = 0;
	if ((rc = pk_smaps_parse(buf, len, &sum, pk_pmap_group_add, &g)) !=
	    PK_OK) {
		pk_pmap_group_free(&g);
		return rc;
	}
	pk_pmap_group_take(&g, out, n);
	return PK_OK;
}
