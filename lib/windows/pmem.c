/*
 * pmem.c (Windows): per-process memory for procsmem, mapped onto the
 * smaps fields the Linux probe fills (reference/procsmem.md):
 *	Rss            = WorkingSetSize (GetProcessMemoryInfo), as psutil's rss
 *	Private_Clean  = USS: the working-set pages QueryWorkingSetEx reports
 *	                 valid and not shared or shared by this process only,
 *	                 psutil's rule (it walks MemoryWorkingSetInformation,
 *	                 which Wine refuses); Windows does not tell clean from
 *	                 dirty, so all of it is here
 *	Size, maps     = the reserved and committed regions (VirtualQueryEx),
 *	                 the analogue of the mappings smaps sums
 * Pss, Swap and SwapPss have no Windows source: their has-bits stay clear
 * (null in tsv/json).  The uid is the RID (last sub-authority) of the
 * process token's user SID; pk_sys_user_name() turns it back into a name.
 *
 * Errors as on Linux: a process that exits during the scan is PK_ENOENT
 * (skipped), one the caller may not open at all is PK_EACCES (counted).
 * A process that can be opened for PROCESS_QUERY_LIMITED_INFORMATION only
 * is reported with its RSS; its USS, size and maps are absent.  Wine 8
 * answers QueryWorkingSetEx for the calling process only.
 */
#include <stdlib.h>
#include <string.h>
#include <windows.h>
#include <psapi.h>
#include <winternl.h>

#include "pskit.h"
#include "pkwin.h"

#define QWS_BATCH	8192	/* pages per QueryWorkingSetEx call */

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

int
pk_pmem_pids(struct pk_ctx *ctx, int **pids, size_t *npids)
{
	DWORD *v = NULL, *nv, got = 0, cap = 256;
	size_t i, n;
	int *out;

	*pids = NULL;
	*npids = 0;
	/* EnumProcesses fills the buffer silently: grow until it is not
	 * full. */
	for (;;) {
		if ((nv = realloc(v, cap * sizeof(*v))) == NULL) {
			free(v);
			return pk_ctx_fail(ctx, PK_ENOMEM, ERROR_NOT_ENOUGH_MEMORY,
			    "EnumProcesses");
		}
		v = nv;
		if (!EnumProcesses(v, cap * sizeof(*v), &got)) {
			int e = (int)GetLastError();

			free(v);
			return pk_ctx_fail_os(ctx, e, "EnumProcesses");
		}
		if (got < cap * sizeof(*v) || cap >= (1u << 22))
			break;
		cap *= 2;
	}
	n = got / sizeof(*v);
	if ((out = calloc(n ? n : 1, sizeof(*out))) == NULL) {
		free(v);
		return pk_ctx_fail(ctx, PK_ENOMEM, ERROR_NOT_ENOUGH_MEMORY,
		    "EnumProcesses");
	}
	for (i = 0; i < n; i++)
		out[i] = (int)v[i];
	free(v);
	qsort(out, n, sizeof(*out), cmp_int);
	*pids = out;
	*npids = n;
	return PK_OK;
}

/* OpenProcess failures: gone (87) or denied; anything else as is. */
static int
open_err(struct pk_ctx *ctx, int pid, int e)
{
	if (e == ERROR_INVALID_PARAMETER)
		return pk_ctx_fail(ctx, PK_ENOENT, e, "process %d: gone", pid);
	return pk_ctx_fail_os(ctx, e, "OpenProcess %d", pid);
}

/* A handle with access, or NULL and the reason in ctx. */
static HANDLE
open_proc(struct pk_ctx *ctx, int pid, DWORD access, int *rc)
{
	HANDLE h;

	if ((DWORD)pid == GetCurrentProcessId()) {
		/* Wine serves some queries for the pseudo handle only */
		*rc = PK_OK;
		return GetCurrentProcess();
	}
	if ((h = OpenProcess(access, FALSE, (DWORD)pid)) == NULL)
		*rc = open_err(ctx, pid, (int)GetLastError());
	else
		*rc = PK_OK;
	return h;
}

static void
close_proc(HANDLE h)
{
	if (h != NULL && h != GetCurrentProcess())
		CloseHandle(h);
}

static int
alive(HANDLE h)
{
	DWORD code;

	return !GetExitCodeProcess(h, &code) || code == STILL_ACTIVE;
}

/* The image's base name as UTF-8, cut to fit comm at a character. */
static void
image_name(HANDLE h, char *comm, size_t len)
{
	wchar_t w[MAX_PATH * 2];
	const wchar_t *base;
	DWORD n = sizeof(w) / sizeof(w[0]);
	char *s;
	size_t k;

	comm[0] = '\0';
	if (!QueryFullProcessImageNameW(h, 0, w, &n))
		return;
	for (base = w + n; base > w && base[-1] != L'\\' && base[-1] != L'/';)
		base--;
	if (pk_win_utf8(base, &s) != PK_OK || s == NULL)
		return;
	k = strlen(s);
	if (k >= len)
		for (k = len - 1; k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80;)
			k--;
	memcpy(comm, s, k);
	comm[k] = '\0';
	free(s);
}

