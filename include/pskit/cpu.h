/*
 * pskit/cpu.h: the /proc/stat cpu line and uptime (iostat's CPU report).
 */
#ifndef PSKIT_CPU_H
#define PSKIT_CPU_H

#include "pskit/core.h"

/* The aggregate "cpu " line of /proc/stat, in jiffies (sysstat's order). */
struct pk_cpustat {
	uint64_t user, nice, system, idle, iowait, irq, softirq, steal;
	uint64_t guest, guest_nice;
};

/*
 * Pure parsers with sysstat 12.6.1's scanf semantics (cpustat.c).
 * pk_cpustat_parse: PK_OK when a "cpu " line exists (missing trailing
 * fields are 0), PK_EPARSE when none does.  pk_cpustat_nr_parse: highest
 * N + 1 of the "cpuN" lines (0 if none).  pk_uptime_parse: first field as
 * centiseconds (sec * 100 + digits after the point); PK_EPARSE when it is
 * not "N.N".
 */
int	 pk_cpustat_parse(const char *buf, size_t len, struct pk_cpustat *out);
int	 pk_cpustat_nr_parse(const char *buf, size_t len);
int	 pk_uptime_parse(const char *buf, size_t len, uint64_t *cs);

/* Derived numbers (reference/iostat.md section 3, sysstat's ll_sp_value). */
uint64_t pk_cpustat_total(const struct pk_cpustat *c);
double	 pk_cpustat_percent(uint64_t prev, uint64_t curr, uint64_t dtot);
/* %user %nice %system %iowait %steal %idle, in that order. */
void	 pk_cpustat_percents(const struct pk_cpustat *prev,
	    const struct pk_cpustat *curr, double pct[6]);

/*
 * Readers (lib/linux/cpu.c, disk.c).  pk_cpustat_read: PK_EPARSE when
 * the file has no "cpu " line (out untouched).  pk_cpu_count: cpuN
 * directories of sys devices/system/cpu, else cpuN lines of /proc/stat
 * (-1 with ctx set when /proc/stat cannot be opened).
 */
int	 pk_cpustat_read(struct pk_ctx *ctx, struct pk_cpustat *out);
int	 pk_cpu_count(struct pk_ctx *ctx);
int	 pk_uptime_read(struct pk_ctx *ctx, uint64_t *cs);

#endif /* PSKIT_CPU_H */
