/*
 * iorate.c: iostat's derived numbers, one function each, with sysstat
 * 12.6.1's types and order of floating operations so that "%.2f" of the
 * result is the same byte for byte (reference/iostat.md section 3).
 * S_VALUE(m, n, p) there is ((double)(n - m)) / p * 100 with p the
 * interval in centiseconds.
 */
#include "pskit.h"

/* get_interval(): centiseconds between samples, never 0. */
uint64_t
pk_io_interval(uint64_t prev_cs, uint64_t curr_cs)
{
	uint64_t itv = curr_cs - prev_cs;

	return itv == 0 ? 1 : itv;
}

/* S_VALUE: a per-second rate of a counter delta. */
double
pk_io_rate(uint64_t delta, uint64_t itv)
{
	return (double)delta / (double)itv * 100;
}

/* S_VALUE(...) / fctr: sectors per second in the display unit. */
double
pk_io_rate_unit(uint64_t delta, uint64_t itv, int fctr)
{
	return pk_io_rate(delta, itv) / fctr;
}

/*
 * kB_read and friends (write_basic_stat): the sector delta, masked to 32
 * bits when the counter went backwards from a 32-bit value.
 */
uint64_t
pk_io_sectors_delta(uint64_t prev, uint64_t curr)
{
	uint64_t d = curr - prev;

	if (curr < prev && prev <= 0xffffffffULL)
		d &= 0xffffffffULL;
	return d;
}

/* %rrqm, %wrqm, %drqm: merged share of the requests. */
double
pk_io_merge_percent(uint64_t dmerges, uint64_t dios)
{
	return dmerges + dios ?
	    (double)dmerges / (dmerges + dios) * 100 : 0.0;
}

/* r_await, w_await, d_await, f_await in ms. */
double
pk_io_await(uint32_t dticks, uint64_t dios)
{
	return dios ? dticks / (double)dios : 0.0;
}

/* await of iostat -s (compute_ext_disk_stats): flushes not counted. */
double
pk_io_await_total(const struct pk_blkstat *j, const struct pk_blkstat *i)
{
	uint64_t nc = i->rd_ios + i->wr_ios + i->dc_ios;
	uint64_t np = j->rd_ios + j->wr_ios + j->dc_ios;
	uint32_t t = (i->rd_ticks - j->rd_ticks) + (i->wr_ticks - j->wr_ticks) +
	    (i->dc_ticks - j->dc_ticks);

	return nc > np ? t / (double)(nc - np) : 0.0;
}

/* rareq-sz and friends, still in sectors (the caller halves it). */
double
pk_io_areq_sectors(uint64_t dsectors, uint64_t dios)
{
	return dios ? dsectors / (double)dios : 0.0;
}

/* areq-sz of iostat -s, in sectors. */
double
pk_io_areq_total(const struct pk_blkstat *j, const struct pk_blkstat *i)
{
	uint64_t nc = i->rd_ios + i->wr_ios + i->dc_ios;
	uint64_t np = j->rd_ios + j->wr_ios + j->dc_ios;
	uint64_t s = (i->rd_sectors - j->rd_sectors) +
	    (i->wr_sectors - j->wr_sectors) + (i->dc_sectors - j->dc_sectors);

	return nc > np ? s / (double)(nc - np) : 0.0;
}

/* aqu-sz: weighted ms per second / 1000. */
double
pk_io_aqu_sz(uint32_t drq_ticks, uint64_t itv)
{
	return pk_io_rate(drq_ticks, itv) / 1000.0;
}

/*
 * compute_ext_disk_stats() util: busy ms per second.  12.6.1 takes the
 * 32-bit difference even when the counter fell (it wraps; sysstat#412).
 */
double
pk_io_util(uint32_t prev_tot, uint32_t curr_tot, uint64_t itv)
{
	return pk_io_rate((uint32_t)(curr_tot - prev_tot), itv);
}

/* %util: util / 10 / number of devices (1, or a group's members). */
double
pk_io_util_percent(double util, int ndev)
{
	return util / 10.0 / (double)ndev;
}

/* Jiffies of the "cpu " line; guest time is already inside user/nice. */
uint64_t
pk_cpustat_total(const struct pk_cpustat *c)
{
	return c->user + c->nice + c->system + c->idle + c->iowait + c->irq +
	    c->steal + c->softirq;
}

/* ll_sp_value(): a share of dtot in percent, 0 when it went backwards. */
double
pk_cpustat_percent(uint64_t prev, uint64_t curr, uint64_t dtot)
{
	if (curr < prev)
		return 0.0;
	return (double)(curr - prev) / (double)dtot * 100;
}

/* The avg-cpu line; dtot is get_interval() of the totals. */
void
pk_cpustat_percents(const struct pk_cpustat *p, const struct pk_cpustat *c,
    double pct[6])
{
	uint64_t dtot = pk_io_interval(pk_cpustat_total(p),
	    pk_cpustat_total(c));

	pct[0] = pk_cpustat_percent(p->user, c->user, dtot);
	pct[1] = pk_cpustat_percent(p->nice, c->nice, dtot);
	pct[2] = pk_cpustat_percent(p->system + p->softirq + p->irq,
	    c->system + c->softirq + c->irq, dtot);
	pct[3] = pk_cpustat_percent(p->iowait, c->iowait, dtot);
	pct[4] = pk_cpustat_percent(p->steal, c->steal, dtot);
	pct[5] = c->idle < p->idle ? 0.0 :
	    pk_cpustat_percent(p->idle, c->idle, dtot);
}
