/*
 * signal.c (compat): sigaction(2) over signal(3).  The C runtime resets
 * a handler to SIG_DFL before calling it; the wrapper installs itself
 * again so the handler stays as sigaction promises.  Masks and flags are
 * accepted and ignored: the CRT delivers SIGINT/SIGBREAK on a thread of
 * its own and blocks nothing.
 */
#include <errno.h>
#include <signal.h>
#include <stddef.h>

static void (*handlers[NSIG])(int);

static void
trampoline(int sig)
{
	if (sig > 0 && sig < NSIG && handlers[sig] != NULL) {
		signal(sig, trampoline);
		handlers[sig](sig);
	}
}

int
sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int
sigfillset(sigset_t *set)
{
	*set = ~(sigset_t)0;
	return 0;
}

int
sigaddset(sigset_t *set, int sig)
{
	if (sig <= 0 || sig >= (int)(8 * sizeof(*set))) {
		errno = EINVAL;
		return -1;
	}
	*set |= (sigset_t)1 << sig;
	return 0;
}

int
sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	void (*prev)(int);

	if (sig <= 0 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	if (old != NULL) {
		old->sa_mask = 0;
		old->sa_flags = 0;
		old->sa_handler = handlers[sig];
	}
	if (act == NULL)
		return 0;
	if (act->sa_handler == SIG_DFL || act->sa_handler == SIG_IGN) {
		prev = signal(sig, act->sa_handler);
		handlers[sig] = NULL;
	} else {
		handlers[sig] = act->sa_handler;
		prev = signal(sig, trampoline);
	}
	if (prev == SIG_ERR)
		return -1;
	if (old != NULL && prev != trampoline)
		old->sa_handler = prev;
	return 0;
}
