/*
 * pskit/disk.h: block device statistics (iostat's device report, psutil's
 * disk_io_counters) and the derived rates.
 */
#ifndef PSKIT_DISK_H
#define PSKIT_DISK_H

#include "pskit/core.h"

/*
 * Counters of one block device or partition, with sysstat's types: the
 * counts are 64-bit, the millisecond times 32-bit (they wrap there).
 */
struct pk_blkstat {
	uint64_t rd_ios, rd_merges, rd_sectors;
	uint64_t wr_ios, wr_merges, wr_sectors;
	uint64_t dc_ios, dc_merges, dc_sectors;
	uint64_t fl_ios;
	uint32_t rd_ticks, wr_ticks, dc_ticks, fl_ticks;
	uint32_t ios_pgr, tot_ticks, rq_ticks;
};

/* One /proc/diskstats record. */
struct pk_diskstats_ent {
	unsigned major, minor;
	int	 nfields;	/* sscanf count: >= 14, or 7 (old partition) */
	char	 name[256];
	struct pk_blkstat st;
};

/*
 * Pure parsers with sysstat 12.6.1's scanf semantics (diskstats.c).
 * pk_blkstat_parse: a /sys/block/.../stat file; returns the scanf count
 * (11+ full record, 15+ discard, 17+ flush, 4 old partition; anything
 * else gives zeros).  pk_diskstats_parse: every record of
 * /proc/diskstats that sysstat keeps (>= 14 fields, or 7), read in
 * 255-byte lines like its fgets().
 */
int	 pk_blkstat_parse(const char *buf, size_t len, struct pk_blkstat *out);
int	 pk_diskstats_parse(const char *buf, size_t len,
	    struct pk_diskstats_ent **ents, size_t *nents);

/*
 * psutil 5.9.4's disk_io_counters(perdisk=True) on Linux (psdisk.c):
 * counters as Python ints (no 32-bit truncation), bytes = sectors * 512.
 * pk_psdisk_diskstats_parse: every line of /proc/diskstats, psutil's
 * three layouts by field count (15: Linux 2.4, name 4th; 14 or >= 18;
 * 7: old partition); PK_EPARSE for any other count or a field that is
 * not a decimal number below 2^64 (psutil raises ValueError there).
 * Duplicate names are kept; pk_psdisk_dedup makes psutil's dict of them
 * (a name's first place, its last counters) and returns the new count.
 * pk_psdisk_stat_parse: a sys block .../stat file, its first 10 fields.
 * pk_psdisk_read: /proc/diskstats when it exists, else sys block/X/stat
 * and the stat files below block/X (os.walk order, no symlinks
 * followed), deduplicated.
 */
struct pk_psdisk {
	char	 name[256];
	uint64_t reads, writes, rbytes, wbytes, rtime, wtime;
	uint64_t rmerged, wmerged, busy;
};
int	 pk_psdisk_diskstats_parse(const char *buf, size_t len,
	    struct pk_psdisk **ents, size_t *nents);
int	 pk_psdisk_stat_parse(const char *buf, size_t len,
	    struct pk_psdisk *out);
size_t	 pk_psdisk_dedup(struct pk_psdisk *v, size_t n);
int	 pk_psdisk_read(struct pk_ctx *ctx, struct pk_psdisk **ents,
	    size_t *nents);

/*
 * Derived numbers, one function each (reference/iostat.md section 3;
 * sysstat's S_VALUE, ll_sp_value, get_interval, compute_ext_disk_stats).
 * Deltas are taken in the counter's own type by the caller.
 */
uint64_t pk_disk_interval(uint64_t prev_cs, uint64_t curr_cs);
double	 pk_disk_rate(uint64_t delta, uint64_t itv);
double	 pk_disk_rate_unit(uint64_t delta, uint64_t itv, int fctr);
uint64_t pk_disk_sectors_delta(uint64_t prev, uint64_t curr);
double	 pk_disk_merge_percent(uint64_t dmerges, uint64_t dios);
double	 pk_disk_await(uint32_t dticks, uint64_t dios);
double	 pk_disk_await_total(const struct pk_blkstat *prev,
	    const struct pk_blkstat *curr);
double	 pk_disk_areq_sectors(uint64_t dsectors, uint64_t dios);
double	 pk_disk_areq_total(const struct pk_blkstat *prev,
	    const struct pk_blkstat *curr);
double	 pk_disk_aqu_sz(uint32_t drq_ticks, uint64_t itv);
double	 pk_disk_util(uint32_t prev_tot, uint32_t curr_tot, uint64_t itv);
double	 pk_disk_util_percent(double util, int ndev);

