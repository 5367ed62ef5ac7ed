/*
 * Unit tests of the per-process parsers (procparse.c, procstr.c,
 * procnet.c).  Inputs are shaped like the kernel's output; the tricky
 * cases come from reference/procinfo.md §7.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pskit.h"

#define S(s)	s, sizeof(s) - 1

static void
stat_last_paren(void)
{
	struct pk_pstat st;
	/* comm "a) (b c)" with a newline inside: split at the LAST ')' */
	static const char line[] = "25401 (a) (b\nc)) S 1 25401 25401 34816 -1 "
	    "4194304 100 0 0 0 7 3 2 1 20 -5 1 0 123456 1000 200 1844674407370955"
	    "1615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 9 0 0";

	CHECK(pk_pstat_parse(S(line), &st) == PK_OK);
	CHECK_U64(st.pid, 25401);
	CHECK_STR(st.comm, "a) (b\nc)");
	CHECK(st.state == 'S');
	CHECK_U64(st.ppid, 1);
	CHECK_U64(st.tty_nr, 34816);
	CHECK_U64(st.utime, 7);
	CHECK_U64(st.stime, 3);
	CHECK_U64(st.cutime, 2);
	CHECK_U64(st.cstime, 1);
	CHECK(st.nice == -5);
	CHECK_U64(st.starttime, 123456);
	CHECK_U64(st.processor, 1);
	CHECK_U64(st.blkio, 9);
	CHECK(st.has == (PK_PSTAT_HAS_PROCESSOR | PK_PSTAT_HAS_BLKIO));
}

/* procsmem tells kernel threads by PF_KTHREAD in field 9 */
static void
stat_kthread_flags(void)
{
	struct pk_pstat st;
	static const char k[] = "2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 "
	    "0 0 0 20 0 1 0 3 0 0 18446744073709551615 0 0 0 0 0 0 0 "
	    "2147483647 0 1 0 0 17 0 0 0 0 0 0";

	CHECK(pk_pstat_parse(S(k), &st) == PK_OK);
	CHECK(st.flags & PK_PF_KTHREAD);
	CHECK_STR(st.comm, "kthreadd");
}

static void
stat_short_and_bad(void)
{
	struct pk_pstat st;

	/* no field 42 (old kernels): blkio absent, not 0-as-value */
	CHECK(pk_pstat_parse(S("1 (x) R 0 1 1 0 -1 0 0 0 0 0 1 2 0 0 20 0 1 0 "
	    "99 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 3"), &st) == PK_OK);
	CHECK(st.has == PK_PSTAT_HAS_PROCESSOR);
	CHECK_U64(st.processor, 3);
	CHECK(pk_pstat_parse(S("1 (x R 0"), &st) == PK_EPARSE);
	CHECK(pk_pstat_parse(S("1 (x) R 0 1"), &st) == PK_EPARSE);
	CHECK(pk_pstat_parse(S(""), &st) == PK_EPARSE);
	CHECK(pk_pstat_parse(S("(x)"), &st) == PK_EPARSE);
}

static void
status_fields(void)
{
	struct pk_pstatus s;

	CHECK(pk_pstatus_parse(S("Name:\tbash\nUid:\t1000\t1001\t1002\t1003\n"
	    "Gid:\t10\t11\t12\t13\nThreads:\t4\n"
	    "voluntary_ctxt_switches:\t6\nnonvoluntary_ctxt_switches:\t8\n"
	    "Cpus_allowed_list:\t0-2,5,64\nKthread:\t0\n"), &s) == PK_OK);
	CHECK(s.cpus[0] == 0x27 && s.cpus[1] == 1);
	CHECK_U64(s.uid[0], 1000);
	CHECK_U64(s.uid[2], 1002);
	CHECK_U64(s.gid[1], 11);
	CHECK_U64(s.threads, 4);
	CHECK_U64(s.vctx, 6);
	CHECK_U64(s.nvctx, 8);
	CHECK(s.kthread == 0);
	CHECK(s.has == (PK_PSTATUS_HAS_UID | PK_PSTATUS_HAS_GID |
	    PK_PSTATUS_HAS_THREADS | PK_PSTATUS_HAS_CTX | PK_PSTATUS_HAS_CPUS));
	CHECK(pk_pstatus_parse(S("Name:\tx\n"), &s) == PK_EPARSE);
}

