/*
 * procsmem: USS, PSS, swap and RSS of every process, compatible with
 * smem 1.5 in text (views, options, widths, trailing spaces, sort order)
 * plus tsv, json and prom output (reference/procsmem.md).
 *
 * Numbers come from smaps_rollup (one read per process) or, with
 * --smaps and wherever a view needs per-mapping data, from smaps summed
 * per mapping exactly as smem does.  Collect, then render: every view
 * builds a list of entities (processes, users, mappings or areas); the
 * text table, the sort and the structured records read them through one
 * getter per field.
 */
#include <sys/stat.h>

#include <math.h>
#include <signal.h>
#include <time.h>

#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <vis.h>

#include "pskit.h"
#include "pskit/out.h"
#include "pskit/fmt.h"
#include "views.h"
#include "shell.h"

enum { V_PROC, V_USER, V_MAP, V_SYS, V_GROUP };

/* --by KEY; BY_USER is smem's -u view. */
enum { BY_NONE, BY_PROGRAM, BY_USER, BY_CGROUP, BY_UNIT, BY_CONTAINER };
static const char *const by_names[] = { NULL, "program", "user", "cgroup",
	"unit", "container" };

enum {
	OPT_PIE = 256, OPT_BAR, OPT_HELP, OPT_TSV, OPT_JSON, OPT_SMAPS,
	OPT_HUGETLB, OPT_OUTFILE, OPT_PROCFS, OPT_SYSFS, OPT_VERSION,
	OPT_CGROUP, OPT_PSUTIL, OPT_BY, OPT_INTERVAL, OPT_COUNT
};

static const struct option longopts[] = {
	{ "no-header",		no_argument,		NULL, 'H' },
	{ "columns",		required_argument,	NULL, 'c' },
	{ "totals",		no_argument,		NULL, 't' },
	{ "autosize",		no_argument,		NULL, 'a' },
	{ "realmem",		required_argument,	NULL, 'R' },
	{ "kernel",		required_argument,	NULL, 'K' },
	{ "mappings",		no_argument,		NULL, 'm' },
	{ "users",		no_argument,		NULL, 'u' },
	{ "system",		no_argument,		NULL, 'w' },
	{ "processfilter",	required_argument,	NULL, 'P' },
	{ "mapfilter",		required_argument,	NULL, 'M' },
	{ "userfilter",		required_argument,	NULL, 'U' },
	{ "numeric",		no_argument,		NULL, 'n' },
	{ "sort",		required_argument,	NULL, 's' },
	{ "reverse",		no_argument,		NULL, 'r' },
	{ "percent",		no_argument,		NULL, 'p' },
	{ "abbreviate",		no_argument,		NULL, 'k' },
	{ "pie",		required_argument,	NULL, OPT_PIE },
	{ "bar",		required_argument,	NULL, OPT_BAR },
	{ "source",		required_argument,	NULL, 'S' },
	{ "quiet",		no_argument,		NULL, 'q' },
	{ "smaps",		no_argument,		NULL, OPT_SMAPS },
	{ "hugetlb",		no_argument,		NULL, OPT_HUGETLB },
	{ "output",		required_argument,	NULL, 'o' },
	{ "tsv",		no_argument,		NULL, OPT_TSV },
	{ "json",		no_argument,		NULL, OPT_JSON },
	{ "outfile",		required_argument,	NULL, OPT_OUTFILE },
	{ "procfs",		required_argument,	NULL, OPT_PROCFS },
	{ "sysfs",		required_argument,	NULL, OPT_SYSFS },
	{ "cgroup",		optional_argument,	NULL, OPT_CGROUP },
	{ "psutil",		no_argument,		NULL, OPT_PSUTIL },
	{ "by",			required_argument,	NULL, OPT_BY },
	{ "interval",		required_argument,	NULL, OPT_INTERVAL },
	{ "count",		required_argument,	NULL, OPT_COUNT },
	{ "help",		no_argument,		NULL, 'h' },
	{ "version",		no_argument,		NULL, 'V' },
	{ NULL,			0,			NULL, 0 }
};

static const char usage_text[] =
"Usage: %s [options]\n"
"\n"
"Options:\n"
"  -h, --help            show this help message and exit\n"
"  -H, --no-header       disable header line\n"
"  -c COLUMNS, --columns=COLUMNS\n"
"                        columns to show\n"
"  -t, --totals          show totals\n"
"  -a, --autosize        size columns to fit terminal size\n"
"  -R REALMEM, --realmem=REALMEM\n"
"                        amount of physical RAM\n"
"  -K KERNEL, --kernel=KERNEL\n"
"                        path to kernel image\n"
"  -m, --mappings        show mappings\n"
"  -u, --users           show users\n"
"  -w, --system          show whole system\n"
"  -P PROCESSFILTER, --processfilter=PROCESSFILTER\n"
"                        process filter regex\n"
"  -M MAPFILTER, --mapfilter=MAPFILTER\n"
"                        map filter regex\n"
"  -U USERFILTER, --userfilter=USERFILTER\n"
"                        user filter regex\n"
"  -n, --numeric         numeric output\n"
"  -s SORT, --sort=SORT  field to sort on\n"
"  -r, --reverse         reverse sort\n"
"  -p, --percent         show percentage\n"
"  -k, --abbreviate      show unit suffixes\n"
"  --pie=PIE             show pie graph (SVG)\n"
"  --bar=BAR             show bar graph (SVG)\n"
"  -S SOURCE, --source=SOURCE\n"
"                        /proc data source (a root directory)\n"
"  -q, --quiet           do not count unreadable processes on stderr\n"
"      --smaps           sum smaps per mapping exactly as smem does\n"
"      --hugetlb         count Private_Hugetlb in USS (as psutil)\n"
"  -o FMT, --output=FMT  output format: text, tsv, json or prom\n"
"      --tsv             same as --output=tsv\n"
"      --json            same as --output=json\n"
"      --outfile=FILE    write to FILE atomically\n"
"      --procfs=DIR      read DIR instead of /proc\n"
"      --sysfs=DIR       read DIR instead of /sys\n"
"      --cgroup[=PATH]   only processes in this process's memory cgroup\n"
"                        (or PATH) and below, with its memory.current\n"
"      --psutil          psutil's scripts/procsmem.py report\n"
"      --by=KEY          sum per program, user, cgroup, unit or container\n"
"      --interval=SECS   a sample every SECS seconds\n"
"      --count=N         stop after N samples (with --interval)\n"
"  -V, --version         output version information and exit\n";

