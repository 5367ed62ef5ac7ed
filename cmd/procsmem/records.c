/*
 * records.c: procsmem's tsv, json and prom output through the library's
 * writer.  Each view's columns; -c keeps some of them; -t adds a "kind"
 * and the total row group.c summed; prom has one family set per grouping
 * (pskit-prom(7)).  The report is read, never changed.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parts.h"

/* Structured records of each view (bytes; prom aggregates, see below). */
#define OB(k, h)	{ k, PK_OUT_U64, PK_OUT_GAUGE, "bytes", h }
static const struct pk_out_col proc_cols[] = {
	{ "pid", PK_OUT_U64, PK_OUT_INFO, NULL, "Process ID" },
	{ "user", PK_OUT_STR, PK_OUT_LABEL, NULL, "Owner" },
	{ "command", PK_OUT_STR, PK_OUT_INFO, NULL, "Command line" },
	{ "name", PK_OUT_STR, PK_OUT_LABEL, NULL, "Process name" },
	OB("swap", "Swap (ignoring sharing)"),
	OB("swap_pss", "Proportional swap"),
	OB("uss", "Unique set size"),
	OB("pss", "Proportional set size"),
	OB("rss", "Resident set size"),
	OB("vss", "Virtual set size"),
	{ "maps", PK_OUT_U64, PK_OUT_GAUGE, NULL, "Mappings" },
};
static const struct pk_out_col user_cols[] = {
	{ "user", PK_OUT_STR, PK_OUT_LABEL, NULL, "User" },
	{ "count", PK_OUT_U64, PK_OUT_GAUGE, NULL, "Processes" },
	OB("swap", "Swap (ignoring sharing)"),
	OB("swap_pss", "Proportional swap"),
	OB("uss", "Unique set size"),
	OB("pss", "Proportional set size"),
	OB("rss", "Resident set size"),
	OB("vss", "Virtual set size"),
};
static const struct pk_out_col map_cols[] = {
	{ "map", PK_OUT_STR, PK_OUT_LABEL, NULL, "Mapping name" },
	{ "count", PK_OUT_U64, PK_OUT_GAUGE, NULL, "Mappings" },
	{ "pids", PK_OUT_U64, PK_OUT_GAUGE, NULL, "Processes mapping it" },
	OB("swap", "Swap (ignoring sharing)"),
	OB("swap_pss", "Proportional swap"),
	OB("uss", "Unique set size"),
	OB("pss", "Proportional set size"),
	OB("rss", "Resident set size"),
	OB("vss", "Virtual set size"),
};
static const struct pk_out_col sys_cols[] = {
	{ "area", PK_OUT_STR, PK_OUT_LABEL, NULL, "Memory area" },
	{ "used", PK_OUT_I64, PK_OUT_GAUGE, "bytes", "Area in use" },
	{ "cache", PK_OUT_I64, PK_OUT_GAUGE, "bytes", "Area used as reclaimable cache" },
	{ "noncache", PK_OUT_I64, PK_OUT_GAUGE, "bytes", "Area not reclaimable" },
};
#undef OB

/*
 * Structured columns of one run: the view's table, with -t a "kind"
 * first, with -c only the keys it names (tsv, json).  prom has one
 * family set per grouping, named <grouping>_<value> (pskit-prom(7)).
 */
static void
cs_add(struct colset *cs, const char *pre, const char *key,
    enum pk_out_type t, enum pk_out_kind kind, const char *unit, const char *help)
{
	size_t i = cs->n++;

	if (pre != NULL)
		snprintf(cs->keys[i], sizeof(cs->keys[i]), "%s_%s", pre, key);
	else
		strlcpy(cs->keys[i], key, sizeof(cs->keys[i]));
	cs->all[i].key = cs->keys[i];
	cs->all[i].type = t;
	cs->all[i].kind = kind;
	cs->all[i].unit = unit;
	cs->all[i].help = help;
}

