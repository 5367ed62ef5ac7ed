/*
 * procinfo's text: psutil 5.9.4 scripts/procinfo.py's layout, line for
 * line, with the script's bugs fixed (see the man page).  Reads a report,
 * never the system.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pskit.h"
#include "pskit/fmt.h"
#include "parts.h"

#define NON_VERBOSE_ROWS	4

static const char *const rlim_labels[PK_RLIM_N] = {
	"virtualmem", "coredumpsize", "cputime", "datasize", "filesize",
	"locks", "memlock", "msgqueue", "nice", "openfiles", "maxprocesses",
	"rss", "realtimeprio", "rtimesched", "sigspending", "stack"
};

/* Untrusted bytes: the library's escaping policy (DESIGN.md "Output"). */
static void
esc(FILE *fp, const char *s)
{
	pk_esc_fputs(s, fp);
}

/* psutil _common.bytes2human: "%.1f" and the largest unit that fits. */
static const char *
b2h(uint64_t n, char *buf, size_t len)
{
	static const char sym[] = "KMGTPE";
	int i;

	for (i = 5; i >= 0; i--) {
		if (n >= (uint64_t)1 << ((i + 1) * 10)) {
			snprintf(buf, len, "%.1f%c", (double)n /
			    (double)((uint64_t)1 << ((i + 1) * 10)), sym[i]);
			return buf;
		}
	}
	snprintf(buf, len, "%.1fB", (double)n);
	return buf;
}

/* Python repr of round(x, 2): two decimals, trailing zeros but one cut. */
static const char *
repr2(double x, char *buf, size_t len)
{
	size_t l;

	snprintf(buf, len, "%.2f", x);
	l = strlen(buf);
	if (buf[l - 1] == '0')
		buf[--l] = '\0';
	if (buf[l - 1] == '0' && buf[l - 2] != '.')
		buf[--l] = '\0';
	return buf;
}

static const char *
tsecs(const struct pk_proc *p, uint64_t ticks, char *buf, size_t len)
{
	return repr2(pk_proc_secs(p, ticks), buf, len);
}

/* Start a line: "%-11s " (psutil print_), green on a terminal. */
static void
label(FILE *fp, const struct opts *o, const char *l)
{
	if (o->tty)
		fprintf(fp, "\x1b[1;32m%-13s\x1b[0m ", l);
	else
		fprintf(fp, "%-11s ", l);
}

static void
line(FILE *fp, const struct opts *o, const char *l, const char *v)
{
	label(fp, o, l);
	if (v != NULL)
		esc(fp, v);
	putc('\n', fp);
}

static uint64_t
total_ticks(const struct pk_proc *p)
{
	return p->stat.utime + p->stat.stime + p->stat.cutime +
	    p->stat.cstime + p->stat.blkio;
}

/* "M:SS.hh", or "H:MM:SS.hh" from one hour (the script drops hours). */
static void
text_tspent(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	uint64_t cs, s;

	label(fp, o, "cpu-tspent");
	if (p->has & PK_P_STAT) {
		cs = p->clk_tck ? total_ticks(p) * 100 / p->clk_tck : 0;
		s = cs / 100;
		if (s >= 3600)
			fprintf(fp, "%llu:%02u:%02u.%02u",
			    (unsigned long long)(s / 3600),
			    (unsigned)(s / 60 % 60), (unsigned)(s % 60),
			    (unsigned)(cs % 100));
		else
			fprintf(fp, "%u:%02u.%02u", (unsigned)(s / 60),
			    (unsigned)(s % 60), (unsigned)(cs % 100));
	}
	putc('\n', fp);
}

static void
text_cpu(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	char a[32], b[32], c[32], d[32], e[32];
	size_t i;

	label(fp, o, "cpu-times");
	if (p->has & PK_P_STAT)
		fprintf(fp, "user=%s, system=%s, children_user=%s, "
		    "children_system=%s, iowait=%s",
		    tsecs(p, p->stat.utime, a, sizeof(a)),
		    tsecs(p, p->stat.stime, b, sizeof(b)),
		    tsecs(p, p->stat.cutime, c, sizeof(c)),
		    tsecs(p, p->stat.cstime, d, sizeof(d)),
		    tsecs(p, p->stat.blkio, e, sizeof(e)));
	putc('\n', fp);
	label(fp, o, "cpu-affinity");
	if (p->has & PK_P_AFFINITY) {
		putc('[', fp);
		for (i = 0; i < p->ncpus; i++)
			fprintf(fp, "%s%d", i ? ", " : "", p->cpus[i]);
		putc(']', fp);
	}
	putc('\n', fp);
	label(fp, o, "cpu-num");
	if (p->stat.has & PK_PSTAT_HAS_PROCESSOR)
		fprintf(fp, "%lld", (long long)p->stat.processor);
	putc('\n', fp);
}