/* Field ids; each view's table lists the ones it knows. */
enum {
	F_PID, F_USER, F_NAME, F_COMMAND, F_MAPS, F_SWAP, F_USS, F_RSS,
	F_PSS, F_VSS, F_COUNT, F_PIDS, F_MAP, F_AVGPSS, F_AVGUSS, F_AVGRSS,
	F_ORDER, F_AREA, F_USED, F_CACHE, F_NONCACHE, F_POD, F_CHARGED
};

/* How smem totals a column (-t). */
enum { T_EMPTY, T_ROWS, T_DISTINCT, T_SUM };

/* One smem field: format "%[-]W[.W]s", 'a' marks an amount. */
struct field {
	const char	*key;
	int		 id;
	const char	*title;
	int		 width;
	int		 left;
	int		 trunc;
	int		 amount;
	int		 total;
	const char	*help;
};

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

/* --by: the key field first (named by group_setup), pod and charged
 * only where the key has them; group_fields is this, trimmed. */
static const struct field group_template[] = {
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
static struct field group_fields[sizeof(group_template) / sizeof(group_template[0])];

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
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

struct opts {
	int		 view;
	int		 noheader, totals, autosize, numeric, reverse;
	int		 percent, abbrev, quiet, exact, hugetlb;
	const char	*columns, *sort, *realmem, *kernel, *source;
	const char	*pfilter, *mfilter, *ufilter;
	struct pk_re	*pre, *mre, *ure;
	int		 fmt;
	const char	*outfile, *procfs, *sysfs;
	int		 cgroup;
	const char	*cgroup_path;
	int		 psutil;
	const char	*pie, *bar;
	int		 by;
	double		 interval;	/* seconds; 0: one sample */
	long		 count;		/* samples; 0: until a signal */
};

/* A row: a process, a user, a mapping name or a system area. */
struct ent {
	struct ent	*next;		/* hash chain (map view) */
	int		 pid;		/* pid, or row index (-w) */
	uint32_t	 uid;
	char		*user, *name, *command;	/* escaped for display */
	char		*rname, *rcommand;	/* as read, for tsv/json */
	int64_t		 count, pids, used, cache, noncache;
	int		 last_pid;	/* map view: counted in pids */
	char		*pod;		/* --by container: pod UID or NULL */
	uint64_t	 charged;	/* --by cgroup: memory.current */
	int		 has_charged;
	int		 exact;		/* vss and maps are known */
	struct pk_smaps	 m;
};

struct report {
	struct opts	*o;
	const struct field *fields;
	struct ent	**ents;
	size_t		 n, cap;
	struct ent	*hash[4096];	/* map view by name */
	struct uidname {
		uint32_t uid;
		char *name;
	}		*users;
	size_t		 nusers;
	struct pk_sysmem sys;
	int		 sysok;
	int64_t		 denied;
	int		 pss_seen;
	int		 status;
	struct pk_cgroup_mem cg;	/* --cgroup: the cgroup shown */
	int		 cgversion;	/* --by: hierarchy of the paths */
	struct gtab {			/* groups by key (--by, -u, prom) */
		struct ent **b;
		size_t	 nb, n;
	}		 groups;
};

/* Sort context for qsort(3), which has no argument for it. */
static const struct report *sort_rep;
static const struct field *sort_field;
static const struct field **sort_cols;
static size_t sort_ncols;

static void __attribute__((noreturn))
usage(FILE *fp)
{
	fprintf(fp, usage_text, getprogname());
	exit(fp == stderr ? 2 : 0);
}

static void __attribute__((noreturn))
fatal(struct pk_ctx *ctx)
{
	if (ctx->code == PK_ENOTSUP)
		errx(1, "not supported on this system");
	errx(1, "%s", pk_strerror(ctx));
}

static void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if ((p = calloc(n, size)) == NULL)
		err(1, NULL);
	return p;
}

static char *
xstrndup(const char *s, size_t n)
{
	char *p;

	if ((p = malloc(n + 1)) == NULL)
		err(1, NULL);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static char *
escape(const char *s)
{
	char *e;

	if ((e = pk_disp_escape(s)) == NULL)
		err(1, NULL);
	return e;
}

/* Python's "%[-]W[.P]s": P cuts, W pads, both in characters. */
static void
put_cell(FILE *fp, const char *s, int width, int prec, int left)
{
	size_t len = pk_u8_len(s), bytes = strlen(s);
	int pad;

	/* s is escaped: cut never inside an escape (DESIGN.md "Output") */
	if (prec > 0 && len > (size_t)prec)
		bytes = pk_esc_cut(s, (size_t)prec, &len);
	pad = width > (int)len ? width - (int)len : 0;
	if (!left)
		fprintf(fp, "%*s", pad, "");
	fwrite(s, 1, bytes, fp);
	if (left)
		fprintf(fp, "%*s", pad, "");
	putc(' ', fp);
}

static int
match(const struct pk_re *re, const char *s)
{
	return pk_re_match(re, s);
}

/* User names by uid, looked up once each; unknown uids as numbers. */
static const char *
username(struct report *r, uint32_t uid)
{
	struct uidname *nu;
	char buf[256];
	size_t i;

	for (i = 0; i < r->nusers; i++)
		if (r->users[i].uid == uid)
			return r->users[i].name;
	if ((nu = reallocarray(r->users, r->nusers + 1, sizeof(*nu))) == NULL)
		err(1, NULL);
	r->users = nu;
	if (pk_sys_user_name(uid, buf, sizeof(buf)) != PK_OK)
		snprintf(buf, sizeof(buf), "%u", uid);
	nu[r->nusers].name = escape(buf);
	nu[r->nusers].uid = uid;
	return nu[r->nusers++].name;
}

static struct ent *
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

/* The value of field id for one row, as smem's getter gives it. */
struct val {
	const char	*s;	/* a string value, else n */
	int64_t		 n;
};

static struct val
getv(const struct report *r, const struct ent *e, int id)
{
	const uint64_t *kb = e->m.kb;
	struct val v = { NULL, 0 };
	int64_t div = e->pids > 0 ? e->pids : 1;

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
	case F_AVGPSS: v.n = (int64_t)kb[PK_SM_PSS] / div; break;
	case F_AVGUSS:
		v.n = (int64_t)pk_smaps_uss(&e->m, r->o->hugetlb) / div;
		break;
	case F_AVGRSS: v.n = (int64_t)kb[PK_SM_RSS] / div; break;
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

static int
val_cmp(struct val a, struct val b)
{
	if (a.s != NULL && b.s != NULL)
		return strcmp(a.s, b.s);
	return (a.n > b.n) - (a.n < b.n);
}

/* smem sorts (key, row) tuples: the key, then the shown columns. */
static int
ent_cmp(const void *pa, const void *pb)
{
	const struct ent *a = *(struct ent *const *)pa;
	const struct ent *b = *(struct ent *const *)pb;
	size_t i;
	int c;

	c = val_cmp(getv(sort_rep, a, sort_field->id),
	    getv(sort_rep, b, sort_field->id));
	for (i = 0; c == 0 && i < sort_ncols; i++)
		c = val_cmp(getv(sort_rep, a, sort_cols[i]->id),
		    getv(sort_rep, b, sort_cols[i]->id));
	return sort_rep->o->reverse ? -c : c;
}

static const struct field *
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
static void __attribute__((noreturn))
showfields(const struct field *fields, const char *what, const char *list)
{
	const struct field *sorted[16];
	size_t n = 0, i;

	printf("%s%s\n", what, list);
	printf("known fields:\n");
	for (; fields[n].key != NULL; n++)
		sorted[n] = &fields[n];
	if (n > 0)
		qsort(sorted, n, sizeof(sorted[0]), field_keycmp);
	for (i = 0; i < n; i++)
		printf("%-8s %s\n", sorted[i]->key, sorted[i]->help);
	fflush(stdout);
	exit(255);
}

/* Is tok one of the space-separated words of list? */
static int
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
static size_t
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

static int
cols_have(const struct field **cols, size_t n, int id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cols[i]->id == id)
			return 1;
	return 0;
}

/* Map view: the row of a mapping name, created on first sight. */
static struct ent *
map_ent(struct report *r, const char *name, size_t len)
{
	uint32_t h = 2166136261u;
	struct ent *e;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	h %= NELEM(r->hash);
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

/* FNV-1a of a group key; every key-less process shares bucket 0. */
static uint32_t
key_hash(const char *k)
{
	uint32_t h = 2166136261u;

	if (k == NULL)
		return 0;
	for (; *k != '\0'; k++)
		h = (h ^ (unsigned char)*k) * 16777619u;
	return h;
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
				h = key_hash(x->rname) & (n - 1);
				x->next = nb[h];
				nb[h] = x;
			}
		free(t->b);
		t->b = nb;
		t->nb = n;
	}
	h = key_hash(e->rname) & (t->nb - 1);
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
	for (e = t->b[key_hash(key) & (t->nb - 1)]; e != NULL; e = e->next)
		if (key_eq(e->rname, key))
			return e;
	return NULL;
}

