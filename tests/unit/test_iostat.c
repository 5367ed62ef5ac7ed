/*
 * Unit tests of iostat's parsers (cpustat.c, diskstats.c) and derived
 * numbers (iorate.c).  Expected values are sysstat 12.6.1's on the same
 * input (reference/iostat.md section 6 harness) or follow from its scanf
 * rules.
 */
#include <stdlib.h>

#include "harness.h"
#include "pskit.h"

static void
cpustat_line(void)
{
	const char *s = "cpu  1000 200 300 8000 100 10 20 50 40 0\n"
	    "cpu0 1 2 3 4 5 6 7 8 9 10\nintr 5\n";
	struct pk_cpustat c;

	CHECK(pk_cpustat_parse(s, strlen(s), &c) == PK_OK);
	CHECK_U64(c.user, 1000);
	CHECK_U64(c.idle, 8000);
	CHECK_U64(c.steal, 50);
	CHECK_U64(c.guest, 40);
	CHECK_U64(pk_cpustat_total(&c), 9680);
}

static void
cpustat_short_and_missing(void)
{
	const char *s = "cpu  5 6 7\n";
	struct pk_cpustat c;

	memset(&c, 0xff, sizeof(c));
	CHECK(pk_cpustat_parse(s, strlen(s), &c) == PK_OK);
	CHECK_U64(c.nice, 6);
	CHECK_U64(c.idle, 0);
	CHECK_U64(c.guest_nice, 0);
	CHECK(pk_cpustat_parse("cpu0 1 2\n", 9, &c) == PK_EPARSE);
	/* sysstat scans from line + 5: one space eats the first digit. */
	CHECK(pk_cpustat_parse("cpu 123 4\n", 10, &c) == PK_OK);
	CHECK_U64(c.user, 23);
	CHECK_U64(c.nice, 4);
}

static void
cpustat_nr(void)
{
	const char *s = "cpu  1 2\ncpu0 1\ncpu3 1\ncpu1 1\nintr 1\n";

	CHECK_U64(pk_cpustat_nr_parse(s, strlen(s)), 4);
	CHECK_U64(pk_cpustat_nr_parse("cpu  1\n", 7), 0);
}

static void
uptime(void)
{
	uint64_t cs = 0;

	CHECK(pk_uptime_parse("100.00 150.00\n", 14, &cs) == PK_OK);
	CHECK_U64(cs, 10000);
	CHECK(pk_uptime_parse("4000.5 7.0\n", 11, &cs) == PK_OK);
	CHECK_U64(cs, 400005);	/* the digits after the point, as is */
	CHECK(pk_uptime_parse("abc\n", 4, &cs) == PK_EPARSE);
	CHECK(pk_uptime_parse("100\n", 4, &cs) == PK_EPARSE);
	CHECK(pk_uptime_parse("", 0, &cs) == PK_EPARSE);
}

static void
blkstat_layouts(void)
{
	const char *full = "    1000      200    80000     5000     2000      400"
	    "   160000    12000        3     9000    17000       50       10"
	    "     4096      100       30      300\n";
	const char *old = "      17     1024        0        0\n";
	struct pk_blkstat b;

	CHECK_U64(pk_blkstat_parse(full, strlen(full), &b), 17);
	CHECK_U64(b.rd_ios, 1000);
	CHECK_U64(b.wr_sectors, 160000);
	CHECK_U64(b.tot_ticks, 9000);
	CHECK_U64(b.rq_ticks, 17000);
	CHECK_U64(b.dc_sectors, 4096);
	CHECK_U64(b.fl_ios, 30);
	CHECK_U64(b.fl_ticks, 300);
	CHECK_U64(pk_blkstat_parse(old, strlen(old), &b), 4);
	CHECK_U64(b.rd_ios, 17);
	CHECK_U64(b.rd_sectors, 1024);
	CHECK_U64(b.rd_merges, 0);
	/* 11 fields: no discard or flush; 7 fields: all zeros. */
	CHECK_U64(pk_blkstat_parse("1 2 3 4 5 6 7 8 9 10 11 12", 26, &b), 12);
	CHECK_U64(b.rq_ticks, 11);
	CHECK_U64(b.dc_ios, 0);
	CHECK_U64(pk_blkstat_parse("1 2 3 4 5 6 7", 13, &b), 7);
	CHECK_U64(b.rd_ios, 0);
	CHECK(pk_blkstat_parse("", 0, &b) == -1);
}