static void
statm_io(void)
{
	struct pk_pstatm m;
	struct pk_pio io;

	CHECK(pk_pstatm_parse(S("4803 3456 1536 691 0 2432 0\n"), &m) == PK_OK);
	CHECK_U64(m.size, 4803);
	CHECK_U64(m.resident, 3456);
	CHECK_U64(m.shared, 1536);
	CHECK_U64(m.text, 691);
	CHECK_U64(m.data, 2432);
	CHECK(pk_pstatm_parse(S("1 2 3\n"), &m) == PK_EPARSE);
	/* a trailing blank line (#1004) is fine */
	CHECK(pk_pio_parse(S("rchar: 1\nwchar: 2\nsyscr: 3\nsyscw: 4\n"
	    "read_bytes: 5\nwrite_bytes: 6\ncancelled_write_bytes: 7\n\n"),
	    &io) == PK_OK);
	CHECK_U64(io.rchar, 1);
	CHECK_U64(io.syscw, 4);
	CHECK_U64(io.write_bytes, 6);
	CHECK(pk_pio_parse(S("rchar: 1\n"), &io) == PK_EPARSE);
}

static void
limits_rows(void)
{
	struct pk_plimits l;

	CHECK(pk_plimits_parse(S(
	    "Limit                     Soft Limit           Hard Limit           Units     \n"
	    "Max cpu time              unlimited            unlimited            seconds   \n"
	    "Max file locks            unlimited            unlimited            locks     \n"
	    "Max open files            1024                 524288               files     \n"
	    "Max realtime timeout      unlimited            unlimited            us        \n"),
	    &l) == PK_OK);
	CHECK(l.has == (1u << PK_RLIM_CPU | 1u << PK_RLIM_LOCKS |
	    1u << PK_RLIM_NOFILE | 1u << PK_RLIM_RTTIME));
	CHECK(l.soft[PK_RLIM_CPU] == PK_RLIM_INFINITY);
	CHECK_U64(l.soft[PK_RLIM_NOFILE], 1024);
	CHECK_U64(l.hard[PK_RLIM_NOFILE], 524288);
	CHECK_STR(pk_plimits_name(PK_RLIM_NOFILE), "NOFILE");
	CHECK(pk_plimits_parse(S("Limit\n"), &l) == PK_EPARSE);
}

static void
cmdline_heuristic(void)
{
	struct pk_strv sv;

	CHECK(pk_pcmdline_parse(S("/bin/sleep\0" "100\0"), &sv) == PK_OK);
	CHECK_U64(sv.n, 2);
	CHECK_STR(sv.v[0], "/bin/sleep");
	CHECK_STR(sv.v[1], "100");
	pk_strv_free(&sv);
	CHECK(pk_pcmdline_parse(S(""), &sv) == PK_OK);
	CHECK_U64(sv.n, 0);
	pk_strv_free(&sv);
	/* setproctitle: one NUL-terminated arg with spaces -> split (#1179) */
	CHECK(pk_pcmdline_parse(S("nginx: worker process\0"), &sv) == PK_OK);
	CHECK_U64(sv.n, 3);
	CHECK_STR(sv.v[2], "process");
	pk_strv_free(&sv);
	/* NUL padding keeps empty arguments */
	CHECK(pk_pcmdline_parse(S("title x\0\0\0"), &sv) == PK_OK);
	CHECK_U64(sv.n, 3);
	CHECK_STR(sv.v[0], "title x");
	CHECK_STR(sv.v[2], "");
	pk_strv_free(&sv);
	/* no final NUL: space separated */
	CHECK(pk_pcmdline_parse(S("a b  c"), &sv) == PK_OK);
	CHECK_U64(sv.n, 4);
	CHECK_STR(sv.v[2], "");
	pk_strv_free(&sv);
}

