/*
 * output.c: pskit's structured output of iostat through the writer:
 * -o tsv (device and cpu rows), -o prom and --psutil (psutil's
 * disk_io_counters), and -w FILE (each sample replaces FILE).
 */
#include <err.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parts.h"
#include "shell.h"

/* ---- pskit's structured output (tsv, prom, --psutil) ---- */

/*
 * -o tsv and -o json: one record per device per sample (kind "device")
 * with the extended numbers, and one per sample of kind "cpu"; the
 * fields of the other kind are missing (\N, null).  One line per field:
 * its column and where its value is (a pk_disk_stats member, or an
 * avg-cpu percentage).
 */
#define DEVF(key, unit, help, m) \
	{ { key, PK_OUT_F64, PK_OUT_GAUGE, unit, help }, \
	  offsetof(struct pk_disk_stats, m), -1 }
#define CPUF(key, help, i) \
	{ { key, PK_OUT_F64, PK_OUT_GAUGE, "percent", help }, 0, i }

static const struct field {
	struct pk_out_col	 col;
	size_t		 off;	/* in struct pk_disk_stats */
	int		 cpu;	/* index in the avg-cpu line, or -1 */
} fields[] = {
	DEVF("tps", NULL, "Transfers per second", tps),
	DEVF("r_s", NULL, "Reads per second", r),
	DEVF("w_s", NULL, "Writes per second", w),
	DEVF("d_s", NULL, "Discards per second", d),
	DEVF("f_s", NULL, "Flushes per second", f),
	DEVF("rkb_s", NULL, "kB read per second", rs),
	DEVF("wkb_s", NULL, "kB written per second", ws),
	DEVF("dkb_s", NULL, "kB discarded per second", ds),
	DEVF("rrqm_s", NULL, "Merged reads per second", rm),
	DEVF("wrqm_s", NULL, "Merged writes per second", wm),
	DEVF("drqm_s", NULL, "Merged discards per second", dm),
	DEVF("rrqm_percent", "percent", "Reads merged", rm_pc),
	DEVF("wrqm_percent", "percent", "Writes merged", wm_pc),
	DEVF("drqm_percent", "percent", "Discards merged", dm_pc),
	DEVF("r_await", NULL, "Read wait, ms", r_await),
	DEVF("w_await", NULL, "Write wait, ms", w_await),
	DEVF("d_await", NULL, "Discard wait, ms", d_await),
	DEVF("f_await", NULL, "Flush wait, ms", f_await),
	DEVF("rareq_sz", NULL, "Read size, kB", r_sz),
	DEVF("wareq_sz", NULL, "Write size, kB", w_sz),
	DEVF("dareq_sz", NULL, "Discard size, kB", d_sz),
	DEVF("aqu_sz", NULL, "Average queue length", aqu),
	DEVF("util_percent", "percent", "Busy time", util),
	CPUF("user_percent", "CPU user", 0),
	CPUF("nice_percent", "CPU nice", 1),
	CPUF("system_percent", "CPU system", 2),
	CPUF("iowait_percent", "CPU iowait", 3),
	CPUF("steal_percent", "CPU steal", 4),
	CPUF("idle_percent", "CPU idle", 5),
};
#define NFIELDS	(sizeof(fields) / sizeof(fields[0]))

/*
 * -o prom and --psutil: psutil's disk_io_counters() per device, one line
 * per field: its column and its pk_psdisk member (times in ms, shown in
 * seconds).
 */
#define PSF(key, type, unit, help, m) \
	{ { key, type, PK_OUT_COUNTER, unit, help }, \
	  offsetof(struct pk_psdisk, m) }

static const struct psfield {
	struct pk_out_col	 col;
	size_t		 off;	/* a uint64_t in struct pk_psdisk */
} psfields[] = {
	PSF("read_count", PK_OUT_U64, NULL, "Reads completed", reads),
	PSF("write_count", PK_OUT_U64, NULL, "Writes completed", writes),
	PSF("read_bytes", PK_OUT_U64, NULL, "Bytes read", rbytes),
	PSF("write_bytes", PK_OUT_U64, NULL, "Bytes written", wbytes),
	PSF("read_time", PK_OUT_F64, "seconds", "Time reading", rtime),
	PSF("write_time", PK_OUT_F64, "seconds", "Time writing", wtime),
	PSF("read_merged_count", PK_OUT_U64, NULL, "Reads merged", rmerged),
	PSF("write_merged_count", PK_OUT_U64, NULL, "Writes merged", wmerged),
	PSF("busy_time", PK_OUT_F64, "seconds", "Time doing I/O", busy),
};
#define NPSFIELDS	(sizeof(psfields) / sizeof(psfields[0]))

/* The writer's columns: the label(s), then the table's. */
static const struct pk_out_col kind_col =
	{ "kind", PK_OUT_STR, PK_OUT_LABEL, NULL, "Row kind: cpu or device" };
static const struct pk_out_col device_col =
	{ "device", PK_OUT_STR, PK_OUT_LABEL, NULL, "Device name" };

/* A device's record (kind "device"), or the cpu one when x is NULL. */
static void
out_fields(struct pk_out *w, const char *name, const struct pk_disk_stats *x,
    const double cpu[6])
{
	const struct field *f;
	size_t k;

	pk_out_record_begin(w);
	pk_out_str(w, x != NULL ? "device" : "cpu");
	if (x != NULL)
		pk_out_str(w, name);
	else
		pk_out_null(w);
	for (k = 0; k < NFIELDS; k++) {
		f = &fields[k];
		if ((f->cpu >= 0) != (x == NULL))
			pk_out_null(w);	/* a field of the other kind */
		else if (f->cpu >= 0)
			pk_out_f64(w, cpu[f->cpu], 2);
		else
			pk_out_f64(w, *(const double *)(const void *)
			    ((const char *)x + f->off), 2);
	}
	pk_out_record_end(w);
}