static void
blkstat_wraps(void)
{
	const char *s = "1 2 3 4294967296 5 6 7 -1 0 4294967295 1 2 3 4"
	    " 99999999999999999999999 5 6\n";
	struct pk_blkstat b;

	CHECK_U64(pk_blkstat_parse(s, strlen(s), &b), 17);
	CHECK_U64(b.rd_ticks, 0);		/* 2^32 truncated */
	CHECK_U64(b.wr_ticks, 4294967295U);	/* -1 */
	CHECK_U64(b.dc_ticks, 4294967295U);	/* saturated, truncated */
}

static void
diskstats(void)
{
	const char *s =
	    "   8       0 sda 1000 200 80000 5000 2000 400 160000 12000 3 9000"
	    " 17000 50 10 4096 100 30 300\n"
	    "   8       1 sda1 900 72000 1800 144000\n"
	    "   8       2 sda2 1 2 3\n"
	    "   3       0 hda 2000 100 64000 3000 1000 50 32000 4000 0 5000 7000\n";
	struct pk_diskstats_ent *e;
	size_t n;

	CHECK(pk_diskstats_parse(s, strlen(s), &e, &n) == PK_OK);
	CHECK_U64(n, 3);
	if (n != 3)
		return;
	CHECK_STR(e[0].name, "sda");
	CHECK_U64(e[0].nfields, 20);
	CHECK_U64(e[0].st.fl_ticks, 300);
	CHECK_STR(e[1].name, "sda1");
	CHECK_U64(e[1].nfields, 7);
	CHECK_U64(e[1].st.wr_sectors, 144000);
	CHECK_U64(e[2].major, 3);
	CHECK_U64(e[2].nfields, 14);
	CHECK_U64(e[2].st.dc_ios, 0);
	free(e);
}

static void
rates(void)
{
	CHECK_U64(pk_disk_interval(5, 5), 1);
	CHECK_U64(pk_disk_interval(0, 10000), 10000);
	CHECK(pk_disk_rate(3050, 10000) == 30.5);
	CHECK(pk_disk_rate_unit(80000, 10000, 2) == 400.0);
	CHECK_U64(pk_disk_sectors_delta(10, 4), 0xfffffffaULL);
	CHECK_U64(pk_disk_sectors_delta(0x100000000ULL, 4),
	    (uint64_t)4 - 0x100000000ULL);
	CHECK(pk_disk_merge_percent(0, 0) == 0.0);
	CHECK(pk_disk_await(5000, 1000) == 5.0);
	CHECK(pk_disk_await(5, 0) == 0.0);
	CHECK(pk_disk_areq_sectors(80000, 1000) / 2 == 40.0);
	CHECK(pk_disk_util_percent(pk_disk_util(0, 9000, 10000), 1) == 9.0);
	/* A tot_ticks that fell wraps in 32 bits, as in 12.6.1. */
	CHECK(pk_disk_util(350, 300, 150) > 2.8e9);
}

static void
cpu_percents(void)
{
	struct pk_cpustat p = { 1000, 200, 300, 8000, 100, 10, 20, 50, 40, 0 };
	struct pk_cpustat c = { 1100, 200, 350, 8140, 104, 10, 20, 56, 40, 0 };
	struct pk_cpustat z = { 0 };
	double pc[6];
	char buf[64];

	pk_cpustat_percents(&z, &p, pc);
	snprintf(buf, sizeof(buf), "%.2f %.2f %.2f %.2f %.2f %.2f", pc[0],
	    pc[1], pc[2], pc[3], pc[4], pc[5]);
	CHECK_STR(buf, "10.33 2.07 3.41 1.03 0.52 82.64");
	pk_cpustat_percents(&p, &c, pc);
	snprintf(buf, sizeof(buf), "%.2f %.2f %.2f %.2f %.2f %.2f", pc[0],
	    pc[1], pc[2], pc[3], pc[4], pc[5]);
	CHECK_STR(buf, "33.33 0.00 16.67 1.33 2.00 46.67");
	/* idle going backwards: the total wraps, every share is 0. */
	c.idle = 7000;
	pk_cpustat_percents(&p, &c, pc);
	snprintf(buf, sizeof(buf), "%.2f %.2f %.2f %.2f %.2f %.2f", pc[0],
	    pc[1], pc[2], pc[3], pc[4], pc[5]);
	CHECK_STR(buf, "0.00 0.00 0.00 0.00 0.00 0.00");
}

/*
 * pk_disk_*: stat files copied from tests/fixtures/iostat, expected lines
 * copied from sysstat 12.6.1's output on them (tests/golden/iostat).
 */
