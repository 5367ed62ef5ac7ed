/*
 * Unit tests of the cgroup parsers and the container meminfo view.
 */
#include "harness.h"
#include "pskit.h"

#define P(s)	s, sizeof(s) - 1

static void
self_file(void)
{
	struct pk_cgroup_loc v2 = { 0 }, v1 = { 0 };

	CHECK(pk_cgroup_parse_self(P("9:name=systemd:/\n4:cpu,memory:/a b/c\n"
	    "0::/user.slice/x\n"), &v2, &v1) == PK_OK);
	CHECK(v2.version == 2 && v1.version == 1);
	CHECK_STR(v2.path, "/user.slice/x");
	CHECK_STR(v1.path, "/a b/c");
	v2.version = v1.version = 0;
	CHECK(pk_cgroup_parse_self(P("4:memoryx:/n\nbroken\n"), &v2, &v1) ==
	    PK_ENOENT);
}

static void
mounts(void)
{
	struct pk_cgroup_loc v2 = { 0 }, v1 = { 0 };

	static const char mi[] =
	    "31 23 0:28 / /sys/fs/cgroup rw - tmpfs tmpfs rw\n"
	    "35 31 0:32 /x /sys/fs/cgroup/mem\\040ory rw shared:5 - cgroup cgroup rw,memory\n"
	    "36 31 0:33 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu\n"
	    "41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw";

	CHECK(pk_cgroup_parse_mounts(P(mi), &v2, &v1) == PK_OK);
	CHECK_STR(v1.mount, "/sys/fs/cgroup/mem ory");
	CHECK_STR(v1.root, "/x");
	CHECK_STR(v2.mount, "/sys/fs/cgroup/unified");
	CHECK_STR(v2.root, "/");
}

static void
limits(void)
{
	uint64_t v;

	CHECK(pk_cgroup_parse_limit(P("max\n"), &v) == PK_OK &&
	    v == PK_CG_UNLIMITED);
	CHECK(pk_cgroup_parse_limit(P("9223372036854771712\n"), &v) == PK_OK &&
	    v == PK_CG_UNLIMITED);
	CHECK(pk_cgroup_parse_limit(P("268435456\n"), &v) == PK_OK);
	CHECK_U64(v, 268435456);
	CHECK(pk_cgroup_parse_limit(P("12x"), &v) == PK_EPARSE);
	CHECK(pk_cgroup_parse_limit(P(""), &v) == PK_EPARSE);
}

static void
view(void)
{
	struct pk_cgroup_mem cg = { 0 };
	struct pk_meminfo host = { 0 }, mi;
	struct pk_mem m;

	host.kb[PK_MI_MEMTOTAL] = 8 * 1024 * 1024;
	host.kb[PK_MI_BUFFERS] = 5;
	host.kb[PK_MI_SWAPTOTAL] = 1024;
	host.kb[PK_MI_SWAPFREE] = 1000;
	host.has = ~0u;
	cg.limit = 1 << 30;
	cg.usage = 512 << 20;
	cg.stat[PK_CGS_ACTIVE_FILE] = 100 << 20;
	cg.stat[PK_CGS_INACTIVE_FILE] = 50 << 20;
	cg.stat[PK_CGS_SLAB_RECLAIMABLE] = 10 << 20;
	cg.stat[PK_CGS_FILE] = 150 << 20;
	pk_cgroup_meminfo(&cg, &host, &mi);
	pk_mem_derive(&mi, &m);
	CHECK_U64(m.total, 1024 * 1024);
	CHECK_U64(m.free, 512 * 1024);
	CHECK_U64(m.available, (512 + 160) * 1024);
	CHECK_U64(m.used, (1024 - 672) * 1024);
	CHECK_U64(m.cache, 160 * 1024);
	CHECK(!(m.has & PK_MEM_HAS_BUFFERS) && m.buffers == 0);
	CHECK_U64(m.swap_total, 1024);	/* no swap accounting: the host's */
	/* usage above the limit: nothing free, available only reclaim */
	cg.usage = 2u << 30;
	pk_cgroup_meminfo(&cg, &host, &mi);
	pk_mem_derive(&mi, &m);
	CHECK_U64(m.free, 0);
	CHECK_U64(m.available, 160 * 1024);
}

static void
contains(void)
{
	CHECK(pk_cgroup_contains("/a", "/a"));
	CHECK(pk_cgroup_contains("/a/", "/a/b"));
	CHECK(!pk_cgroup_contains("/a", "/ab"));
	CHECK(!pk_cgroup_contains("/a/b", "/a"));
	CHECK(pk_cgroup_contains("/", "/anything"));
}

int
main(void)
{
	TEST(contains);
	TEST(self_file);
	TEST(mounts);
	TEST(limits);
	TEST(view);
	return DONE();
}
