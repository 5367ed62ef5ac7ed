/*
 * psmem.c: one process as psutil 5.9.4 sees it for scripts/procsmem.py
 * (reference/procsmem.md §2.1, §2.3): memory_full_info() reads
 * smaps_rollup (smaps where the kernel has none) and then statm; as_dict
 * reads status (real uid) and cmdline.  Each file once, through one
 * directory descriptor, in psutil's order, so a process denied at
 * smaps_rollup is "access denied" before anything else is read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pskit.h"

/* psutil's wrap_exceptions(): PermissionError is AccessDenied;
 * ProcessLookupError and a missing file are NoSuchProcess (or a zombie). */
static int
file_err(struct pk_ctx *ctx, int e, int pid, const char *name)
{
	if (e == ESRCH)
		e = ENOENT;
	return pk_ctx_fail_os(ctx, e, "read %s/%d/%s", ctx->procfs, pid, name);
}

/* uss, pss, swap: every "Private_" line, "Pss:", "Swap:" (kB). */
static void
footprint(struct pk_psmem *p, const struct pk_smaps *sm)
{
	p->uss = pk_smaps_uss(sm, 1) * 1024;
	p->pss = sm->kb[PK_SM_PSS] * 1024;
	p->swap = sm->kb[PK_SM_SWAP] * 1024;
}

/* smaps streamed through the parser: never held whole (its size is
 * the user's to choose). */
static int
read_smaps(struct pk_ctx *ctx, int dfd, struct pk_psmem *p)
{
	struct pk_smaps_parser ps;
	struct pk_smaps sm;
	size_t nread;
	int e, rc;

	pk_smaps_begin(&ps, NULL, NULL);
	e = pk_smaps_read_at(dfd, "smaps", &ps, &nread);
	rc = pk_smaps_end(&ps, &sm);
	if (e != 0)
		return file_err(ctx, e, p->pid, "smaps");
	if (rc != PK_OK)
		return pk_ctx_fail(ctx, rc, ENOMEM, "read %s/%d/smaps",
		    ctx->procfs, p->pid);
	footprint(p, &sm);
	return PK_OK;
}

static int
read_footprint(struct pk_ctx *ctx, int dfd, struct pk_psmem *p,
    struct pk_buf *b)
{
	struct pk_smaps sm;
	int e;

	e = pk_file_read_at(dfd, "smaps_rollup", b);
	if (e == ENOENT && faccessat(dfd, "stat", F_OK, 0) == 0) {
		/* no rollup (Linux < 4.14): psutil sums smaps instead */
		return read_smaps(ctx, dfd, p);
	}
	if (e != 0)
		return file_err(ctx, e, p->pid, "smaps_rollup");
	/* empty (a kernel thread on older kernels): zeros, as psutil */
	if (pk_smaps_rollup_parse(b->data, b->len, &sm) != PK_OK)
		memset(&sm, 0, sizeof(sm));
	footprint(p, &sm);
	return PK_OK;
}

static int
read_all(struct pk_ctx *ctx, int dfd, struct pk_psmem *p, struct pk_buf *b)
{
	struct pk_pstatus st;
	struct pk_pstatm sm;
	int rc, e;

	if ((rc = read_footprint(ctx, dfd, p, b)) != PK_OK)
		return rc;
	if ((e = pk_file_read_at(dfd, "statm", b)) != 0)
		return file_err(ctx, e, p->pid, "statm");
	if (pk_pstatm_parse(b->data, b->len, &sm) != PK_OK)
		return pk_ctx_fail(ctx, PK_EPARSE, 0, "parse %s/%d/statm",
		    ctx->procfs, p->pid);
	p->rss = sm.resident * (uint64_t)sysconf(_SC_PAGESIZE);
	/* as_dict(): a denied or unparsable field is None, not an error */
	if ((e = pk_file_read_at(dfd, "status", b)) == 0 &&
	    pk_pstatus_parse(b->data, b->len, &st) == PK_OK &&
	    (st.has & PK_PSTATUS_HAS_UID)) {
		p->ruid = (uint32_t)st.uid[0];
		p->has_uid = 1;
	} else if (e == ENOENT || e == ESRCH)
		return file_err(ctx, e, p->pid, "status");
	if ((e = pk_file_read_at(dfd, "cmdline", b)) == 0) {
		if (pk_pcmdline_parse(b->data, b->len, &p->cmdline) != PK_OK)
			return pk_ctx_fail(ctx, PK_ENOMEM, ENOMEM, "read cmdline");
		p->has_cmdline = 1;
	} else if (e == ENOENT || e == ESRCH)
		return file_err(ctx, e, p->pid, "cmdline");
	return PK_OK;
}

int
pk_psmem_read(struct pk_ctx *ctx, int pid, struct pk_psmem *p)
{
	struct pk_buf b = { NULL, 0, 0 };
	char name[32];
	int dfd, rc;

	memset(p, 0, sizeof(*p));
	p->pid = pid;
	snprintf(name, sizeof(name), "%d", pid);
	if ((dfd = openat(ctx->procfd, name, O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) == -1)
		return pk_ctx_fail_os(ctx, errno, "open %s/%s", ctx->procfs, name);
	rc = read_all(ctx, dfd, p, &b);
	close(dfd);
	pk_buf_free(&b);
	if (rc != PK_OK)
		pk_psmem_free(p);
	return rc;
}

void
pk_psmem_free(struct pk_psmem *p)
{
	pk_strv_free(&p->cmdline);
	p->has_cmdline = 0;
}
