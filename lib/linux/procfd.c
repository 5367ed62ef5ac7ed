/*
 * procfd.c: the list fields of one process: parent, children, open
 * files, connections (from the process's own /proc/PID/net, so a target
 * in another network namespace is seen as it sees itself), threads and
 * memory maps.  Races are not errors: an fd, thread or child that goes
 * away while we look is skipped (reference/procinfo.md §3-§5, §9).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pskit.h"

/* Numeric entries of directory name below dfd; -errno on failure. */
static long
list_dir(int dfd, const char *name, int64_t **out)
{
	struct dirent *de;
	int64_t *v = NULL, *nv;
	size_t n = 0, cap = 0;
	uint64_t x;
	DIR *d;
	int fd, ok;

	*out = NULL;
	if ((fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return -errno;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return -errno;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		pk_num_parse(de->d_name, de->d_name + strlen(de->d_name),
		    &x, &ok);
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nv = reallocarray(v, cap, sizeof(*v))) == NULL) {
				free(v);
				closedir(d);
				return -ENOMEM;
			}
			v = nv;
		}
		v[n++] = (int64_t)x;
	}
	closedir(d);
	if (v == NULL && (v = calloc(1, sizeof(*v))) == NULL)
		return -ENOMEM;		/* never NULL: callers qsort it */
	*out = v;
	return (long)n;
}

static int
cmp_num(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* psutil threads(): os.listdir() sorted as strings ("10" < "9"). */
static int
cmp_str(const void *a, const void *b)
{
	char x[24], y[24];

	snprintf(x, sizeof(x), "%lld", (long long)*(const int64_t *)a);
	snprintf(y, sizeof(y), "%lld", (long long)*(const int64_t *)b);
	return strcmp(x, y);
}

/* Name of another process, psutil name() rules; NULL when unreadable. */
static char *
other_name(struct pk_ctx *ctx, int64_t pid, const char *comm)
{
	struct pk_buf b = { NULL, 0, 0 };
	struct pk_strv sv = { NULL, 0, NULL };
	char path[48], *s;

	if (strlen(comm) >= 15) {
		snprintf(path, sizeof(path), "%lld/cmdline", (long long)pid);
		if (pk_file_read_at(ctx->procfd, path, &b) == 0)
			pk_pcmdline_parse(b.data, b.len, &sv);
	}
	s = strdup(pk_proc_name(comm, &sv));
	pk_strv_free(&sv);
	pk_buf_free(&b);
	return s;
}

static int
other_stat(struct pk_ctx *ctx, int64_t pid, struct pk_pstat *st,
    struct pk_buf *b)
{
	char path[48];

	snprintf(path, sizeof(path), "%lld/stat", (long long)pid);
	if (pk_file_read_at(ctx->procfd, path, b) != 0)
		return -1;
	return pk_pstat_parse(b->data, b->len, st) == PK_OK ? 0 : -1;
}

/* psutil parent(): kept only if it started no later than we did. */
int
pk_proc_parent(struct pk_ctx *ctx, struct pk_proc *p)
{
	struct pk_buf b = { NULL, 0, 0 };
	struct pk_pstat st;

	if (p->stat.ppid > 0 && other_stat(ctx, p->stat.ppid, &st, &b) == 0 &&
	    st.starttime <= p->stat.starttime &&
	    (p->parent_name = other_name(ctx, p->stat.ppid, st.comm)) != NULL)
		p->has |= PK_P_PARENT;
	pk_buf_free(&b);
	return PK_OK;
}

/* Append pid to a growing array (doubling: growing by one is quadratic). */
static int
push_pid(int64_t **v, size_t *n, size_t *cap, int64_t pid)
{
	int64_t *nv;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		if ((nv = reallocarray(*v, *cap, sizeof(*nv))) == NULL)
			return -1;
		*v = nv;
	}
	(*v)[(*n)++] = pid;
	return 0;
}

/*
 * The kernel's own list (CONFIG_PROC_CHILDREN): the union of
 * task/TID/children over our threads, so the cost follows the number of
 * children, not of processes.  -ENOENT when the kernel (or a --procfs
 * tree) has no such file, so the caller scans instead.
 */
