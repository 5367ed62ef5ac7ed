/*
 * procsmem-winhog: a Windows process for procsmem_wine.bats.  Touches
 * MIB mebibytes of private memory, writes its pid to PIDFILE, then
 * waits (at most 120 s) until the file STOPFILE exists.
 * usage: procsmem-winhog.exe MIB PIDFILE STOPFILE [ARG...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

int
main(int argc, char **argv)
{
	size_t n, i;
	char *p;
	FILE *fp;
	int t;

	if (argc < 4)
		return 2;
	n = (size_t)atoi(argv[1]) << 20;
	if ((p = VirtualAlloc(NULL, n, MEM_COMMIT | MEM_RESERVE,
	    PAGE_READWRITE)) == NULL)
		return 1;
	for (i = 0; i < n; i += 4096)
		p[i] = (char)i | 1;
	if ((fp = fopen(argv[2], "w")) == NULL)
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
