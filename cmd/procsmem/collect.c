/*
 * collect.c: procsmem reads.  Every process (filters first, then its
 * memory: smaps_rollup, or smaps per mapping where a view needs it) or
 * the system's areas, into a report.  The rows of grouped views are
 * added up by group.c as the processes arrive, since smaps is streamed
 * and not kept.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parts.h"

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

/* Per-mapping callback: -M filter, and the map view's rows. */
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
	if (r->o->mfilter != NULL && !pk_re_match(r->o->mre, a->name))
		return 0;
	if (r->o->view == V_MAP) {
		e = group_map(r, vma->name, vma->namelen);
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
	struct ent *e;

	if (p->mem.has & (1u << PK_SM_PSS))
		r->pss_seen = 1;
	if (r->o->view == V_MAP)
		return;
	if (r->o->view == V_GROUP) {
		group_by_key(r, k->key, k->pod, p);
		return;
	}
	if (r->o->view == V_USER) {
		group_by_user(r, username(r, p->uid), p);
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

	if (o->pfilter != NULL && !pk_re_match(o->pre, p->st.comm) &&
	    !pk_re_match(o->pre, p->cmdline))
		return 0;
	if (o->ufilter != NULL && !pk_re_match(o->ure, username(r, p->uid)))
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

/* -K PATH: the kernel image in kB; 0 with smem's hint on failure. */
static int64_t
kernel_size(struct pk_ctx *ctx, const char *path)
{
	uint64_t bytes;

	if (pk_pmem_kernel_size(ctx, path, &bytes) == PK_OK)
		return (int64_t)(bytes / 1024);
	fprintf(stderr, "Parameter '%s' should be an original uncompressed "
	    "compiled kernel file.\n\n", path);
	return 0;
}

static void
collect_system(struct pk_ctx *ctx, struct report *r)
{
	struct pk_area a[PK_AREAS];
	const struct opts *o = r->o;
	int64_t total, kernel;
	struct ent *e;
	int i;

	/* Windows has no AnonPages, Mapped, Cached: no areas to show */
	if (!(r->sys.has & (1u << PK_SYS_ANONPAGES)))
		errx(1, "system view: not supported on this system");
	total = o->realmem ? (int64_t)o->realmem_kb :
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

/* One report: the system's memory, then every process or the areas. */
void
collect(struct pk_ctx *ctx, const struct opts *o, const struct field *fields,
    int exact, struct report *r)
{
	memset(r, 0, sizeof(*r));
	r->o = o;
	r->fields = fields;
	if (pk_sysmem_read(ctx, &r->sys) != PK_OK)
		fatal(ctx);
	if (o->cgroup && pk_cgroup_mem_read(ctx, 0, o->cgroup_path,
	    &r->cg) != PK_OK)	/* a named cgroup that does not exist: 3 */
		errx(ctx->code == PK_ENOENT && o->cgroup_path != NULL ? 3 :
		    1, "%s", pk_strerror(ctx));
	if (o->view == V_GROUP && o->by != BY_PROGRAM)
		r->cgversion = cg_version(ctx, r);
	if (o->view == V_SYS)
		collect_system(ctx, r);
	else
		scan(ctx, r, exact);
	r->no_pss = r->n > 0 && !r->pss_seen && o->view != V_SYS;
	if (r->no_pss)
		warnx("warning: kernel does not appear to support PSS "
		    "measurement");
}