static const char basic_sda[] = "    1000      200    80000     5000     2000"
    "      400   160000    12000        3     9000    17000       50       10"
    "     4096      100       30      300";	/* basic sys/block/sda/stat */
static const char basic_sda2[] = "    1100      220    88000     5500     2100"
    "      420   168000    12600        0     9500    17800       50       10"
    "     4096      100       32      320";	/* basic next/.../sda/stat */

static struct pk_blkstat
blk(const char *s)
{
	struct pk_blkstat b;

	CHECK(pk_blkstat_parse(s, strlen(s), &b) >= 11);
	return b;
}

/* The extended line of iostat -x (write_ext_stat's order). */
static void
ext_line(const struct pk_disk_stats *x, char *buf, size_t len)
{
	snprintf(buf, len, "%.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f "
	    "%.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f",
	    x->r, x->rs, x->rm, x->rm_pc, x->r_await, x->r_sz, x->w, x->ws,
	    x->wm, x->wm_pc, x->w_await, x->w_sz, x->d, x->ds, x->dm, x->dm_pc,
	    x->d_await, x->d_sz, x->f, x->f_await, x->aqu, x->util);
}

/* The basic line of iostat -d. */
static void
basic_line(const struct pk_disk_stats *x, char *buf, size_t len)
{
	snprintf(buf, len, "%.2f %.2f %.2f %.2f %llu %llu %llu", x->tps, x->rs,
	    x->ws, x->ds, (unsigned long long)x->rd,
	    (unsigned long long)x->wr, (unsigned long long)x->dc);
}

static void
disk_stats_first(void)
{
	struct pk_blkstat z = { 0 }, a = blk(basic_sda);
	struct pk_disk_stats x;
	char buf[512];

	/* basic/x.out (uptime 100.00: itv 10000 cs) */
	pk_disk_stats(&z, &a, 10000, 2, 1, &x);
	ext_line(&x, buf, sizeof(buf));
	CHECK_STR(buf, "10.00 400.00 2.00 16.67 5.00 40.00 20.00 800.00 4.00 "
	    "16.67 6.00 40.00 0.50 20.48 0.10 16.67 2.00 40.96 0.30 10.00 "
	    "0.17 9.00");
	/* basic/d.out */
	basic_line(&x, buf, sizeof(buf));
	CHECK_STR(buf, "30.50 400.00 800.00 20.48 40000 80000 2048");
	/* basic/xs.out: tps kB/s rqm/s await areq-sz aqu-sz %util */
	snprintf(buf, sizeof(buf), "%.2f %.2f %.2f %.2f %.2f %.2f %.2f", x.tps,
	    x.sectors, x.rqm, x.await, x.sz, x.aqu, x.util);
	CHECK_STR(buf, "30.50 1220.48 6.10 5.61 40.02 0.17 9.00");
	/* basic/s.out: tps kB_read/s kB_w+d/s kB_read kB_w+d */
	snprintf(buf, sizeof(buf), "%.2f %.2f %.2f %llu %llu", x.tps, x.rs,
	    x.ws + x.ds, (unsigned long long)x.rd, (unsigned long long)x.wd);
	CHECK_STR(buf, "30.50 400.00 820.48 40000 82048");
	/* basic/m.out: MB */
	pk_disk_stats(&z, &a, 10000, 2048, 1, &x);
	basic_line(&x, buf, sizeof(buf));
	CHECK_STR(buf, "30.50 0.39 0.78 0.02 39 78 2");
	/* the single numbers agree with the whole */
	CHECK_U64(pk_disk_nr_ios(&a), 3050);
	CHECK(pk_disk_tps(&z, &a, 10000) == x.tps);
	CHECK(pk_disk_rqm(&z, &a, 10000) == x.rqm);
	CHECK(pk_disk_sectors_rate(&z, &a, 10000, 2048) == x.sectors);
	CHECK_U64(pk_disk_wd_total(&z, &a, 2), 82048);
}

