/*
 * shell.c: the part of main() every command shares; see shell.h.
 */
#include <err.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "pskit/out.h"
#include "shell.h"

volatile sig_atomic_t sh_signal;

/* The sample being written to a temporary file, removed if the command
 * exits before sh_commit() (errx on a failed read, out of memory). */
static struct sh_out *pending;

static void
on_signal(int sig)
{
	sh_signal = sig;
}

void
sh_signals(void)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	/* a write blocked on a slow reader finishes the sample (no EINTR
	 * "write error"); the sleeps between samples still wake up */
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		(void)sigaction(sigs[i], &sa, NULL);	/* no SIGHUP on Windows */
}

void
sh_bad_value(const char *what, const char *arg)
{
	warnx("unknown %s '%s'", what, arg);
}

int
sh_format(const char *arg)
{
	int fmt = pk_out_parse_fmt(arg);

	if (fmt == -1)
		warnx("unknown output format '%s' (text, tsv, json, prom)", arg);
	return fmt;
}

void
sh_version(void)
{
	printf("%s (pskit) %s\n", getprogname(), PSKIT_VERSION);
	exit(sh_exit(0));
}

static void
drop_pending(void)
{
	if (pending != NULL)
		sh_abort(pending);
}

void
sh_open(struct pk_ctx *ctx, struct sh_out *so, const char *path,
    enum sh_mode mode)
{
	static int registered;

	memset(so, 0, sizeof(*so));
	so->fp = stdout;
	if (path == NULL)
		return;
	if (!registered)
		registered = atexit(drop_pending) == 0;
	if (pk_atomic_open(ctx, path, &so->a,
	    mode == SH_PRIVATE ? PK_ATOMIC_PRIVATE : 0) != PK_OK)
		errx(1, "%s", pk_strerror(ctx));
	so->atomic = 1;
	so->fp = so->a.fp;
	pending = so;
}

void
sh_commit(struct pk_ctx *ctx, struct sh_out *so)
{
	if (!so->atomic) {
		if (fflush(stdout) != 0 || ferror(stdout))
			errx(1, "write error");
		return;
	}
	pending = NULL;
	so->atomic = 0;
	so->fp = NULL;
	if (pk_atomic_commit(ctx, &so->a) != PK_OK)
		errx(1, "%s", pk_strerror(ctx));
}

void
sh_abort(struct sh_out *so)
{
	if (so == pending)
		pending = NULL;
	if (so->atomic)
		pk_atomic_abort(&so->a);
	so->atomic = 0;
	so->fp = NULL;
}

int
sh_exit_after(int status, int sig)
{
	int s = sh_signal;

	drop_pending();
	if (fflush(stdout) != 0 || ferror(stdout))
		errx(1, "write error");
	if (s == 0 || s == sig)
		return status;
	/* 128+signal: a calling script must not carry on as if the run
	 * had completed */
	signal(s, SIG_DFL);
	raise(s);
	return 128 + s;		/* where raise() returns (Windows) */
}

int
sh_exit(int status)
{
	return sh_exit_after(status, 0);
}
