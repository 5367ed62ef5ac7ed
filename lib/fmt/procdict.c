/*
 * procdict.c: a process as psutil's Process.as_dict() shapes it, written
 * through the nested records of the output writer (json objects, long
 * tsv).  Names and shapes are psutil 5.9.4's, plus memory_full_info
 * limited to uss/pss/swap; null where the field was not read
 * (reference/procinfo.md §2, issue 4 item 6).
 */
#include <stdio.h>
#include <string.h>

#include "pskit.h"
#include "pskit/out.h"
#include "pskit/fmt.h"

/* Clock ticks as seconds (psutil divides by CLK_TCK). */
double
pk_proc_secs(const struct pk_proc *p, uint64_t ticks)
{
	return p->clk_tck ? (double)ticks / (double)p->clk_tck : 0;
}

/*
 * The byte count psutil memory_percent(memtype) takes a percent of;
 * 0 when the source of that memtype was not read.
 */
int
pk_proc_memtype_value(const struct pk_proc *p, const char *t, uint64_t *v)
{
	const struct pk_pstatm *m = &p->statm;
	uint64_t ps = p->pagesize;

	if (strcmp(t, "uss") == 0 || strcmp(t, "pss") == 0 ||
	    strcmp(t, "swap") == 0) {
		if (!(p->has & PK_P_ROLLUP) || !(p->rollup.has & (t[0] ==
		    'u' ? PK_ROLLUP_HAS_USS : t[0] == 'p' ? PK_ROLLUP_HAS_PSS :
		    PK_ROLLUP_HAS_SWAP)))
			return 0;
		*v = t[0] == 'u' ? p->rollup.uss : t[0] == 'p' ?
		    p->rollup.pss : p->rollup.swap;
		return 1;
	}
	if (!(p->has & PK_P_STATM) || ((p->has & PK_P_STATM_RV) &&
	    strcmp(t, "rss") != 0 && strcmp(t, "vms") != 0))
		return 0;
	*v = strcmp(t, "rss") == 0 ? m->resident * ps :
	    strcmp(t, "vms") == 0 ? m->size * ps :
	    strcmp(t, "shared") == 0 ? m->shared * ps :
	    strcmp(t, "text") == 0 ? m->text * ps : m->data * ps;
	return 1;
}

/* Structured output: psutil as_dict() names; null where not read. */
static void
k_u64(struct pk_out *w, const char *k, int has, uint64_t v)
{
	pk_out_key(w, k);
	if (has)
		pk_out_u64(w, v);
	else
		pk_out_null(w);
}

static void
k_i64(struct pk_out *w, const char *k, int has, int64_t v)
{
	pk_out_key(w, k);
	if (has)
		pk_out_i64(w, v);
	else
		pk_out_null(w);
}

static void
k_f64(struct pk_out *w, const char *k, int has, double v, int dec)
{
	pk_out_key(w, k);
	if (has)
		pk_out_f64(w, v, dec);
	else
		pk_out_null(w);
}

static void
k_str(struct pk_out *w, const char *k, int has, const char *v)
{
	pk_out_key(w, k);
	pk_out_str(w, has ? v : NULL);
}

static void
out_ids(struct pk_out *w, const char *k, int has, const uint64_t *v)
{
	pk_out_key(w, k);
	if (!has) {
		pk_out_null(w);
		return;
	}
	pk_out_obj_begin(w);
	k_u64(w, "real", 1, v[0]);
	k_u64(w, "effective", 1, v[1]);
	k_u64(w, "saved", 1, v[2]);
	pk_out_obj_end(w);
}

