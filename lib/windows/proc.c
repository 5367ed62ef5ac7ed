/*
 * proc.c (Windows): one process for procinfo, as psutil's Windows
 * Process reads it (psutil/_pswindows.py, arch/windows/proc.c):
 *	name, ppid, threads   a Toolhelp process snapshot (also the parent's
 *	                      name and the children)
 *	exe                   QueryFullProcessImageNameW
 *	cmdline               the process parameters block, split with the
 *	                      rules of CommandLineToArgvW
 *	create, cpu times     GetProcessTimes (clock ticks of 10 ms here)
 *	memory_info           rss = WorkingSetSize, vms = PagefileUsage
 *	                      (psutil's vms on Windows); shared, text, lib,
 *	                      data, dirty have no Windows source: absent
 *	memory_full_info      uss from QueryWorkingSetEx where allowed; pss
 *	                      and swap absent
 *	io_counters           GetProcessIoCounters: operation counts, and the
 *	                      transfer counts as both bytes and chars
 *	username              the token's account, "DOMAIN\user"
 *	nice                  the priority class, as psutil's nice()
 *	cpu_affinity          GetProcessAffinityMask
 *	threads               a Toolhelp thread snapshot and GetThreadTimes
 * A field the process will not give (access denied) is left out; the
 * process itself is PK_ENOENT only when the snapshot does not list it.
 */
#include <windows.h>
#include <psapi.h>
#include <tlhelp32.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "pkwin.h"

#define TICK_100NS	100000ull	/* 10 ms in FILETIME units */
#define EPOCH_100NS	116444736000000000ull	/* 1601 -> 1970 */

int64_t
pk_proc_self(void)
{
	return (int64_t)GetCurrentProcessId();
}

char *
pk_proc_link(int dfd, const char *name, int *err)
{
	(void)dfd;
	(void)name;
	*err = ENOTSUP;
	return NULL;
}

static uint64_t
ft64(const FILETIME *f)
{
	return (uint64_t)f->dwHighDateTime << 32 | f->dwLowDateTime;
}

static char *
utf8(const wchar_t *w)
{
	char *s = NULL;

	pk_win_utf8(w, &s);
	return s;
}

/* The snapshot's view: name, ppid, threads, parent's name, children. */
static int
snapshot(struct pk_proc *p)
{
	PROCESSENTRY32W pe;
	struct pk_pchild *c;
	HANDLE snap;
	DWORD pid = (DWORD)p->pid, ppid = 0;
	char *s;
	int found = 0;

	if ((snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0)) ==
	    INVALID_HANDLE_VALUE)
		return 0;
	pe.dwSize = sizeof(pe);
	for (BOOL ok = Process32FirstW(snap, &pe); ok;
	    ok = Process32NextW(snap, &pe)) {
		if (pe.th32ProcessID == pid && !found) {
			found = 1;
			ppid = pe.th32ParentProcessID;
			p->stat.ppid = ppid;
			p->status.threads = pe.cntThreads;
			p->status.has |= PK_PSTATUS_HAS_THREADS;
			if ((s = utf8(pe.szExeFile)) != NULL)
				strlcpy(p->stat.comm, s, sizeof(p->stat.comm));
			free(s);
		} else if (pe.th32ParentProcessID == pid && pid != 0 &&
		    (c = reallocarray(p->children, p->nchildren + 1,
		    sizeof(*c))) != NULL) {
			p->children = c;
			c[p->nchildren].pid = pe.th32ProcessID;
			c[p->nchildren++].name = utf8(pe.szExeFile);
		}
	}
	/* the parent's name: a second pass, it may come before or after */
	pe.dwSize = sizeof(pe);
	for (BOOL ok = found && Process32FirstW(snap, &pe); ok;
	    ok = Process32NextW(snap, &pe))
		if (pe.th32ProcessID == ppid && ppid != pid) {
			p->parent_name = utf8(pe.szExeFile);
			p->has |= PK_P_PARENT;
			break;
		}
	CloseHandle(snap);
	return found;
}

