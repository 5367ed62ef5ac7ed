/*
 * The parts of procinfo: procinfo.c (options, PIDs, the loop over them)
 * and text.c (psutil procinfo.py's layout).
 */
#ifndef PROCINFO_PARTS_H
#define PROCINFO_PARTS_H

#include <stdio.h>

#include "pskit.h"

struct opts {
	int		 verbose;
	unsigned	 flags;		/* PK_PROC_* */
	const char	*memtype;
	int		 fmt;
	unsigned	 outflags;
	const char	*outfile;
	const char	*procfs;
	const char	*sysfs;
	int		 tty;
};

void	render_text(FILE *, const struct opts *, const struct pk_proc *);

#endif
