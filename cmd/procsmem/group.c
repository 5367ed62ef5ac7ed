/*
 * group.c: procsmem's rows once read.  The rows of the grouped views
 * (mappings by name, users, --by keys) as collect.c hands processes
 * over; then, once per report, smem's sort, the -t totals and prom's
 * per-program and per-user groupings, so that render.c and records.c
 * only read.  Every kB sum goes through the library (pk_smaps_add,
 * pk_kb_add).
 */
#include <stdlib.h>
#include <string.h>

#include "parts.h"

/* FNV-1a of a key; every key-less process shares bucket 0. */
static uint32_t
key_hash(const char *k, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	if (k == NULL)
		return 0;
	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)k[i]) * 16777619u;
	return h;
}

static uint32_t
str_hash(const char *k)
{
	return key_hash(k, k != NULL ? strlen(k) : 0);
}

static int
key_eq(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

/* Twice the buckets when full: grouping stays linear (issue 18 item 9). */
static void
gtab_put(struct gtab *t, struct ent *e)
{
	struct ent **nb, *x, *next;
	size_t i, h, n;

	if (t->n >= t->nb) {
		n = t->nb ? t->nb * 2 : 256;
		nb = xcalloc(n, sizeof(*nb));
		for (i = 0; i < t->nb; i++)
			for (x = t->b[i]; x != NULL; x = next) {
				next = x->next;
				h = str_hash(x->rname) & (n - 1);
				x->next = nb[h];
				nb[h] = x;
			}
		free(t->b);
		t->b = nb;
		t->nb = n;
	}
	h = str_hash(e->rname) & (t->nb - 1);
	e->next = t->b[h];
	t->b[h] = e;
	t->n++;
}

static struct ent *
gtab_find(const struct gtab *t, const char *key)
{
	struct ent *e;

	if (t->nb == 0)
		return NULL;
	for (e = t->b[str_hash(key) & (t->nb - 1)]; e != NULL; e = e->next)
		if (key_eq(e->rname, key))
			return e;
	return NULL;
}

/* A new group row of key (NULL: outside any unit or container). */
static struct ent *
group_new(struct ent *e, const char *key)
{
	e->rname = key != NULL ? xstrndup(key, strlen(key)) : NULL;
	e->name = escape(key != NULL ? key : "-");
	e->exact = 1;
	return e;
}

static void
group_add(struct ent *g, const struct pk_smaps *m, int exact)
{
	g->count++;
	g->exact &= exact;
	pk_smaps_add(&g->m, m);
}

/* Map view: the row of a mapping name, created on first sight. */
struct ent *
group_map(struct report *r, const char *name, size_t len)
{
	uint32_t h = key_hash(name, len) % NELEM(r->hash);
	struct ent *e;

	for (e = r->hash[h]; e != NULL; e = e->next)
		if (strncmp(e->rname, name, len) == 0 &&
		    e->rname[len] == '\0')
			return e;
	e = ent_new(r);
	e->rname = xstrndup(name, len);
	e->name = escape(e->rname);
	e->exact = 1;
	e->next = r->hash[h];
	r->hash[h] = e;
	return e;
}

/* --by: p joins the row of its key (pod: the key's pod UID or NULL). */
void
group_by_key(struct report *r, const char *key, const char *pod,
    const struct pk_pmem *p)
{
	struct ent *e;

	if ((e = gtab_find(&r->groups, key)) == NULL) {
		e = group_new(ent_new(r), key);
		if (pod != NULL)
			e->pod = xstrndup(pod, strlen(pod));
		gtab_put(&r->groups, e);
	}
	group_add(e, &p->mem, p->exact);
}

/* -u: p joins the row of its uid (user: the name shown). */
void
group_by_user(struct report *r, const char *user, const struct pk_pmem *p)
{
	struct ent *e;
	char uid[16];

	snprintf(uid, sizeof(uid), "%u", p->uid);
	if ((e = gtab_find(&r->groups, uid)) == NULL) {
		e = ent_new(r);
		e->rname = xstrndup(uid, strlen(uid));
		e->uid = p->uid;
		e->user = (char *)user;
		e->exact = 1;
		gtab_put(&r->groups, e);
	}
	group_add(e, &p->mem, p->exact);
}

/* smem sorts (key, row) tuples: the key, then the shown columns. */
struct order {
	const struct report	*r;
	const struct field	*key, **cols;
	size_t			 nc;
};

static int
ent_cmp(const struct order *s, const struct ent *a, const struct ent *b)
{
	size_t i;
	int c;

	c = val_cmp(getv(s->r, a, s->key->id), getv(s->r, b, s->key->id));
	for (i = 0; c == 0 && i < s->nc; i++)
		c = val_cmp(getv(s->r, a, s->cols[i]->id),
		    getv(s->r, b, s->cols[i]->id));
	return s->r->o->reverse ? -c : c;
}

/*
 * A stable merge sort with its context as an argument (qsort_r is not
 * in mingw): rows that compare equal keep the order they were read in,
 * as glibc's qsort (a merge sort) kept them.
 */
static void
merge_sort(const struct order *s, struct ent **a, struct ent **tmp, size_t n)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	merge_sort(s, a, tmp, h);
	merge_sort(s, a + h, tmp, n - h);
	while (i < h && j < n)
		tmp[k++] = ent_cmp(s, a[j], a[i]) < 0 ? a[j++] : a[i++];
	while (i < h)
		tmp[k++] = a[i++];
	memcpy(a, tmp, k * sizeof(*a));
}

