/*
 * iorate.c: iostat's derived numbers, one function each, with sysstat
 * 12.6.1's types and order of floating operations so that "%.2f" of the
 * result is the same byte for byte (reference/iostat.md section 3).
 * S_VALUE(m, n, p) there is ((double)(n - m)) / p * 100 with p the
 * interval in centiseconds.
 */
#include <string.h>

#include "pskit.h"

/* get_interval(): centiseconds between samples, never 0. */
uint64_t
pk_disk_interval(uint64_t prev_cs, uint64_t curr_cs)
{
	uint64_t itv = curr_cs - prev_cs;

	return itv == 0 ? 1 : itv;
}

/* S_VALUE: a per-second rate of a counter delta. */
double
pk_disk_rate(uint64_t delta, uint64_t itv)
{
	return (double)delta / (double)itv * 100;
}

/* S_VALUE(...) / fctr: sectors per second in the display unit. */
double
pk_disk_rate_unit(uint64_t delta, uint64_t itv, int fctr)
{
	return pk_disk_rate(delta, itv) / fctr;
}

/*
 * kB_read and friends (write_basic_stat): the sector delta, masked to 32
 * bits when the counter went backwards from a 32-bit value.
 */
uint64_t
pk_disk_sectors_delta(uint64_t prev, uint64_t curr)
{
	uint64_t d = curr - prev;

	if (curr < prev && prev <= 0xffffffffULL)
		d &= 0xffffffffULL;
	return d;
}

/* %rrqm, %wrqm, %drqm: merged share of the requests. */
double
pk_disk_merge_percent(uint64_t dmerges, uint64_t dios)
{
	return dmerges + dios ?
	    (double)dmerges / (dmerges + dios) * 100 : 0.0;
}

/* r_await, w_await, d_await, f_await in ms. */
double
pk_disk_await(uint32_t dticks, uint64_t dios)
{
	return dios ? dticks / (double)dios : 0.0;
}

/* await of iostat -s (compute_ext_disk_stats): flushes not counted. */
double
pk_disk_await_total(const struct pk_blkstat *j, const struct pk_blkstat *i)
{
	uint64_t nc = i->rd_ios + i->wr_ios + i->dc_ios;
	uint64_t np = j->rd_ios + j->wr_ios + j->dc_ios;
	uint32_t t = (i->rd_ticks - j->rd_ticks) + (i->wr_ticks - j->wr_ticks) +
	    (i->dc_ticks - j->dc_ticks);

	return nc > np ? t / (double)(nc - np) : 0.0;
}

/* rareq-sz and friends, still in sectors (the caller halves it). */
double
pk_disk_areq_sectors(uint64_t dsectors, uint64_t dios)
{
	return dios ? dsectors / (double)dios : 0.0;
}

/* areq-sz of iostat -s, in sectors. */
double
pk_disk_areq_total(const struct pk_blkstat *j, const struct pk_blkstat *i)
{
	uint64_t nc = i->rd_ios + i->wr_ios + i->dc_ios;
	uint64_t np = j->rd_ios + j->wr_ios + j->dc_ios;
	uint64_t s = (i->rd_sectors - j->rd_sectors) +
	    (i->wr_sectors - j->wr_sectors) + (i->dc_sectors - j->dc_sectors);

	return nc > np ? s / (double)(nc - np) : 0.0;
}

/* aqu-sz: weighted ms per second / 1000. */
double
pk_disk_aqu_sz(uint32_t drq_ticks, uint64_t itv)
{
	return pk_disk_rate(drq_ticks, itv) / 1000.0;
}

/*
 * compute_ext_disk_stats() util: busy ms per second.  12.6.1 takes the
 * 32-bit difference even when the counter fell (it wraps; sysstat#412).
 */
double
pk_disk_util(uint32_t prev_tot, uint32_t curr_tot, uint64_t itv)
{
	return pk_disk_rate((uint32_t)(curr_tot - prev_tot), itv);
}

