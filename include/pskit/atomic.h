/*
 * pskit/atomic.h: atomic file replacement (--outfile FILE): a temporary
 * file beside FILE, fsynced and renamed over it.
 */
#ifndef PSKIT_ATOMIC_H
#define PSKIT_ATOMIC_H

#include "pskit/core.h"

struct pk_atomic {
	char	 path[4096];	/* the destination */
	char	 tmp[4096];	/* the temporary file beside it */
	int	 fd;
	FILE	*fp;		/* write here */
};

/* pk_atomic_open() flags: the output carries command lines,
 * environments, working directories or open files (mode 0600). */
#define PK_ATOMIC_PRIVATE	0x1
/* Create a temporary file in path's directory, open as a->fp.  Its mode
 * is 0600 with PK_ATOMIC_PRIVATE, else 0666 & ~umask; an existing
 * destination's mode is kept where it is stricter (POSIX only). */
int	 pk_atomic_open(struct pk_ctx *ctx, const char *path,
	    struct pk_atomic *a, unsigned flags);
/* Flush, fsync and rename over the destination; closes a->fp.  On any
 * error the destination is left as it was. */
int	 pk_atomic_commit(struct pk_ctx *ctx, struct pk_atomic *a);
/* Remove the temporary file, leaving the destination untouched. */
void	 pk_atomic_abort(struct pk_atomic *a);

#endif /* PSKIT_ATOMIC_H */