static void
sort_rows(struct report *r, const struct field *key,
    const struct field **cols, size_t nc)
{
	struct order s = { r, key, cols, nc };
	struct ent **tmp;

	if (r->n < 2)
		return;
	tmp = xcalloc(r->n, sizeof(*tmp));
	merge_sort(&s, r->ents, tmp, r->n);
	free(tmp);
}

static int
val_qcmp(const void *a, const void *b)
{
	return val_cmp(*(const struct val *)a, *(const struct val *)b);
}

/* How many different values field id has over the rows (sorted, O(n log n)). */
static int64_t
distinct(const struct report *r, int id)
{
	struct val *v = xcalloc(r->n + 1, sizeof(*v));
	int64_t n = 0;
	size_t i;

	for (i = 0; i < r->n; i++)
		v[i] = getv(r, r->ents[i], id);
	if (r->n > 0)	/* a count: the order of equal values is moot */
		qsort(v, r->n, sizeof(*v), val_qcmp);
	for (i = 0; i < r->n; i++)
		n += i == 0 || val_cmp(v[i - 1], v[i]) != 0;
	free(v);
	return n;
}

/* text -t: smem's totals row, as values of each column. */
static struct val
total_of(const struct report *r, const struct field *f)
{
	struct val v = { NULL, 0 };
	size_t i;

	switch (f->total) {
	case T_EMPTY:
		v.s = "";
		break;
	case T_ROWS:
		v.n = (int64_t)r->n;
		break;
	case T_DISTINCT:
		v.n = distinct(r, f->id);
		break;
	default:
		for (i = 0; i < r->n; i++)
			v.n = pk_kb_add(v.n, getv(r, r->ents[i], f->id).n);
		break;
	}
	return v;
}

/* tsv/json -t: every row's values summed, no key. */
static void
total_row(struct report *r)
{
	struct ent *t = &r->total;
	size_t i;
	int charged = r->n > 0;

	memset(t, 0, sizeof(*t));
	t->exact = 1;
	for (i = 0; i < r->n; i++) {
		const struct ent *e = r->ents[i];

		pk_smaps_add(&t->m, &e->m);
		t->exact &= e->exact;
		t->count += e->count;
		t->pids += e->pids;
		t->used += e->used;
		t->cache += e->cache;
		t->noncache += e->noncache;
		t->charged += e->charged;
		charged &= e->has_charged;
	}
	t->has_charged = charged;
}

/* prom, process view: the program and the user groupings (linear). */
static void
prom_groupings(struct report *r)
{
	struct gtab gp = { 0 }, gu = { 0 };
	struct ent **gs = xcalloc(2 * r->n + 1, sizeof(*gs)), *g;
	char buf[32];
	size_t i, ng = 0;

	for (i = 0; i < r->n; i++) {
		const struct ent *e = r->ents[i];
		const char *u = user_text(r, e, buf, sizeof(buf));

		if ((g = gtab_find(&gp, e->rname)) == NULL) {
			g = gs[ng++] = group_new(xcalloc(1, sizeof(*g)),
			    e->rname);
			gtab_put(&gp, g);
		}
		group_add(g, &e->m, e->exact);
		if ((g = gtab_find(&gu, u)) == NULL) {
			g = gs[ng++] = group_new(xcalloc(1, sizeof(*g)), u);
			g->by_user = 1;
			gtab_put(&gu, g);
		}
		group_add(g, &e->m, e->exact);
	}
	r->pgroups = gs;
	r->npgroups = ng;
	free(gp.b);
	free(gu.b);
}

/*
 * After collect: the rows in smem's order (sort, or RSS where the kernel
 * gave no PSS and -s was not given), then what -t and prom show.
 */
void
group_finish(struct report *r, const struct field *sort,
    const struct field **cols, size_t nc)
{
	const struct opts *o = r->o;
	size_t i;

	if (r->no_pss && o->sort == NULL)
		sort = find_field(r->fields, "rss");
	sort_rows(r, sort, cols, nc);
	if (o->totals && o->fmt == PK_OUT_TEXT) {
		r->totals = xcalloc(nc + 1, sizeof(*r->totals));
		for (i = 0; i < nc; i++)
			r->totals[i] = total_of(r, cols[i]);
	} else if (o->totals && o->fmt != PK_OUT_PROM)
		total_row(r);
	if (o->fmt == PK_OUT_PROM && o->view == V_PROC)
		prom_groupings(r);
}
