/*
 * proc.c: releasing what pk_proc_read() of any OS filled, once for every
 * OS (a field an OS does not read stays NULL and frees as such).
 */
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

void
pk_proc_free(struct pk_proc *p)
{
	size_t i;

	pk_strv_free(&p->cmdline);
	pk_penviron_free(&p->env);
	free(p->exe);
	free(p->cwd);
	free(p->user);
	free(p->terminal);
	free(p->parent_name);
	free(p->cpus);
	for (i = 0; i < p->nfiles; i++)
		free(p->files[i].path);
	free(p->files);
	free(p->conns);
	free(p->threads);
	for (i = 0; i < p->nchildren; i++)
		free(p->children[i].name);
	free(p->children);
	pk_pmaps_free(p->maps, p->nmaps);
	memset(p, 0, sizeof(*p));
}