static void
out_cpu(struct pk_out *w, const struct pk_proc *p)
{
	int h = (p->has & PK_P_STAT) != 0;
	size_t i;

	pk_out_key(w, "cpu_times");
	pk_out_obj_begin(w);
	k_f64(w, "user", h, pk_proc_secs(p, p->stat.utime), 2);
	k_f64(w, "system", h, pk_proc_secs(p, p->stat.stime), 2);
	k_f64(w, "children_user", h, pk_proc_secs(p, p->stat.cutime), 2);
	k_f64(w, "children_system", h, pk_proc_secs(p, p->stat.cstime), 2);
	k_f64(w, "iowait", p->stat.has & PK_PSTAT_HAS_BLKIO,
	    pk_proc_secs(p, p->stat.blkio), 2);
	pk_out_obj_end(w);
	pk_out_key(w, "cpu_affinity");
	if (p->has & PK_P_AFFINITY) {
		pk_out_arr_begin(w);
		for (i = 0; i < p->ncpus; i++)
			pk_out_i64(w, p->cpus[i]);
		pk_out_arr_end(w);
	} else
		pk_out_null(w);
	k_i64(w, "cpu_num", p->stat.has & PK_PSTAT_HAS_PROCESSOR,
	    p->stat.processor);
}

static void
out_mem(struct pk_out *w, const char *memtype, const struct pk_proc *p)
{
	const struct pk_pstatm *m = &p->statm;
	uint64_t ps = p->pagesize, v = 0;
	int h = (p->has & PK_P_STATM) != 0, r = (p->has & PK_P_ROLLUP) != 0;
	int all = !(p->has & PK_P_STATM_RV);	/* Windows: rss, vms only */

	pk_out_key(w, "memory_info");
	if (h) {
		pk_out_obj_begin(w);
		k_u64(w, "rss", 1, m->resident * ps);
		k_u64(w, "vms", 1, m->size * ps);
		k_u64(w, "shared", all, m->shared * ps);
		k_u64(w, "text", all, m->text * ps);
		k_u64(w, "lib", all, m->lib * ps);
		k_u64(w, "data", all, m->data * ps);
		k_u64(w, "dirty", all, m->dt * ps);
		pk_out_obj_end(w);
	} else
		pk_out_null(w);
	pk_out_key(w, "memory_full_info");
	if (r) {
		pk_out_obj_begin(w);
		k_u64(w, "uss", p->rollup.has & PK_ROLLUP_HAS_USS, p->rollup.uss);
		k_u64(w, "pss", p->rollup.has & PK_ROLLUP_HAS_PSS, p->rollup.pss);
		k_u64(w, "swap", p->rollup.has & PK_ROLLUP_HAS_SWAP,
		    p->rollup.swap);
		pk_out_obj_end(w);
	} else
		pk_out_null(w);
	h = (p->has & PK_P_MEMTOTAL) && pk_proc_memtype_value(p, memtype, &v);
	k_f64(w, "memory_percent", h, pk_proc_mem_percent(v, p->memtotal),
	    2);
}

static void
out_counts(struct pk_out *w, const struct pk_proc *p)
{
	int h = (p->has & PK_P_IO) != 0;

	k_u64(w, "num_threads", p->status.has & PK_PSTATUS_HAS_THREADS,
	    p->status.threads);
	k_i64(w, "num_fds", p->has & PK_P_FDS, p->num_fds);
	pk_out_key(w, "io_counters");
	if (h) {
		pk_out_obj_begin(w);
		k_u64(w, "read_count", 1, p->io.syscr);
		k_u64(w, "write_count", 1, p->io.syscw);
		k_u64(w, "read_bytes", 1, p->io.read_bytes);
		k_u64(w, "write_bytes", 1, p->io.write_bytes);
		k_u64(w, "read_chars", 1, p->io.rchar);
		k_u64(w, "write_chars", 1, p->io.wchar);
		pk_out_obj_end(w);
	} else
		pk_out_null(w);
	pk_out_key(w, "num_ctx_switches");
	if (p->status.has & PK_PSTATUS_HAS_CTX) {
		pk_out_obj_begin(w);
		k_u64(w, "voluntary", 1, p->status.vctx);
		k_u64(w, "involuntary", 1, p->status.nvctx);
		pk_out_obj_end(w);
	} else
		pk_out_null(w);
}