static long
kernel_children(struct pk_ctx *ctx, int64_t pid, int64_t **out)
{
	struct pk_buf b = { NULL, 0, 0 };
	int64_t *tids, *v = NULL;
	size_t n = 0, cap = 0;
	const char *s, *end;
	char path[80];
	uint64_t x;
	long nt, i;
	int ok, e, rc = 0;

	snprintf(path, sizeof(path), "%lld/task", (long long)pid);
	if ((nt = list_dir(ctx->procfd, path, &tids)) < 0)
		return nt;
	for (i = 0; i < nt && rc == 0; i++) {
		snprintf(path, sizeof(path), "%lld/task/%lld/children",
		    (long long)pid, (long long)tids[i]);
		if ((e = pk_file_read_at(ctx->procfd, path, &b)) != 0) {
			if (e == ENOENT && i == 0)
				rc = -ENOENT;	/* no such file at all */
			continue;		/* a thread that ended */
		}
		s = b.data;
		end = b.data + b.len;
		while (s < end && rc == 0) {
			if (*s < '0' || *s > '9') {
				s++;
				continue;
			}
			s = pk_num_parse(s, end, &x, &ok);
			if (ok && push_pid(&v, &n, &cap, (int64_t)x) != 0)
				rc = -ENOMEM;
		}
	}
	free(tids);
	pk_buf_free(&b);
	if (rc != 0) {
		free(v);
		return rc;
	}
	if (v == NULL && (v = calloc(1, sizeof(*v))) == NULL)
		return -ENOMEM;		/* never NULL: callers qsort it */
	*out = v;
	return (long)n;
}

/*
 * psutil children(): every process whose ppid is ours and which started
 * no earlier than we did, ascending.  The candidates come from the
 * kernel's children files when it has them, else from every PID.
 */
int
pk_proc_children(struct pk_ctx *ctx, struct pk_proc *p)
{
	struct pk_buf b = { NULL, 0, 0 };
	struct pk_pchild *c;
	struct pk_pstat st;
	int64_t *pids;
	size_t cap = 0;
	long n, i;

	if ((n = kernel_children(ctx, p->pid, &pids)) == -ENOENT)
		n = list_dir(ctx->procfd, ".", &pids);
	if (n < 0)
		return pk_ctx_fail_os(ctx, (int)-n, "list %s", ctx->procfs);
	qsort(pids, (size_t)n, sizeof(*pids), cmp_num);
	for (i = 0; i < n; i++) {
		if (pids[i] == p->pid || (i > 0 && pids[i] == pids[i - 1]) ||
		    other_stat(ctx, pids[i], &st, &b) != 0 ||
		    st.ppid != p->pid || st.starttime < p->stat.starttime)
			continue;
		if (p->nchildren == cap) {
			cap = cap ? cap * 2 : 16;
			c = reallocarray(p->children, cap, sizeof(*c));
			if (c == NULL)
				break;
			p->children = c;
		}
		c = p->children;
		c[p->nchildren].pid = pids[i];
		c[p->nchildren++].name = other_name(ctx, pids[i], st.comm);
	}
	p->has |= PK_P_CHILDREN;
	free(pids);
	pk_buf_free(&b);
	return PK_OK;
}

int
pk_proc_threads(struct pk_ctx *ctx, int dfd, struct pk_proc *p)
{
	struct pk_buf b = { NULL, 0, 0 };
	struct pk_pstat st;
	int64_t *tids;
	char path[64];
	long n, i;

	if ((n = list_dir(dfd, "task", &tids)) < 0)
		return pk_ctx_fail_os(ctx, (int)-n, "list %s/%lld/task",
		    ctx->procfs, (long long)p->pid);
	qsort(tids, (size_t)n, sizeof(*tids), cmp_str);
	if ((p->threads = calloc((size_t)n + 1, sizeof(*p->threads))) == NULL) {
		free(tids);
		return PK_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "task/%lld/stat",
		    (long long)tids[i]);
		/* split at the LAST ')' (psutil splits at the first) */
		if (pk_file_read_at(dfd, path, &b) != 0 ||
		    pk_pstat_parse(b.data, b.len, &st) != PK_OK)
			continue;
		p->threads[p->nthreads].tid = tids[i];
		p->threads[p->nthreads].utime = st.utime;
		p->threads[p->nthreads++].stime = st.stime;
	}
	p->has |= PK_P_THREADS;
	free(tids);
	pk_buf_free(&b);
	return PK_OK;
}

/*
 * psutil memory_maps(grouped=True), smaps streamed through the parser:
 * memory follows the distinct paths, not the file's size.  Running out
 * of memory is an error (PK_ENOMEM), never a silently absent field.
 */
