/*
 * netlink.c (stub): no netlink on this system.
 */
#include "pskit.h"

int
pk_net_inet4(struct pk_ctx *ctx, struct pk_inet4_addr **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0,
	    "IPv4 addresses: not supported on this system");
}

int
pk_net_links(struct pk_ctx *ctx, struct pk_net_link **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0,
	    "network links: not supported on this system");
}

int
pk_net_inet6_addrs(struct pk_ctx *ctx, struct pk_inet6_addr **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0,
	    "IPv6 addresses: not supported on this system");
}

int
pk_pconn_unix_diag(struct pk_ctx *ctx, const uint64_t *inodes, const int *fds,
    size_t ninodes, struct pk_pconn **conns, size_t *nconns)
{
	(void)inodes;
	(void)fds;
	(void)ninodes;
	(void)conns;
	(void)nconns;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0,
	    "UNIX socket diagnostics: not supported on this system");
}
