/*
 * winservices_psutil.c: the baseline of bench/winservices.sh, built with
 * mingw-w64 and run under Wine.
 *
 *   winservices_psutil list         list every service the way psutil
 *                                   5.9.4 does (reference/winservices.md
 *                                   §1.1): enumerate, then per service
 *                                   three OpenSCManagerW + OpenServiceW
 *                                   pairs, each query called twice (size
 *                                   probe, then fetch)
 *   winservices_psutil create N     create N demand-start services pkbNNN
 *   winservices_psutil delete N     delete them again
 *
 * The listing is C, so it measures psutil's Win32 call pattern without
 * Python's own cost: the real psutil is slower still.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

static SC_HANDLE
open_svc(const wchar_t *name, DWORD access)
{
	SC_HANDLE scm, svc;

	if ((scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_ENUMERATE_SERVICE)) ==
	    NULL)
		return NULL;
	svc = OpenServiceW(scm, name, access);
	CloseServiceHandle(scm);
	return svc;
}

/* winservice_query_config: probe, then fetch. */
static void
query_config(const wchar_t *name)
{
	QUERY_SERVICE_CONFIGW *c;
	SC_HANDLE h;
	DWORD need = 0;

	if ((h = open_svc(name, SERVICE_QUERY_CONFIG)) == NULL)
		return;
	QueryServiceConfigW(h, NULL, 0, &need);
	if ((c = malloc(need)) != NULL &&
	    QueryServiceConfigW(h, c, need, &need))
		printf("%ls\t%ls\t%ls\t%lu\t", c->lpDisplayName,
		    c->lpBinaryPathName, c->lpServiceStartName,
		    (unsigned long)c->dwStartType);
	free(c);
	CloseServiceHandle(h);
}

/* winservice_query_status */
static void
query_status(const wchar_t *name)
{
	SERVICE_STATUS_PROCESS *st;
	SC_HANDLE h;
	DWORD need = 0;

	if ((h = open_svc(name, SERVICE_QUERY_STATUS)) == NULL)
		return;
	QueryServiceStatusEx(h, SC_STATUS_PROCESS_INFO, NULL, 0, &need);
	if (need < sizeof(*st))
		need = sizeof(*st);
	if ((st = malloc(need)) != NULL &&
	    QueryServiceStatusEx(h, SC_STATUS_PROCESS_INFO, (BYTE *)st, need,
	    &need))
		printf("%lu\t%lu\t", (unsigned long)st->dwCurrentState,
		    (unsigned long)st->dwProcessId);
	free(st);
	CloseServiceHandle(h);
}

/* winservice_query_descr */
static void
query_descr(const wchar_t *name)
{
	SERVICE_DESCRIPTIONW *d;
	SC_HANDLE h;
	DWORD need = 0;

	if ((h = open_svc(name, SERVICE_QUERY_CONFIG)) == NULL)
		return;
	QueryServiceConfig2W(h, SERVICE_CONFIG_DESCRIPTION, NULL, 0, &need);
	if ((d = malloc(need ? need : 1)) != NULL &&
	    QueryServiceConfig2W(h, SERVICE_CONFIG_DESCRIPTION, (BYTE *)d,
	    need, &need))
		printf("%ls", d->lpDescription ? d->lpDescription : L"");
	free(d);
	CloseServiceHandle(h);
}

static int
list(void)
{
	ENUM_SERVICE_STATUS_PROCESSW *e;
	DWORD need = 0, count = 0, resume = 0, i, size = 0;
	BYTE *buf = NULL;
	SC_HANDLE scm;

	if ((scm = OpenSCManagerA(NULL, NULL, SC_MANAGER_ENUMERATE_SERVICE)) ==
	    NULL)
		return 1;
	while (!EnumServicesStatusExW(scm, SC_ENUM_PROCESS_INFO, SERVICE_WIN32,
	    SERVICE_STATE_ALL, buf, size, &need, &count, &resume, NULL)) {
		if (GetLastError() != ERROR_MORE_DATA)
			return 1;
		free(buf);
		size = need;
		if ((buf = malloc(size)) == NULL)
			return 1;
	}
	e = (ENUM_SERVICE_STATUS_PROCESSW *)(void *)buf;
	for (i = 0; i < count; i++) {
		/* as_dict(): config, status, description, each on its own */
		printf("%ls\t", e[i].lpServiceName);
		query_config(e[i].lpServiceName);
		query_status(e[i].lpServiceName);
		query_descr(e[i].lpServiceName);
		putchar('\n');
	}
	free(buf);
	CloseServiceHandle(scm);
	return 0;
}

static int
create_delete(int n, int create)
{
	SC_HANDLE scm, h;
	wchar_t name[32], disp[64];
	int i, rc = 0;

	if ((scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_ALL_ACCESS)) == NULL)
		return 1;
	for (i = 0; i < n; i++) {
		swprintf(name, 32, L"pkb%03d", i);
		swprintf(disp, 64, L"pskit bench service %d", i);
		if (create) {
			h = CreateServiceW(scm, name, disp, SERVICE_ALL_ACCESS,
			    SERVICE_WIN32_OWN_PROCESS, SERVICE_DEMAND_START,
			    SERVICE_ERROR_NORMAL, L"C:\\pk\\bench.exe -n",
			    NULL, NULL, NULL, NULL, NULL);
			if (h != NULL) {
				SERVICE_DESCRIPTIONW d = { disp };

				ChangeServiceConfig2W(h,
				    SERVICE_CONFIG_DESCRIPTION, &d);
			}
		} else if ((h = OpenServiceW(scm, name, DELETE)) != NULL)
			DeleteService(h);
		if (h == NULL)
			rc = 1;
		else
			CloseServiceHandle(h);
	}
	CloseServiceHandle(scm);
	return rc;
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "list") == 0)
		return list();
	if (argc == 3 && strcmp(argv[1], "create") == 0)
		return create_delete(atoi(argv[2]), 1);
	if (argc == 3 && strcmp(argv[1], "delete") == 0)
		return create_delete(atoi(argv[2]), 0);
	fprintf(stderr, "usage: winservices_psutil list | create N | "
	    "delete N\n");
	return 2;
}
