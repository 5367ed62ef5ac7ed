/*
 * svc.c (stub): services exist only on Windows.
 */
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

int
pk_svc_open(struct pk_ctx *ctx, struct pk_svc_scm *scm)
{
	scm->h = NULL;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "services: not supported on this system");
}

void
pk_svc_close(struct pk_svc_scm *scm)
{
	scm->h = NULL;
}

int
pk_svc_enum(struct pk_ctx *ctx, struct pk_svc_scm *scm,
    struct pk_svc **out, size_t *n)
{
	(void)scm;
	*out = NULL;
	*n = 0;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "services: not supported on this system");
}

int
pk_svc_query(struct pk_ctx *ctx, struct pk_svc_scm *scm, struct pk_svc *s)
{
	(void)scm;
	(void)s;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "services: not supported on this system");
}

int
pk_svc_get(struct pk_ctx *ctx, struct pk_svc_scm *scm,
    const struct pk_svc *list, size_t n, const char *name,
    struct pk_svc *out)
{
	(void)scm;
	(void)list;
	(void)n;
	memset(out, 0, sizeof(*out));
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0, "%s: not supported on this system", name);
}