int
pk_proc_maps(struct pk_ctx *ctx, int dfd, struct pk_proc *p)
{
	struct pk_smaps_parser ps;
	struct pk_pmap_group g;
	struct pk_smaps sum;
	struct stat sb;
	size_t i, l, nread;
	int e, rc;

	memset(&g, 0, sizeof(g));
	pk_smaps_begin(&ps, pk_pmap_group_add, &g);
	e = pk_smaps_read_at(dfd, "smaps", &ps, &nread);
	rc = pk_smaps_end(&ps, &sum);
	if (e != 0 || rc != PK_OK) {
		pk_pmap_group_free(&g);
		if (e != 0)
			return pk_ctx_fail_os(ctx, e, "read %s/%lld/smaps",
			    ctx->procfs, (long long)p->pid);
		return pk_ctx_fail(ctx, rc, rc == PK_ENOMEM ? ENOMEM : 0,
		    "read %s/%lld/smaps", ctx->procfs, (long long)p->pid);
	}
	pk_pmap_group_take(&g, &p->maps, &p->nmaps);
	p->has |= PK_P_MAPS;
	for (i = 0; i < p->nmaps; i++) {
		l = strlen(p->maps[i].path);
		if (l > 10 && strcmp(p->maps[i].path + l - 10, " (deleted)") ==
		    0 && stat(p->maps[i].path, &sb) == -1)
			p->maps[i].path[l - 10] = '\0';
	}
	return PK_OK;
}

/* fdinfo "pos:" and "flags:" (octal), by key: gVisor lacks pos (#2596). */
static void
fdinfo(int dfd, int fd, struct pk_pfile *f, struct pk_buf *b)
{
	char path[48];
	const char *p, *end, *nl;
	uint64_t v;
	int ok;

	snprintf(path, sizeof(path), "fdinfo/%d", fd);
	if (pk_file_read_at(dfd, path, b) != 0)
		return;
	end = b->data + b->len;
	for (p = b->data; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (nl - p > 4 && memcmp(p, "pos:", 4) == 0) {
			pk_num_parse(p + 4, nl, &f->position, &ok);
			f->has_fdinfo = 1;
		} else if (nl - p > 6 && memcmp(p, "flags:", 6) == 0) {
			for (p += 6, v = 0; p < nl; p++)
				if (*p >= '0' && *p <= '7')
					v = v * 8 + (uint64_t)(*p - '0');
			f->flags = v;
		}
	}
}

/* psutil file_flags_to_mode(): r, w, a, r+, a+ */
static void
flags_mode(uint64_t flags, char mode[3])
{
	switch (flags & 3) {
	case 0: strcpy(mode, "r"); break;
	case 1: strcpy(mode, flags & 02000 ? "a" : "w"); break;
	default: strcpy(mode, flags & 02000 ? "a+" : "r+"); break;
	}
}

static int
add_file(struct pk_proc *p, int dfd, int fd, char *path, struct pk_buf *b)
{
	struct pk_pfile *f;

	if (p->files == NULL) {	/* pk_proc_fds sized it by the fd count */
		free(path);
		return PK_ENOMEM;
	}
	f = &p->files[p->nfiles];
	memset(f, 0, sizeof(*f));
	f->path = path;
	f->fd = fd;
	fdinfo(dfd, fd, f, b);
	if (!f->has_fdinfo) {
		free(path);	/* the fd closed meanwhile */
		return PK_OK;
	}
	flags_mode(f->flags, f->mode);
	p->nfiles++;
	return PK_OK;
}