/*
 * One device over one interval (iorate.c; sysstat's write_basic_stat,
 * compute_ext_disk_stats, compute_device_groups_stats).  pk_disk_unused,
 * pk_disk_idle and pk_disk_restarted are iostat's display filters: never
 * used, no request in the interval (-z), removed and inserted again (the
 * caller then takes zeros as prev).  pk_disk_stats: every number of the
 * basic and extended reports, sector numbers in units of fctr sectors,
 * %util of a group divided by its ndev members.
 */
struct pk_disk_stats {
	double	 tps, r, w, d, f;	/* requests per second */
	double	 rs, ws, ds, sectors;	/* sectors/s / fctr; -s: all three */
	uint64_t rd, wr, dc, wd;	/* sectors / fctr; -s: wd = wr + dc */
	double	 rm, wm, dm, rqm;	/* merges per second */
	double	 rm_pc, wm_pc, dm_pc;	/* merged share, percent */
	double	 r_await, w_await, d_await, f_await, await;	/* ms */
	double	 r_sz, w_sz, d_sz, sz;	/* kB per request */
	double	 aqu, util;		/* queue length; %util */
};
uint64_t pk_disk_nr_ios(const struct pk_blkstat *x);
double	 pk_disk_tps(const struct pk_blkstat *prev,
	    const struct pk_blkstat *curr, uint64_t itv);
double	 pk_disk_rqm(const struct pk_blkstat *prev,
	    const struct pk_blkstat *curr, uint64_t itv);
double	 pk_disk_sectors_rate(const struct pk_blkstat *prev,
	    const struct pk_blkstat *curr, uint64_t itv, int fctr);
uint64_t pk_disk_wd_total(const struct pk_blkstat *prev,
	    const struct pk_blkstat *curr, int fctr);
int	 pk_disk_unused(const struct pk_blkstat *curr);
int	 pk_disk_idle(const struct pk_blkstat *prev,
	    const struct pk_blkstat *curr);
int	 pk_disk_restarted(const struct pk_blkstat *prev,
	    const struct pk_blkstat *curr);
void	 pk_disk_group_add(struct pk_blkstat *sum,
	    const struct pk_blkstat *member);
void	 pk_disk_stats(const struct pk_blkstat *prev,
	    const struct pk_blkstat *curr, uint64_t itv, int fctr, int ndev,
	    struct pk_disk_stats *out);

/* A directory entry of the block tree with the stat file read under it. */
struct pk_blkdev {
	char	 name[256];
	int	 nfields;
	struct pk_blkstat st;
};

/* Read sys path (e.g. "block/sda/stat"); the scanf count in *nfields. */
int	 pk_blkstat_read(struct pk_ctx *ctx, const char *path,
	    struct pk_blkstat *out, int *nfields);
/*
 * Every entry of sys dir (e.g. "block" or "block/sda") whose "stat" file
 * reads, in readdir order.  Free *list with free().
 */
int	 pk_blkdev_list(struct pk_ctx *ctx, const char *dir,
	    struct pk_blkdev **list, size_t *n);
int	 pk_diskstats_read(struct pk_ctx *ctx, struct pk_diskstats_ent **ents,
	    size_t *n);
/* access("<sys>/block/NAME") as sysstat's is_device(). */
int	 pk_blk_is_device(struct pk_ctx *ctx, const char *name);
/* Major of "device-mapper" in /proc/devices; UINT32_MAX when absent. */
unsigned pk_blk_devmap_major(struct pk_ctx *ctx);
/* Device numbers of /dev/NAME ('!' read as '/'). */
int	 pk_blk_devnum(const char *name, unsigned *maj, unsigned *min);
/*
 * The /dev/mapper entry with these numbers: PK_OK, PK_ENOENT when none,
 * PK_EOS (ctx set, errno in ctx->oserr) when /dev/mapper cannot be read.
 */
int	 pk_blk_devmap_name(struct pk_ctx *ctx, unsigned maj, unsigned min,
	    char *out, size_t len);
/*
 * The kernel name (dm-N) of a device-mapper registered name: the last
 * part of the /dev/mapper/NAME link (sysstat's
 * get_dm_name_from_registered_name()); PK_ENOENT when not a link.
 */
int	 pk_blk_devmap_kname(const char *name, char *out, size_t len);
/* sysstat's device_name(): realpath, "/dev/" stripped, '/' -> '!'. */
int	 pk_blk_canon_name(const char *name, char *out, size_t len);
/* Kernel name behind sys dev/block/MAJ:MIN (its link's last part). */
int	 pk_blk_kernel_name(struct pk_ctx *ctx, unsigned maj, unsigned min,
	    char *out, size_t len);
/* /dev/disk/by-TYPE: readable?  name -> kernel name, kernel -> name. */
int	 pk_blk_persist_ok(const char *type);
int	 pk_blk_persist_target(const char *type, const char *name, char *out,
	    size_t len);
int	 pk_blk_persist_name(const char *type, const char *kname, char *out,
	    size_t len);

#endif /* PSKIT_DISK_H */
