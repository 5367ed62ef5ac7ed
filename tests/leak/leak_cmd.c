/*
 * leak_cmd: a command's whole collect-and-render path, run thousands of
 * times in one process.  The command's main() is built under another
 * name (-Dmain=<cmd>_main, for this test binary only) and called with each
 * argument line of tests/leak/<cmd>.args; its output goes to /dev/null.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "leak.h"

int CMD_MAIN(int argc, char **argv);

#define MAXLINES	16
#define MAXARGS		16

static char *lines[MAXLINES];
static size_t nlines;
static int nfail[MAXLINES], laststatus[MAXLINES];	/* per .args line */

static int
call(const char *line)
{
	char buf[512], *argv[MAXARGS + 1], *tok, *save = NULL;
	int argc = 0;

	strlcpy(buf, line, sizeof(buf));
	argv[argc++] = (char *)CMD_NAME;
	for (tok = strtok_r(buf, " ", &save); tok != NULL && argc < MAXARGS;
	    tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	argv[argc] = NULL;
	optind = 0;	/* glibc: start getopt afresh */
	return CMD_MAIN(argc, argv);
}

static void
run_all(void)
{
	size_t i;

	/* a line that fails early leaks nothing: its status is a result too */
	for (i = 0; i < nlines; i++)
		if ((laststatus[i] = call(lines[i])) != 0)
			nfail[i]++;
}

int
main(int argc, char **argv)
{
	static struct leak_case one[] = { { CMD_NAME " (every .args line)",
		run_all } };
	char buf[512];
	FILE *fp;
	size_t i;
	int fd, bad;

	if (argc != 2 || (fp = fopen(argv[1], "r")) == NULL)
		return 2;
	while (nlines < MAXLINES && fgets(buf, sizeof(buf), fp) != NULL) {
		buf[strcspn(buf, "\n")] = '\0';
		if (buf[0] != '#' && buf[0] != '\0')
			lines[nlines++] = strdup(buf);
	}
	fclose(fp);
	/* the command's output is thrown away; TAP goes to stderr */
	if ((fd = open("/dev/null", O_WRONLY)) == -1 || dup2(fd, 1) == -1)
		return 2;
	close(fd);
	leak_tap = stderr;
	leak_noplan = 1;
	bad = leak_run(one, 1);
	for (i = 0; i < nlines; i++) {
		if (nfail[i] != 0)
			bad = 1;
		fprintf(stderr, "%sok %zu - %s %s: %d of %d calls failed "
		    "(last status %d)\n", nfail[i] != 0 ? "not " : "", i + 2,
		    CMD_NAME, lines[i], nfail[i], LEAK_WARMUP + LEAK_RUNS,
		    laststatus[i]);
	}
	fprintf(stderr, "1..%zu\n", nlines + 1);
	return bad;
}