static void
environ_block(void)
{
	struct pk_env e;

	CHECK(pk_penviron_parse(S("B=2\0A=1\0=x\0noeq\0B=3\0C=a=b\0\0D=4\0"),
	    &e) == PK_OK);
	CHECK_U64(e.n, 3);
	CHECK_STR(e.key[0], "A");
	CHECK_STR(e.key[1], "B");
	CHECK_STR(e.val[1], "3");	/* last duplicate wins */
	CHECK_STR(e.key[2], "C");
	CHECK_STR(e.val[2], "a=b");
	pk_penviron_free(&e);
	/* a missing final NUL drops the last entry, as psutil */
	CHECK(pk_penviron_parse(S("A=1\0B=2"), &e) == PK_OK);
	CHECK_U64(e.n, 1);
	pk_penviron_free(&e);
}

static void
smaps_grouped(void)
{
	struct pk_pmap *m;
	size_t n;

	CHECK(pk_smaps_group_parse(S(
	    "00400000-00401000 r-xp 00000000 08:01 12 /usr/bin/my prog\n"
	    "Size:                  4 kB\nRss:                   4 kB\n"
	    "VmFlags: rd ex mr mw me\n"
	    "00600000-00601000 rw-p 00000000 00:00 0 \n"
	    "Rss:                   8 kB\nAnonymous:             8 kB\n"
	    "00700000-00701000 rw-p 00001000 08:01 12 /usr/bin/my prog\n"
	    "Rss:                   2 kB\nSwap:                  1 kB\n"), &m,
	    &n) == PK_OK);
	CHECK_U64(n, 2);
	CHECK_STR(m[0].path, "/usr/bin/my prog");
	CHECK_U64(m[0].rss, 6 * 1024);
	CHECK_U64(m[0].size, 4 * 1024);
	CHECK_U64(m[0].swap, 1024);
	CHECK_STR(m[1].path, "[anon]");
	CHECK_U64(m[1].anonymous, 8 * 1024);
	pk_pmaps_free(m, n);
}

static void
net_inet(void)
{
	static const uint64_t ino[] = { 100, 200, 300 };
	static const int fds[] = { 3, 4, 5 };
	struct pk_pconn *c = NULL;
	size_t n = 0;

	CHECK(pk_pconn_inet_parse(S(
	    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
	    "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 100 1 0 100 0 0 10 0\n"
	    "   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 999 1 0\n"),
	    2, 1, ino, fds, 3, &c, &n) == PK_OK);
	CHECK_U64(n, 1);
	CHECK_STR(c[0].laddr, "127.0.0.1");
	CHECK(c[0].lport == 8080);
	CHECK(c[0].rport == -1);
	CHECK_STR(c[0].status, "LISTEN");
	CHECK(c[0].fd == 3);
	CHECK(pk_pconn_inet_parse(S(
	    "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
	    "   0: 00000000000000000000000001000000:1F91 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 200 2 0\n"
	    "   1: 0000000000000000FFFF00000100007F:0035 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 300 2 0\n"),
	    10, 2, ino, fds, 3, &c, &n) == PK_OK);
	CHECK_U64(n, 3);
	CHECK_STR(c[1].laddr, "::1");
	CHECK_STR(c[1].status, "NONE");
	CHECK_STR(c[2].laddr, "::ffff:127.0.0.1");
	CHECK(c[2].lport == 53);
	pk_pconn_sort(c, n);
	CHECK(c[0].type == 1 && c[1].family == 10 && c[2].lport == 53);
	free(c);
}

