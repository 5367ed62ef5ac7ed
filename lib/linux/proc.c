/*
 * proc.c: one process read in one shot (procinfo).  Every file below
 * /proc/PID is opened through one directory descriptor, at most once,
 * parsed once, and serves every field derived from it.  A field the
 * kernel denies or does not have leaves its PK_P_* bit clear; only the
 * process disappearing stops the read (reference/procinfo.md §2, §6).
 */
#define _GNU_SOURCE		/* syscall(2) for ioprio_get */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "pskit.h"

int64_t
pk_proc_self(void)
{
	return (int64_t)getpid();
}

/* Is /proc/PID still there?  Decides "gone" after ENOENT/ESRCH. */
static int
alive(struct pk_ctx *ctx, int64_t pid)
{
	char path[32];

	snprintf(path, sizeof(path), "%lld/stat", (long long)pid);
	return faccessat(ctx->procfd, path, F_OK, 0) == 0;
}

/*
 * Read PID/name into b.  PK_OK, or the error recorded in ctx; a missing
 * file of a process that is gone sets p->vanished.
 */
static int
rd(struct pk_ctx *ctx, int dfd, const char *name, struct pk_buf *b,
    struct pk_proc *p)
{
	int e = pk_file_read_at(dfd, name, b);

	if (e == 0)
		return PK_OK;
	if ((e == ENOENT || e == ESRCH) && !alive(ctx, p->pid))
		p->vanished = 1;
	if (e == EINVAL)	/* a FIFO or device: refused, not read */
		return pk_ctx_fail(ctx, PK_EOS, 0, "read %s/%lld/%s: not a regular "
		    "file", ctx->procfs, (long long)p->pid, name);
	return pk_ctx_fail_os(ctx, e, "read %s/%lld/%s", ctx->procfs,
	    (long long)p->pid, name);
}

/* readlink, cut at a NUL (#717), " (deleted)" stripped if gone. */
char *
pk_proc_link(int dfd, const char *name, int *err)
{
	char buf[4096 + 16], *s;
	struct stat sb;
	ssize_t n;
	size_t l;

	if ((n = readlinkat(dfd, name, buf, sizeof(buf) - 1)) == -1) {
		*err = errno;
		return NULL;
	}
	buf[n] = '\0';
	l = strlen(buf);
	if (l > 10 && strcmp(buf + l - 10, " (deleted)") == 0 &&
	    stat(buf, &sb) == -1)
		buf[l - 10] = '\0';
	if ((s = strdup(buf)) == NULL)
		*err = ENOMEM;
	return s;
}

/* psutil memory_full_info(): uss counts every Private_* line. */
static void
rollup(struct pk_proc *p, struct pk_buf *b)
{
	struct pk_smaps sm;

	if (pk_smaps_rollup_parse(b->data, b->len, &sm) != PK_OK)
		return;
	p->rollup.rss = sm.kb[PK_SM_RSS] * 1024;
	p->rollup.pss = sm.kb[PK_SM_PSS] * 1024;
	p->rollup.swap = sm.kb[PK_SM_SWAP] * 1024;
	p->rollup.uss = pk_smaps_uss(&sm, 1) * 1024;
	p->rollup.has = PK_ROLLUP_HAS_RSS | PK_ROLLUP_HAS_PSS |
	    PK_ROLLUP_HAS_SWAP | PK_ROLLUP_HAS_USS;
	p->has |= PK_P_ROLLUP;
}