static int
cmp_sock(const void *a, const void *b)
{
	const uint64_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* Is the process in our network namespace (sock_diag sees only ours)? */
static int
our_netns(int dfd)
{
	struct stat a, b;

	return fstatat(dfd, "ns/net", &a, 0) == 0 &&
	    stat("/proc/self/ns/net", &b) == 0 && a.st_ino == b.st_ino &&
	    a.st_dev == b.st_dev;
}

/*
 * UNIX sockets: on the live /proc, from the kernel's sock_diag records,
 * which a socket's name cannot forge; else (a --procfs tree, or a
 * process in another network namespace) from net/unix through the
 * parser that drops forged and ambiguous rows.
 */
static void
unix_conns(struct pk_ctx *ctx, struct pk_proc *p, int dfd, const uint64_t *ino,
    const int *fds, size_t ns, struct pk_buf *b)
{
	size_t before = p->nconns;

	if (strcmp(ctx->procfs, "/proc") == 0 && our_netns(dfd)) {
		if (pk_pconn_unix_diag(ctx, ino, fds, ns, &p->conns,
		    &p->nconns) == PK_OK)
			return;
		p->nconns = before;	/* no half list: fall back whole */
	}
	if (pk_file_read_at(dfd, "net/unix", b) == 0)
		pk_pconn_unix_parse(b->data, b->len, ino, fds, ns, &p->conns,
		    &p->nconns);
}

/* Connections from the process's own network namespace view. */
static void
read_conns(struct pk_ctx *ctx, struct pk_proc *p, int dfd, unsigned flags,
    uint64_t *socks, size_t ns, struct pk_buf *b)
{
	static const struct { const char *f; int fam, type; } src[] = {
		{ "net/tcp", 2, 1 }, { "net/tcp6", 10, 1 },
		{ "net/udp", 2, 2 }, { "net/udp6", 10, 2 },
	};
	uint64_t *ino;
	int *fds;
	size_t i;

	p->has |= PK_P_CONNS;
	if (ns == 0)
		return;
	qsort(socks, ns, 2 * sizeof(*socks), cmp_sock);
	ino = calloc(ns, sizeof(*ino));
	fds = calloc(ns, sizeof(*fds));
	if (ino == NULL || fds == NULL)
		goto out;
	for (i = 0; i < ns; i++) {
		ino[i] = socks[2 * i];
		fds[i] = (int)socks[2 * i + 1];
	}
	/* a missing tcp6/udp6 (IPv6 disabled, #623) is skipped */
	for (i = 0; i < sizeof(src) / sizeof(src[0]); i++)
		if (pk_file_read_at(dfd, src[i].f, b) == 0)
			pk_pconn_inet_parse(b->data, b->len, src[i].fam,
			    src[i].type, ino, fds, ns, &p->conns, &p->nconns);
	if (flags & PK_PROC_UNIX)
		unix_conns(ctx, p, dfd, ino, fds, ns, b);
	pk_pconn_sort(p->conns, p->nconns);
out:
	free(ino);
	free(fds);
}

/*
 * psutil num_fds(), open_files() and connections() from one listing of
 * /proc/PID/fd: regular files (stat in our mount namespace, so deleted
 * files, pipes and devices are not "open files") and socket inodes.
 */
int
pk_proc_fds(struct pk_ctx *ctx, int dfd, unsigned flags, struct pk_proc *p)
{
	struct pk_buf b = { NULL, 0, 0 };
	uint64_t *socks, ino;
	size_t nsock = 0;
	int64_t *fds;
	struct stat sb;
	char name[40], *l;
	long n, i;
	int e, ok, denied = 0;

	if ((n = list_dir(dfd, "fd", &fds)) < 0)
		return pk_ctx_fail_os(ctx, (int)-n, "list %s/%lld/fd", ctx->procfs,
		    (long long)p->pid);
	qsort(fds, (size_t)n, sizeof(*fds), cmp_num);
	p->num_fds = n;
	/* at most one file and one socket per fd: no growth in the loop */
	p->files = calloc((size_t)n + 1, sizeof(*p->files));
	socks = calloc((size_t)n + 1, 2 * sizeof(*socks));
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "fd/%lld", (long long)fds[i]);
		if ((l = pk_proc_link(dfd, name, &e)) == NULL) {
			denied |= e == EACCES || e == EPERM;
			continue;
		}
		if (l[0] == '/' && stat(l, &sb) == 0 && S_ISREG(sb.st_mode)) {
			add_file(p, dfd, (int)fds[i], l, &b);
			continue;
		}
		if (strncmp(l, "socket:[", 8) == 0) {
			pk_num_parse(l + 8, l + strlen(l), &ino, &ok);
			if (ok && socks != NULL) {
				socks[2 * nsock] = ino;
				socks[2 * nsock++ + 1] = (uint64_t)fds[i];
			}
		}
		free(l);
	}
	p->has |= PK_P_FDS;
	if (!denied)
		read_conns(ctx, p, dfd, flags, socks, nsock, &b);
	free(socks);
	free(fds);
	pk_buf_free(&b);
	return PK_OK;
}
