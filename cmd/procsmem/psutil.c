/*
 * psutil.c: procsmem --psutil prints the report of psutil 5.9.4's
 * scripts/procsmem.py byte for byte (reference/procsmem.md §2.3):
 * every process whose memory psutil can read, USS counting every
 * Private_* line, RSS from statm, the real user; USS 0 left out; sorted
 * by USS ascending (ties in PID order, as Python's stable sort keeps
 * them); the first 86 rows; "warning: access denied for N pids" on
 * stderr.  The numbers come from pk_psmem_read(); this file formats.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "pskit/out.h"
#include "pskit/fmt.h"
#include "views.h"
#include "shell.h"

#define PSUTIL_ROWS	86	/* procs[:86] */

struct prow {
	int		 pid;
	uint64_t	 uss, pss, swap, rss;
	char		*user;		/* escaped, "" when unknown */
	char		*cmd;		/* args joined by " ", escaped */
};

struct preport {
	struct prow	*rows;
	size_t		 n, cap;
	long long	 denied;
	int		 status;
};

static char *
escape(const char *s)
{
	char *e;

	if ((e = pk_smem_escape(s)) == NULL)
		err(1, NULL);
	return e;
}

/* " ".join(cmdline); escaped before it is cut (DESIGN.md). */
static char *
join_cmdline(const struct pk_psmem *p)
{
	size_t i, len = 1;
	char *s, *e;

	for (i = 0; i < p->cmdline.n; i++)
		len += strlen(p->cmdline.v[i]) + 1;
	if ((s = calloc(1, len)) == NULL)
		err(1, NULL);
	for (i = 0; i < p->cmdline.n; i++) {
		if (i > 0)
			strlcat(s, " ", len);
		strlcat(s, p->cmdline.v[i], len);
	}
	e = escape(s);
	free(s);
	return e;
}

static char *
user_of(const struct pk_psmem *p)
{
	char buf[256];

	if (!p->has_uid)
		return escape("");
	if (pk_sys_user_name(p->ruid, buf, sizeof(buf)) != PK_OK)
		snprintf(buf, sizeof(buf), "%u", p->ruid);
	return escape(buf);
}

static void
add_row(struct preport *r, const struct pk_psmem *p)
{
	struct prow *nr, *row;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		if ((nr = reallocarray(r->rows, r->cap, sizeof(*nr))) == NULL)
			err(1, NULL);
		r->rows = nr;
	}
	row = &r->rows[r->n++];
	row->pid = p->pid;
	row->uss = p->uss;
	row->pss = p->pss;
	row->swap = p->swap;
	row->rss = p->rss;
	row->user = user_of(p);
	row->cmd = join_cmdline(p);
}

/* process_iter() over ascending PIDs: denied counted, gone skipped. */
static void
ps_collect(struct pk_ctx *ctx, struct preport *r)
{
	struct pk_psmem p;
	size_t i, npids;
	int *pids, rc;

	if (pk_pmem_pids(ctx, &pids, &npids) != PK_OK) {
		if (ctx->code == PK_ENOTSUP)
			errx(1, "not supported on this system");
		errx(1, "%s", pk_strerror(ctx));
	}
	for (i = 0; i < npids; i++) {
		rc = pk_psmem_read(ctx, pids[i], &p);
		if (rc == PK_OK && p.uss != 0)
			add_row(r, &p);
		else if (rc == PK_EACCES)
			r->denied++;
		else if (rc == PK_ENOMEM)
			errx(1, "%s", pk_strerror(ctx));
		else if (rc == PK_ENOTSUP)
			errx(1, "not supported on this system");
		else if (rc != PK_OK && rc != PK_ENOENT) {
			warnx("%s", pk_strerror(ctx));
			r->status = 1;
		}
		pk_psmem_free(&p);
	}
	free(pids);
}

static int
uss_cmp(const void *a, const void *b)
{
	const struct prow *x = a, *y = b;

	if (x->uss != y->uss)
		return x->uss < y->uss ? -1 : 1;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

/* Python's "%-Ns" / "%Ns" on a str, N and cut counted in characters. */
static void
put(FILE *fp, const char *s, int width, size_t cut, int left)
{
	size_t len = pk_utf8_len(s), bytes = strlen(s);
	int pad;

	/* s is escaped: cut never inside an escape (DESIGN.md "Output") */
	if (cut > 0 && len > cut)
		bytes = pk_esc_cut(s, cut, &len);
	pad = width > (int)len ? width - (int)len : 0;
	if (!left)
		fprintf(fp, "%*s", pad, "");
	fwrite(s, 1, bytes, fp);
	if (left)
		fprintf(fp, "%*s", pad, "");
}

/* templ = "%-7s %-7s %7s %7s %7s %7s %7s" */
static void
render(FILE *fp, const struct preport *r)
{
	char pid[16], num[4][32];
	size_t i;
	int k;

	fprintf(fp, "%-7s %-7s %7s %7s %7s %7s %7s\n", "PID", "User", "USS",
	    "PSS", "Swap", "RSS", "Cmdline");
	fprintf(fp, "%.78s\n", "=============================================="
	    "================================");
	for (i = 0; i < r->n && i < PSUTIL_ROWS; i++) {
		const struct prow *p = &r->rows[i];

		snprintf(pid, sizeof(pid), "%d", p->pid);
		put(fp, pid, 7, 0, 1);
		putc(' ', fp);
		put(fp, p->user, 7, 7, 1);
		pk_psutil_convert_bytes(p->uss, num[0], sizeof(num[0]));
		pk_psutil_convert_bytes(p->pss, num[1], sizeof(num[1]));
		pk_psutil_convert_bytes(p->swap, num[2], sizeof(num[2]));
		pk_psutil_convert_bytes(p->rss, num[3], sizeof(num[3]));
		for (k = 0; k < 4; k++)
			fprintf(fp, " %7s", num[k]);
		putc(' ', fp);
		put(fp, p->cmd, 7, 50, 0);
		putc('\n', fp);
	}
}

static void
report_free(struct preport *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->rows[i].user);
		free(r->rows[i].cmd);
	}
	free(r->rows);
}

int
psutil_main(const char *procfs, const char *sysfs, const char *outfile,
    int fmt, int quiet)
{
	struct preport r = { NULL, 0, 0, 0, 0 };
	struct sh_out so;
	struct pk_ctx ctx;

	if (fmt != PK_OUT_TEXT)
		errx(2, "--psutil prints procsmem.py's text report only (no -o)");
	if (pk_ctx_open(&ctx, procfs, sysfs) != PK_OK)
		errx(1, "%s", pk_strerror(&ctx));
	ps_collect(&ctx, &r);
	if (r.n > 0)
		qsort(r.rows, r.n, sizeof(*r.rows), uss_cmp);
	/* procsmem.py's Cmdline column: owner only */
	sh_open(&ctx, &so, outfile, SH_PRIVATE);
	render(so.fp, &r);
	sh_commit(&ctx, &so);
	/* the script's own line: print(..., file=sys.stderr), no prefix */
	if (r.denied > 0 && !quiet) {
		fflush(stdout);
		fprintf(stderr, "warning: access denied for %lld pids\n",
		    r.denied);
	}
	pk_ctx_close(&ctx);
	report_free(&r);
	return sh_exit(r.status);
}