static void
read_core(struct pk_ctx *ctx, int dfd, struct pk_proc *p, struct pk_buf *b)
{
	if (rd(ctx, dfd, "status", b, p) == PK_OK &&
	    pk_pstatus_parse(b->data, b->len, &p->status) == PK_OK)
		p->has |= PK_P_STATUS;
	if (p->vanished)
		return;
	if (rd(ctx, dfd, "statm", b, p) == PK_OK &&
	    pk_pstatm_parse(b->data, b->len, &p->statm) == PK_OK)
		p->has |= PK_P_STATM;
	if (p->vanished)
		return;
	if (rd(ctx, dfd, "io", b, p) == PK_OK &&
	    pk_pio_parse(b->data, b->len, &p->io) == PK_OK)
		p->has |= PK_P_IO;
	if (p->vanished)
		return;
	if (rd(ctx, dfd, "limits", b, p) == PK_OK &&
	    pk_plimits_parse(b->data, b->len, &p->limits) == PK_OK)
		p->has |= PK_P_LIMITS;
	if (p->vanished)
		return;
	/* Empty for zombies and kernel threads: nothing to report. */
	if (rd(ctx, dfd, "smaps_rollup", b, p) == PK_OK && b->len > 0)
		rollup(p, b);
	if (p->vanished)
		return;
	if (rd(ctx, dfd, "cmdline", b, p) == PK_OK &&
	    pk_pcmdline_parse(b->data, b->len, &p->cmdline) == PK_OK)
		p->has |= PK_P_CMDLINE;
	if (p->vanished)
		return;
	/* ESRCH at open for zombies and kernel threads on 6.x: absent. */
	if (rd(ctx, dfd, "environ", b, p) == PK_OK &&
	    pk_penviron_parse(b->data, b->len, &p->env) == PK_OK)
		p->has |= PK_P_ENVIRON;
}

/*
 * psutil exe(): the link; "" when the kernel has none (kernel thread,
 * zombie); when denied, argv[0] if it is an absolute path to an
 * executable regular file.
 */
static void
read_exe_cwd(int dfd, struct pk_proc *p)
{
	struct stat sb;
	int e = 0;

	if ((p->exe = pk_proc_link(dfd, "exe", &e)) != NULL)
		p->has |= PK_P_EXE;
	else if (e == ENOENT || e == ESRCH) {
		if ((p->exe = strdup("")) != NULL)
			p->has |= PK_P_EXE;
	} else if ((e == EACCES || e == EPERM) && p->cmdline.n > 0 &&
	    p->cmdline.v[0][0] == '/' && stat(p->cmdline.v[0], &sb) == 0 &&
	    S_ISREG(sb.st_mode) && access(p->cmdline.v[0], X_OK) == 0) {
		if ((p->exe = strdup(p->cmdline.v[0])) != NULL)
			p->has |= PK_P_EXE;
	}
	if ((p->cwd = pk_proc_link(dfd, "cwd", &e)) != NULL)
		p->has |= PK_P_CWD;
}

static void
read_user(struct pk_proc *p)
{
	struct passwd pw, *res = NULL;
	char buf[4096], num[32];

	if (!(p->has & PK_P_STATUS))
		return;
	if (getpwuid_r((uid_t)p->status.uid[0], &pw, buf, sizeof(buf),
	    &res) == 0 && res != NULL)
		p->user = strdup(pw.pw_name);
	else {
		snprintf(num, sizeof(num), "%llu",
		    (unsigned long long)p->status.uid[0]);
		p->user = strdup(num);
	}
	if (p->user != NULL)
		p->has |= PK_P_USER;
}

/*
 * tty_nr to a /dev path by device number (psutil terminal(), rebuilt per
 * lookup: no stale cache, #2830).  /dev/pts/N is tried first.
 */
static void
read_terminal(struct pk_proc *p)
{
	uint64_t nr = (uint64_t)p->stat.tty_nr;
	unsigned maj = (unsigned)((nr >> 8) & 0xfff);
	unsigned min = (unsigned)((nr & 0xff) | ((nr >> 12) & 0xfff00));
	char path[300];
	struct dirent *de;
	struct stat sb;
	DIR *d;

	if (nr == 0)
		return;
	if (maj >= 136 && maj <= 143) {
		snprintf(path, sizeof(path), "/dev/pts/%u",
		    min + (maj - 136) * 256);
		if (stat(path, &sb) == 0 && (uint64_t)sb.st_rdev == nr)
			goto found;
	}
	if ((d = opendir("/dev")) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, "tty", 3) != 0)
			continue;
		snprintf(path, sizeof(path), "/dev/%s", de->d_name);
		if (stat(path, &sb) == 0 && S_ISCHR(sb.st_mode) &&
		    (uint64_t)sb.st_rdev == nr) {
			closedir(d);
			goto found;
		}
	}
	closedir(d);
	return;
found:
	if ((p->terminal = strdup(path)) != NULL)
		p->has |= PK_P_TERMINAL;
}

/*
 * Values that are not in /proc/PID files: boot time and MemTotal (files
 * of the whole system) and ioprio_get(2), which exists only for the
 * live host's processes, so not with --procfs on a fixture.
 */
