/*
 * netaddr.c: what ifconfig derives from what the net probes read, on
 * every OS: the index of addresses by interface name, the merge of the
 * netlink link dump into the interfaces, and IPv4 address text.  No I/O.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

static int
cmp_in6(const void *a, const void *b)
{
	const struct pk_inet6_entry *x = *(const struct pk_inet6_entry *const *)a;
	const struct pk_inet6_entry *y = *(const struct pk_inet6_entry *const *)b;
	int c = strcmp(x->name, y->name);

	return c != 0 ? c : (x > y) - (x < y);
}

static int
cmp_in4(const void *a, const void *b)
{
	const struct pk_inet4_addr *x = *(const struct pk_inet4_addr *const *)a;
	const struct pk_inet4_addr *y = *(const struct pk_inet4_addr *const *)b;
	int c = strcmp(x->label, y->label);

	return c != 0 ? c : (x > y) - (x < y);
}

/* Sorted by name; ties by address, which is list order. */
int
pk_net_addrs_index(struct pk_ctx *ctx, struct pk_net_addrs *a)
{
	size_t i;

	free(a->in6s);
	free(a->in4s);
	a->in6s = reallocarray(NULL, a->nin6 + 1, sizeof(*a->in6s));
	a->in4s = reallocarray(NULL, a->nin4 + 1, sizeof(*a->in4s));
	if (a->in6s == NULL || a->in4s == NULL)
		return pk_ctx_fail(ctx, PK_ENOMEM, 0, "out of memory");
	for (i = 0; i < a->nin6; i++)
		a->in6s[i] = &a->in6[i];
	for (i = 0; i < a->nin4; i++)
		a->in4s[i] = &a->in4[i];
	if (a->nin6 > 0)
		qsort(a->in6s, a->nin6, sizeof(*a->in6s), cmp_in6);
	if (a->nin4 > 0)
		qsort(a->in4s, a->nin4, sizeof(*a->in4s), cmp_in4);
	return PK_OK;
}

static const char *
in6_name(const struct pk_net_addrs *a, size_t i)
{
	return a->in6s[i]->name;
}

static const char *
in4_name(const struct pk_net_addrs *a, size_t i)
{
	return a->in4s[i]->label;
}

/* The entries [*first, *first + count) of the n sorted ones named name. */
static size_t
equal_range(const struct pk_net_addrs *a, size_t n,
    const char *(*nm)(const struct pk_net_addrs *, size_t), const char *name,
    size_t *first)
{
	size_t lo = 0, hi = n, mid, k;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(nm(a, mid), name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = 0; lo + k < n && strcmp(nm(a, lo + k), name) == 0; k++)
		;
	*first = lo;
	return k;
}

size_t
pk_net_addrs_in6(const struct pk_net_addrs *a, const char *name,
    const struct pk_inet6_entry *const **v)
{
	size_t lo, n = equal_range(a, a->nin6, in6_name, name, &lo);

	*v = a->in6s != NULL ? a->in6s + lo : NULL;
	return n;
}

size_t
pk_net_addrs_in4(const struct pk_net_addrs *a, const char *label,
    const struct pk_inet4_addr *const **v)
{
	size_t lo, n = equal_range(a, a->nin4, in4_name, label, &lo);

	*v = a->in4s != NULL ? a->in4s + lo : NULL;
	return n;
}

void
pk_net_addrs_free(struct pk_net_addrs *a)
{
	free(a->in6);
	free(a->in4);
	free(a->a6);
	free(a->in6s);
	free(a->in4s);
	memset(a, 0, sizeof(*a));
}

static int
cmp_link(const void *a, const void *b)
{
	return strcmp(((const struct pk_net_link *)a)->name,
	    ((const struct pk_net_link *)b)->name);
}

void
pk_net_links_merge(const struct pk_ctx *ctx, struct pk_netif *ifs,
    size_t nifs, struct pk_net_link *links, size_t nlinks)
{
	struct pk_net_link key, *f;
	struct pk_netif *ifp;
	size_t i;
	char *colon;

	if (nlinks == 0)
		return;
	qsort(links, nlinks, sizeof(*links), cmp_link);
	memset(&key, 0, sizeof(key));
	for (i = 0; i < nifs; i++) {
		ifp = &ifs[i];
		strlcpy(key.name, ifp->name, sizeof(key.name));
		if ((colon = strchr(key.name, ':')) != NULL)
			*colon = '\0';
		f = bsearch(&key, links, nlinks, sizeof(*links), cmp_link);
		if (f == NULL)
			continue;
		ifp->ifindex = f->ifindex;
		ifp->lflags = f->flags;
		ifp->has |= PK_NETIF_HAS_INDEX | PK_NETIF_HAS_LFLAGS;
		if (f->has_stats64 && strcmp(ctx->procfs, "/proc") == 0) {
			ifp->rx_over_errors = f->rx_over_errors;
			ifp->tx_carrier_errors = f->tx_carrier_errors;
			ifp->has |= PK_NETIF_HAS_STATS64;
		}
		if (f->operstate >= 0) {
			strlcpy(ifp->operstate,
			    pk_net_operstate_name(f->operstate),
			    sizeof(ifp->operstate));
			ifp->has |= PK_NETIF_HAS_OPER;
		}
		if (f->carrier >= 0 && (ifp->flags & PK_IFF_UP)) {
			ifp->carrier = f->carrier;
			ifp->has |= PK_NETIF_HAS_CARRIER;
		}
	}
}

const char *
pk_net_ntoa4(const uint8_t *a, char *buf)
{
	snprintf(buf, 16, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	return buf;
}

unsigned
pk_net_mask_prefix(const uint8_t *m)
{
	unsigned i, n = 0;

	for (i = 0; i < 32; i++)
		if (m[i / 8] & (0x80 >> (i % 8)))
			n++;
	return n;
}

void
pk_net_prefix_mask(unsigned plen, uint8_t *m, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++, plen = plen > 8 ? plen - 8 : 0)
		m[i] = plen >= 8 ? 0xff : (uint8_t)(0xff00 >> plen);
}
