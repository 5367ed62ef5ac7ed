/*
 * procsmem-winhog: a Windows process for the Wine suites (procsmem_wine,
 * procinfo_wine).  Touches MIB mebibytes of private memory, writes its
 * pid to PIDFILE, then waits (at most 120 s) until STOPFILE exists.
 * With -c it first starts a copy of itself with the same arguments (less
 * the -c) as its child, and writes its own pid to PIDFILE.parent.
 * usage: procsmem-winhog.exe [-c] MIB PIDFILE STOPFILE [ARG...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>

/* Start a copy without the " -c": same program, same arguments. */
static int
spawn(void)
{
	wchar_t *cl = _wcsdup(GetCommandLineW()), *c;
	STARTUPINFOW si;
	PROCESS_INFORMATION pi;

	if (cl == NULL || (c = wcsstr(cl, L" -c ")) == NULL)
		return 0;
	memmove(c, c + 3, (wcslen(c + 3) + 1) * sizeof(*c));
	memset(&si, 0, sizeof(si));
	si.cb = sizeof(si);
	if (!CreateProcessW(NULL, cl, NULL, NULL, FALSE, 0, NULL, NULL, &si,
	    &pi))
		return 0;
	CloseHandle(pi.hThread);
	CloseHandle(pi.hProcess);
	free(cl);
	return 1;
}

int
main(int argc, char **argv)
{
	char path[1024];
	size_t n, i;
	char *p;
	FILE *fp;
	int t, parent = argc > 1 && strcmp(argv[1], "-c") == 0;

	if (parent) {
		argv++;
		argc--;
	}
	if (argc < 4)
		return 2;
	if (parent && !spawn())
		return 1;
	n = (size_t)atoi(argv[1]) << 20;
	if ((p = VirtualAlloc(NULL, n, MEM_COMMIT | MEM_RESERVE,
	    PAGE_READWRITE)) == NULL)
		return 1;
	for (i = 0; i < n; i += 4096)
		p[i] = (char)i | 1;
	snprintf(path, sizeof(path), "%s%s", argv[2], parent ? ".parent" : "");
	if ((fp = fopen(path, "w")) == NULL)
		return 1;
	fprintf(fp, "%lu\n", (unsigned long)GetCurrentProcessId());
	fclose(fp);
	for (t = 0; t < 1200; t++) {
		if (GetFileAttributesA(argv[3]) != INVALID_FILE_ATTRIBUTES)
			break;
		Sleep(100);
	}
	return p[0] == 0;
}