static void
gtab_free(struct gtab *t)
{
	free(t->b);
	memset(t, 0, sizeof(*t));
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

/* Per-mapping callback: -M filter, and the map view's aggregation. */
struct vma_arg {
	struct report	*r;
	int		 pid;
	char		*name;
	size_t		 cap;
};

static int
on_vma(void *arg, const struct pk_vma *vma)
{
	struct vma_arg *a = arg;
	struct report *r = a->r;
	struct ent *e;

	if (vma->namelen + 1 > a->cap) {
		a->cap = vma->namelen + 64;
		free(a->name);
		a->name = xcalloc(a->cap, 1);
	}
	memcpy(a->name, vma->name, vma->namelen);
	a->name[vma->namelen] = '\0';
	if (r->o->mfilter != NULL && !match(r->o->mre, a->name))
		return 0;
	if (r->o->view == V_MAP) {
		e = map_ent(r, vma->name, vma->namelen);
		pk_smaps_add(&e->m, &vma->v);
		e->count++;
		if (e->last_pid != a->pid) {
			e->last_pid = a->pid;
			e->pids++;
		}
	}
	return 1;
}

/*
 * The memory of one process: rollup, or smaps through on_vma when a
 * view needs the mappings.  PK_ENOENT also for a process left with no
 * mapping by -M (smem drops those).
 */
static int
read_mem(struct pk_ctx *ctx, struct report *r, struct pk_pmem *p,
    int exact, struct pk_buf *b)
{
	struct vma_arg a = { r, p->pid, NULL, 0 };
	int rc;

	if (r->o->mfilter == NULL && r->o->view != V_MAP)
		return pk_pmem_read(ctx, p, exact, b);
	rc = pk_pmem_smaps(ctx, p, on_vma, &a);
	free(a.name);
	if (rc != PK_OK)
		return rc;
	return p->mem.maps == 0 ? PK_ENOENT : PK_OK;
}

/* The key of a process under --by (key and pod NULL: none). */
struct gkey {
	const char	*key, *pod;
	char		 path[PK_CG_PATHMAX], name[PK_CG_PATHMAX], pod_uid[80];
};

static void
group_key(struct pk_ctx *ctx, const struct report *r,
    const struct pk_pmem *p, struct gkey *k)
{
	k->key = k->pod = NULL;
	if (r->o->by == BY_PROGRAM) {
		k->key = p->st.comm;
		return;
	}
	if (pk_pmem_cgroup(ctx, p, r->cgversion, k->path,
	    sizeof(k->path)) != PK_OK)
		return;
	if (r->o->by == BY_CGROUP)
		k->key = k->path;
	else if (r->o->by == BY_UNIT) {
		if (pk_cgname_unit(k->path, k->name, sizeof(k->name)) == PK_OK)
			k->key = k->name;
	} else if (pk_cgname_container(k->path, k->name, sizeof(k->name)) ==
	    PK_OK) {
		k->key = k->name;
		if (pk_cgname_pod(k->path, k->pod_uid, sizeof(k->pod_uid)) ==
		    PK_OK)
			k->pod = k->pod_uid;
	}
}

/* A process kept by the scan becomes (or joins) a row of the view. */
static void
add_proc(struct report *r, struct pk_pmem *p, const struct gkey *k)
{
	struct ent *e = NULL;
	char uid[16];

	if (p->mem.has & (1u << PK_SM_PSS))
		r->pss_seen = 1;
	if (r->o->view == V_MAP)
		return;
	if (r->o->view == V_GROUP) {
		if ((e = gtab_find(&r->groups, k->key)) == NULL) {
			e = group_new(ent_new(r), k->key);
			if (k->pod != NULL)
				e->pod = xstrndup(k->pod, strlen(k->pod));
			gtab_put(&r->groups, e);
		}
		group_add(e, &p->mem, p->exact);
		return;
	}
	if (r->o->view == V_USER) {
		snprintf(uid, sizeof(uid), "%u", p->uid);
		if ((e = gtab_find(&r->groups, uid)) == NULL) {
			e = ent_new(r);
			e->rname = xstrndup(uid, strlen(uid));
			e->uid = p->uid;
			e->user = (char *)username(r, p->uid);
			e->exact = 1;
			gtab_put(&r->groups, e);
		}
		group_add(e, &p->mem, p->exact);
		return;
	}
	e = ent_new(r);
	e->pid = p->pid;
	e->uid = p->uid;
	e->user = (char *)username(r, p->uid);
	e->name = escape(p->st.comm);
	e->command = escape(p->cmdline);
	e->rcommand = p->cmdline;	/* taken over from p */
	p->cmdline = NULL;
	e->rname = xstrndup(p->st.comm, strlen(p->st.comm));
	e->exact = p->exact;
	e->m = p->mem;
	e->count = 1;
}

static int
keep_proc(struct report *r, const struct pk_pmem *p)
{
	const struct opts *o = r->o;

	if (o->pfilter != NULL && !match(o->pre, p->st.comm) &&
	    !match(o->pre, p->cmdline))
		return 0;
	if (o->ufilter != NULL && !match(o->ure, username(r, p->uid)))
		return 0;
	return 1;
}

/* --cgroup: is pid in the cgroup shown, or below it? */
static int
in_cgroup(struct pk_ctx *ctx, const struct report *r,
    const struct pk_pmem *p)
{
	char path[PK_CG_PATHMAX];

	if (!r->o->cgroup)
		return 1;
	if (pk_pmem_cgroup(ctx, p, r->cg.loc.version, path, sizeof(path)) !=
	    PK_OK)
		return 0;
	return pk_cgroup_contains(r->cg.loc.path, path);
}

/* --by cgroup: each cgroup's own memory.current beside the sums. */
static void
charge(struct pk_ctx *ctx, struct report *r)
{
	struct pk_cgroup_mem *cg = xcalloc(1, sizeof(*cg));
	size_t i;

	for (i = 0; i < r->n; i++) {
		struct ent *e = r->ents[i];

		if (e->rname != NULL && pk_cgroup_mem_read(ctx, 0, e->rname,
		    cg) == PK_OK) {
			e->charged = cg->usage;
			e->has_charged = 1;
		}
	}
	free(cg);
}

/* Every process: filters first (cheap), then its memory. */
static void
scan(struct pk_ctx *ctx, struct report *r, int exact)
{
	struct pk_buf b = { 0 };
	struct pk_pmem p;
	struct gkey *k = xcalloc(1, sizeof(*k));
	size_t i, npids;
	int *pids, rc;

	if (pk_pmem_pids(ctx, &pids, &npids) != PK_OK)
		fatal(ctx);
	for (i = 0; i < npids; i++) {
		if ((rc = pk_pmem_info(ctx, pids[i], &p)) == PK_OK &&
		    keep_proc(r, &p) && in_cgroup(ctx, r, &p)) {
			rc = read_mem(ctx, r, &p, exact, &b);
			if (rc == PK_OK && r->o->view == V_GROUP)
				group_key(ctx, r, &p, k);
			if (rc == PK_OK)
				add_proc(r, &p, k);
		}
		if (rc == PK_EACCES)
			r->denied++;
		else if (rc == PK_ENOMEM)
			errx(1, "%s", pk_strerror(ctx));
		else if (rc == PK_ENOTSUP)	/* -m, -M on Windows */
			fatal(ctx);
		else if (rc != PK_OK && rc != PK_ENOENT) {
			warnx("%s", pk_strerror(ctx));
			r->status = 1;
		}
		pk_pmem_free(&p);
	}
	free(pids);
	free(k);
	pk_buf_free(&b);
	if (r->o->by == BY_CGROUP)
		charge(ctx, r);
}

/* -R SIZE in kB, or smem's message and status. */
static double
parse_realmem(const char *s)
{
	double kb;

	if (pk_smem_size_kb(s, &kb) == PK_OK)
		return kb;
	fprintf(stderr, "Memory size should be written with units, "
	    "for example 1024M\n");
	exit(255);
}

/* -K PATH: the kernel image in kB; 0 with smem's hint on failure. */
static int64_t
kernel_size(struct pk_ctx *ctx, const char *path)
{
	uint64_t bytes;

	if (pk_kernel_image_size(ctx, path, &bytes) == PK_OK)
		return (int64_t)(bytes / 1024);
	fprintf(stderr, "Parameter '%s' should be an original uncompressed "
	    "compiled kernel file.\n\n", path);
	return 0;
}

static void
need_sys(struct pk_ctx *ctx, struct report *r)
{
	if (r->sysok)
		return;
	if (pk_sysmem_read(ctx, &r->sys) != PK_OK)
		fatal(ctx);
	r->sysok = 1;
}

static void
collect_system(struct pk_ctx *ctx, struct report *r)
{
	struct pk_area a[PK_AREAS];
	const struct opts *o = r->o;
	int64_t total, kernel;
	struct ent *e;
	int i;

	need_sys(ctx, r);
	/* Windows has no AnonPages, Mapped, Cached: no areas to show */
	if (!(r->sys.has & (1u << PK_SYS_ANONPAGES)))
		errx(1, "system view: not supported on this system");
	total = o->realmem ? (int64_t)parse_realmem(o->realmem) :
	    (int64_t)r->sys.kb[PK_SYS_MEMTOTAL];
	kernel = o->kernel ? kernel_size(ctx, o->kernel) : 0;
	pk_sysmem_areas(&r->sys, total, kernel, a);
	for (i = 0; i < PK_AREAS; i++) {
		e = ent_new(r);
		e->pid = i;
		e->name = escape(a[i].area);
		e->used = a[i].used;
		e->cache = a[i].cache;
		e->noncache = a[i].noncache;
	}
}

/* smem's showamount(): -k wins over -p; total 0 gives N/A. */
static void
fmt_amount(const struct opts *o, int64_t kb, double total, char *buf,
    size_t len)
{
	if (o->abbrev)
		pk_smem_units(kb, buf, len);
	else if (o->percent)
		pk_smem_percent(kb, total, buf, len);
	else
		snprintf(buf, len, "%lld", (long long)kb);
}

struct colfmt {
	int	 width;
	int	 prec;		/* 0: no precision */
	int	 left;
};

/* The text of one cell before padding. */
static const char *
cell_text(const struct report *r, const struct field *f, struct val v,
    char *buf, size_t len)
{
	double total;

	if (v.s != NULL)
		return v.s;
	if (!f->amount) {
		snprintf(buf, len, "%lld", (long long)v.n);
		return buf;
	}
	total = f->id == F_SWAP ? (double)r->sys.kb[PK_SYS_SWAPTOTAL] :
	    r->o->realmem ? parse_realmem(r->o->realmem) :
	    (double)r->sys.kb[PK_SYS_MEMTOTAL];
	fmt_amount(r->o, v.n, total, buf, len);
	return buf;
}

/* The terminal width as `stty size` reports it; 80 without a tty. */
static int
tty_columns(void)
{
	int c = pk_sys_term_columns(STDIN_FILENO);

	return c < 0 ? 80 : c;
}

/* smem's autosize(): widths from the content, the command or map column
 * squeezed to what the terminal has left (at least 10). */
static void
autosize(const struct report *r, const struct field **cols, size_t nc,
    struct colfmt *cf)
{
	const struct opts *o = r->o;
	char buf[64];
	size_t i, j, w, ov = nc;
	int sum = 0, maxflow;

	for (i = 0; i < nc; i++) {
		w = 1;
		if (!o->noheader && strlen(cols[i]->title) > w)
			w = strlen(cols[i]->title);
		if ((o->abbrev || o->percent) && cols[i]->amount)
			w = w > 7 ? w : 7;
		else
			for (j = 0; j < r->n; j++) {
				struct val v = getv(r, r->ents[j], cols[i]->id);
				const char *s = v.s;

				if (s == NULL) {
					snprintf(buf, sizeof(buf), "%lld",
					    (long long)v.n);
					s = buf;
				}
				if (pk_u8_len(s) > w)
					w = pk_u8_len(s);
			}
		cf[i].width = (int)w;
		if (cf[i].prec)
			cf[i].prec = (int)w;
		if (cols[i]->id == F_COMMAND || cols[i]->id == F_MAP)
			ov = i;
	}
	if (ov == nc)
		return;
	for (i = 0; i < nc; i++)
		if (cols[i]->id != cols[ov]->id)
			sum += cf[i].width;
	maxflow = tty_columns() - sum - (int)nc;
	if (maxflow < 10)
		maxflow = 10;
	for (i = 0; i < nc; i++)
		if (cols[i]->id == cols[ov]->id && cf[i].width > maxflow)
			cf[i].width = cf[i].prec = maxflow;
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
	if (r->n > 0)
		qsort(v, r->n, sizeof(*v), val_qcmp);
	for (i = 0; i < r->n; i++)
		n += i == 0 || val_cmp(v[i - 1], v[i]) != 0;
	free(v);
	return n;
}

/* -t: smem's totals row, as values of each column. */
/*
 * One more row in a -t total, held at 2^53 as the library holds every
 * kB value (pk_smaps_add): a hostile /proc with 100,000 processes of
 * 2^64 kB must not overflow (only the system view has negative values,
 * five rows of them, far from the limits).
 */
static int64_t
total_add(int64_t sum, int64_t v)
{
	const int64_t max = (int64_t)1 << 53;

	return v > 0 && sum > max - v ? max : sum + v;
}

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
			v.n = total_add(v.n, getv(r, r->ents[i], f->id).n);
		break;
	}
	return v;
}

