/*
 * progname.c (compat): getprogname()/setprogname() as libbsd has them:
 * the last component of argv[0], here without its ".exe".
 */
#include <stdlib.h>
#include <string.h>

static char progname[128];

const char *
getprogname(void)
{
	return progname[0] != '\0' ? progname : "pskit";
}

void
setprogname(const char *argv0)
{
	const char *p, *base = argv0;
	size_t n;

	if (argv0 == NULL)
		return;
	for (p = argv0; *p != '\0'; p++)
		if (*p == '/' || *p == '\\' || *p == ':')
			base = p + 1;
	n = strlcpy(progname, base, sizeof(progname));
	if (n >= sizeof(progname))
		n = sizeof(progname) - 1;
	if (n > 4 && (strcmp(progname + n - 4, ".exe") == 0 ||
	    strcmp(progname + n - 4, ".EXE") == 0))
		progname[n - 4] = '\0';
}