static void
cs_table(struct colset *cs, const struct pk_out_col *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		cs_add(cs, NULL, c[i].key, c[i].type, c[i].kind, c[i].unit,
		    c[i].help);
}

/* processes, swap, uss, pss, rss of one grouping, for prom. */
static void
cs_sums(struct colset *cs, const char *pre, const char *what)
{
	static const char *const k[] = { "swap", "uss", "pss", "rss" };
	static const char *const h[] = { "Swap (ignoring sharing)",
		"Unique set size", "Proportional set size",
		"Resident set size (ignoring sharing)" };
	size_t i;

	cs_add(cs, pre, "processes", PK_OUT_U64, PK_OUT_GAUGE, NULL, what);
	for (i = 0; i < 4; i++)
		cs_add(cs, pre, k[i], PK_OUT_U64, PK_OUT_GAUGE, "bytes", h[i]);
}

static const char *
group_key_name(const struct opts *o)
{
	return o->view == V_USER ? "user" : o->view == V_MAP ? "map" :
	    by_names[o->by];
}

static void
cs_prom(struct colset *cs, const struct opts *o)
{
	const char *k = group_key_name(o);

	if (o->view == V_SYS)
		cs_table(cs, sys_cols, NELEM(sys_cols));
	else if (o->view == V_PROC) {
		cs_add(cs, NULL, "program", PK_OUT_STR, PK_OUT_LABEL, NULL, NULL);
		cs_add(cs, NULL, "user", PK_OUT_STR, PK_OUT_LABEL, NULL, NULL);
		cs_sums(cs, "program", "Processes per program (process name)");
		cs_sums(cs, "user", "Processes per user");
	} else {
		cs_add(cs, NULL, k, PK_OUT_STR, PK_OUT_LABEL, NULL, NULL);
		if (o->by == BY_CONTAINER)
			cs_add(cs, NULL, "pod", PK_OUT_STR, PK_OUT_LABEL, NULL, NULL);
		if (o->view == V_MAP)
			cs_add(cs, k, "mappings", PK_OUT_U64, PK_OUT_GAUGE, NULL,
			    "Mappings of this name");
		cs_sums(cs, k, "Processes in the group");
		if (o->by == BY_CGROUP)
			cs_add(cs, k, "memory_current", PK_OUT_U64, PK_OUT_GAUGE,
			    "bytes", "memory.current (v1: memory.usage_in_bytes)"
			    " of the cgroup");
	}
}

static void
cs_records(struct colset *cs, const struct opts *o)
{
	static const struct { const struct pk_out_col *c; size_t n; } t[] = {
		{ proc_cols, NELEM(proc_cols) }, { user_cols, NELEM(user_cols) },
		{ map_cols, NELEM(map_cols) }, { sys_cols, NELEM(sys_cols) },
	};

	if (o->totals)
		cs_add(cs, NULL, "kind", PK_OUT_STR, PK_OUT_INFO, NULL, NULL);
	if (o->view != V_GROUP) {
		cs_table(cs, t[o->view].c, t[o->view].n);
		return;
	}
	cs_add(cs, NULL, by_names[o->by], PK_OUT_STR, PK_OUT_LABEL, NULL, NULL);
	if (o->by == BY_CONTAINER)
		cs_add(cs, NULL, "pod", PK_OUT_STR, PK_OUT_LABEL, NULL, NULL);
	/* user_cols from "count" on: the same sums */
	cs_table(cs, user_cols + 1, NELEM(user_cols) - 1);
	if (o->by == BY_CGROUP)
		cs_add(cs, NULL, "memory_current", PK_OUT_U64, PK_OUT_GAUGE, "bytes",
		    NULL);
}

void
cs_build(struct colset *cs, const struct opts *o)
{
	size_t i;

	memset(cs, 0, sizeof(*cs));
	if (o->fmt == PK_OUT_PROM)
		cs_prom(cs, o);
	else
		cs_records(cs, o);
	for (i = 0; i < cs->n; i++) {
		cs->keep[i] = o->fmt == PK_OUT_PROM || o->columns == NULL ||
		    *o->columns == '\0' || strcmp(cs->keys[i], "kind") == 0 ||
		    word_in(o->columns, cs->keys[i]);
		if (cs->keep[i])
			cs->oc[cs->nkept++] = cs->all[i];
	}
}