static void
text_mem(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	const struct pk_pstatm *m = &p->statm;
	uint64_t ps = p->pagesize, v;
	char b[7][32];

	label(fp, o, "memory");
	if ((p->has & PK_P_STATM) && (p->has & PK_P_STATM_RV))
		fprintf(fp, "rss=%s, vms=%s", b2h(m->resident * ps, b[0], 32),
		    b2h(m->size * ps, b[1], 32));	/* Windows */
	else if (p->has & PK_P_STATM)
		fprintf(fp, "rss=%s, vms=%s, shared=%s, text=%s, lib=%s, "
		    "data=%s, dirty=%s", b2h(m->resident * ps, b[0], 32),
		    b2h(m->size * ps, b[1], 32), b2h(m->shared * ps, b[2], 32),
		    b2h(m->text * ps, b[3], 32), b2h(m->lib * ps, b[4], 32),
		    b2h(m->data * ps, b[5], 32), b2h(m->dt * ps, b[6], 32));
	putc('\n', fp);
	label(fp, o, "memory-full");
	if ((p->has & PK_P_ROLLUP) &&
	    !(p->rollup.has & (PK_ROLLUP_HAS_PSS | PK_ROLLUP_HAS_SWAP)))
		fprintf(fp, "uss=%s", b2h(p->rollup.uss, b[0], 32));	/* Windows */
	else if (p->has & PK_P_ROLLUP)
		fprintf(fp, "uss=%s, pss=%s, swap=%s",
		    b2h(p->rollup.uss, b[0], 32), b2h(p->rollup.pss, b[1], 32),
		    b2h(p->rollup.swap, b[2], 32));
	putc('\n', fp);
	label(fp, o, "memory %");
	if ((p->has & PK_P_MEMTOTAL) && pk_proc_memtype_value(p, o->memtype, &v))
		fputs(repr2(pk_proc_mem_percent(v, p->memtotal), b[0], 32),
		    fp);
	putc('\n', fp);
}

/* "uids"/"gids": real, effective, saved (blank when status lacks them). */
static void
text_id3(FILE *fp, const struct opts *o, const char *l, int has,
    const uint64_t id[3])
{
	label(fp, o, l);
	if (has)
		fprintf(fp, "real=%llu, effective=%llu, saved=%llu",
		    (unsigned long long)id[0], (unsigned long long)id[1],
		    (unsigned long long)id[2]);
	putc('\n', fp);
}

static void
text_ids(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	const struct pk_pstatus *s = &p->status;

	line(fp, o, "user", p->has & PK_P_USER ? p->user : NULL);
	text_id3(fp, o, "uids", (s->has & PK_PSTATUS_HAS_UID) != 0, s->uid);
	text_id3(fp, o, "gids", (s->has & PK_PSTATUS_HAS_GID) != 0, s->gid);
	line(fp, o, "terminal", p->terminal);
	line(fp, o, "status", p->has & PK_P_STAT ?
	    pk_proc_status_str(p->stat.state) : NULL);
	label(fp, o, "nice");
	if (p->has & PK_P_NICE)
		fprintf(fp, "%d", p->nice);
	putc('\n', fp);
	if (p->has & PK_P_IONICE) {
		label(fp, o, "ionice");
		fprintf(fp, "class=%d, value=%d\n", p->ioclass, p->iovalue);
	}
}

