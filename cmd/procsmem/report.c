/*
 * report.c: the leaf every part of procsmem uses: smem's field tables,
 * -c and -s against them, the getter of a row's field, and the rows'
 * allocation.  It calls no other file of procsmem.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parts.h"

const char *const by_names[] = { NULL, "program", "user", "cgroup",
	"unit", "container" };

#define HSWAP	"amount of swap space consumed (ignoring sharing)"
#define HUSS	"unique set size"
#define HRSS	"resident set size (ignoring sharing)"
#define HPSS	"proportional set size (including sharing)"
#define HVSS	"virtual set size (total virtual memory mapped)"

static const struct field proc_fields[] = {
	{ "pid", F_PID, "PID", 5, 0, 0, 0, T_ROWS, "process ID" },
	{ "user", F_USER, "User", 8, 1, 0, 0, T_DISTINCT, "owner of process" },
	{ "name", F_NAME, "Name", 24, 1, 1, 0, T_EMPTY, "name of process" },
	{ "command", F_COMMAND, "Command", 27, 1, 1, 0, T_EMPTY,
	    "process command line" },
	{ "maps", F_MAPS, "Maps", 5, 0, 0, 0, T_SUM, "total number of mappings" },
	{ "swap", F_SWAP, "Swap", 8, 0, 0, 1, T_SUM, HSWAP },
	{ "uss", F_USS, "USS", 8, 0, 0, 1, T_SUM, HUSS },
	{ "rss", F_RSS, "RSS", 8, 0, 0, 1, T_SUM, HRSS },
	{ "pss", F_PSS, "PSS", 8, 0, 0, 1, T_SUM, HPSS },
	{ "vss", F_VSS, "VSS", 8, 0, 0, 1, T_SUM, HVSS },
	{ NULL, 0, NULL, 0, 0, 0, 0, 0, NULL }
};

static const struct field user_fields[] = {
	{ "user", F_USER, "User", 8, 1, 0, 0, T_EMPTY, "user name or ID" },
	{ "count", F_COUNT, "Count", 5, 0, 0, 0, T_SUM, "number of processes" },
	{ "swap", F_SWAP, "Swap", 8, 0, 0, 1, T_SUM,
	    "amount of swapspace consumed (ignoring sharing)" },
	{ "uss", F_USS, "USS", 8, 0, 0, 1, T_SUM, HUSS },
	{ "rss", F_RSS, "RSS", 8, 0, 0, 1, T_SUM, HRSS },
	{ "pss", F_PSS, "PSS", 8, 0, 0, 1, T_SUM, HPSS },
	{ "vss", F_VSS, "VSS", 8, 0, 0, 1, T_SUM, HVSS },
	{ NULL, 0, NULL, 0, 0, 0, 0, 0, NULL }
};

static const struct field map_fields[] = {
	{ "map", F_MAP, "Map", 40, 1, 1, 0, T_ROWS, "mapping name" },
	{ "count", F_COUNT, "Count", 5, 0, 0, 0, T_SUM,
	    "number of mappings found" },
	{ "pids", F_PIDS, "PIDs", 5, 0, 0, 0, T_SUM,
	    "number of PIDs using mapping" },
	{ "swap", F_SWAP, "Swap", 8, 0, 0, 1, T_SUM, HSWAP },
	{ "uss", F_USS, "USS", 8, 0, 0, 1, T_SUM, HUSS },
	{ "rss", F_RSS, "RSS", 8, 0, 0, 1, T_SUM, HRSS },
	{ "pss", F_PSS, "PSS", 8, 0, 0, 1, T_SUM, HPSS },
	{ "vss", F_VSS, "VSS", 8, 0, 0, 1, T_SUM,
	    "virtual set size (total virtual address space mapped)" },
	{ "avgpss", F_AVGPSS, "AVGPSS", 8, 0, 0, 1, T_SUM, "average PSS per PID" },
	{ "avguss", F_AVGUSS, "AVGUSS", 8, 0, 0, 1, T_SUM, "average USS per PID" },
	{ "avgrss", F_AVGRSS, "AVGRSS", 8, 0, 0, 1, T_SUM, "average RSS per PID" },
	{ NULL, 0, NULL, 0, 0, 0, 0, 0, NULL }
};

static const struct field sys_fields[] = {
	{ "order", F_ORDER, "Order", 1, 0, 0, 0, T_EMPTY, "hierarchical order" },
	{ "area", F_AREA, "Area", 24, 1, 0, 0, T_EMPTY, "memory area" },
	{ "used", F_USED, "Used", 10, 0, 0, 1, T_SUM, "area in use" },
	{ "cache", F_CACHE, "Cache", 10, 0, 0, 1, T_SUM,
	    "area used as reclaimable cache" },
	{ "noncache", F_NONCACHE, "Noncache", 10, 0, 0, 1, T_SUM,
	    "area not reclaimable" },
	{ NULL, 0, NULL, 0, 0, 0, 0, 0, NULL }
};

/* --by: the key field first (named by view_fields), pod and charged
 * only where the key has them. */
