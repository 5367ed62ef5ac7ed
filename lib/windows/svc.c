/*
 * svc.c (Windows): services through the Service Control Manager.
 *
 * Unlike psutil (reference/winservices.md §1.1: three OpenSCManager +
 * OpenServiceW pairs and six queries per service), a report opens the
 * SCM once, enumerates once, and opens each service once for its
 * configuration and description; state, pid and type come with the
 * enumeration.  Every per-service failure stays with that service.
 */
#include <stdlib.h>
#include <string.h>
#include <windows.h>
#include <winsvc.h>

#include "pskit.h"
#include "pkwin.h"

/*
 * Enumeration buffer: MS-SCMR caps one batch at 256 KiB, but Wine returns
 * no partial batch (0 entries + ERROR_MORE_DATA forever when the buffer is
 * too small), so the buffer grows to what the SCM says it needs, up to
 * ENUM_MAX; past it the listing fails instead of spinning.
 */
#define ENUM_FIRST	(16 * 1024)
#define ENUM_MAX	(64 * 1024 * 1024)
#define ENUM_MAXCALLS	10000
/* QueryServiceConfig(2)W: documented maximum 8 KiB. */
#define CONFIG_SIZE	8192

int
pk_svc_open(struct pk_ctx *ctx, struct pk_svc_scm *scm)
{
	SC_HANDLE h;

	scm->h = NULL;
	h = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT |
	    SC_MANAGER_ENUMERATE_SERVICE);
	if (h == NULL)
		return pk_ctx_fail_os(ctx, (int)GetLastError(),
		    "open the service control manager");
	scm->h = h;
	return PK_OK;
}

void
pk_svc_close(struct pk_svc_scm *scm)
{
	if (scm->h != NULL)
		CloseServiceHandle((SC_HANDLE)scm->h);
	scm->h = NULL;
}

static wchar_t *
wdup(const wchar_t *w)
{
	size_t n = wcslen(w) + 1;
	wchar_t *d = malloc(n * sizeof(*d));

	if (d != NULL)
		memcpy(d, w, n * sizeof(*d));
	return d;
}

static void
set_status(struct pk_svc *s, const SERVICE_STATUS_PROCESS *st)
{
	s->status = st->dwCurrentState <= PK_SVC_PAUSED ?
	    (int)st->dwCurrentState : PK_SVC_STATUS_UNKNOWN;
	s->service_type = st->dwServiceType;
	s->has |= PK_SVC_HAS_STATUS;
	s->pid = st->dwProcessId;
	if (s->pid != 0)
		s->has |= PK_SVC_HAS_PID;
}

/* Copy one enumeration entry out of the buffer it points into. */
static int
take_entry(struct pk_svc *s, const ENUM_SERVICE_STATUS_PROCESSW *e)
{
	memset(s, 0, sizeof(*s));
	s->delayed = -1;
	if ((s->osname = wdup(e->lpServiceName)) == NULL ||
	    pk_win_utf8(e->lpServiceName, &s->name) != PK_OK ||
	    pk_win_utf8(e->lpDisplayName, &s->display_name) != PK_OK)
		return PK_ENOMEM;
	set_status(s, &e->ServiceStatusProcess);
	return PK_OK;
}

static int
append_batch(struct pk_svc **v, size_t *n, const BYTE *buf, DWORD count)
{
	const ENUM_SERVICE_STATUS_PROCESSW *e =
	    (const ENUM_SERVICE_STATUS_PROCESSW *)(const void *)buf;
	struct pk_svc *nv;
	DWORD i;

	if (count == 0)
		return PK_OK;
	if ((nv = reallocarray(*v, *n + count, sizeof(**v))) == NULL)
		return PK_ENOMEM;
	*v = nv;
	for (i = 0; i < count; i++) {
		if (take_entry(&nv[*n], &e[i]) != PK_OK) {
			pk_svc_clear(&nv[*n]);
			return PK_ENOMEM;
		}
		(*n)++;
	}
	return PK_OK;
}

int
pk_svc_enum(struct pk_ctx *ctx, struct pk_svc_scm *scm,
    struct pk_svc **out, size_t *n)
{
	DWORD size = ENUM_FIRST, need, count, resume = 0, e = 0;
	BYTE *buf = NULL, *nb;
	int calls, rc = PK_OK;
	BOOL ok;