static void
text_counts(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	const struct pk_pio *io = &p->io;
	char b[4][32];

	label(fp, o, "num-threads");
	if (p->status.has & PK_PSTATUS_HAS_THREADS)
		fprintf(fp, "%llu", (unsigned long long)p->status.threads);
	putc('\n', fp);
	label(fp, o, "num-fds");
	if (p->has & PK_P_FDS)
		fprintf(fp, "%lld", (long long)p->num_fds);
	putc('\n', fp);
	label(fp, o, "I/O");
	if (p->has & PK_P_IO)
		fprintf(fp, "read_count=%llu, write_count=%llu, read_bytes=%s, "
		    "write_bytes=%s, read_chars=%s, write_chars=%s",
		    (unsigned long long)io->syscr,
		    (unsigned long long)io->syscw,
		    b2h(io->read_bytes, b[0], 32), b2h(io->write_bytes, b[1], 32),
		    b2h(io->rchar, b[2], 32), b2h(io->wchar, b[3], 32));
	putc('\n', fp);
	label(fp, o, "ctx-switches");
	if (p->status.has & PK_PSTATUS_HAS_CTX)
		fprintf(fp, "voluntary=%llu, involuntary=%llu",
		    (unsigned long long)p->status.vctx,
		    (unsigned long long)p->status.nvctx);
	putc('\n', fp);
}

/* After NON_VERBOSE_ROWS rows: "[...]" and stop (unless -v). */
static int
row_cut(FILE *fp, const struct opts *o, size_t i)
{
	if (o->verbose || i < NON_VERBOSE_ROWS)
		return 0;
	label(fp, o, "");
	fputs("[...]\n", fp);
	return 1;
}

static void
text_children(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	size_t i;

	if (p->nchildren == 0)
		return;
	label(fp, o, "children");
	fprintf(fp, "%-6s %s\n", "PID", "NAME");
	for (i = 0; i < p->nchildren; i++) {
		label(fp, o, "");
		fprintf(fp, "%-6lld ", (long long)p->children[i].pid);
		if (p->children[i].name != NULL)
			esc(fp, p->children[i].name);
		putc('\n', fp);
	}
}

static void
text_files(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	size_t i;

	if (p->nfiles == 0) {
		line(fp, o, "open-files", "");
		return;
	}
	line(fp, o, "open-files", "PATH");
	for (i = 0; i < p->nfiles; i++) {
		if (row_cut(fp, o, i))
			break;
		line(fp, o, "", p->files[i].path);
	}
}

static void
addr_text(char *buf, size_t len, const char *ip, int port)
{
	if (port < 0)
		snprintf(buf, len, "*:*");
	else
		snprintf(buf, len, "%s:%d", ip, port);
}

static void
text_conns(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	const struct pk_pconn *c;
	char l[200], r[100], row[400];
	size_t i;

	if (p->nconns == 0) {
		line(fp, o, "connections", "");
		return;
	}
	snprintf(row, sizeof(row), "%-5s %-25s %-25s %s", "PROTO",
	    "LOCAL ADDR", "REMOTE ADDR", "STATUS");
	line(fp, o, "connections", row);
	for (i = 0; i < p->nconns; i++) {
		c = &p->conns[i];
		if (c->family == 1) {
			snprintf(l, sizeof(l), "%s", c->laddr);
			r[0] = '\0';
		} else {
			addr_text(l, sizeof(l), c->laddr, c->lport);
			addr_text(r, sizeof(r), c->raddr, c->rport);
		}
		snprintf(row, sizeof(row), "%-5s %-25s %-25s %s",
		    c->family == 1 ? "UNIX" : c->type == 1 ? "TCP" : "UDP",
		    l, r, c->status);
		line(fp, o, "", row);
	}
}

static void
text_threads(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	char u[32], s[32];
	size_t i;

	if (p->nthreads <= 1) {
		line(fp, o, "threads", "");
		return;
	}
	label(fp, o, "threads");
	fprintf(fp, "%-5s %12s %12s\n", "TID", "USER", "SYSTEM");
	for (i = 0; i < p->nthreads; i++) {
		if (row_cut(fp, o, i))
			break;
		label(fp, o, "");
		fprintf(fp, "%-5lld %12s %12s\n", (long long)p->threads[i].tid,
		    tsecs(p, p->threads[i].utime, u, sizeof(u)),
		    tsecs(p, p->threads[i].stime, s, sizeof(s)));
	}
	label(fp, o, "");
	fprintf(fp, "total=%zu\n", p->nthreads);
}

static const char *
rlim_text(uint64_t v, char *buf, size_t len)
{
	if (v == PK_RLIM_INFINITY)
		return "infinity";
	snprintf(buf, len, "%llu", (unsigned long long)v);
	return buf;
}