static void
render_text(FILE *fp, const struct report *r, const struct field **cols,
    size_t nc)
{
	struct colfmt *cf = xcalloc(nc + 1, sizeof(*cf));
	char buf[64];
	size_t i, j, hlen = 0;
	struct val v;

	for (i = 0; i < nc; i++) {
		cf[i].width = cols[i]->width;
		cf[i].prec = cols[i]->trunc ? cols[i]->width : 0;
		cf[i].left = cols[i]->left;
	}
	if (r->o->autosize)
		autosize(r, cols, nc, cf);
	for (i = 0; i < nc; i++) {
		size_t t = strlen(cols[i]->title);

		if (cf[i].prec && t > (size_t)cf[i].prec)
			t = (size_t)cf[i].prec;
		hlen += (t > (size_t)cf[i].width ? t : (size_t)cf[i].width) + 1;
	}
	if (!r->o->noheader) {
		for (i = 0; i < nc; i++)
			put_cell(fp, cols[i]->title, cf[i].width, cf[i].prec,
			    cf[i].left);
		putc('\n', fp);
	}
	for (j = 0; j < r->n; j++) {
		for (i = 0; i < nc; i++) {
			v = getv(r, r->ents[j], cols[i]->id);
			put_cell(fp, cell_text(r, cols[i], v, buf, sizeof(buf)),
			    cf[i].width, cf[i].prec, cf[i].left);
		}
		putc('\n', fp);
	}
	if (r->o->totals) {
		for (i = 0; i < hlen; i++)
			putc('-', fp);
		putc('\n', fp);
		for (i = 0; i < nc; i++) {
			v = total_of(r, cols[i]);
			put_cell(fp, cell_text(r, cols[i], v, buf, sizeof(buf)),
			    cf[i].width, cf[i].prec, cf[i].left);
		}
		putc('\n', fp);
	}
	free(cf);
}