static void
out_addr(struct pk_out *w, const char *k, const struct pk_pconn *c,
    const char *ip, int port)
{
	pk_out_key(w, k);
	if (c->family == 1) {
		pk_out_str(w, ip);
		return;
	}
	pk_out_arr_begin(w);
	if (port >= 0) {
		pk_out_str(w, ip);
		pk_out_i64(w, port);
	}
	pk_out_arr_end(w);
}

static void
out_lists(struct pk_out *w, const struct pk_proc *p)
{
	size_t i;

	pk_out_key(w, "children");
	pk_out_arr_begin(w);
	for (i = 0; i < p->nchildren; i++) {
		pk_out_obj_begin(w);
		k_i64(w, "pid", 1, p->children[i].pid);
		k_str(w, "name", 1, p->children[i].name);
		pk_out_obj_end(w);
	}
	pk_out_arr_end(w);
	pk_out_key(w, "open_files");
	if (p->has & PK_P_FDS) {
		pk_out_arr_begin(w);
		for (i = 0; i < p->nfiles; i++) {
			pk_out_obj_begin(w);
			k_str(w, "path", 1, p->files[i].path);
			k_i64(w, "fd", 1, p->files[i].fd);
			k_u64(w, "position", 1, p->files[i].position);
			k_str(w, "mode", 1, p->files[i].mode);
			k_u64(w, "flags", 1, p->files[i].flags);
			pk_out_obj_end(w);
		}
		pk_out_arr_end(w);
	} else
		pk_out_null(w);
}

static void
out_conns_threads(struct pk_out *w, const struct pk_proc *p)
{
	const struct pk_pconn *c;
	size_t i;

	pk_out_key(w, "connections");
	if (p->has & PK_P_CONNS) {
		pk_out_arr_begin(w);
		for (i = 0; i < p->nconns; i++) {
			c = &p->conns[i];
			pk_out_obj_begin(w);
			k_i64(w, "fd", 1, c->fd);
			k_i64(w, "family", 1, c->family);
			k_i64(w, "type", 1, c->type);
			out_addr(w, "laddr", c, c->laddr, c->lport);
			out_addr(w, "raddr", c, c->raddr, c->rport);
			k_str(w, "status", 1, c->status);
			pk_out_obj_end(w);
		}
		pk_out_arr_end(w);
	} else
		pk_out_null(w);
	pk_out_key(w, "threads");
	if (p->has & PK_P_THREADS) {
		pk_out_arr_begin(w);
		for (i = 0; i < p->nthreads; i++) {
			pk_out_obj_begin(w);
			k_i64(w, "id", 1, p->threads[i].tid);
			k_f64(w, "user_time", 1, pk_proc_secs(p, p->threads[i].utime), 2);
			k_f64(w, "system_time", 1, pk_proc_secs(p, p->threads[i].stime),
			    2);
			pk_out_obj_end(w);
		}
		pk_out_arr_end(w);
	} else
		pk_out_null(w);
}

static void
out_rlimits(struct pk_out *w, const struct pk_proc *p)
{
	char name[32];
	size_t i, j;

	pk_out_key(w, "rlimits");
	if (!(p->has & PK_P_LIMITS)) {
		pk_out_null(w);
		return;
	}
	pk_out_obj_begin(w);
	for (i = 0; i < PK_RLIM_N; i++) {
		if (!(p->limits.has & (1u << i)))
			continue;
		strlcpy(name, pk_plimits_name((int)i), sizeof(name));
		for (j = 0; name[j] != '\0'; j++)
			name[j] = (char)(name[j] - 'A' + 'a');
		pk_out_key(w, name);
		pk_out_arr_begin(w);
		/* RLIM_INFINITY is -1, as psutil gives it */
		pk_out_i64(w, p->limits.soft[i] == PK_RLIM_INFINITY ? -1 :
		    (int64_t)p->limits.soft[i]);
		pk_out_i64(w, p->limits.hard[i] == PK_RLIM_INFINITY ? -1 :
		    (int64_t)p->limits.hard[i]);
		pk_out_arr_end(w);
	}
	pk_out_obj_end(w);
}

