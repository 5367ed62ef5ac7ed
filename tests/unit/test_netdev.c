/*
 * Unit tests of ifconfig's pure parts: /proc/net/dev and if_inet6
 * parsers, net-tools' nstrcmp, the two human byte formats, IPv6 text.
 * Expected values come from net-tools 2.10, psutil 5.9.4 and glibc
 * (reference/ifconfig.md; nstrcmp cases from net-tools' own NSTRCMP_TEST).
 */
#include <arpa/inet.h>
#include <stdlib.h>

#include "harness.h"
#include "pskit.h"
#include "pskit/fmt.h"

static const char netdev3[] =
"Inter-|   Receive                                                |  Transmit\n"
" face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
"    lo:    3267      29    0    0    0     0          0         0     3267      29    0    0    0     0       0          0\n"
"  eth0: 242120602    4385    1    2    3     4          5         6   168862    2328    7    8    9    10       11          12\n"
"abcdefghijklmno: 18446744073709551615 1 0 0 0 0 0 0 99999999999999999999 2 0 0 0 0 0 0\n";

static void
netdev_kernel_format(void)
{
	struct pk_netdev_entry *v;
	size_t n;

	CHECK(pk_netdev_parse(netdev3, sizeof(netdev3) - 1, &v, &n) == PK_OK);
	CHECK_U64(n, 3);
	CHECK_STR(v[0].name, "lo");
	CHECK_U64(v[0].st.rx_bytes, 3267);
	CHECK_U64(v[0].st.tx_packets, 29);
	CHECK_STR(v[1].name, "eth0");
	CHECK_U64(v[1].st.rx_bytes, 242120602);
	CHECK_U64(v[1].st.rx_errs, 1);
	CHECK_U64(v[1].st.rx_drop, 2);
	CHECK_U64(v[1].st.rx_fifo, 3);
	CHECK_U64(v[1].st.rx_frame, 4);
	CHECK_U64(v[1].st.rx_compressed, 5);
	CHECK_U64(v[1].st.rx_multicast, 6);
	CHECK_U64(v[1].st.tx_bytes, 168862);
	CHECK_U64(v[1].st.tx_errs, 7);
	CHECK_U64(v[1].st.tx_drop, 8);
	CHECK_U64(v[1].st.tx_fifo, 9);
	CHECK_U64(v[1].st.tx_colls, 10);
	CHECK_U64(v[1].st.tx_carrier, 11);
	CHECK_U64(v[1].st.tx_compressed, 12);
	CHECK_STR(v[2].name, "abcdefghijklmno");
	CHECK_U64(v[2].st.rx_bytes, UINT64_MAX);
	CHECK_U64(v[2].st.tx_bytes, UINT64_MAX);	/* saturates like %llu */
	free(v);
}

static void
netdev_old_formats(void)
{
	static const char v2[] = "h1\n face |bytes packets\n"
	    " eth0:1: 10 20 1 2 3 4 30 40 5 6 7 8 9\n";
	static const char v1[] = "h1\nh2\n eth0: 20 1 2 3 4 40 5 6 7 8 9\n";
	struct pk_netdev_entry *v;
	size_t n;

	CHECK(pk_netdev_parse(v2, sizeof(v2) - 1, &v, &n) == PK_OK);
	CHECK_U64(n, 1);
	CHECK_STR(v[0].name, "eth0:1");
	CHECK_U64(v[0].st.rx_bytes, 10);
	CHECK_U64(v[0].st.tx_bytes, 30);
	CHECK_U64(v[0].st.tx_carrier, 9);
	free(v);
	CHECK(pk_netdev_parse(v1, sizeof(v1) - 1, &v, &n) == PK_OK);
	CHECK_U64(n, 1);
	CHECK_U64(v[0].st.rx_bytes, 0);
	CHECK_U64(v[0].st.rx_packets, 20);
	CHECK_U64(v[0].st.tx_packets, 40);
	CHECK_U64(v[0].st.tx_carrier, 9);
	free(v);
}

static void
netdev_malformed(void)
{
	static const char bad[] = "only one line";
	static const char trunc[] = "h1\nh2 compressed\n  eth0: 1 2\n\n   \nx";
	struct pk_netdev_entry *v;
	size_t n;

	CHECK(pk_netdev_parse(bad, sizeof(bad) - 1, &v, &n) == PK_OK);
	CHECK_U64(n, 0);
	free(v);
	CHECK(pk_netdev_parse(trunc, sizeof(trunc) - 1, &v, &n) == PK_OK);
	CHECK_U64(n, 2);
	CHECK_STR(v[0].name, "eth0");
	CHECK_U64(v[0].st.rx_packets, 2);
	CHECK_U64(v[0].st.rx_errs, 0);
	CHECK_STR(v[1].name, "x");
	free(v);
	CHECK(pk_netdev_parse("", 0, &v, &n) == PK_OK);
	CHECK_U64(n, 0);
	free(v);
}

static void
inet6_lines(void)
{
	static const char f[] =
	    "00000000000000000000000000000001 01 80 10 80       lo\n"
	    "fe8000000000000000fc00fffe000001 04 40 20 80     eth0\n"
	    "garbage line\n"
	    "fd000000000000000000000000000002 1a 40 00 82 abcdefghijklmno";
	struct pk_inet6_entry *v;
	size_t n;

	CHECK(pk_ifinet6_parse(f, sizeof(f) - 1, &v, &n) == PK_OK);
	CHECK_U64(n, 3);
	CHECK_STR(v[0].name, "lo");
	CHECK_U64(v[0].prefixlen, 128);
	CHECK_U64(v[0].scope, 0x10);
	CHECK_U64(v[0].addr[15], 1);
	CHECK_U64(v[1].addr[0], 0xfe);
	CHECK_U64(v[1].ifindex, 4);
	CHECK_U64(v[1].prefixlen, 64);
	CHECK_U64(v[1].scope, 0x20);
	CHECK_STR(v[2].name, "abcdefghijklmno");
	CHECK_U64(v[2].ifindex, 26);
	CHECK_U64(v[2].flags, 0x82);
	free(v);
}