static void
disk_stats_interval(void)
{
	struct pk_blkstat a = blk(basic_sda), b = blk(basic_sda2);
	struct pk_blkstat vdb = blk("800 0 6400 300 0 0 0 0 0 350 300"
	    " 0 0 0 0 0 0"), vdb2 = blk("900 0 7200 320 0 0 0 0 0 300 330"
	    " 0 0 0 0 0 0");	/* back: tot_ticks falls 350 -> 300 */
	struct pk_disk_stats x;
	char buf[512];

	/* basic/i2.out, second report (uptime 100.00 -> 102.00) */
	pk_disk_stats(&a, &b, pk_disk_interval(10000, 10200), 2, 1, &x);
	ext_line(&x, buf, sizeof(buf));
	CHECK_STR(buf, "50.00 2000.00 10.00 16.67 5.00 40.00 50.00 2000.00 "
	    "10.00 16.67 6.00 40.00 0.00 0.00 0.00 0.00 0.00 0.00 1.00 10.00 "
	    "0.40 25.00");
	/* back/i2.out, vdb (uptime 500.00 -> 501.50): %util wraps */
	pk_disk_stats(&vdb, &vdb2, pk_disk_interval(50000, 50150), 2, 1, &x);
	ext_line(&x, buf, sizeof(buf));
	CHECK_STR(buf, "66.67 266.67 0.00 0.00 0.20 4.00 0.00 0.00 0.00 0.00 "
	    "0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.02 "
	    "286331149.73");
}

static void
disk_filters(void)
{
	/* back fixture: vda falls to fresh counters, vdc does not move */
	struct pk_blkstat vda = blk("500 10 4000 100 600 20 9000 200 0 700"
	    " 300 5 0 40 3 7 9"), vda2 = blk("1 0 8 1 1 0 8 1 0 2 2 0 0 0 0"
	    " 0 0"), vdc = blk("40 0 320 10 40 0 320 10 0 30 20 0 0 0 0 0 0");
	struct pk_blkstat vdb = blk("800 0 6400 300 0 0 0 0 0 350 300"
	    " 0 0 0 0 0 0"), vdb2 = blk("900 0 7200 320 0 0 0 0 0 300 330"
	    " 0 0 0 0 0 0"), z = { 0 };
	struct pk_disk_stats x;
	char buf[256];

	/* back/id.out: vda shown as fresh (prev zeros), itv 150 cs */
	CHECK(pk_disk_restarted(&vda, &vda2));
	CHECK(!pk_disk_restarted(&vdb, &vdb2));
	pk_disk_stats(&z, &vda2, 150, 2, 1, &x);
	basic_line(&x, buf, sizeof(buf));
	CHECK_STR(buf, "1.33 2.67 2.67 0.00 4 4 0");
	/* back/iz.out: -z drops vdc, keeps vda and vdb */
	CHECK(pk_disk_idle(&vdc, &vdc));
	CHECK(!pk_disk_idle(&vdb, &vdb2));
	CHECK(!pk_disk_idle(&z, &vda2));
	/* basic: dm-0 (all zeros) is hidden by default, sda is not */
	CHECK(pk_disk_unused(&z));
	CHECK(!pk_disk_unused(&vdc));
}

static void
disk_groups(void)
{
	struct pk_blkstat a = blk(basic_sda), g = { 0 };
	struct pk_blkstat zram = blk("5 0 40 0 1000000 0 8000000 3500 0 4000"
	    " 3500 0 0 0 0 0 0"), md = blk("4000000000 1 18446744073709551615"
	    " 4294967295 3 4 5 6 7 4294967295 4294967295"), z = { 0 };
	struct pk_disk_stats x;
	char buf[512];

	/* basic/grpx.out: -g total sda dm-0; dm-0 unused, still a member */
	pk_disk_group_add(&g, &a);
	pk_disk_stats(&z, &g, 10000, 2, 2, &x);
	ext_line(&x, buf, sizeof(buf));
	CHECK_STR(buf, "10.00 400.00 2.00 16.67 5.00 40.00 20.00 800.00 4.00 "
	    "16.67 6.00 40.00 0.50 20.48 0.10 16.67 2.00 40.96 0.30 10.00 "
	    "0.17 4.50");
	/* many/g2.out: -g slow zram0 md127 (sectors and ticks wrap) */
	memset(&g, 0, sizeof(g));
	pk_disk_group_add(&g, &zram);
	pk_disk_group_add(&g, &md);
	pk_disk_stats(&z, &g, 35432157, 2, 2, &x);
	ext_line(&x, buf, sizeof(buf));
	CHECK_STR(buf, "11289.18 0.00 0.00 0.00 1.07 0.00 2.82 11.29 0.00 "
	    "0.00 0.00 4.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 "
	    "0.00");
}

int
main(void)
{
	TEST(cpustat_line);
	TEST(cpustat_short_and_missing);
	TEST(cpustat_nr);
	TEST(uptime);
	TEST(blkstat_layouts);
	TEST(blkstat_wraps);
	TEST(diskstats);
	TEST(rates);
	TEST(cpu_percents);
	TEST(disk_stats_first);
	TEST(disk_stats_interval);
	TEST(disk_filters);
	TEST(disk_groups);
	return DONE();
}
