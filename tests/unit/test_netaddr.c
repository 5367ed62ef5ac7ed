/*
 * Unit tests of lib/common/netaddr.c: the address index by interface
 * name, the merge of a netlink link dump into the interfaces, and the
 * IPv4 text and mask helpers.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pskit.h"

static void
set4(uint8_t *a, int b0, int b1, int b2, int b3)
{
	a[0] = (uint8_t)b0;
	a[1] = (uint8_t)b1;
	a[2] = (uint8_t)b2;
	a[3] = (uint8_t)b3;
}

/* Entries of one name come back together, each name in list order. */
static void
index_by_name(void)
{
	static const char *names6[] = { "eth1", "lo", "eth0", "eth1", "eth0" };
	static const char *labels4[] = { "eth0", "eth0:1", "lo", "eth0" };
	const struct pk_inet6_entry *const *v6;
	const struct pk_inet4_addr *const *v4;
	struct pk_net_addrs a;
	struct pk_ctx ctx;
	size_t i, n;

	memset(&a, 0, sizeof(a));
	memset(&ctx, 0, sizeof(ctx));
	a.nin6 = 5;
	a.nin4 = 4;
	a.in6 = calloc(a.nin6, sizeof(*a.in6));
	a.in4 = calloc(a.nin4, sizeof(*a.in4));
	CHECK(a.in6 != NULL && a.in4 != NULL);
	for (i = 0; i < a.nin6; i++) {
		strlcpy(a.in6[i].name, names6[i], sizeof(a.in6[i].name));
		a.in6[i].prefixlen = (unsigned)i;
	}
	for (i = 0; i < a.nin4; i++) {
		strlcpy(a.in4[i].label, labels4[i], sizeof(a.in4[i].label));
		a.in4[i].prefixlen = (unsigned)i;
	}
	CHECK(pk_net_addrs_index(&ctx, &a) == PK_OK);
	n = pk_net_addrs_in6(&a, "eth0", &v6);
	CHECK_U64(n, 2);
	CHECK_U64(v6[0]->prefixlen, 2);
	CHECK_U64(v6[1]->prefixlen, 4);
	n = pk_net_addrs_in6(&a, "eth1", &v6);
	CHECK_U64(n, 2);
	CHECK_U64(v6[0]->prefixlen, 0);
	CHECK_U64(v6[1]->prefixlen, 3);
	CHECK_U64(pk_net_addrs_in6(&a, "lo", &v6), 1);
	CHECK_U64(pk_net_addrs_in6(&a, "eth", &v6), 0);
	CHECK_U64(pk_net_addrs_in6(&a, "zz", &v6), 0);
	n = pk_net_addrs_in4(&a, "eth0", &v4);
	CHECK_U64(n, 2);			/* not eth0:1 */
	CHECK_U64(v4[0]->prefixlen, 0);
	CHECK_U64(v4[1]->prefixlen, 3);
	n = pk_net_addrs_in4(&a, "eth0:1", &v4);
	CHECK_U64(n, 1);
	CHECK_U64(v4[0]->prefixlen, 1);
	pk_net_addrs_free(&a);
	CHECK(a.in6 == NULL && a.in6s == NULL && a.nin4 == 0);
}

/* No lists at all: lookups find nothing and free is safe. */
static void
index_empty(void)
{
	const struct pk_inet6_entry *const *v6;
	const struct pk_inet4_addr *const *v4;
	struct pk_net_addrs a;
	struct pk_ctx ctx;

	memset(&a, 0, sizeof(a));
	memset(&ctx, 0, sizeof(ctx));
	CHECK_U64(pk_net_addrs_in6(&a, "lo", &v6), 0);
	CHECK(pk_net_addrs_index(&ctx, &a) == PK_OK);
	CHECK_U64(pk_net_addrs_in6(&a, "lo", &v6), 0);
	CHECK_U64(pk_net_addrs_in4(&a, "lo", &v4), 0);
	pk_net_addrs_free(&a);
}