/*
 * Structured columns of one run: the view's table, with -t a "kind"
 * first, with -c only the keys it names (tsv, json).  prom has one
 * family set per grouping, named <grouping>_<value> (pskit-prom(7)).
 */
#define CS_MAX	24
struct colset {
	struct pk_out_col	 all[CS_MAX];	/* every column a record writes */
	unsigned char	 keep[CS_MAX];
	struct pk_out_col	 oc[CS_MAX];	/* the kept ones, for pk_out_begin */
	char		 keys[CS_MAX][64];
	size_t		 n, nkept;
};

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

static void
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

static const char *
user_text(const struct report *r, const struct ent *e, char *buf,
    size_t len)
{
	if (!r->o->numeric)
		return e->user;
	snprintf(buf, len, "%u", e->uid);
	return buf;
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

/* The -t row of tsv/json: every row's values summed, no key. */
static void
total_record(struct rec *rc, const struct report *r)
{
	struct ent t;
	size_t i;
	int charged = r->n > 0;

	memset(&t, 0, sizeof(t));
	t.exact = 1;
	for (i = 0; i < r->n; i++) {
		const struct ent *e = r->ents[i];

		pk_smaps_add(&t.m, &e->m);
		t.exact &= e->exact;
		t.count += e->count;
		t.pids += e->pids;
		t.used += e->used;
		t.cache += e->cache;
		t.noncache += e->noncache;
		t.charged += e->charged;
		charged &= e->has_charged;
	}
	t.has_charged = charged;
	record(rc, r, &t, 1);
}

/* prom, process view: the program and the user groupings (linear). */
static void
prom_default(struct rec *rc, const struct report *r)
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
			g->pid = 0;
			gtab_put(&gp, g);
		}
		group_add(g, &e->m, e->exact);
		if ((g = gtab_find(&gu, u)) == NULL) {
			g = gs[ng++] = group_new(xcalloc(1, sizeof(*g)), u);
			g->pid = 1;
			gtab_put(&gu, g);
		}
		group_add(g, &e->m, e->exact);
	}
	for (i = 0; i < ng; i++) {
		g = gs[i];
		pk_out_record_begin(rc->w);
		rc->i = 0;
		rec_str(rc, g->pid ? NULL : g->rname);
		rec_str(rc, g->pid ? g->rname : NULL);
		rec_sums(rc, r, g->pid ? NULL : g, g->count);
		rec_sums(rc, r, g->pid ? g : NULL, g->count);
		pk_out_record_end(rc->w);
		free(g->rname);
		free(g->name);
		free(g);
	}
	free(gs);
	gtab_free(&gp);
	gtab_free(&gu);
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
static void
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
			total_record(&rc, r);
	}
}