static void
net_unix(void)
{
	static const uint64_t ino[] = { 7, 7, 9 };
	static const int fds[] = { 3, 8, 4 };
	struct pk_pconn *c = NULL;
	size_t n = 0;

	CHECK(pk_pconn_unix_parse(S(
	    "Num       RefCount Protocol Flags    Type St Inode Path\n"
	    "0000000000000000: 00000002 00000000 00010000 0001 01 7 @abstract\n"
	    "0000000000000000: 00000002 00000000 00000000 0002 01 9\n"
	    "garbage\n"), ino, fds, 3, &c, &n) == PK_OK);
	CHECK_U64(n, 3);
	CHECK_STR(c[0].laddr, "@abstract");
	CHECK(c[1].fd == 8);
	CHECK(c[2].type == 2);
	CHECK_STR(c[2].laddr, "");
	free(c);
}

/*
 * Issue 18 item 5: an abstract name holding "\n<row>" forges a row for
 * another inode.  Every row of an inode seen twice is dropped, and so is
 * a row that does not parse whole (short fields, a non-hex field, an
 * inode with trailing bytes, a path the kernel would not print).
 */
static void
net_unix_forged(void)
{
	static const uint64_t ino[] = { 7, 9, 11, 12, 13, 14 };
	static const int fds[] = { 3, 4, 5, 6, 7, 8 };
	struct pk_pconn *c = NULL;
	size_t n = 0;

	CHECK(pk_pconn_unix_parse(S(
	    "Num       RefCount Protocol Flags    Type St Inode Path\n"
	    "0000000000000000: 00000002 00000000 00010000 0001 01 7 @real\n"
	    "0000000000000000: 00000002 00000000 00010000 0001 01 9 @x\n"
	    "0000000000000000: 00000002 00000000 00010000 0001 01 7 /run/FAKE.sock\n"
	    "0000000000000000: 0002 00000000 00010000 0001 01 11 /run/a\n"
	    "0000000000000000: 00000002 0000000g 00010000 0001 01 12 /run/b\n"
	    "0000000000000000: 00000002 00000000 00010000 0001 01 13x /run/c\n"
	    "0000000000000000 00000002 00000000 00010000 0001 01 14 /run/d\n"
	    "0000000000000000: 00000002 00000000 00010000 0001 01 14 run/e\n"),
	    ino, fds, 6, &c, &n) == PK_OK);
	CHECK_U64(n, 1);
	CHECK(n == 1 && c[0].fd == 4);
	CHECK(n == 1 && strcmp(c[0].laddr, "@x") == 0);
	free(c);
}

static void
names_and_misc(void)
{
	struct pk_strv sv;
	uint64_t bt = 0;

	pk_pcmdline_parse(S("/opt/verylongprocessname_x\0-v\0"), &sv);
	CHECK_STR(pk_proc_name("verylongprocess", &sv), "verylongprocessname_x");
	CHECK_STR(pk_proc_name("otherlongproces", &sv), "otherlongproces");
	CHECK_STR(pk_proc_name("short", &sv), "short");
	pk_strv_free(&sv);
	CHECK_STR(pk_proc_status_str('I'), "idle");
	CHECK_STR(pk_proc_status_str('P'), "parked");
	CHECK_STR(pk_proc_status_str('Q'), "?");
	CHECK(pk_btime_parse(S("cpu 1 2\nbtime 1700000000\nprocesses 5\n"),
	    &bt) == PK_OK);
	CHECK_U64(bt, 1700000000);
	CHECK(pk_proc_mem_percent(1, 0) == 0);
	CHECK(pk_proc_mem_percent(50, 200) == 25.0);
}

int
main(void)
{
	TEST(stat_last_paren);
	TEST(stat_kthread_flags);
	TEST(stat_short_and_bad);
	TEST(status_fields);
	TEST(statm_io);
	TEST(limits_rows);
	TEST(cmdline_heuristic);
	TEST(environ_block);
	TEST(smaps_grouped);
	TEST(net_inet);
	TEST(net_unix);
	TEST(net_unix_forged);
	TEST(names_and_misc);
	return DONE();
}
