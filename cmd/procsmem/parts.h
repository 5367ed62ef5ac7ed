/*
 * parts.h: what the parts of procsmem share.  Calls go one way:
 *
 *   procsmem.c  options and main(): collect, then group, then render
 *   collect.c   every process (or the system) into a report
 *   group.c     rows of a view (users, groups, mappings), the sort, the
 *               totals and prom's groupings: all a render needs
 *   render.c    text table, SVG charts, the output file (report const)
 *   records.c   tsv, json and prom records (report const)
 *   report.c    the leaf: field tables, the getter, allocation
 *
 * svg.c and psutil.c are the views of views.h.
 */
#ifndef PROCSMEM_PARTS_H
#define PROCSMEM_PARTS_H

#include <stdio.h>

#include "pskit.h"
#include "pskit/out.h"
#include "shell.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

enum { V_PROC, V_USER, V_MAP, V_SYS, V_GROUP };

/* --by KEY; BY_USER is smem's -u view. */
enum { BY_NONE, BY_PROGRAM, BY_USER, BY_CGROUP, BY_UNIT, BY_CONTAINER };
extern const char *const by_names[];

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

/* The --by table: the template's rows (report.c), end marker included. */
#define GROUP_NFIELDS	10

struct opts {
	int		 view;
	int		 noheader, totals, autosize, numeric, reverse;
	int		 percent, abbrev, quiet, exact, hugetlb;
	const char	*columns, *sort, *realmem, *kernel, *source;
	double		 realmem_kb;	/* -R in kB (realmem != NULL) */
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

/* A row: a process, a user, a mapping name, a group or a system area. */
struct ent {
	struct ent	*next;		/* hash chain (map view, groups) */
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
	int		 by_user;	/* prom groupings: a user, not a program */
	struct pk_smaps	 m;
};

/* Rows by key (--by, -u, prom's groupings). */
struct gtab {
	struct ent	**b;
	size_t		 nb, n;
};

struct uidname {
	uint32_t	 uid;
	char		*name;
};

/* The value of field id for one row, as smem's getter gives it. */
struct val {
	const char	*s;	/* a string value, else n */
	int64_t		 n;
};

struct report {
	const struct opts *o;
	const struct field *fields;
	struct ent	**ents;
	size_t		 n, cap;
	struct ent	*hash[4096];	/* map view by name */
	struct uidname	*users;
	size_t		 nusers;
	struct pk_sysmem sys;
	int64_t		 denied;
	int		 pss_seen;
	int		 no_pss;	/* rows, but none with a PSS */
	int		 status;
	struct pk_cgroup_mem cg;	/* --cgroup: the cgroup shown */
	int		 cgversion;	/* --by: hierarchy of the paths */
	struct gtab	 groups;
	/* group.c, after the sort: what -t and prom show */
	struct val	*totals;	/* text -t: one per shown column */
	struct ent	 total;		/* tsv/json -t: every row summed */
	struct ent	**pgroups;	/* prom, process view: programs, users */
	size_t		 npgroups;
};

/* report.c: tables, getter, allocation */
void		*xcalloc(size_t, size_t);
char		*xstrndup(const char *, size_t);
char		*escape(const char *);
void		 fatal(struct pk_ctx *) __attribute__((noreturn));
const struct field *view_fields(const struct opts *,
		    struct field group[GROUP_NFIELDS]);
const struct field *find_field(const struct field *, const char *);
void		 showfields(const struct field *, const char *, const char *)
		    __attribute__((noreturn));
int		 word_in(const char *, const char *);
size_t		 parse_columns(const struct field *, const char *,
		    const struct field ***);
int		 cols_have(const struct field **, size_t, int);
struct val	 getv(const struct report *, const struct ent *, int);
int		 val_cmp(struct val, struct val);
const char	*user_text(const struct report *, const struct ent *, char *,
		    size_t);
struct ent	*ent_new(struct report *);
void		 report_free(struct report *);

/* collect.c */
void		 collect(struct pk_ctx *, const struct opts *,
		    const struct field *, int, struct report *);

/* group.c: called by collect while it reads, then once by main */
struct ent	*group_map(struct report *, const char *, size_t);
void		 group_by_key(struct report *, const char *, const char *,
		    const struct pk_pmem *);
void		 group_by_user(struct report *, const char *,
		    const struct pk_pmem *);
void		 group_finish(struct report *, const struct field *,
		    const struct field **, size_t);

/* records.c: structured output */
#define CS_MAX	24
struct colset {
	struct pk_out_col	 all[CS_MAX];	/* every column a record writes */
	unsigned char	 keep[CS_MAX];
	struct pk_out_col	 oc[CS_MAX];	/* the kept ones, for pk_out_begin */
	char		 keys[CS_MAX][64];
	size_t		 n, nkept;
};
void		 cs_build(struct colset *, const struct opts *);
void		 emit_records(struct pk_out *, const struct report *,
		    const struct colset *);
void		 render_out(FILE *, const struct report *, unsigned);

/* render.c: one sample out (text, SVG, a file, a structured sample) */
struct stream {
	struct colset	 cs;
	struct pk_out	 w;		/* structured samples to stdout */
	int		 begun;
};
void		 output(struct pk_ctx *, struct stream *, const struct report *,
		    const struct field *, const struct field **, size_t, int);
void		 output_end(struct stream *);

#endif