static const struct field group_template[GROUP_NFIELDS] = {
	{ NULL, F_NAME, NULL, 24, 1, 1, 0, T_EMPTY, "the group" },
	{ "pod", F_POD, "Pod", 36, 1, 0, 0, T_EMPTY, "Kubernetes pod UID" },
	{ "count", F_COUNT, "Count", 5, 0, 0, 0, T_SUM, "number of processes" },
	{ "swap", F_SWAP, "Swap", 8, 0, 0, 1, T_SUM, HSWAP },
	{ "uss", F_USS, "USS", 8, 0, 0, 1, T_SUM, HUSS },
	{ "rss", F_RSS, "RSS", 8, 0, 0, 1, T_SUM, HRSS },
	{ "pss", F_PSS, "PSS", 8, 0, 0, 1, T_SUM, HPSS },
	{ "vss", F_VSS, "VSS", 8, 0, 0, 1, T_SUM, HVSS },
	{ "charged", F_CHARGED, "Charged", 8, 0, 0, 1, T_SUM,
	    "memory charged to the cgroup (memory.current)" },
	{ NULL, 0, NULL, 0, 0, 0, 0, 0, NULL }
};

/* The field table of the view; --by's is built in group[]. */
const struct field *
view_fields(const struct opts *o, struct field group[GROUP_NFIELDS])
{
	static const struct field *const tables[] = { proc_fields,
		user_fields, map_fields, sys_fields };
	static const char *const titles[] = { NULL, "Program", "User",
		"Cgroup", "Unit", "Container" };
	static const int widths[] = { 0, 24, 8, 40, 30, 12 };
	size_t i, j = 0;

	if (o->view != V_GROUP)
		return tables[o->view];
	for (i = 0; i == 0 || group_template[i].key != NULL; i++) {
		if ((group_template[i].id == F_POD && o->by != BY_CONTAINER) ||
		    (group_template[i].id == F_CHARGED && o->by != BY_CGROUP))
			continue;
		group[j++] = group_template[i];
	}
	memset(&group[j], 0, sizeof(group[j]));
	group[0].key = by_names[o->by];
	group[0].title = titles[o->by];
	group[0].width = widths[o->by];
	return group;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if ((p = calloc(n, size)) == NULL)
		err(1, NULL);
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	if ((p = malloc(n + 1)) == NULL)
		err(1, NULL);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
escape(const char *s)
{
	char *e;

	if ((e = pk_smem_escape(s)) == NULL)
		err(1, NULL);
	return e;
}

void
fatal(struct pk_ctx *ctx)
{
	if (ctx->code == PK_ENOTSUP)
		errx(1, "not supported on this system");
	errx(1, "%s", pk_strerror(ctx));
}

const struct field *
find_field(const struct field *f, const char *key)
{
	for (; f->key != NULL; f++)
		if (strcmp(f->key, key) == 0)
			return f;
	return NULL;
}

static int
field_keycmp(const void *a, const void *b)
{
	return strcmp((*(const struct field *const *)a)->key,
	    (*(const struct field *const *)b)->key);
}

/* smem's showfields(): on stdout, then exit status 255. */
void
showfields(const struct field *fields, const char *what, const char *list)
{
	const struct field *sorted[16];
	size_t n = 0, i;

	printf("%s%s\n", what, list);
	printf("known fields:\n");
	for (; fields[n].key != NULL; n++)
		sorted[n] = &fields[n];
	if (n > 0)	/* keys are distinct: qsort's order is the order */
		qsort(sorted, n, sizeof(sorted[0]), field_keycmp);
	for (i = 0; i < n; i++)
		printf("%-8s %s\n", sorted[i]->key, sorted[i]->help);
	fflush(stdout);
	exit(255);
}

/* Is tok one of the space-separated words of list? */
int
word_in(const char *list, const char *tok)
{
	size_t n = strlen(tok);
	const char *p;

	for (p = list; (p = strstr(p, tok)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

/* -c COLUMNS: space-separated field names (smem's str.split()). */
size_t
parse_columns(const struct field *fields, const char *spec,
    const struct field ***out)
{
	const char *sep = " \t\n\r\f\v";
	char *s, *tok, *save = NULL, *bad;
	const struct field **cols, *f;
	size_t n = 0, len = strlen(spec);

	if ((s = strdup(spec)) == NULL)
		err(1, NULL);
	cols = xcalloc(len / 2 + 2, sizeof(*cols));
	bad = xcalloc(len + 2, 1);
	for (tok = strtok_r(s, sep, &save); tok != NULL;
	    tok = strtok_r(NULL, sep, &save)) {
		if ((f = find_field(fields, tok)) != NULL)
			cols[n++] = f;
		else if (!word_in(bad, tok)) {
			if (*bad != '\0')
				strlcat(bad, " ", len + 2);
			strlcat(bad, tok, len + 2);
		}
	}
	free(s);
	if (*bad != '\0')
		showfields(fields, "unknown fields: ", bad);
	free(bad);
	*out = cols;
	return n;
}

int
cols_have(const struct field **cols, size_t n, int id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cols[i]->id == id)
			return 1;
	return 0;
}

struct val
getv(const struct report *r, const struct ent *e, int id)
{
	const uint64_t *kb = e->m.kb;
	struct val v = { NULL, 0 };

	switch (id) {
	case F_PID: case F_ORDER: v.n = e->pid; break;
	case F_USER:
		if (r->o->numeric)
			v.n = e->uid;
		else
			v.s = e->user;
		break;
	case F_NAME: case F_AREA: v.s = e->name; break;
	case F_COMMAND: v.s = e->command; break;
	case F_MAP: v.s = e->name; break;
	case F_MAPS: v.n = (int64_t)e->m.maps; break;
	case F_SWAP: v.n = (int64_t)kb[PK_SM_SWAP]; break;
	case F_USS: v.n = (int64_t)pk_smaps_uss(&e->m, r->o->hugetlb); break;
	case F_RSS: v.n = (int64_t)kb[PK_SM_RSS]; break;
	case F_PSS: v.n = (int64_t)kb[PK_SM_PSS]; break;
	case F_VSS: v.n = (int64_t)kb[PK_SM_SIZE]; break;
	case F_COUNT: v.n = e->count; break;
	case F_PIDS: v.n = e->pids; break;
	case F_AVGPSS: v.n = pk_kb_per((int64_t)kb[PK_SM_PSS], e->pids); break;
	case F_AVGUSS:
		v.n = pk_kb_per((int64_t)pk_smaps_uss(&e->m, r->o->hugetlb),
		    e->pids);
		break;
	case F_AVGRSS: v.n = pk_kb_per((int64_t)kb[PK_SM_RSS], e->pids); break;
	case F_USED: v.n = e->used; break;
	case F_CACHE: v.n = e->cache; break;
	case F_NONCACHE: v.n = e->noncache; break;
	case F_POD: v.s = e->pod != NULL ? e->pod : "-"; break;
	case F_CHARGED:
		if (e->has_charged)
			v.n = (int64_t)(e->charged / 1024);
		else
			v.s = "-";
		break;
	}
	return v;
}

int
val_cmp(struct val a, struct val b)
{
	if (a.s != NULL && b.s != NULL)
		return strcmp(a.s, b.s);
	return (a.n > b.n) - (a.n < b.n);
}

/* The user of a row as shown: the name, or with -n the uid. */
const char *
user_text(const struct report *r, const struct ent *e, char *buf,
    size_t len)
{
	if (!r->o->numeric)
		return e->user;
	snprintf(buf, len, "%u", e->uid);
	return buf;
}

struct ent *
ent_new(struct report *r)
{
	struct ent **ne;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		if ((ne = reallocarray(r->ents, r->cap, sizeof(*ne))) == NULL)
			err(1, NULL);
		r->ents = ne;
	}
	return r->ents[r->n++] = xcalloc(1, sizeof(struct ent));
}

void
report_free(struct report *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->ents[i]->name);
		free(r->ents[i]->command);
		free(r->ents[i]->rname);
		free(r->ents[i]->rcommand);
		free(r->ents[i]->pod);
		free(r->ents[i]);
	}
	free(r->ents);
	for (i = 0; i < r->nusers; i++)
		free(r->users[i].name);
	free(r->users);
	free(r->groups.b);
	free(r->totals);
	for (i = 0; i < r->npgroups; i++) {
		free(r->pgroups[i]->rname);
		free(r->pgroups[i]->name);
		free(r->pgroups[i]);
	}
	free(r->pgroups);
	memset(r, 0, sizeof(*r));
}
