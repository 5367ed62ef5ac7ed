/*
 * shell.h: the command shell every pskit command shares (cmd/common/).
 * Only what is the same in all six commands lives here: the shared
 * option helpers, stdout or the atomic --outfile, the stop signals and
 * the end of main().  Each command keeps its own option table.
 *
 * A command's life:
 *	sh_signals();			HUP, INT, TERM: finish the sample
 *	... parse options (sh_format, sh_version) ...
 *	do {
 *		sh_open(&ctx, &so, outfile, mode);	stdout or temp file
 *		... render the sample to so.fp ...
 *		sh_commit(&ctx, &so);			rename into place
 *	} while (!sh_signal && more);
 *	return sh_exit(status);		flush, "write error", re-raise
 *
 * A command that exits (errx) between sh_open() and sh_commit() leaves
 * no temporary file: an atexit handler removes it.
 */
#ifndef PSKIT_SHELL_H
#define PSKIT_SHELL_H

#include <signal.h>
#include <stdio.h>

#include "pskit.h"

/* The signal (HUP, INT or TERM) that asked the command to stop, or 0. */
extern volatile sig_atomic_t sh_signal;

/* Catch HUP, INT and TERM: they set sh_signal; the loop ends after the
 * current sample.  SA_RESTART: a blocked write finishes its sample. */
void	sh_signals(void);

/* -o/--output value: text, tsv, json, prom (any case), else -1 after
 * "<prog>: unknown output format 'ARG' (text, tsv, json, prom)"; the
 * caller then prints its usage and exits with its usage status. */
int	sh_format(const char *arg);

/* "<prog>: unknown <what> 'ARG'" on stderr: names a bad option value
 * before the command's usage text. */
void	sh_bad_value(const char *what, const char *arg);

/* --version: "<prog> (pskit) <version>", the name as invoked; exit 0. */
void	sh_version(void) __attribute__((noreturn));

/* Output file modes (issue 18.1): SH_PRIVATE for output that carries
 * command lines, environments, working directories or open files (0600),
 * SH_PUBLIC otherwise (0666 & ~umask).  An existing file keeps its mode
 * when that is stricter. */
enum sh_mode { SH_PUBLIC, SH_PRIVATE };

/* Where a sample goes: stdout, or a temporary file renamed over
 * --outfile by sh_commit(). */
struct sh_out {
	FILE		*fp;
	int		 atomic;
	struct pk_atomic a;
};

/* fp = stdout when path is NULL, else a new temporary file beside path
 * (errx 1 with the library's message when it cannot be created). */
void	sh_open(struct pk_ctx *ctx, struct sh_out *so, const char *path,
	    enum sh_mode mode);
/* Replace the target with the finished sample (errx 1 on failure); on
 * stdout, flush it ("write error", exit 1). */
void	sh_commit(struct pk_ctx *ctx, struct sh_out *so);
/* Drop the sample: the old file stays (a failed or partial report). */
void	sh_abort(struct sh_out *so);

/* End of main(): flush stdout ("write error", exit 1); after a stop
 * signal, restore its default action and raise it again, so the caller
 * sees 128+signal.  Otherwise returns status. */
int	sh_exit(int status);
/* As sh_exit() but keep status after the signal sig: the reference
 * tool's own status (sysstat's iostat -o JSON exits 0 after SIGINT). */
int	sh_exit_after(int status, int sig);

#endif