	*out = NULL;
	*n = 0;
	for (calls = 0; calls < ENUM_MAXCALLS; calls++) {
		if ((nb = realloc(buf, size)) == NULL) {
			rc = PK_ENOMEM;
			break;
		}
		buf = nb;
		need = count = 0;
		ok = EnumServicesStatusExW((SC_HANDLE)scm->h,
		    SC_ENUM_PROCESS_INFO, SERVICE_WIN32, SERVICE_STATE_ALL,
		    buf, size, &need, &count, &resume, NULL);
		e = ok ? 0 : GetLastError();
		if (!ok && e != ERROR_MORE_DATA)
			break;
		/* Keep a partial batch; the resume handle has moved on. */
		if ((rc = append_batch(out, n, buf, count)) != PK_OK || ok)
			break;
		/* Grow to what is left (Windows) or needed (Wine); a call
		 * that made no progress with the largest buffer is final. */
		if (count == 0 && size >= ENUM_MAX)
			break;
		if (need > size)
			size = need < ENUM_MAX ? need : ENUM_MAX;
		else if (count == 0)
			size = size > ENUM_MAX / 2 ? ENUM_MAX : size * 2;
	}
	free(buf);
	if (rc == PK_OK && e == 0)
		return PK_OK;
	pk_svc_free(*out, *n);
	*out = NULL;
	*n = 0;
	if (rc == PK_ENOMEM)
		return pk_ctx_fail(ctx, PK_ENOMEM, 0, "enumerate services");
	return pk_ctx_fail_os(ctx, (int)(e ? e : ERROR_MORE_DATA),
	    "enumerate services");
}

/*
 * QueryServiceConfigW (level 0) or QueryServiceConfig2W (level > 0) into
 * a malloc'd buffer: CONFIG_SIZE first, grown once on
 * ERROR_INSUFFICIENT_BUFFER.  NULL with *err set on failure.
 */
static BYTE *
query_config(SC_HANDLE h, DWORD level, DWORD *err)
{
	DWORD size = CONFIG_SIZE, need = 0;
	BYTE *buf = NULL, *nb;
	int tries;
	BOOL ok;

	for (tries = 0; tries < 2; tries++) {
		if ((nb = realloc(buf, size)) == NULL) {
			*err = ERROR_NOT_ENOUGH_MEMORY;
			break;
		}
		buf = nb;
		if (level == 0)
			ok = QueryServiceConfigW(h,
			    (QUERY_SERVICE_CONFIGW *)(void *)buf, size, &need);
		else
			ok = QueryServiceConfig2W(h, level, buf, size, &need);
		if (ok)
			return buf;
		*err = GetLastError();
		if (*err != ERROR_INSUFFICIENT_BUFFER || need <= size)
			break;
		size = need;
	}
	free(buf);
	return NULL;
}

/*
 * Remember the first per-service failure in s and in ctx.  Only a failed
 * OpenServiceW means the service is gone (PK_ENOENT); a query of an open
 * service failing with "not found" (a broken registry entry) is PK_EOS.
 */
static int
svc_fail(struct pk_ctx *ctx, struct pk_svc *s, DWORD err, const char *what)
{
	int code;

	if (s->code != PK_OK)
		return s->code;
	code = pk_code_from_os((int)err);
	if (code == PK_ENOENT && strcmp(what, "open service") != 0)
		code = PK_EOS;
	s->oserr = (int)err;
	s->code = pk_ctx_fail(ctx, code, (int)err, "%s %s", what,
	    s->name != NULL ? s->name : "");
	return s->code;
}

static int
get_config(struct pk_ctx *ctx, SC_HANDLE h, struct pk_svc *s)
{
	QUERY_SERVICE_CONFIGW *c;
	DWORD err = 0;
	int rc = PK_OK;

	if ((c = (QUERY_SERVICE_CONFIGW *)(void *)query_config(h, 0,
	    &err)) == NULL)
		return svc_fail(ctx, s, err, "query configuration of");
	if (pk_win_utf8(c->lpBinaryPathName, &s->binpath) != PK_OK ||
	    pk_win_utf8(c->lpServiceStartName, &s->username) != PK_OK ||
	    (s->display_name == NULL &&
	    pk_win_utf8(c->lpDisplayName, &s->display_name) != PK_OK))
		rc = svc_fail(ctx, s, ERROR_NOT_ENOUGH_MEMORY, "query");
	s->start = c->dwStartType;
	if (!(s->has & PK_SVC_HAS_STATUS))
		s->service_type = c->dwServiceType;
	s->has |= PK_SVC_HAS_CONFIG;
	free(c);
	return rc;
}

/* "No description" in its many spellings (§1.3) is absent, not an error. */
static int
get_description(struct pk_ctx *ctx, SC_HANDLE h, struct pk_svc *s)
{
	SERVICE_DESCRIPTIONW *d;
	DWORD err = 0;

	d = (SERVICE_DESCRIPTIONW *)(void *)query_config(h,
	    SERVICE_CONFIG_DESCRIPTION, &err);
	if (d == NULL) {
		if (err == ERROR_NOT_FOUND || err == ERROR_FILE_NOT_FOUND ||
		    err == ERROR_MUI_FILE_NOT_FOUND ||
		    err == ERROR_RESOURCE_NAME_NOT_FOUND)
			return PK_OK;
		return svc_fail(ctx, s, err, "query description of");
	}
	if (pk_win_utf8(d->lpDescription, &s->description) != PK_OK) {
		free(d);
		return svc_fail(ctx, s, ERROR_NOT_ENOUGH_MEMORY, "query");
	}
	if (s->description != NULL)
		s->has |= PK_SVC_HAS_DESCR;
	free(d);
	return PK_OK;
}