static void
read_system(struct pk_ctx *ctx, struct pk_proc *p, struct pk_buf *b)
{
	struct pk_meminfo mi;
	struct pk_mem m;
	uint64_t btime;
	long v;

	if (pk_file_read(ctx, PK_ROOT_PROC, "stat", b) == PK_OK &&
	    pk_btime_parse(b->data, b->len, &btime) == PK_OK) {
		p->create_time = (double)btime +
		    (double)p->stat.starttime / (double)p->clk_tck;
		p->has |= PK_P_CREATE;
	}
	/* free's reader and parser, as on Windows */
	if (pk_mem_read(ctx, &mi, &m) == PK_OK &&
	    (mi.has & (1u << PK_MI_MEMTOTAL))) {
		p->memtotal = mi.kb[PK_MI_MEMTOTAL] * 1024;
		p->has |= PK_P_MEMTOTAL;
	}
	if (strcmp(ctx->procfs, "/proc") == 0) {
		/* IOPRIO_WHO_PROCESS = 1 */
		if ((v = syscall(SYS_ioprio_get, 1, (int)p->pid)) >= 0) {
			p->ioclass = (int)(v >> 13);
			p->iovalue = (int)(v & 0x1fff);
			p->has |= PK_P_IONICE;
		}
	}
}

static void
read_affinity(struct pk_proc *p)
{
	size_t i, n = 0;

	if (!(p->status.has & PK_PSTATUS_HAS_CPUS))
		return;
	for (i = 0; i < PK_PSTATUS_MAXCPU; i++)
		if (p->status.cpus[i / 64] & ((uint64_t)1 << (i % 64)))
			n++;
	if ((p->cpus = calloc(n + 1, sizeof(*p->cpus))) == NULL)
		return;
	for (i = 0; i < PK_PSTATUS_MAXCPU; i++)
		if (p->status.cpus[i / 64] & ((uint64_t)1 << (i % 64)))
			p->cpus[p->ncpus++] = (int)i;
	p->has |= PK_P_AFFINITY;
}

int
pk_proc_read(struct pk_ctx *ctx, int64_t pid, unsigned flags,
    struct pk_proc *p)
{
	struct pk_buf b = { NULL, 0, 0 };
	char name[32];
	int dfd, rc;

	memset(p, 0, sizeof(*p));
	p->pid = pid;
	p->pagesize = (uint64_t)sysconf(_SC_PAGESIZE);
	p->clk_tck = (uint64_t)sysconf(_SC_CLK_TCK);
	snprintf(name, sizeof(name), "%lld", (long long)pid);
	if ((dfd = openat(ctx->procfd, name, O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) == -1)
		return pk_ctx_fail_os(ctx, errno, "open %s/%s", ctx->procfs, name);
	if ((rc = rd(ctx, dfd, "stat", &b, p)) != PK_OK)
		goto out;
	if (pk_pstat_parse(b.data, b.len, &p->stat) != PK_OK) {
		rc = pk_ctx_fail(ctx, PK_EPARSE, 0, "parse %s/%s/stat",
		    ctx->procfs, name);
		goto out;
	}
	p->has |= PK_P_STAT | PK_P_NICE;
	p->nice = (int)p->stat.nice;
	read_core(ctx, dfd, p, &b);
	if (p->vanished)
		goto gone;
	p->name = pk_proc_name(p->stat.comm, &p->cmdline);
	read_exe_cwd(dfd, p);
	read_user(p);
	read_terminal(p);
	read_affinity(p);
	read_system(ctx, p, &b);
	pk_proc_parent(ctx, p);
	pk_proc_fds(ctx, dfd, flags, p);
	pk_proc_threads(ctx, dfd, p);
	/* out of memory is an error of the whole read, not an absent field */
	if ((rc = pk_proc_maps(ctx, dfd, p)) == PK_ENOMEM)
		goto out;
	pk_proc_children(ctx, p);
	if (!alive(ctx, pid))
		p->vanished = 1;
gone:
	rc = p->vanished ? pk_ctx_fail(ctx, PK_ENOENT, ESRCH, "process %s", name) :
	    PK_OK;
out:
	close(dfd);
	pk_buf_free(&b);
	return rc;
}
