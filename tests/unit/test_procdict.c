/*
 * Unit tests of pk_proc_dict(): as_dict() names and shapes, null for
 * what was not read, and memory_percent(memtype).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pskit.h"
#include "pskit/out.h"
#include "pskit/fmt.h"

static char *text;
static size_t textlen;

static const char *
render(const struct pk_proc *p, enum pk_out_fmt fmt, const char *memtype)
{
	struct pk_out o;
	FILE *fp;

	free(text);
	text = NULL;
	fp = open_memstream(&text, &textlen);
	pk_out_nest_begin(&o, fp, fmt, 0, "procinfo", "pid");
	pk_proc_dict(&o, p, memtype);
	pk_out_end(&o);
	fclose(fp);
	return text;
}

static void
fill(struct pk_proc *p, char **argv)
{
	memset(p, 0, sizeof(*p));
	p->pid = 42;
	p->pagesize = 4096;
	p->clk_tck = 100;
	p->has = PK_P_STAT | PK_P_STATM | PK_P_CMDLINE | PK_P_MEMTOTAL;
	strcpy(p->stat.comm, "x");
	p->name = p->stat.comm;
	p->stat.state = 'T';
	p->stat.ppid = 1;
	p->stat.utime = 5;
	p->statm.resident = 25;
	p->memtotal = 4096 * 100;
	p->cmdline.v = argv;
	p->cmdline.n = 2;
}

static void
shapes(void)
{
	char *argv[] = { "sleep", "9" };
	struct pk_proc p;
	const char *j;

	fill(&p, argv);
	j = render(&p, PK_OUT_JSON, "rss");
	CHECK(strstr(j, "\"pid\":42,\"name\":\"x\",\"ppid\":1,\"exe\":null,") != NULL);
	CHECK(strstr(j, "\"cmdline\":[\"sleep\",\"9\"]") != NULL);
	CHECK(strstr(j, "\"cpu_times\":{\"user\":0.05,") != NULL);
	CHECK(strstr(j, "\"iowait\":null") != NULL);
	CHECK(strstr(j, "\"memory_info\":{\"rss\":102400,") != NULL);
	CHECK(strstr(j, "\"memory_full_info\":null") != NULL);
	CHECK(strstr(j, "\"memory_percent\":25.00") != NULL);
	CHECK(strstr(j, "\"status\":\"stopped\"") != NULL);
	CHECK(strstr(j, "\"children\":[]") != NULL);
	CHECK(strstr(j, "\"open_files\":null,\"connections\":null") != NULL);
	CHECK(strstr(j, "\"environ\":null,\"memory_maps\":null}") != NULL);
	/* no smaps_rollup: a uss percentage is unknown */
	j = render(&p, PK_OUT_JSON, "uss");
	CHECK(strstr(j, "\"memory_percent\":null") != NULL);
	j = render(&p, PK_OUT_TSV, "rss");
	CHECK(strstr(j, "42\tcmdline\t1\t9\n") != NULL);
	CHECK(strstr(j, "42\tmemory_info.rss\t0\t102400\n") != NULL);
}

static void
memtypes(void)
{
	char *argv[] = { "a", "b" };
	struct pk_proc p;
	uint64_t v = 0;

	fill(&p, argv);
	p.statm.size = 2;
	p.statm.data = 3;
	CHECK(pk_proc_memtype_value(&p, "vms", &v) == 1);
	CHECK_U64(v, 8192);
	CHECK(pk_proc_memtype_value(&p, "data", &v) == 1);
	CHECK_U64(v, 12288);
	CHECK(pk_proc_memtype_value(&p, "pss", &v) == 0);
	p.has |= PK_P_ROLLUP;
	p.rollup.pss = 7;
	/* a rollup without PSS (Windows: USS only) does not know it */
	p.rollup.has = PK_ROLLUP_HAS_RSS | PK_ROLLUP_HAS_USS;
	CHECK(pk_proc_memtype_value(&p, "pss", &v) == 0);
	p.rollup.has |= PK_ROLLUP_HAS_PSS;
	CHECK(pk_proc_memtype_value(&p, "pss", &v) == 1);
	CHECK_U64(v, 7);
	/* Windows statm: resident and size only */
	p.has |= PK_P_STATM_RV;
	CHECK(pk_proc_memtype_value(&p, "vms", &v) == 1);
	CHECK(pk_proc_memtype_value(&p, "data", &v) == 0);
	CHECK(pk_proc_secs(&p, 150) == 1.5);
}

int
main(void)
{
	TEST(shapes);
	TEST(memtypes);
	free(text);
	return DONE();
}