/* Read size bytes at addr of another process; 0 on failure. */
static int
peek(HANDLE h, const void *addr, void *buf, size_t size)
{
	SIZE_T got = 0;

	return ReadProcessMemory(h, addr, buf, size, &got) && got == size;
}

/*
 * The command line from the process's parameters block (the PEB), as
 * psutil reads it before Windows 8.1.  NULL when it is not readable.
 */
wchar_t *
pk_win_peb_cmdline(HANDLE h)
{
	PROCESS_BASIC_INFORMATION pbi;
	RTL_USER_PROCESS_PARAMETERS pp;
	PEB peb;
	ULONG got;
	wchar_t *w;

	if (NtQueryInformationProcess(h, ProcessBasicInformation, &pbi,
	    sizeof(pbi), &got) != 0 || pbi.PebBaseAddress == NULL ||
	    !peek(h, pbi.PebBaseAddress, &peb, sizeof(peb)) ||
	    !peek(h, peb.ProcessParameters, &pp, sizeof(pp)) ||
	    pp.CommandLine.Buffer == NULL)
		return NULL;
	if ((w = calloc(pp.CommandLine.Length / 2 + 1, sizeof(*w))) == NULL)
		return NULL;
	if (!peek(h, pp.CommandLine.Buffer, w, pp.CommandLine.Length)) {
		free(w);
		return NULL;
	}
	return w;
}

/* The command line as UTF-8; "" where it cannot be read. */
static int
cmdline(int pid, char **out)
{
	wchar_t *w = NULL;
	HANDLE h;
	int rc;

	*out = NULL;
	h = (DWORD)pid == GetCurrentProcessId() ? GetCurrentProcess() :
	    OpenProcess(PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, FALSE,
	    (DWORD)pid);
	if (h != NULL)
		w = pk_win_peb_cmdline(h);
	close_proc(h);
	rc = pk_win_utf8(w != NULL ? w : L"", out);
	free(w);
	return rc;
}

/* The RID of the token's user SID; PK_UID_UNKNOWN when not readable. */
static uint32_t
token_rid(HANDLE h)
{
	union { TOKEN_USER tu; unsigned char b[256]; } u;
	HANDLE tok;
	DWORD got;
	uint32_t rid = PK_UID_UNKNOWN;
	PSID sid;

	if (!OpenProcessToken(h, TOKEN_QUERY, &tok))
		return rid;
	if (GetTokenInformation(tok, TokenUser, &u, sizeof(u), &got) &&
	    IsValidSid(sid = u.tu.User.Sid) && *GetSidSubAuthorityCount(sid) > 0)
		rid = (uint32_t)*GetSidSubAuthority(sid,
		    *GetSidSubAuthorityCount(sid) - 1u);
	CloseHandle(tok);
	return rid;
}

int
pk_pmem_info(struct pk_ctx *ctx, int pid, struct pk_pmem *p)
{
	HANDLE h;
	int rc;

	memset(p, 0, sizeof(*p));
	p->pid = p->st.pid = pid;
	p->uid = PK_UID_UNKNOWN;
	/* The System Idle Process has no memory of its own. */
	if (pid == 0)
		return pk_ctx_fail(ctx, PK_ENOENT, 0, "process 0: no user memory");
	if ((h = open_proc(ctx, pid, PROCESS_QUERY_LIMITED_INFORMATION,
	    &rc)) == NULL)
		return rc;
	if (!alive(h)) {
		close_proc(h);
		return pk_ctx_fail(ctx, PK_ENOENT, 0, "process %d: exited", pid);
	}
	p->st.state = 'R';
	image_name(h, p->st.comm, sizeof(p->st.comm));
	if (p->st.comm[0] == '\0' && pid == 4)	/* no image file */
		strlcpy(p->st.comm, "System", sizeof(p->st.comm));
	p->uid = token_rid(h);
	close_proc(h);
	if (cmdline(pid, &p->cmdline) != PK_OK)
		return pk_ctx_fail(ctx, PK_ENOMEM, ERROR_NOT_ENOUGH_MEMORY,
		    "process %d", pid);
	return PK_OK;
}

/* Count the private pages of one batch: psutil's rule, "count shared
 * pages that only one process is using as private" (!Shared or
 * ShareCount <= 1), over the valid (resident) pages. */
static int
qws_batch(HANDLE h, PSAPI_WORKING_SET_EX_INFORMATION *w, size_t n,
    uint64_t *priv)
{
	size_t i;

	if (n == 0)
		return 1;
	if (!QueryWorkingSetEx(h, w, (DWORD)(n * sizeof(*w))))
		return 0;
	for (i = 0; i < n; i++)
		if (w[i].VirtualAttributes.Valid &&
		    (!w[i].VirtualAttributes.Shared ||
		    w[i].VirtualAttributes.ShareCount <= 1))
			(*priv)++;
	return 1;
}