/* One record through the column set: values of dropped columns vanish. */
struct rec {
	struct pk_out		*w;
	const struct colset	*cs;
	size_t			 i;
};

static int
rec_keep(struct rec *rc)
{
	return rc->cs->keep[rc->i++];
}

static void
rec_u64(struct rec *rc, uint64_t v)
{
	if (rec_keep(rc))
		pk_out_u64(rc->w, v);
}

static void
rec_i64(struct rec *rc, int64_t v)
{
	if (rec_keep(rc))
		pk_out_i64(rc->w, v);
}

static void
rec_str(struct rec *rc, const char *s)
{
	if (rec_keep(rc))
		pk_out_str(rc->w, s);
}

static void
rec_null(struct rec *rc)
{
	if (rec_keep(rc))
		pk_out_null(rc->w);
}

/* kB to bytes, or null where the source did not give the field. */
static void
rec_kb(struct rec *rc, const struct pk_smaps *m, int key, int known)
{
	if (known && (key == PK_SM_SIZE || (m->has & (1u << key))))
		rec_u64(rc, m->kb[key] * 1024);
	else
		rec_null(rc);
}

static void
rec_uss(struct rec *rc, const struct report *r, const struct ent *e)
{
	/* Windows: no USS where QueryWorkingSetEx was refused */
	if (e->m.has & (1u << PK_SM_PRIVATE_CLEAN | 1u << PK_SM_PRIVATE_DIRTY |
	    1u << PK_SM_PRIVATE_HUGETLB))
		rec_u64(rc, pk_smaps_uss(&e->m, r->o->hugetlb) * 1024);
	else
		rec_null(rc);
}

static void
rec_mem(struct rec *rc, const struct report *r, const struct ent *e)
{
	rec_kb(rc, &e->m, PK_SM_SWAP, 1);
	rec_kb(rc, &e->m, PK_SM_SWAPPSS, 1);
	rec_uss(rc, r, e);
	rec_kb(rc, &e->m, PK_SM_PSS, 1);
	rec_kb(rc, &e->m, PK_SM_RSS, 1);
	rec_kb(rc, &e->m, PK_SM_SIZE, e->exact);
}

/* prom: processes, swap, uss, pss, rss of a group (nulls: not this one). */
static void
rec_sums(struct rec *rc, const struct report *r, const struct ent *g,
    int64_t procs)
{
	if (g == NULL) {
		for (procs = 0; procs < 5; procs++)
			rec_null(rc);
		return;
	}
	rec_u64(rc, (uint64_t)procs);
	rec_kb(rc, &g->m, PK_SM_SWAP, 1);
	rec_uss(rc, r, g);
	rec_kb(rc, &g->m, PK_SM_PSS, 1);
	rec_kb(rc, &g->m, PK_SM_RSS, 1);
}

static const char *const kind_names[] = { "process", "user", "map", "area",
	"group" };