static void
links_merge(void)
{
	struct pk_net_link l[3];
	struct pk_netif ifs[4];
	struct pk_ctx ctx;

	memset(&ctx, 0, sizeof(ctx));
	memset(l, 0, sizeof(l));
	memset(ifs, 0, sizeof(ifs));
	strlcpy(ctx.procfs, "/proc", sizeof(ctx.procfs));
	strlcpy(l[0].name, "lo", sizeof(l[0].name));
	l[0].ifindex = 1;
	l[0].operstate = 0;
	l[0].carrier = 1;
	strlcpy(l[1].name, "eth0", sizeof(l[1].name));
	l[1].ifindex = 2;
	l[1].flags = PK_IFF_UP | PK_IFF_LOWER_UP;
	l[1].operstate = 6;
	l[1].carrier = 1;
	l[1].has_stats64 = 1;
	l[1].rx_over_errors = 7;
	l[1].tx_carrier_errors = 8;
	strlcpy(l[2].name, "eth1", sizeof(l[2].name));
	l[2].ifindex = 3;
	l[2].operstate = -1;
	l[2].carrier = 0;			/* eth1 is down: unknown */
	strlcpy(ifs[0].name, "eth0", sizeof(ifs[0].name));
	ifs[0].flags = PK_IFF_UP;
	strlcpy(ifs[1].name, "eth0:1", sizeof(ifs[1].name));
	ifs[1].flags = PK_IFF_UP;
	strlcpy(ifs[2].name, "eth1", sizeof(ifs[2].name));
	strlcpy(ifs[3].name, "gone", sizeof(ifs[3].name));
	pk_net_links_merge(&ctx, ifs, 4, l, 3);
	CHECK_U64(ifs[0].ifindex, 2);
	CHECK_U64(ifs[0].lflags, PK_IFF_UP | PK_IFF_LOWER_UP);
	CHECK_STR(ifs[0].operstate, "up");
	CHECK(ifs[0].has & PK_NETIF_HAS_CARRIER);
	CHECK_U64(ifs[0].carrier, 1);
	CHECK(ifs[0].has & PK_NETIF_HAS_STATS64);
	CHECK_U64(ifs[0].rx_over_errors, 7);
	CHECK_U64(ifs[0].tx_carrier_errors, 8);
	CHECK_U64(ifs[1].ifindex, 2);		/* the alias gets eth0's */
	CHECK(ifs[1].has & PK_NETIF_HAS_OPER);
	CHECK_U64(ifs[2].ifindex, 3);
	CHECK(!(ifs[2].has & PK_NETIF_HAS_OPER));
	CHECK(!(ifs[2].has & PK_NETIF_HAS_CARRIER));
	CHECK(ifs[3].has == 0);
	/* a --procfs tree: the namespace's counters stay out */
	memset(ifs, 0, sizeof(ifs));
	strlcpy(ifs[0].name, "eth0", sizeof(ifs[0].name));
	strlcpy(ctx.procfs, "/srv/tree/proc", sizeof(ctx.procfs));
	pk_net_links_merge(&ctx, ifs, 1, l, 3);
	CHECK(ifs[0].has & PK_NETIF_HAS_INDEX);
	CHECK(!(ifs[0].has & PK_NETIF_HAS_STATS64));
	pk_net_links_merge(&ctx, ifs, 1, NULL, 0);
}

static void
ipv4_text(void)
{
	uint8_t a[4], m[16];
	char buf[16];

	set4(a, 192, 168, 0, 255);
	CHECK_STR(pk_net_ntoa4(a, buf), "192.168.0.255");
	set4(a, 255, 255, 240, 0);
	CHECK_U64(pk_net_mask_prefix(a), 20);
	set4(a, 0, 0, 0, 0);
	CHECK_U64(pk_net_mask_prefix(a), 0);
	pk_net_prefix_mask(20, m, 4);
	CHECK_STR(pk_net_ntoa4(m, buf), "255.255.240.0");
	pk_net_prefix_mask(32, m, 4);
	CHECK_STR(pk_net_ntoa4(m, buf), "255.255.255.255");
	pk_net_prefix_mask(0, m, 4);
	CHECK_STR(pk_net_ntoa4(m, buf), "0.0.0.0");
	pk_net_prefix_mask(65, m, 16);
	CHECK_U64(m[7], 0xff);
	CHECK_U64(m[8], 0x80);
	CHECK_U64(m[15], 0);
}

int
main(void)
{
	TEST(index_by_name);
	TEST(index_empty);
	TEST(links_merge);
	TEST(ipv4_text);
	return DONE();
}
