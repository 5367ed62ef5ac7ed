/*
 * libFuzzer entry point for iostat's parsers (/proc/stat cpu line, cpuN
 * count, /proc/uptime, sys stat files, /proc/diskstats; psutil's reading
 * of the last two) and the derived numbers over what they give.  Build with `make fuzz CC=clang`.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "pskit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct pk_cpustat c = { 0 }, z = { 0 };
	struct pk_blkstat b = { 0 }, zb = { 0 };
	struct pk_diskstats_ent *e = NULL;
	struct pk_psdisk *pd = NULL, one;
	uint64_t cs = 0;
	double pc[6];
	size_t n = 0, i;

	pk_cpustat_parse(buf, size, &c);
	pk_cpustat_nr_parse(buf, size);
	pk_uptime_parse(buf, size, &cs);
	pk_cpustat_percents(&z, &c, pc);
	pk_blkstat_parse(buf, size, &b);
	(void)pk_disk_await_total(&zb, &b);
	(void)pk_disk_areq_total(&zb, &b);
	(void)pk_disk_util(zb.tot_ticks, b.tot_ticks, pk_disk_interval(0, cs));
	if (pk_diskstats_parse(buf, size, &e, &n) == PK_OK) {
		for (i = 0; i < n; i++)
			(void)pk_disk_merge_percent(e[i].st.rd_merges,
			    e[i].st.rd_ios);
		free(e);
	}
	(void)pk_psdisk_stat_parse(buf, size, &one);
	if (pk_psdisk_diskstats_parse(buf, size, &pd, &n) == PK_OK) {
		n = pk_psdisk_dedup(pd, n);
		free(pd);
	}
	return 0;
}