static void
out_envmaps(struct pk_out *w, const struct pk_proc *p)
{
	const struct pk_pmap *m;
	size_t i;

	pk_out_key(w, "environ");
	if (p->has & PK_P_ENVIRON) {
		pk_out_obj_begin(w);
		for (i = 0; i < p->env.n; i++)
			k_str(w, p->env.key[i], 1, p->env.val[i]);
		pk_out_obj_end(w);
	} else
		pk_out_null(w);
	pk_out_key(w, "memory_maps");
	if (!(p->has & PK_P_MAPS)) {
		pk_out_null(w);
		return;
	}
	pk_out_arr_begin(w);
	for (i = 0; i < p->nmaps; i++) {
		m = &p->maps[i];
		pk_out_obj_begin(w);
		k_str(w, "path", 1, m->path);
		k_u64(w, "rss", 1, m->rss);
		k_u64(w, "size", 1, m->size);
		k_u64(w, "pss", 1, m->pss);
		k_u64(w, "shared_clean", 1, m->shared_clean);
		k_u64(w, "shared_dirty", 1, m->shared_dirty);
		k_u64(w, "private_clean", 1, m->private_clean);
		k_u64(w, "private_dirty", 1, m->private_dirty);
		k_u64(w, "referenced", 1, m->referenced);
		k_u64(w, "anonymous", 1, m->anonymous);
		k_u64(w, "swap", 1, m->swap);
		pk_out_obj_end(w);
	}
	pk_out_arr_end(w);
}

int
pk_proc_dict(struct pk_out *w, const struct pk_proc *p, const char *memtype)
{
	char id[32];
	size_t i;
	int st = (p->has & PK_P_STAT) != 0;

	snprintf(id, sizeof(id), "%lld", (long long)p->pid);
	pk_out_nest_record_begin(w, id);
	k_i64(w, "pid", 1, p->pid);
	k_str(w, "name", st, p->name);
	k_i64(w, "ppid", st, p->stat.ppid);
	k_str(w, "exe", p->has & PK_P_EXE, p->exe);
	k_str(w, "cwd", p->has & PK_P_CWD, p->cwd);
	pk_out_key(w, "cmdline");
	if (p->has & PK_P_CMDLINE) {
		pk_out_arr_begin(w);
		for (i = 0; i < p->cmdline.n; i++)
			pk_out_str(w, p->cmdline.v[i]);
		pk_out_arr_end(w);
	} else
		pk_out_null(w);
	k_f64(w, "create_time", p->has & PK_P_CREATE, p->create_time, 2);
	out_cpu(w, p);
	out_mem(w, memtype, p);
	k_str(w, "username", p->has & PK_P_USER, p->user);
	out_ids(w, "uids", p->status.has & PK_PSTATUS_HAS_UID, p->status.uid);
	out_ids(w, "gids", p->status.has & PK_PSTATUS_HAS_GID, p->status.gid);
	k_str(w, "terminal", p->has & PK_P_TERMINAL, p->terminal);
	k_str(w, "status", st, pk_proc_status_str(p->stat.state));
	k_i64(w, "nice", p->has & PK_P_NICE, p->nice);
	pk_out_key(w, "ionice");
	if (p->has & PK_P_IONICE) {
		pk_out_obj_begin(w);
		k_i64(w, "ioclass", 1, p->ioclass);
		k_i64(w, "value", 1, p->iovalue);
		pk_out_obj_end(w);
	} else
		pk_out_null(w);
	out_counts(w, p);
	out_lists(w, p);
	out_conns_threads(w, p);
	out_rlimits(w, p);
	out_envmaps(w, p);
	return pk_out_record_end(w);
}