/* %util: util / 10 / number of devices (1, or a group's members). */
double
pk_disk_util_percent(double util, int ndev)
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
	uint64_t dtot = pk_disk_interval(pk_cpustat_total(p),
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

/*
 * ---- the numbers of one device over one interval (pk_disk_*) ----
 * sysstat 12.6.1 iostat.c: write_basic_stat(), compute_ext_disk_stats()
 * (shared with sar in common.c) and write_ext_stat(), in their order of
 * floating operations.  prev is all zeros for a first report.
 */

/* Requests of a sample: reads + writes + discards; flushes not counted. */
uint64_t
pk_disk_nr_ios(const struct pk_blkstat *x)
{
	return x->rd_ios + x->wr_ios + x->dc_ios;
}

/* tps: S_VALUE of the requests (sum of the counters first). */
double
pk_disk_tps(const struct pk_blkstat *prev, const struct pk_blkstat *curr,
    uint64_t itv)
{
	return pk_disk_rate(pk_disk_nr_ios(curr) - pk_disk_nr_ios(prev), itv);
}

/* rqm/s of iostat -xs: S_VALUE of the merges of the three classes. */
double
pk_disk_rqm(const struct pk_blkstat *prev, const struct pk_blkstat *curr,
    uint64_t itv)
{
	return pk_disk_rate((curr->rd_merges + curr->wr_merges +
	    curr->dc_merges) - (prev->rd_merges + prev->wr_merges +
	    prev->dc_merges), itv);
}

/* kB/s of iostat -xs: (rsect/s + wsect/s + dsect/s) / fctr. */
double
pk_disk_sectors_rate(const struct pk_blkstat *prev,
    const struct pk_blkstat *curr, uint64_t itv, int fctr)
{
	return (pk_disk_rate(curr->rd_sectors - prev->rd_sectors, itv) +
	    pk_disk_rate(curr->wr_sectors - prev->wr_sectors, itv) +
	    pk_disk_rate(curr->dc_sectors - prev->dc_sectors, itv)) / fctr;
}

/* kB_w+d of iostat -s: (Δwr_sectors + Δdc_sectors) / fctr, integers. */
uint64_t
pk_disk_wd_total(const struct pk_blkstat *prev, const struct pk_blkstat *curr,
    int fctr)
{
	return (pk_disk_sectors_delta(prev->wr_sectors, curr->wr_sectors) +
	    pk_disk_sectors_delta(prev->dc_sectors, curr->dc_sectors)) /
	    (uint64_t)fctr;
}

/* The unused filter: all four cumulative request counters are 0. */
int
pk_disk_unused(const struct pk_blkstat *curr)
{
	return !curr->rd_ios && !curr->wr_ios && !curr->dc_ios &&
	    !curr->fl_ios;
}

/* -z: no request of any kind in the interval. */
int
pk_disk_idle(const struct pk_blkstat *prev, const struct pk_blkstat *curr)
{
	return curr->rd_ios == prev->rd_ios && curr->wr_ios == prev->wr_ios &&
	    curr->dc_ios == prev->dc_ios && curr->fl_ios == prev->fl_ios;
}

/*
 * write_stats()'s "device removed then inserted" test: fewer requests
 * than before and every sector counter new or fallen; the caller then
 * takes all zeros as the previous sample.
 */
int
pk_disk_restarted(const struct pk_blkstat *prev, const struct pk_blkstat *curr)
{
	return curr->rd_ios + curr->wr_ios + curr->dc_ios + curr->fl_ios <
	    prev->rd_ios + prev->wr_ios + prev->dc_ios + prev->fl_ios &&
	    (!prev->rd_sectors || curr->rd_sectors < prev->rd_sectors) &&
	    (!prev->wr_sectors || curr->wr_sectors < prev->wr_sectors) &&
	    (!prev->dc_sectors || curr->dc_sectors < prev->dc_sectors);
}

/* compute_device_groups_stats(): a member's counters into its group. */
void
pk_disk_group_add(struct pk_blkstat *sum, const struct pk_blkstat *x)
{
	sum->rd_ios += x->rd_ios;
	sum->rd_merges += x->rd_merges;
	sum->rd_sectors += x->rd_sectors;
	sum->rd_ticks += x->rd_ticks;
	sum->wr_ios += x->wr_ios;
	sum->wr_merges += x->wr_merges;
	sum->wr_sectors += x->wr_sectors;
	sum->wr_ticks += x->wr_ticks;
	sum->dc_ios += x->dc_ios;
	sum->dc_merges += x->dc_merges;
	sum->dc_sectors += x->dc_sectors;
	sum->dc_ticks += x->dc_ticks;
	sum->fl_ios += x->fl_ios;
	sum->fl_ticks += x->fl_ticks;
	sum->ios_pgr += x->ios_pgr;
	sum->tot_ticks += x->tot_ticks;
	sum->rq_ticks += x->rq_ticks;
}

/*
 * Every number of the basic and extended reports of one device (or a
 * group of ndev members) over itv centiseconds, sector numbers in units
 * of fctr sectors (2 kB, 2048 MB, 1 sectors), sizes in kB.
 */
void
pk_disk_stats(const struct pk_blkstat *j, const struct pk_blkstat *i,
    uint64_t itv, int fctr, int ndev, struct pk_disk_stats *x)
{
	memset(x, 0, sizeof(*x));
	x->tps = pk_disk_tps(j, i, itv);
	x->r = pk_disk_rate(i->rd_ios - j->rd_ios, itv);
	x->w = pk_disk_rate(i->wr_ios - j->wr_ios, itv);
	x->d = pk_disk_rate(i->dc_ios - j->dc_ios, itv);
	x->f = pk_disk_rate(i->fl_ios - j->fl_ios, itv);
	x->rs = pk_disk_rate_unit(i->rd_sectors - j->rd_sectors, itv, fctr);
	x->ws = pk_disk_rate_unit(i->wr_sectors - j->wr_sectors, itv, fctr);
	x->ds = pk_disk_rate_unit(i->dc_sectors - j->dc_sectors, itv, fctr);
	x->sectors = pk_disk_sectors_rate(j, i, itv, fctr);
	x->rd = pk_disk_sectors_delta(j->rd_sectors, i->rd_sectors) /
	    (uint64_t)fctr;
	x->wr = pk_disk_sectors_delta(j->wr_sectors, i->wr_sectors) /
	    (uint64_t)fctr;
	x->dc = pk_disk_sectors_delta(j->dc_sectors, i->dc_sectors) /
	    (uint64_t)fctr;
	x->wd = pk_disk_wd_total(j, i, fctr);
	x->rm = pk_disk_rate(i->rd_merges - j->rd_merges, itv);
	x->wm = pk_disk_rate(i->wr_merges - j->wr_merges, itv);
	x->dm = pk_disk_rate(i->dc_merges - j->dc_merges, itv);
	x->rqm = pk_disk_rqm(j, i, itv);
	x->rm_pc = pk_disk_merge_percent(i->rd_merges - j->rd_merges,
	    i->rd_ios - j->rd_ios);
	x->wm_pc = pk_disk_merge_percent(i->wr_merges - j->wr_merges,
	    i->wr_ios - j->wr_ios);
	x->dm_pc = pk_disk_merge_percent(i->dc_merges - j->dc_merges,
	    i->dc_ios - j->dc_ios);
	x->r_await = pk_disk_await(i->rd_ticks - j->rd_ticks,
	    i->rd_ios - j->rd_ios);
	x->w_await = pk_disk_await(i->wr_ticks - j->wr_ticks,
	    i->wr_ios - j->wr_ios);
	x->d_await = pk_disk_await(i->dc_ticks - j->dc_ticks,
	    i->dc_ios - j->dc_ios);
	x->f_await = pk_disk_await(i->fl_ticks - j->fl_ticks,
	    i->fl_ios - j->fl_ios);
	x->await = pk_disk_await_total(j, i);
	x->r_sz = pk_disk_areq_sectors(i->rd_sectors - j->rd_sectors,
	    i->rd_ios - j->rd_ios) / 2;
	x->w_sz = pk_disk_areq_sectors(i->wr_sectors - j->wr_sectors,
	    i->wr_ios - j->wr_ios) / 2;
	x->d_sz = pk_disk_areq_sectors(i->dc_sectors - j->dc_sectors,
	    i->dc_ios - j->dc_ios) / 2;
	x->sz = pk_disk_areq_total(j, i) / 2;
	x->aqu = pk_disk_aqu_sz(i->rq_ticks - j->rq_ticks, itv);
	x->util = pk_disk_util_percent(pk_disk_util(j->tot_ticks, i->tot_ticks,
	    itv), ndev);
}