/*
 * Walk the address space: every reserved or committed region counts
 * toward size and maps; the committed pages go to QueryWorkingSetEx in
 * batches for the USS (*uss_ok 0 where that is refused).  Returns 0 when
 * the walk itself was refused (no PROCESS_QUERY_INFORMATION).
 */
int
pk_win_vmwalk(HANDLE h, struct pk_buf *scratch, uint64_t *size,
    uint64_t *maps, uint64_t *uss, int *uss_ok)
{
	PSAPI_WORKING_SET_EX_INFORMATION *w;
	MEMORY_BASIC_INFORMATION mbi;
	SYSTEM_INFO si;
	const char *a = NULL, *pg;
	uint64_t priv = 0;
	size_t n = 0;
	int ok = 1;

	GetSystemInfo(&si);
	*size = *maps = *uss = 0;
	pk_buf_reset(scratch);
	if (pk_buf_reserve(scratch, QWS_BATCH * sizeof(*w)) != PK_OK)
		ok = 0;
	w = (PSAPI_WORKING_SET_EX_INFORMATION *)(void *)scratch->data;
	while (VirtualQueryEx(h, a, &mbi, sizeof(mbi)) == sizeof(mbi)) {
		if (mbi.State != MEM_FREE) {
			*size += mbi.RegionSize;
			(*maps)++;
		}
		pg = mbi.BaseAddress;
		for (; ok && mbi.State == MEM_COMMIT && pg <
		    (const char *)mbi.BaseAddress + mbi.RegionSize;
		    pg += si.dwPageSize) {
			w[n].VirtualAddress = (PVOID)pg;
			w[n].VirtualAttributes.Flags = 0;
			if (++n == QWS_BATCH) {
				ok = qws_batch(h, w, n, &priv);
				n = 0;
			}
		}
		a = (const char *)mbi.BaseAddress + mbi.RegionSize;
		if (a < (const char *)mbi.BaseAddress)
			break;	/* wrapped at the top of the address space */
	}
	*uss_ok = ok && qws_batch(h, w, n, &priv);
	*uss = priv * si.dwPageSize;
	return *maps != 0;
}

static void
walk(HANDLE h, struct pk_pmem *p, struct pk_buf *scratch)
{
	uint64_t size, maps, uss;
	int uss_ok;

	if (!pk_win_vmwalk(h, scratch, &size, &maps, &uss, &uss_ok))
		return;
	if (uss_ok) {
		p->mem.kb[PK_SM_PRIVATE_CLEAN] = uss / 1024;
		p->mem.has |= 1u << PK_SM_PRIVATE_CLEAN;
	}
	p->mem.kb[PK_SM_SIZE] = size / 1024;
	p->mem.has |= 1u << PK_SM_SIZE;
	p->mem.maps = maps;
	p->exact = 1;
}

int
pk_pmem_read(struct pk_ctx *ctx, struct pk_pmem *p, int exact,
    struct pk_buf *scratch)
{
	PROCESS_MEMORY_COUNTERS pmc;
	HANDLE h;
	int rc;

	(void)exact;	/* the region walk is the only way: always exact */
	memset(&p->mem, 0, sizeof(p->mem));
	p->exact = 0;
	h = open_proc(ctx, p->pid, PROCESS_QUERY_INFORMATION |
	    PROCESS_VM_READ, &rc);
	if (h == NULL && rc == PK_EACCES)
		h = open_proc(ctx, p->pid, PROCESS_QUERY_LIMITED_INFORMATION,
		    &rc);
	if (h == NULL)
		return rc;
	memset(&pmc, 0, sizeof(pmc));
	pmc.cb = sizeof(pmc);
	if (!alive(h))
		rc = pk_ctx_fail(ctx, PK_ENOENT, 0, "process %d: exited", p->pid);
	else if (!GetProcessMemoryInfo(h, &pmc, sizeof(pmc)))
		rc = pk_ctx_fail_os(ctx, (int)GetLastError(),
		    "GetProcessMemoryInfo %d", p->pid);
	if (rc != PK_OK) {
		close_proc(h);
		return rc == PK_EOS && ctx->oserr == ERROR_INVALID_PARAMETER ?
		    PK_ENOENT : rc;
	}
	p->mem.kb[PK_SM_RSS] = pmc.WorkingSetSize / 1024;
	p->mem.has |= 1u << PK_SM_RSS;
	walk(h, p, scratch);
	close_proc(h);
	return PK_OK;
}

int
pk_pmem_smaps(struct pk_ctx *ctx, struct pk_pmem *p, pk_vma_fn fn,
    void *arg)
{
	(void)p;
	(void)fn;
	(void)arg;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0,
	    "per-mapping memory: not supported on this system");
}

int
pk_pmem_cgroup(struct pk_ctx *ctx, const struct pk_pmem *p, int version,
    char *path, size_t len)
{
	(void)p;
	(void)version;
	(void)path;
	(void)len;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "cgroups: not supported on this system");
}
