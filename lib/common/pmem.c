/*
 * pmem.c: releasing one process of a memory report, once for every OS
 * (only Linux opens the /proc/PID directory; elsewhere pk_fd_close is a
 * no-op).
 */
#include <stdlib.h>

#include "pskit.h"

void
pk_pmem_free(struct pk_pmem *p)
{
	free(p->cmdline);
	p->cmdline = NULL;
	if (p->dfd >= 0)
		pk_fd_close(p->dfd);
	p->dfd = -1;
}