static void
text_limits(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	char s[32], h[32];
	size_t i, n = 0;

	if (!(p->has & PK_P_LIMITS))
		return;
	for (i = 0; i < PK_RLIM_N; i++) {
		if (!(p->limits.has & (1u << i)))
			continue;
		if (n++ == 0) {
			label(fp, o, "res-limits");
			fprintf(fp, "%-12s %15s %15s\n", "RLIMIT", "SOFT", "HARD");
		}
		label(fp, o, "");
		fprintf(fp, "%-12s %15s %15s\n", rlim_labels[i],
		    rlim_text(p->limits.soft[i], s, sizeof(s)),
		    rlim_text(p->limits.hard[i], h, sizeof(h)));
	}
}

static void
text_environ(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	size_t i;

	if (!(p->has & PK_P_ENVIRON) || p->env.n == 0)
		return;
	label(fp, o, "environ");
	fprintf(fp, "%-25s %s\n", "NAME", "VALUE");
	for (i = 0; i < p->env.n; i++) {
		if (row_cut(fp, o, i))
			break;
		label(fp, o, "");
		esc(fp, p->env.key[i]);
		fprintf(fp, "%*s ", (int)(strlen(p->env.key[i]) < 25 ?
		    25 - strlen(p->env.key[i]) : 0), "");
		esc(fp, p->env.val[i]);
		putc('\n', fp);
	}
}

/* mem-maps rows: by RSS, biggest first; ties keep first appearance. */
static int
map_cmp(const void *a, const void *b)
{
	const struct pk_pmap *const *x = a, *const *y = b;

	if ((*x)->rss != (*y)->rss)
		return (*x)->rss > (*y)->rss ? -1 : 1;
	return *x < *y ? -1 : *x > *y;
}

static void
text_maps(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	const struct pk_pmap **v;
	char b[32];
	size_t i;

	if (!(p->has & PK_P_MAPS) || p->nmaps == 0)
		return;
	if ((v = calloc(p->nmaps, sizeof(*v))) == NULL)
		err(1, NULL);
	for (i = 0; i < p->nmaps; i++)
		v[i] = &p->maps[i];
	if (p->nmaps > 0)
		qsort(v, p->nmaps, sizeof(*v), map_cmp);
	label(fp, o, "mem-maps");
	fprintf(fp, "%-8s %s\n", "RSS", "PATH");
	for (i = 0; i < p->nmaps; i++) {
		if (row_cut(fp, o, i))
			break;
		label(fp, o, "");
		fprintf(fp, "%-8s ", b2h(v[i]->rss, b, sizeof(b)));
		esc(fp, v[i]->path);
		putc('\n', fp);
	}
	free(v);
}

static void
text_head(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	char buf[64];
	time_t t;
	struct tm *tm;
	size_t i;

	label(fp, o, "pid");
	fprintf(fp, "%lld\n", (long long)p->pid);
	line(fp, o, "name", p->has & PK_P_STAT ? p->name : NULL);
	label(fp, o, "parent");
	if (p->has & PK_P_STAT)
		fprintf(fp, "%lld ", (long long)p->stat.ppid);
	if (p->has & PK_P_PARENT) {
		putc('(', fp);
		esc(fp, p->parent_name);
		putc(')', fp);
	}
	putc('\n', fp);
	line(fp, o, "exe", p->has & PK_P_EXE ? p->exe : NULL);
	line(fp, o, "cwd", p->has & PK_P_CWD ? p->cwd : NULL);
	label(fp, o, "cmdline");
	for (i = 0; i < p->cmdline.n; i++) {
		if (i > 0)
			putc(' ', fp);
		esc(fp, p->cmdline.v[i]);
	}
	putc('\n', fp);
	label(fp, o, "started");
	/* a hostile btime puts it past time_t: the conversion is then UB */
	t = (p->has & PK_P_CREATE) && p->create_time >= 0 &&
	    p->create_time < 9e18 ? (time_t)p->create_time : -1;
	if (t != -1 && (tm = localtime(&t)) != NULL &&
	    strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M", tm) > 0)
		fputs(buf, fp);
	putc('\n', fp);
}

void
render_text(FILE *fp, const struct opts *o, const struct pk_proc *p)
{
	text_head(fp, o, p);
	text_tspent(fp, o, p);
	text_cpu(fp, o, p);
	text_mem(fp, o, p);
	text_ids(fp, o, p);
	text_counts(fp, o, p);
	text_children(fp, o, p);
	text_files(fp, o, p);
	text_conns(fp, o, p);
	text_threads(fp, o, p);
	text_limits(fp, o, p);
	text_environ(fp, o, p);
	text_maps(fp, o, p);
}
