/*
 * net.c (stub): no network interface probe on this system.
 */
#include "pskit.h"

int
pk_net_open(struct pk_ctx *ctx, struct pk_net *net)
{
	net->sock = -1;
	net->dev_oserr = 0;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0,
	    "network interfaces: not supported on this system");
}

int
pk_net_names(struct pk_ctx *ctx, struct pk_net *net, struct pk_netif **out,
    size_t *n)
{
	(void)net;
	*out = NULL;
	*n = 0;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0,
	    "network interfaces: not supported on this system");
}

int
pk_net_lookup(struct pk_ctx *ctx, struct pk_net *net, const char *name,
    struct pk_netif *out)
{
	(void)net;
	(void)name;
	(void)out;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0,
	    "network interfaces: not supported on this system");
}

int
pk_net_fetch(struct pk_ctx *ctx, struct pk_net *net, unsigned what,
    struct pk_netif *ifp)
{
	(void)net;
	(void)what;
	(void)ifp;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0,
	    "network interfaces: not supported on this system");
}

int
pk_net_inet6(struct pk_ctx *ctx, struct pk_inet6_entry **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	return pk_ctx_fail(ctx, PK_ENOTSUP, 0,
	    "IPv6 addresses: not supported on this system");
}