static int
sign(int x)
{
	return x < 0 ? -1 : x > 0;
}

static void
nstrcmp_order(void)
{
	static const struct { const char *a, *b; int want; } t[] = {
		{ "eth1", "eth1", 0 }, { "eth0:1", "eth0:1", 0 },
		{ "lan", "lan", 0 }, { "100", "100", 0 }, { "", "", 0 },
		{ ":", ":", 0 }, { "a:b:c", "a:b:c", 0 }, { "a:", "a:", 0 },
		{ ":a", ":a", 0 }, { "a", "aa", -1 }, { "eth0", "eth1", -1 },
		{ "eth1", "eth20", -1 }, { "eth20", "eth100", -1 },
		{ "eth1", "eth13", -1 }, { "eth", "eth2", -1 },
		{ "eth0:1", "eth0:2", -1 }, { "eth1:10", "eth13:10", -1 },
		{ "eth1:1", "eth1:13", -1 }, { "a", "a:", -1 },
		{ "aa", "a", 1 }, { "eth2", "eth1", 1 }, { "eth13", "eth1", 1 },
		{ "eth2", "eth", 1 }, { "eth2:10", "eth2:1", 1 },
		{ "eth2:5", "eth2:4", 1 }, { "eth3:2", "eth2:3", 1 },
		{ "eth13:1", "eth1:0", 1 }, { "a:", "a", 1 },
		{ "a1b12", "a1b2", 1 }, { "veth_a", "veth_a:1", -1 },
		{ "eth01", "eth1", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int got = sign(pk_net_nstrcmp(t[i].a, t[i].b));

		if (got != t[i].want) {
			printf("# nstrcmp(%s, %s) = %d, want %d\n", t[i].a,
			    t[i].b, got, t[i].want);
			h_failed_here = 1;
		}
	}
}

static void
human_formats(void)
{
	char b[32];

	pk_net_human_ifconfig(0, b, sizeof(b));
	CHECK_STR(b, "0.0 B");
	pk_net_human_ifconfig(486, b, sizeof(b));
	CHECK_STR(b, "486.0 B");
	pk_net_human_ifconfig(1024, b, sizeof(b));
	CHECK_STR(b, "1024.0 B");
	pk_net_human_ifconfig(1067, b, sizeof(b));
	CHECK_STR(b, "1.0 KiB");
	pk_net_human_ifconfig(4490, b, sizeof(b));
	CHECK_STR(b, "4.3 KiB");
	pk_net_human_ifconfig(242443851, b, sizeof(b));
	CHECK_STR(b, "231.2 MiB");
	pk_net_human_ifconfig(1ULL << 40, b, sizeof(b));
	CHECK_STR(b, "1024.0 GiB");
	pk_net_human_ifconfig(UINT64_MAX, b, sizeof(b));
	CHECK_STR(b, "16.0 EiB");	/* 2^64-1 / (2^60/10) = 160 */
	pk_net_human_psutil(0, b, sizeof(b));
	CHECK_STR(b, "0.0B");
	pk_net_human_psutil(1024, b, sizeof(b));
	CHECK_STR(b, "1.0K");
	pk_net_human_psutil(4708, b, sizeof(b));
	CHECK_STR(b, "4.6K");
	pk_net_human_psutil(242443851, b, sizeof(b));
	CHECK_STR(b, "231.2M");
}

/* pk_net_ntop6 against the C library's inet_ntop on tricky patterns. */
static void
ntop6_like_libc(void)
{
	static const char *in[] = { "::", "::1", "fe80::fc:ff:fe00:1",
		"fd00::2", "1:0:0:2:0:0:0:3", "1:0:0:2:0:0:3:4", "1::",
		"0:1:0:0:0:0:0:0", "::ffff:1.2.3.4", "::1.2.3.4", "1:2:3:4:5:6:7:8",
		"ffff:ffff:ffff:ffff::", "0:0:1:0:0:1:0:0", "::2:3:4:5:6:7:8" };
	unsigned char a[16];
	char want[64], got[64];
	size_t i;
	unsigned seed = 1;
	int j;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		CHECK(inet_pton(AF_INET6, in[i], a) == 1);
		inet_ntop(AF_INET6, a, want, sizeof(want));
		pk_net_ntop6(a, got, sizeof(got));
		CHECK_STR(got, want);
	}
	for (i = 0; i < 2000; i++) {
		for (j = 0; j < 16; j += 2) {
			seed = seed * 1103515245 + 12345;
			a[j] = a[j + 1] = (seed >> 16) % 3 == 0 ?
			    (unsigned char)(seed >> 8) : 0;
		}
		inet_ntop(AF_INET6, a, want, sizeof(want));
		pk_net_ntop6(a, got, sizeof(got));
		CHECK_STR(got, want);
	}
}

int
main(void)
{
	TEST(netdev_kernel_format);
	TEST(netdev_old_formats);
	TEST(netdev_malformed);
	TEST(inet6_lines);
	TEST(nstrcmp_order);
	TEST(human_formats);
	TEST(ntop6_like_libc);
	return DONE();
}