static void
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

static void
set_regex(struct pk_re **re, const char **dst, const char *src)
{
	char msg[256];

	pk_re_free(*re);
	*re = NULL;
	*dst = NULL;
	/* smem: an empty pattern is no filter */
	if (*src == '\0')
		return;
	if (pk_re_comp(re, src, msg, sizeof(msg)) != PK_OK)
		errx(2, "%s: %s", src, msg);
	*dst = src;
}

static int
parse_by(const char *s)
{
	int i;

	for (i = BY_PROGRAM; i <= BY_CONTAINER; i++)
		if (strcmp(s, by_names[i]) == 0)
			return i;
	errx(2, "--by: unknown key '%s' (program, user, cgroup, unit, "
	    "container)", s);
}

static double
parse_secs(const char *s)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || !(d > 0) || d > 1e6)
		errx(2, "--interval: '%s' is not a number of seconds > 0", s);
	return d;
}

static long
parse_count(const char *s)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || n < 1)
		errx(2, "--count: '%s' is not a number > 0", s);
	return n;
}

static void
parse_opts(int argc, char **argv, struct opts *o)
{
	int c, m = 0, u = 0, w = 0;

	memset(o, 0, sizeof(*o));
	while ((c = getopt_long(argc, argv, "hHc:taR:K:muwP:M:U:ns:rpkS:qo:V",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'H': o->noheader = 1; break;
		case 'c': o->columns = optarg; break;
		case 't': o->totals = 1; break;
		case 'a': o->autosize = 1; break;
		case 'R': o->realmem = optarg; break;
		case 'K': o->kernel = optarg; break;
		case 'm': m = 1; break;
		case 'u': u = 1; break;
		case 'w': w = 1; break;
		case 'P': set_regex(&o->pre, &o->pfilter, optarg); break;
		case 'M': set_regex(&o->mre, &o->mfilter, optarg); break;
		case 'U': set_regex(&o->ure, &o->ufilter, optarg); break;
		case 'n': o->numeric = 1; break;
		case 's': o->sort = optarg; break;
		case 'r': o->reverse = 1; break;
		case 'p': o->percent = 1; break;
		case 'k': o->abbrev = 1; break;
		/* smem: an empty FIELD is no chart */
		case OPT_PIE: o->pie = *optarg ? optarg : NULL; break;
		case OPT_BAR: o->bar = *optarg ? optarg : NULL; break;
		case OPT_PSUTIL: o->psutil = 1; break;
		case OPT_BY: o->by = parse_by(optarg); break;
		case OPT_INTERVAL: o->interval = parse_secs(optarg); break;
		case OPT_COUNT: o->count = parse_count(optarg); break;
		case 'S': o->source = optarg; break;
		case 'q': o->quiet = 1; break;
		case OPT_SMAPS: o->exact = 1; break;
		case OPT_HUGETLB: o->hugetlb = 1; break;
		case 'o':
			if ((o->fmt = sh_format(optarg)) == -1)
				usage(stderr);
			break;
		case OPT_TSV: o->fmt = PK_OUT_TSV; break;
		case OPT_JSON: o->fmt = PK_OUT_JSON; break;
		case OPT_OUTFILE: o->outfile = optarg; break;
		case OPT_PROCFS: o->procfs = optarg; break;
		case OPT_SYSFS: o->sysfs = optarg; break;
		case OPT_CGROUP:
			o->cgroup = o->totals = 1;
			o->cgroup_path = optarg;
			break;
		case 'V': sh_version();
		case 'h': usage(stdout);
		default: usage(stderr);
		}
	}
	if (optind != argc)
		usage(stderr);
	if ((o->pie != NULL || o->bar != NULL) && o->fmt != PK_OUT_TEXT)
		errx(2, "--pie and --bar write SVG: no -o");
	/* smem tests these as Python strings: empty means not given */
	if (o->sort != NULL && *o->sort == '\0')
		o->sort = NULL;
	if (o->realmem != NULL && *o->realmem == '\0')
		o->realmem = NULL;
	if (o->kernel != NULL && *o->kernel == '\0')
		o->kernel = NULL;
	/* smem's precedence: -m, then -u, then -w */
	o->view = m ? V_MAP : u ? V_USER : w ? V_SYS : V_PROC;
	if (o->by != BY_NONE && (m || w || (u && o->by != BY_USER)))
		errx(2, "--by does not combine with -m, -u or -w");
	if (o->by == BY_USER)
		o->view = V_USER;
	else if (o->by != BY_NONE)
		o->view = V_GROUP;
	if (o->count > 0 && o->interval == 0)
		errx(2, "--count needs --interval");
	if (o->interval > 0 && (o->psutil || o->pie != NULL || o->bar != NULL))
		errx(2, "--interval does not combine with --psutil, --pie or "
		    "--bar");
	if (o->realmem != NULL)
		(void)parse_realmem(o->realmem);
}

/* -S DIR: smem reads DIR/proc; a tar capture is not supported. */
static const char *
source_procfs(const struct opts *o, char *buf, size_t len)
{
	struct stat sb;

	if (o->source == NULL)
		return o->procfs;
	if (stat(o->source, &sb) == 0 && !S_ISDIR(sb.st_mode))
		errx(1, "%s: tar captures are not supported; "
		    "give a directory holding proc/", o->source);
	snprintf(buf, len, "%s/proc", o->source);
	return buf;
}

/* Does this view need smaps per mapping rather than the rollup? */
static int
need_exact(const struct opts *o, const struct field *sort,
    const struct field **cols, size_t nc)
{
	if (o->exact || o->mfilter != NULL || o->view == V_MAP)
		return 1;
	if (o->fmt != PK_OUT_TEXT)
		return 0;
	if (o->view == V_PROC && (sort->id == F_MAPS ||
	    cols_have(cols, nc, F_MAPS)))
		return 1;
	return sort->id == F_VSS || cols_have(cols, nc, F_VSS);
}

static void
render(FILE *fp, const struct report *r, const struct field **cols,
    size_t nc)
{
	if (r->o->fmt == PK_OUT_TEXT)
		render_text(fp, r, cols, nc);
	else
		render_out(fp, r, r->o->noheader ? PK_OUT_NOHEADER : 0);
}

/*
 * A file that shows command lines is the owner's only (issue 18.1): the
 * process view's tsv and json records carry the command, text and SVG
 * when a column (or the chart's label) is the command.
 */
static enum sh_mode
out_mode(const struct report *r, const struct field **cols, size_t nc)
{
	size_t i;

	if (r->o->view != V_PROC || r->o->fmt == PK_OUT_PROM)
		return SH_PUBLIC;
	if (r->o->fmt != PK_OUT_TEXT)
		return SH_PRIVATE;
	for (i = 0; i < nc; i++)
		if (cols[i]->id == F_COMMAND)
			return SH_PRIVATE;
	return SH_PUBLIC;
}

/* The report to stdout or replacing --outfile. */
static void
emit(struct pk_ctx *ctx, const struct report *r,
    const struct field **cols, size_t nc)
{
	struct sh_out so;

	sh_open(ctx, &so, r->o->outfile, out_mode(r, cols, nc));
	render(so.fp, r, cols, nc);
	sh_commit(ctx, &so);
}

/*
 * --pie, --bar: the label of a row, the FIELD column's value as text
 * (smem: str() of the value, here its display form).  The one place
 * that maps a row to a label: extend it for new keys.
 */
static char *
chart_label(const struct report *r, const struct ent *e,
    const struct field *f)
{
	struct val v = getv(r, e, f->id);
	char buf[32], *s;

	if (v.s == NULL)
		snprintf(buf, sizeof(buf), "%lld", (long long)v.n);
	if ((s = strdup(v.s != NULL ? v.s : buf)) == NULL)
		err(1, NULL);
	return s;
}

/* smem's showbar(): the shown numeric columns but pid and user. */
static size_t
chart_series(const struct report *r, const struct field **cols, size_t nc,
    const struct field **ser)
{
	size_t j, n = 0;

	for (j = 0; j + 1 < nc; j++)
		if (cols[j]->id != F_PID && cols[j]->id != F_USER &&
		    (r->n == 0 || getv(r, r->ents[0], cols[j]->id).s == NULL))
			ser[n++] = cols[j];
	return n;
}

/*
 * smem showtable() then showpie()/showbar(): FIELD is the last column
 * (with both options, --bar's, as in smem); pie values are the sort
 * key; rows descending (smem reverses an ascending list).
 */
static void
chart(struct pk_ctx *ctx, const struct report *r, const struct field *sort,
    const struct field **cols, size_t nc)
{
	const struct field **ser = xcalloc(nc + 1, sizeof(*ser));
	struct chart c = { 0 };
	struct sh_out so;
	size_t i, k;
	int rev;

	c.pie = r->o->pie != NULL;
	c.pie_field = r->o->pie;
	c.sort_field = sort->key;
	c.total = r->o->realmem ? parse_realmem(r->o->realmem) :
	    (double)r->sys.kb[PK_SYS_MEMTOTAL];
	c.nseries = c.pie ? 1 : chart_series(r, cols, nc, ser);
	if (c.pie && r->n > 0 && getv(r, r->ents[0], sort->id).s != NULL)
		errx(2, "--pie: the sort field '%s' is not a number", sort->key);
	c.nrows = r->n;
	c.keys = xcalloc(c.nseries + 1, sizeof(*c.keys));
	for (k = 0; k < c.nseries; k++)
		c.keys[k] = c.pie ? sort->key : ser[k]->key;
	c.labels = xcalloc(r->n + 1, sizeof(*c.labels));
	c.v = xcalloc(r->n * c.nseries + 1, sizeof(*c.v));
	rev = r->n > 1 && val_cmp(getv(r, r->ents[0], sort->id),
	    getv(r, r->ents[r->n - 1], sort->id)) < 0;
	for (i = 0; i < r->n; i++) {
		const struct ent *e = r->ents[rev ? r->n - 1 - i : i];

		c.labels[i] = chart_label(r, e, cols[nc - 1]);
		for (k = 0; k < c.nseries; k++)
			c.v[i * c.nseries + k] = (double)getv(r, e,
			    c.pie ? sort->id : ser[k]->id).n;
	}
	sh_open(ctx, &so, r->o->outfile, out_mode(r, cols, nc));
	chart_svg(so.fp, &c);
	sh_commit(ctx, &so);
	for (i = 0; i < r->n; i++)
		free(c.labels[i]);
	free(c.labels);
	free(c.v);
	free(c.keys);
	free(ser);
}

/* smem appends --pie's and --bar's FIELD to the columns. */
static const char *
chart_columns(const struct opts *o, const char *spec, char *buf,
    size_t len)
{
	if (o->pie == NULL && o->bar == NULL)
		return spec;
	if (snprintf(buf, len, "%s %s %s", spec, o->pie ? o->pie : "",
	    o->bar ? o->bar : "") >= (int)len)
		errx(2, "--columns: too long");
	return buf;
}

static void
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
	gtab_free(&r->groups);
}