/* A psutil record. */
static void
out_ps(struct pk_out *w, const struct pk_psdisk *x)
{
	uint64_t v;
	size_t k;

	pk_out_record_begin(w);
	pk_out_str(w, x->name);
	for (k = 0; k < NPSFIELDS; k++) {
		v = *(const uint64_t *)(const void *)((const char *)x +
		    psfields[k].off);
		if (psfields[k].col.type == PK_OUT_F64)
			pk_out_f64(w, v / 1000.0, 3);
		else
			pk_out_u64(w, v);
	}
	pk_out_record_end(w);
}

/* psutil's fields from the cumulative counters iostat read (-o prom). */
static void
blk_to_ps(const char *name, const struct pk_blkstat *x, struct pk_psdisk *p)
{
	strlcpy(p->name, name, sizeof(p->name));
	p->reads = x->rd_ios;
	p->writes = x->wr_ios;
	p->rbytes = x->rd_sectors * 512;
	p->wbytes = x->wr_sectors * 512;
	p->rtime = x->rd_ticks;
	p->wtime = x->wr_ticks;
	p->rmerged = x->rd_merges;
	p->wmerged = x->wr_merges;
	p->busy = x->tot_ticks;
}

/* --psutil in text: psutil's repr of one sdiskio. */
static void
print_psutil(const struct pk_psdisk *x)
{
	size_t k;

	printf("%s: sdiskio(", x->name);
	for (k = 0; k < NPSFIELDS; k++)
		printf("%s%s=%llu", k ? ", " : "", psfields[k].col.key,
		    (unsigned long long)*(const uint64_t *)(const void *)
		    ((const char *)x + psfields[k].off));
	printf(")\n");
}

/*
 * --psutil: disk_io_counters(perdisk=True) as psutil 5.9.4 reads it
 * (/proc/diskstats, else sys block/), one record per name.  -1 when that
 * read failed (ctx says why).
 */
static int
write_psutil(const struct opts *o, const struct sample *sm, struct pk_out *w)
{
	size_t i;

	if (sm->ps_rc != PK_OK)
		return -1;
	for (i = 0; i < sm->nps; i++) {
		if (o->fmt == PK_OUT_TEXT)
			print_psutil(&sm->ps[i]);
		else
			out_ps(w, &sm->ps[i]);
	}
	return 0;
}

/*
 * One sample through the writer: the devices the text would show.  -1:
 * stopped as sysstat stops (a psutil read failed, sm->err): the caller
 * reports it and exits with the sample unfinished.
 */
static int
write_out(const struct opts *o, const struct sample *sm, struct pk_out *w,
    int skip)
{
	struct pk_psdisk ps;
	size_t k;

	if (skip)
		return 0;
	if (o->fmt != PK_OUT_TEXT)
		pk_out_sample_begin(w, pk_time_now());
	if (DIS(F_PSUTIL)) {
		if (write_psutil(o, sm, w) != 0)
			return -1;
	} else {
		if (o->fmt != PK_OUT_PROM && DIS(F_CPU))
			out_fields(w, NULL, NULL, sm->cpu);
		for (k = sm->beg[0]; k < sm->end[0]; k++) {
			if (o->fmt == PK_OUT_PROM) {
				blk_to_ps(sm->rows[k].name, &sm->rows[k].cur,
				    &ps);
				out_ps(w, &ps);
			} else
				out_fields(w, sm->rows[k].name, &sm->rows[k].x,
				    NULL);
		}
		if (sm->err)
			return -1;
	}
	/* A one-sample prom or json document is finished by pk_out_end(). */
	if (o->fmt != PK_OUT_TEXT && (w->flags & PK_OUT_INTERVAL))
		pk_out_sample_end(w);
	return 0;
}

void
writer_begin(const struct opts *o, struct pk_out *w, FILE *fp)
{
	static struct pk_out_col cols[2 + NFIELDS];
	/* json has tsv's keys; prom and --psutil psutil's counters */
	int tsv = o->fmt != PK_OUT_PROM && !DIS(F_PSUTIL);
	unsigned fl = o->outflags;
	size_t k, n = 0;

	if (tsv)
		cols[n++] = kind_col;
	cols[n++] = device_col;
	for (k = 0; tsv && k < NFIELDS; k++)
		cols[n++] = fields[k].col;
	for (k = 0; !tsv && k < NPSFIELDS; k++)
		cols[n++] = psfields[k].col;
	/*
	 * tsv always has its timestamp column; json and prom to stdout in
	 * an interval run give one document per sample (JSON Lines, one
	 * exposition each); a -w file holds one sample.
	 */
	if (o->fmt == PK_OUT_TSV || (o->interval > 0 && o->outfile == NULL))
		fl |= PK_OUT_INTERVAL;
	if (pk_out_begin(w, fp, o->fmt, fl, "iostat", cols, n) != PK_OK)
		errx(1, "out of memory");
}

/*
 * A structured sample, to stdout or replacing the -w file atomically.
 * -1 as write_out(): nothing is committed.
 */
int
write_sample(const struct opts *o, const struct sample *sm, struct pk_out *w,
    struct pk_ctx *ctx, int skip)
{
	struct sh_out so;

	if (o->outfile == NULL || skip)
		return write_out(o, sm, w, skip);
	sh_open(ctx, &so, o->outfile, SH_PUBLIC);
	writer_begin(o, w, so.fp);
	if (write_out(o, sm, w, skip) != 0)
		return -1;
	pk_out_end(w);
	sh_commit(ctx, &so);
	return 0;
}