/* Threads of the process with their times (psutil's proc_threads). */
static void
threads(struct pk_proc *p)
{
	FILETIME c, e, k, u;
	THREADENTRY32 te;
	struct pk_pthread *t;
	HANDLE snap, th;

	if ((snap = CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0)) ==
	    INVALID_HANDLE_VALUE)
		return;
	te.dwSize = sizeof(te);
	for (BOOL ok = Thread32First(snap, &te); ok;
	    ok = Thread32Next(snap, &te)) {
		if (te.th32OwnerProcessID != (DWORD)p->pid)
			continue;
		if ((th = OpenThread(THREAD_QUERY_LIMITED_INFORMATION, FALSE,
		    te.th32ThreadID)) == NULL)
			continue;	/* gone meanwhile */
		if (GetThreadTimes(th, &c, &e, &k, &u) &&
		    (t = reallocarray(p->threads, p->nthreads + 1,
		    sizeof(*t))) != NULL) {
			p->threads = t;
			t[p->nthreads].tid = te.th32ThreadID;
			t[p->nthreads].utime = ft64(&u) / TICK_100NS;
			t[p->nthreads++].stime = ft64(&k) / TICK_100NS;
		}
		CloseHandle(th);
	}
	CloseHandle(snap);
	p->has |= PK_P_THREADS;
}

/* "DOMAIN\user" of the process token, as psutil's username(). */
static char *
token_user(HANDLE h)
{
	union { TOKEN_USER tu; unsigned char b[256]; } u;
	wchar_t name[256], dom[256], both[520];
	DWORD got, nl = 256, dl = 256;
	SID_NAME_USE use;
	HANDLE tok;
	int ok;

	if (!OpenProcessToken(h, TOKEN_QUERY, &tok))
		return NULL;
	ok = GetTokenInformation(tok, TokenUser, &u, sizeof(u), &got) &&
	    LookupAccountSidW(NULL, u.tu.User.Sid, name, &nl, dom, &dl, &use);
	CloseHandle(tok);
	if (!ok)
		return NULL;
	_snwprintf(both, 520, L"%ls%ls%ls", dom, dom[0] ? L"\\" : L"", name);
	both[519] = L'\0';
	return utf8(both);
}

/* Fields PROCESS_QUERY_LIMITED_INFORMATION gives. */
static void
limited(HANDLE h, struct pk_proc *p)
{
	PROCESS_MEMORY_COUNTERS_EX pm;
	DWORD_PTR mask, sysmask;
	FILETIME c, e, k, u;
	IO_COUNTERS io;
	wchar_t w[MAX_PATH * 2];
	DWORD n = sizeof(w) / sizeof(w[0]), pc;
	size_t i;

	if (QueryFullProcessImageNameW(h, 0, w, &n) &&
	    (p->exe = utf8(w)) != NULL)
		p->has |= PK_P_EXE;
	if (GetProcessTimes(h, &c, &e, &k, &u)) {
		p->create_time = (double)(ft64(&c) - EPOCH_100NS) / 1e7;
		p->stat.utime = ft64(&u) / TICK_100NS;
		p->stat.stime = ft64(&k) / TICK_100NS;
		p->has |= PK_P_CREATE;
	}
	memset(&pm, 0, sizeof(pm));
	pm.cb = sizeof(pm);
	if (GetProcessMemoryInfo(h, (PROCESS_MEMORY_COUNTERS *)&pm,
	    sizeof(pm))) {
		p->statm.resident = pm.WorkingSetSize / p->pagesize;
		p->statm.size = pm.PagefileUsage / p->pagesize;
		p->rollup.rss = pm.WorkingSetSize;
		p->has |= PK_P_STATM | PK_P_STATM_RV;
	}
	if (GetProcessIoCounters(h, &io)) {
		p->io.syscr = io.ReadOperationCount;
		p->io.syscw = io.WriteOperationCount;
		p->io.read_bytes = p->io.rchar = io.ReadTransferCount;
		p->io.write_bytes = p->io.wchar = io.WriteTransferCount;
		p->io.has = PK_PIO_HAS_ALL;
		p->has |= PK_P_IO;
	}
	if ((p->user = token_user(h)) != NULL)
		p->has |= PK_P_USER;
	if ((pc = GetPriorityClass(h)) != 0) {
		p->nice = (int)pc;
		p->has |= PK_P_NICE;
	}
	if (GetProcessAffinityMask(h, &mask, &sysmask) &&
	    (p->cpus = calloc(sizeof(mask) * 8, sizeof(*p->cpus))) != NULL) {
		for (i = 0; i < sizeof(mask) * 8; i++)
			if (mask & ((DWORD_PTR)1 << i))
				p->cpus[p->ncpus++] = (int)i;
		p->has |= PK_P_AFFINITY;
	}
}

/*
 * Split a command line as CommandLineToArgvW does: the program name runs
 * to the closing quote or the first blank, unescaped; then 2n backslashes
 * and a quote give n backslashes and toggle quoting, 2n+1 give n and a
 * literal quote, other backslashes are literal, and "" inside quotes is a
 * literal quote.  store gets the arguments NUL-separated.
 */