/* --by: the key field named after the grouping; pod, charged where known. */
static void
group_setup(const struct opts *o)
{
	static const char *const titles[] = { NULL, "Program", "User",
		"Cgroup", "Unit", "Container" };
	static const int widths[] = { 0, 24, 8, 40, 30, 12 };
	size_t i, j = 0;

	for (i = 0; i == 0 || group_template[i].key != NULL; i++) {
		if ((group_template[i].id == F_POD && o->by != BY_CONTAINER) ||
		    (group_template[i].id == F_CHARGED && o->by != BY_CGROUP))
			continue;
		group_fields[j++] = group_template[i];
	}
	memset(&group_fields[j], 0, sizeof(group_fields[j]));
	group_fields[0].key = by_names[o->by];
	group_fields[0].title = titles[o->by];
	group_fields[0].width = widths[o->by];
}

/* The hierarchy whose paths --by cgroup, unit, container read. */
static int
cg_version(struct pk_ctx *ctx, const struct report *r)
{
	struct pk_cgroup_mem *cg;
	int v = 2;

	if (r->o->cgroup)
		return r->cg.loc.version;
	cg = xcalloc(1, sizeof(*cg));
	if (pk_cgroup_mem_read(ctx, 0, NULL, cg) == PK_OK)
		v = cg->loc.version;
	free(cg);
	return v;
}

