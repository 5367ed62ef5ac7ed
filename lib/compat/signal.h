/*
 * signal.h (compat): the system header plus the small part of POSIX
 * sigaction(2) the commands use, built on signal(3) where the C library
 * has nothing better (mingw-w64's msvcrt).
 */
#pragma GCC system_header
#include_next <signal.h>

#ifndef PSKIT_COMPAT_SIGNAL_H
#define PSKIT_COMPAT_SIGNAL_H

#include <sys/types.h>

#ifndef SIGHUP
#define SIGHUP	1
#endif
#ifndef SIGPIPE
#define SIGPIPE	13	/* no such signal on Windows: signal() fails, harmless */
#endif

typedef _sigset_t sigset_t;

struct sigaction {
	void		(*sa_handler)(int);
	sigset_t	  sa_mask;
	int		  sa_flags;
};

#define SA_RESTART	0x1
#define SA_RESETHAND	0x2

int	sigemptyset(sigset_t *);
int	sigfillset(sigset_t *);
int	sigaddset(sigset_t *, int);
int	sigaction(int, const struct sigaction *, struct sigaction *);

#endif /* PSKIT_COMPAT_SIGNAL_H */