static int
split_cmdline(const char *s, struct pk_strv *sv)
{
	size_t len = strlen(s), n = 0, nargs = 0, bs, i;
	char *d;
	int q = 0;

	memset(sv, 0, sizeof(*sv));
	if ((sv->store = malloc(len + 2)) == NULL ||
	    (sv->v = calloc(len / 2 + 2, sizeof(*sv->v))) == NULL) {
		pk_strv_free(sv);
		return PK_ENOMEM;
	}
	d = sv->store;
	/* the program name */
	sv->v[nargs++] = d;
	if (*s == '"') {
		for (s++; *s != '\0' && *s != '"'; s++)
			d[n++] = *s;
		if (*s == '"')
			s++;
	} else
		for (; *s != '\0' && *s != ' ' && *s != '\t'; s++)
			d[n++] = *s;
	d[n++] = '\0';
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		sv->v[nargs++] = d + n;
		for (q = 0; *s != '\0' && (q || (*s != ' ' && *s != '\t'));) {
			for (bs = 0; *s == '\\'; s++)
				bs++;
			if (*s == '"') {
				for (i = 0; i < bs / 2; i++)
					d[n++] = '\\';
				if (bs % 2)
					d[n++] = *s++;
				else if (q && s[1] == '"') {
					d[n++] = '"';
					s += 2;
				} else {
					q = !q;
					s++;
				}
			} else {
				for (i = 0; i < bs; i++)
					d[n++] = '\\';
				if (*s != '\0' && (q || (*s != ' ' && *s != '\t')))
					d[n++] = *s++;
			}
		}
		d[n++] = '\0';
	}
	sv->n = nargs;
	return PK_OK;
}

/* Fields that need PROCESS_QUERY_INFORMATION and PROCESS_VM_READ. */
static int
full(HANDLE h, struct pk_proc *p)
{
	struct pk_buf scratch = { 0 };
	uint64_t size, maps, uss;
	wchar_t *w;
	char *s;
	int ok, rc = PK_OK;

	if ((w = pk_win_peb_cmdline(h)) != NULL) {
		s = utf8(w);
		free(w);
		if (s == NULL || split_cmdline(s, &p->cmdline) != PK_OK)
			rc = PK_ENOMEM;
		else
			p->has |= PK_P_CMDLINE;
		free(s);
	}
	if (pk_win_vmwalk(h, &scratch, &size, &maps, &uss, &ok) && ok) {
		p->rollup.uss = uss;
		p->rollup.has = PK_ROLLUP_HAS_RSS | PK_ROLLUP_HAS_USS;
		p->has |= PK_P_ROLLUP;
	}
	pk_buf_free(&scratch);
	return rc;
}

static HANDLE
open_pid(DWORD pid, DWORD access)
{
	if (pid == GetCurrentProcessId())
		return GetCurrentProcess();	/* Wine: QueryWorkingSetEx */
	return OpenProcess(access, FALSE, pid);
}

static void
close_pid(HANDLE h)
{
	if (h != NULL && h != GetCurrentProcess())
		CloseHandle(h);
}

int
pk_proc_read(struct pk_ctx *ctx, int64_t pid, unsigned flags,
    struct pk_proc *p)
{
	struct pk_meminfo mi;
	struct pk_mem m;
	SYSTEM_INFO si;
	HANDLE h;
	int rc = PK_OK;

	(void)flags;
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	GetSystemInfo(&si);
	p->pagesize = si.dwPageSize;
	p->clk_tck = 10000000ull / TICK_100NS;
	if (pid < 0 || pid > UINT32_MAX || !snapshot(p)) {
		pk_proc_free(p);
		p->pid = pid;
		return pk_ctx_fail(ctx, PK_ENOENT, ERROR_INVALID_PARAMETER,
		    "process %lld", (long long)pid);
	}
	p->stat.pid = pid;
	p->stat.state = 'R';
	p->name = p->stat.comm;
	p->has |= PK_P_STAT;
	if ((h = open_pid((DWORD)pid, PROCESS_QUERY_LIMITED_INFORMATION)) !=
	    NULL) {
		limited(h, p);
		close_pid(h);
	}
	if ((h = open_pid((DWORD)pid, PROCESS_QUERY_INFORMATION |
	    PROCESS_VM_READ)) != NULL) {
		rc = full(h, p);
		close_pid(h);
	}
	threads(p);
	if (pk_mem_read(ctx, &mi, &m) == PK_OK) {
		p->memtotal = mi.kb[PK_MI_MEMTOTAL] * 1024;
		p->has |= PK_P_MEMTOTAL;
	}
	if (rc != PK_OK)
		return pk_ctx_fail(ctx, rc, ERROR_NOT_ENOUGH_MEMORY, "process %lld",
		    (long long)pid);
	return PK_OK;
}