/* Wine refuses this level (124): the flag stays unknown (-1). */
static void
get_delayed(SC_HANDLE h, struct pk_svc *s)
{
	SERVICE_DELAYED_AUTO_START_INFO *d;
	DWORD err = 0;

	s->delayed = 0;
	if (s->start != SERVICE_AUTO_START)
		return;
	d = (SERVICE_DELAYED_AUTO_START_INFO *)(void *)query_config(h,
	    SERVICE_CONFIG_DELAYED_AUTO_START_INFO, &err);
	s->delayed = d == NULL ? -1 : d->fDelayedAutostart != 0;
	free(d);
}

int
pk_svc_query(struct pk_ctx *ctx, struct pk_svc_scm *scm, struct pk_svc *s)
{
	SERVICE_STATUS_PROCESS st;
	SC_HANDLE h;
	DWORD need;

	h = OpenServiceW((SC_HANDLE)scm->h, s->osname,
	    SERVICE_QUERY_CONFIG | SERVICE_QUERY_STATUS);
	if (h == NULL)
		return svc_fail(ctx, s, GetLastError(), "open service");
	if (!(s->has & PK_SVC_HAS_STATUS)) {
		if (QueryServiceStatusEx(h, SC_STATUS_PROCESS_INFO,
		    (BYTE *)&st, sizeof(st), &need))
			set_status(s, &st);
		else
			svc_fail(ctx, s, GetLastError(), "query status of");
	}
	if (get_config(ctx, h, s) == PK_OK) {
		get_delayed(h, s);
		get_description(ctx, h, s);
	}
	CloseServiceHandle(h);
	return s->code;	/* ctx holds the first failure */
}

static char *
sdup(const char *s)
{
	char *d;

	if (s == NULL || (d = malloc(strlen(s) + 1)) == NULL)
		return NULL;
	return strcpy(d, s);
}

static int
copy_entry(struct pk_svc *d, const struct pk_svc *s)
{
	*d = *s;
	d->name = sdup(s->name);
	d->display_name = sdup(s->display_name);
	d->osname = wdup(s->osname);
	d->binpath = d->username = d->description = NULL;
	if (d->name == NULL || d->osname == NULL ||
	    (s->display_name != NULL && d->display_name == NULL))
		return PK_ENOMEM;
	return PK_OK;
}

/*
 * A service the enumeration does not list (a driver) is first spelled as
 * typed; the SCM's key name for its display name is the canonical
 * spelling when it names the same service.
 */
static void
canonical_name(SC_HANDLE scm, struct pk_svc *s)
{
	wchar_t key[257], *wdisp, *wk;
	DWORD len = sizeof(key) / sizeof(key[0]);
	char *u;

	if (s->display_name == NULL || s->display_name[0] == '\0' ||
	    (wdisp = pk_win_wide(s->display_name)) == NULL)
		return;
	if (GetServiceKeyNameW(scm, wdisp, key, &len) &&
	    CompareStringOrdinal(key, -1, s->osname, -1, TRUE) == CSTR_EQUAL &&
	    pk_win_utf8(key, &u) == PK_OK && (wk = wdup(key)) != NULL) {
		free(s->name);
		free(s->osname);
		s->name = u;
		s->osname = wk;
	}
	free(wdisp);
}

int
pk_svc_get(struct pk_ctx *ctx, struct pk_svc_scm *scm,
    const struct pk_svc *list, size_t n, const char *name,
    struct pk_svc *out)
{
	wchar_t *w;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->delayed = -1;
	if ((w = pk_win_wide(name)) == NULL)
		return pk_ctx_fail_os(ctx, ERROR_INVALID_NAME, "%s", name);
	for (i = 0; i < n; i++)
		if (CompareStringOrdinal(w, -1, list[i].osname, -1, TRUE) ==
		    CSTR_EQUAL)
			break;
	if (i < n) {
		free(w);
		if (copy_entry(out, &list[i]) != PK_OK)
			return pk_ctx_fail(ctx, PK_ENOMEM, 0, "%s", name);
		return pk_svc_query(ctx, scm, out);
	}
	out->osname = w;
	if ((out->name = sdup(name)) == NULL)
		return pk_ctx_fail(ctx, PK_ENOMEM, 0, "%s", name);
	if (pk_svc_query(ctx, scm, out) != PK_OK)
		return out->code;
	canonical_name((SC_HANDLE)scm->h, out);
	return PK_OK;
}