/* One tsv/json record; total: the -t row (keys null, values summed). */
static void
record(struct rec *rc, const struct report *r, const struct ent *e,
    int total)
{
	char buf[32];

	pk_out_record_begin(rc->w);
	rc->i = 0;
	if (r->o->totals)
		rec_str(rc, total ? "total" : kind_names[r->o->view]);
	switch (r->o->view) {
	case V_PROC:
		if (total)
			rec_null(rc);
		else
			rec_u64(rc, (uint64_t)e->pid);
		rec_str(rc, total ? NULL : user_text(r, e, buf, sizeof(buf)));
		rec_str(rc, e->rcommand);
		rec_str(rc, e->rname);
		rec_mem(rc, r, e);
		if (e->exact)
			rec_u64(rc, e->m.maps);
		else
			rec_null(rc);
		break;
	case V_USER:
		rec_str(rc, total ? NULL : user_text(r, e, buf, sizeof(buf)));
		rec_u64(rc, (uint64_t)e->count);
		rec_mem(rc, r, e);
		break;
	case V_MAP:
		rec_str(rc, e->rname);
		rec_u64(rc, (uint64_t)e->count);
		rec_u64(rc, (uint64_t)e->pids);
		rec_mem(rc, r, e);
		break;
	case V_GROUP:
		rec_str(rc, e->rname);
		if (r->o->by == BY_CONTAINER)
			rec_str(rc, e->pod);
		rec_u64(rc, (uint64_t)e->count);
		rec_mem(rc, r, e);
		if (r->o->by != BY_CGROUP)
			break;
		if (e->has_charged)
			rec_u64(rc, e->charged);
		else
			rec_null(rc);
		break;
	default:
		rec_str(rc, e->name);
		rec_i64(rc, e->used * 1024);
		rec_i64(rc, e->cache * 1024);
		rec_i64(rc, e->noncache * 1024);
		break;
	}
	pk_out_record_end(rc->w);
}

/* prom, process view: the program and the user groupings (group.c). */
static void
prom_default(struct rec *rc, const struct report *r)
{
	size_t i;

	for (i = 0; i < r->npgroups; i++) {
		const struct ent *g = r->pgroups[i];

		pk_out_record_begin(rc->w);
		rc->i = 0;
		rec_str(rc, g->by_user ? NULL : g->rname);
		rec_str(rc, g->by_user ? g->rname : NULL);
		rec_sums(rc, r, g->by_user ? NULL : g, g->count);
		rec_sums(rc, r, g->by_user ? g : NULL, g->count);
		pk_out_record_end(rc->w);
	}
}

/* prom, a grouped view: one family set named after the grouping. */
static void
prom_groups(struct rec *rc, const struct report *r)
{
	char buf[32];
	size_t i;

	for (i = 0; i < r->n; i++) {
		const struct ent *e = r->ents[i];

		pk_out_record_begin(rc->w);
		rc->i = 0;
		if (r->o->view == V_USER)
			rec_str(rc, user_text(r, e, buf, sizeof(buf)));
		else
			rec_str(rc, e->rname);
		if (r->o->by == BY_CONTAINER)
			rec_str(rc, e->pod);
		if (r->o->view == V_MAP)
			rec_u64(rc, (uint64_t)e->count);
		rec_sums(rc, r, e, r->o->view == V_MAP ? e->pids : e->count);
		if (r->o->by == BY_CGROUP) {
			if (e->has_charged)
				rec_u64(rc, e->charged);
			else
				rec_null(rc);
		}
		pk_out_record_end(rc->w);
	}
}

/* The records of one sample. */
void
emit_records(struct pk_out *w, const struct report *r, const struct colset *cs)
{
	struct rec rc = { w, cs, 0 };
	size_t i;

	if (r->o->fmt == PK_OUT_PROM && r->o->view == V_PROC)
		prom_default(&rc, r);
	else if (r->o->fmt == PK_OUT_PROM && r->o->view != V_SYS)
		prom_groups(&rc, r);
	else {
		for (i = 0; i < r->n; i++)
			record(&rc, r, r->ents[i], 0);
		if (r->o->totals && r->o->fmt != PK_OUT_PROM)
			record(&rc, r, &r->total, 1);
	}
}

void
render_out(FILE *fp, const struct report *r, unsigned flags)
{
	struct colset *cs = xcalloc(1, sizeof(*cs));
	struct pk_out w;

	cs_build(cs, r->o);
	if (pk_out_begin(&w, fp, r->o->fmt, flags, "procsmem", cs->oc,
	    cs->nkept) != PK_OK)
		errx(1, "out of memory");
	emit_records(&w, r, cs);
	if (pk_out_end(&w) != PK_OK)
		errx(1, "out of memory");
	free(cs);
}

