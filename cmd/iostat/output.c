/*
 * output.c: pskit's structured output of iostat through the writer:
 * -o tsv (device and cpu rows), -o prom and --psutil (psutil's
 * disk_io_counters), and -w FILE (each sample replaces FILE).
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iostat.h"
#include "shell.h"

/* ---- pskit's structured output (tsv, prom, --psutil) ---- */

/*
 * -o tsv and -o json: one record per device per sample (kind "device")
 * with the extended numbers, and one per sample of kind "cpu"; the
 * fields of the other kind are missing (\N, null).
 */
static const struct pk_out_col tsv_cols[] = {
	{ "kind", PK_OUT_STR, PK_OUT_LABEL, NULL, "Row kind: cpu or device" },
	{ "device", PK_OUT_STR, PK_OUT_LABEL, NULL, "Device name" },
	{ "tps", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Transfers per second" },
	{ "r_s", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Reads per second" },
	{ "w_s", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Writes per second" },
	{ "d_s", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Discards per second" },
	{ "f_s", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Flushes per second" },
	{ "rkb_s", PK_OUT_F64, PK_OUT_GAUGE, NULL, "kB read per second" },
	{ "wkb_s", PK_OUT_F64, PK_OUT_GAUGE, NULL, "kB written per second" },
	{ "dkb_s", PK_OUT_F64, PK_OUT_GAUGE, NULL, "kB discarded per second" },
	{ "rrqm_s", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Merged reads per second" },
	{ "wrqm_s", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Merged writes per second" },
	{ "drqm_s", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Merged discards per second" },
	{ "rrqm_percent", PK_OUT_F64, PK_OUT_GAUGE, "percent", "Reads merged" },
	{ "wrqm_percent", PK_OUT_F64, PK_OUT_GAUGE, "percent", "Writes merged" },
	{ "drqm_percent", PK_OUT_F64, PK_OUT_GAUGE, "percent", "Discards merged" },
	{ "r_await", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Read wait, ms" },
	{ "w_await", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Write wait, ms" },
	{ "d_await", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Discard wait, ms" },
	{ "f_await", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Flush wait, ms" },
	{ "rareq_sz", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Read size, kB" },
	{ "wareq_sz", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Write size, kB" },
	{ "dareq_sz", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Discard size, kB" },
	{ "aqu_sz", PK_OUT_F64, PK_OUT_GAUGE, NULL, "Average queue length" },
	{ "util_percent", PK_OUT_F64, PK_OUT_GAUGE, "percent", "Busy time" },
	{ "user_percent", PK_OUT_F64, PK_OUT_GAUGE, "percent", "CPU user" },
	{ "nice_percent", PK_OUT_F64, PK_OUT_GAUGE, "percent", "CPU nice" },
	{ "system_percent", PK_OUT_F64, PK_OUT_GAUGE, "percent", "CPU system" },
	{ "iowait_percent", PK_OUT_F64, PK_OUT_GAUGE, "percent", "CPU iowait" },
	{ "steal_percent", PK_OUT_F64, PK_OUT_GAUGE, "percent", "CPU steal" },
	{ "idle_percent", PK_OUT_F64, PK_OUT_GAUGE, "percent", "CPU idle" },
};
#define NTSV	(sizeof(tsv_cols) / sizeof(tsv_cols[0]))
#define NDEVCOLS	23	/* tps .. util_percent */

/* -o prom and --psutil: psutil's disk_io_counters() per device. */
static const struct pk_out_col ps_cols[] = {
	{ "device", PK_OUT_STR, PK_OUT_LABEL, NULL, "Device name" },
	{ "read_count", PK_OUT_U64, PK_OUT_COUNTER, NULL, "Reads completed" },
	{ "write_count", PK_OUT_U64, PK_OUT_COUNTER, NULL, "Writes completed" },
	{ "read_bytes", PK_OUT_U64, PK_OUT_COUNTER, NULL, "Bytes read" },
	{ "write_bytes", PK_OUT_U64, PK_OUT_COUNTER, NULL, "Bytes written" },
	{ "read_time", PK_OUT_F64, PK_OUT_COUNTER, "seconds", "Time reading" },
	{ "write_time", PK_OUT_F64, PK_OUT_COUNTER, "seconds", "Time writing" },
	{ "read_merged_count", PK_OUT_U64, PK_OUT_COUNTER, NULL, "Reads merged" },
	{ "write_merged_count", PK_OUT_U64, PK_OUT_COUNTER, NULL, "Writes merged" },
	{ "busy_time", PK_OUT_F64, PK_OUT_COUNTER, "seconds", "Time doing I/O" },
};
#define NPS	(sizeof(ps_cols) / sizeof(ps_cols[0]))

static void
out_ext(struct ios *s, const char *name, const struct ext *x)
{
	const double v[NDEVCOLS] = { x->tps, x->r, x->w, x->d, x->f, x->rs,
	    x->ws, x->ds, x->rm, x->wm, x->dm, x->rm_pc, x->wm_pc, x->dm_pc,
	    x->r_await, x->w_await, x->d_await, x->f_await, x->r_sz, x->w_sz,
	    x->d_sz, x->aqu, x->util };
	size_t k;

	pk_out_record_begin(&s->w);
	pk_out_str(&s->w, "device");
	pk_out_str(&s->w, name);
	for (k = 0; k < NDEVCOLS; k++)
		pk_out_f64(&s->w, v[k], 2);
	pk_out_record_end(&s->w);
}

static void
out_cpu(struct ios *s, int curr)
{
	double pc[6];
	size_t k;

	pk_cpustat_percents(&s->cpu[!curr], &s->cpu[curr], pc);
	pk_out_record_begin(&s->w);
	pk_out_str(&s->w, "cpu");
	pk_out_null(&s->w);
	for (k = 0; k < NDEVCOLS; k++)
		pk_out_null(&s->w);
	for (k = 0; k < 6; k++)
		pk_out_f64(&s->w, pc[k], 2);
	pk_out_record_end(&s->w);
}

/* psutil's fields of one device, from its cumulative counters. */
static void
out_psutil(struct ios *s, const char *name, const struct pk_blkstat *x)
{
	pk_out_record_begin(&s->w);
	pk_out_str(&s->w, name);
	pk_out_u64(&s->w, x->rd_ios);
	pk_out_u64(&s->w, x->wr_ios);
	pk_out_u64(&s->w, x->rd_sectors * 512);
	pk_out_u64(&s->w, x->wr_sectors * 512);
	pk_out_f64(&s->w, x->rd_ticks / 1000.0, 3);
	pk_out_f64(&s->w, x->wr_ticks / 1000.0, 3);
	pk_out_u64(&s->w, x->rd_merges);
	pk_out_u64(&s->w, x->wr_merges);
	pk_out_f64(&s->w, x->tot_ticks / 1000.0, 3);
	pk_out_record_end(&s->w);
}

/* --psutil through the writer: one psutil record. */
static void
out_psdisk(struct ios *s, const struct pk_psdisk *x)
{
	pk_out_record_begin(&s->w);
	pk_out_str(&s->w, x->name);
	pk_out_u64(&s->w, x->reads);
	pk_out_u64(&s->w, x->writes);
	pk_out_u64(&s->w, x->rbytes);
	pk_out_u64(&s->w, x->wbytes);
	pk_out_f64(&s->w, x->rtime / 1000.0, 3);
	pk_out_f64(&s->w, x->wtime / 1000.0, 3);
	pk_out_u64(&s->w, x->rmerged);
	pk_out_u64(&s->w, x->wmerged);
	pk_out_f64(&s->w, x->busy / 1000.0, 3);
	pk_out_record_end(&s->w);
}

/* --psutil in text: psutil's repr of one sdiskio. */
static void
print_psutil(const struct pk_psdisk *x)
{
	printf("%s: sdiskio(read_count=%llu, write_count=%llu, read_bytes=%llu, "
	    "write_bytes=%llu, read_time=%llu, write_time=%llu, "
	    "read_merged_count=%llu, write_merged_count=%llu, busy_time=%llu)\n",
	    x->name, (unsigned long long)x->reads,
	    (unsigned long long)x->writes, (unsigned long long)x->rbytes,
	    (unsigned long long)x->wbytes, (unsigned long long)x->rtime,
	    (unsigned long long)x->wtime, (unsigned long long)x->rmerged,
	    (unsigned long long)x->wmerged, (unsigned long long)x->busy);
}

/*
 * --psutil: disk_io_counters(perdisk=True) as psutil 5.9.4 reads it
 * (/proc/diskstats, else sys block/), one record per name.
 */
static void
write_psutil(struct ios *s)
{
	struct pk_psdisk *v;
	size_t i, n;

	if (pk_psdisk_read(&s->ctx, &v, &n) != PK_OK)
		errx(1, "%s", pk_strerror(&s->ctx));
	for (i = 0; i < n; i++) {
		if (s->fmt == PK_OUT_TEXT)
			print_psutil(&v[i]);
		else
			out_psdisk(s, &v[i]);
	}
	free(v);
}

/* One sample through the writer: the devices the text would show. */
static void
write_out(struct ios *s, int curr, int skip)
{
	const struct pk_blkstat *j;
	struct ext x;
	struct dev *d;
	size_t k;

	if (skip)
		return;
	if (s->fmt != PK_OUT_TEXT)
		pk_out_sample_begin(&s->w, pk_time_now());
	if (DIS(F_PSUTIL))
		write_psutil(s);
	else {
		if (s->fmt != PK_OUT_PROM && DIS(F_CPU))
			out_cpu(s, curr);
		for (k = 0; DIS(F_DISK) && k < s->ndv; k++) {
			d = s->dv[k];
			if (!d->exist || d->tp >= T_GROUP)
				continue;
			j = &d->st[!curr];
			if (!dev_shown(s, &d->st[curr], &j))
				continue;
			if (s->fmt == PK_OUT_PROM)
				out_psutil(s, display_name(s, d), &d->st[curr]);
			else {
				compute_ext(s, pk_io_interval(s->uptime[!curr],
				    s->uptime[curr]), 2, 1, &d->st[curr], j, &x);
				out_ext(s, display_name(s, d), &x);
			}
		}
	}
	/* A one-sample prom or json document is finished by pk_out_end(). */
	if (s->fmt != PK_OUT_TEXT && (s->w.flags & PK_OUT_INTERVAL))
		pk_out_sample_end(&s->w);
}

void
writer_begin(struct ios *s, FILE *fp)
{
	/* json has tsv's keys; prom and --psutil psutil's counters */
	int tsv = s->fmt != PK_OUT_PROM && !DIS(F_PSUTIL);
	unsigned fl = s->outflags;

	/*
	 * tsv always has its timestamp column; json and prom to stdout in
	 * an interval run give one document per sample (JSON Lines, one
	 * exposition each); a -w file holds one sample.
	 */
	if (s->fmt == PK_OUT_TSV || (s->interval > 0 && s->outfile == NULL))
		fl |= PK_OUT_INTERVAL;
	if (pk_out_begin(&s->w, fp, s->fmt, fl, "iostat", tsv ? tsv_cols :
	    ps_cols, tsv ? NTSV : NPS) != PK_OK)
		errx(1, "out of memory");
}

/* A structured sample, to stdout or replacing the -w file atomically. */
void
write_sample(struct ios *s, int curr, int skip)
{
	struct sh_out so;

	if (s->outfile == NULL || skip) {
		write_out(s, curr, skip);
		return;
	}
	sh_open(&s->ctx, &so, s->outfile, SH_PUBLIC);
	writer_begin(s, so.fp);
	write_out(s, curr, skip);
	pk_out_end(&s->w);
	sh_commit(&s->ctx, &so);
}