/* What every sample shares: the options, the table, the columns. */
struct run {
	struct opts		*o;
	const struct field	*fields, *sort, **cols;
	size_t			 nc;
	int			 exact;
	struct colset		 cs;
	struct pk_out		 w;		/* structured samples to stdout */
	int			 begun;
};

/* Sleep the interval, but wake for a signal. */
static void
pause_secs(double secs)
{
	struct timespec ts;

	ts.tv_sec = (time_t)secs;
	ts.tv_nsec = (long)((secs - (double)ts.tv_sec) * 1e9);
	while (!sh_signal && nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* Collect one report: every process (or the system), sorted. */
static void
collect(struct pk_ctx *ctx, struct run *u, struct report *r)
{
	const struct field *sort = u->sort;

	memset(r, 0, sizeof(*r));
	r->o = u->o;
	r->fields = u->fields;
	need_sys(ctx, r);
	if (u->o->cgroup && pk_cgroup_mem_read(ctx, 0, u->o->cgroup_path,
	    &r->cg) != PK_OK)	/* a named cgroup that does not exist: 3 */
		errx(ctx->code == PK_ENOENT && u->o->cgroup_path != NULL ? 3 :
		    1, "%s", pk_strerror(ctx));
	if (u->o->view == V_GROUP && u->o->by != BY_PROGRAM)
		r->cgversion = cg_version(ctx, r);
	if (u->o->view == V_SYS)
		collect_system(ctx, r);
	else
		scan(ctx, r, u->exact);
	if (r->n > 0 && !r->pss_seen && u->o->view != V_SYS) {
		warnx("warning: kernel does not appear to support PSS "
		    "measurement");
		if (u->o->sort == NULL)
			sort = find_field(r->fields, "rss");
	}
	sort_rep = r;
	sort_field = sort;
	sort_cols = u->cols;
	sort_ncols = u->nc;
	if (r->n > 0)	/* qsort(NULL, 0, ...) is undefined */
		qsort(r->ents, r->n, sizeof(*r->ents), ent_cmp);
}

/* One sample out: text, a structured sample, or a whole file. */
static void
output(struct pk_ctx *ctx, struct run *u, const struct report *r, int first)
{
	const struct opts *o = u->o;

	if (o->pie != NULL || o->bar != NULL) {
		chart(ctx, r, u->sort, u->cols, u->nc);
		return;
	}
	if (o->outfile != NULL) {
		emit(ctx, r, u->cols, u->nc);
		return;
	}
	if (o->fmt == PK_OUT_TEXT || o->interval == 0) {
		if (!first && o->fmt == PK_OUT_TEXT)
			putchar('\n');	/* smemstat's blank line */
		emit(ctx, r, u->cols, u->nc);
		if (o->cgroup && o->fmt == PK_OUT_TEXT)
			printf("cgroup %s: memory.current %llu kB\n",
			    r->cg.loc.path,
			    (unsigned long long)(r->cg.usage / 1024));
		return;
	}
	if (!u->begun) {
		cs_build(&u->cs, o);
		if (pk_out_begin(&u->w, stdout, o->fmt, PK_OUT_INTERVAL |
		    (o->noheader ? PK_OUT_NOHEADER : 0), "procsmem", u->cs.oc,
		    u->cs.nkept) != PK_OK)
			errx(1, "out of memory");
		u->begun = 1;
	}
	pk_out_sample_begin(&u->w, pk_time_now());
	emit_records(&u->w, r, &u->cs);
	pk_out_sample_end(&u->w);
}

/* Samples until --count, a signal or, without --interval, the first. */
static int
run_samples(struct pk_ctx *ctx, struct run *u)
{
	struct report r;
	long n = 0;
	int status = 0;

	for (;;) {
		collect(ctx, u, &r);
		output(ctx, u, &r, n == 0);
		if (r.denied > 0 && !u->o->quiet)
			warnx("%lld process%s could not be read (permission "
			    "denied)", (long long)r.denied,
			    r.denied == 1 ? "" : "es");
		if (r.n == 0 && r.denied > 0)
			r.status = 1;
		status |= r.status;
		report_free(&r);
		if (fflush(stdout) != 0 || ferror(stdout))
			errx(1, "write error");
		if (u->o->interval == 0 || ++n == u->o->count || sh_signal)
			break;
		pause_secs(u->o->interval);
		if (sh_signal)
			break;
	}
	if (u->begun && pk_out_end(&u->w) != PK_OK)
		errx(1, "out of memory");
	return status;
}

int
main(int argc, char **argv)
{
	static const struct field *tables[] = { proc_fields, user_fields,
		map_fields, sys_fields, group_fields };
	static const char *defcols[] = { "pid user command swap uss pss rss",
		"user count swap uss pss rss", "map pids avgpss pss",
		"area used cache noncache", NULL };
	struct run u;
	struct pk_ctx ctx;
	struct opts o;
	char root[4096], spec[4096], gcols[128];
	int status;

	parse_opts(argc, argv, &o);
	sh_signals();
	if (o.psutil)
		return psutil_main(source_procfs(&o, root, sizeof(root)),
		    o.sysfs, o.outfile, o.fmt, o.quiet);
	memset(&u, 0, sizeof(u));
	u.o = &o;
	if (o.view == V_GROUP) {
		group_setup(&o);
		snprintf(gcols, sizeof(gcols), "%s count swap uss pss rss%s",
		    by_names[o.by], o.by == BY_CGROUP ? " charged" : "");
		defcols[V_GROUP] = gcols;
	}
	u.fields = tables[o.view];
	u.sort = find_field(u.fields, o.sort ? o.sort :
	    o.view == V_SYS ? "order" : "pss");
	if (u.sort == NULL)
		showfields(u.fields, "unknown field ", o.sort);
	u.nc = parse_columns(u.fields, chart_columns(&o, o.columns &&
	    *o.columns ? o.columns : defcols[o.view], spec, sizeof(spec)),
	    &u.cols);
	u.exact = need_exact(&o, u.sort, u.cols, u.nc);
	if (pk_ctx_open(&ctx, source_procfs(&o, root, sizeof(root)),
	    o.sysfs) != PK_OK)
		errx(1, "%s", pk_strerror(&ctx));
	status = run_samples(&ctx, &u);
	pk_ctx_close(&ctx);
	pk_re_free(o.pre);
	pk_re_free(o.mre);
	pk_re_free(o.ure);
	free(u.cols);
	return sh_exit(status);
}
