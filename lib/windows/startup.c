/*
 * startup.c: what every Windows command gets before main().  The build
 * links with -municode, so the C runtime calls wmain(), which
 * - converts the UTF-16 command line to UTF-8 (never through the ANSI
 *   code page: a service named "Čtest" must reach OpenServiceW intact),
 * - puts stdin, stdout and stderr in binary mode: LF, never CRLF,
 * - makes a console print UTF-8 for the life of the process,
 * - sets getprogname() from argv[0],
 * then calls the command's ordinary main().
 */
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <windows.h>

#include "pskit.h"
#include "pkwin.h"

int	main(int, char **);
int	wmain(int, wchar_t **);

static UINT saved_cp;

static void
restore_cp(void)
{
	SetConsoleOutputCP(saved_cp);
}

int
wmain(int argc, wchar_t **wargv)
{
	char **argv;
	int i;

	_setmode(_fileno(stdin), _O_BINARY);
	_setmode(_fileno(stdout), _O_BINARY);
	_setmode(_fileno(stderr), _O_BINARY);
	if (GetFileType(GetStdHandle(STD_OUTPUT_HANDLE)) == FILE_TYPE_CHAR &&
	    (saved_cp = GetConsoleOutputCP()) != 0 && saved_cp != CP_UTF8 &&
	    SetConsoleOutputCP(CP_UTF8))
		atexit(restore_cp);
	if ((argv = calloc((size_t)argc + 1, sizeof(*argv))) == NULL) {
		fputs("out of memory\n", stderr);
		return 1;
	}
	for (i = 0; i < argc; i++)
		if (pk_win_utf8(wargv[i], &argv[i]) != PK_OK ||
		    argv[i] == NULL) {
			fputs("out of memory\n", stderr);
			return 1;
		}
	setprogname(argv[0]);
	return main(argc, argv);
}
