/*
 * iostat.h: what the parts of iostat share: the options (sysstat's I_D_*
 * flags), the device list, the state of a run, and the functions each
 * part gives the others.
 *
 *	iostat.c	options (sysstat's hand-rolled parser), the loop, main
 *	devices.c	the device list: which devices, read from where
 *	report.c	the text report and sysstat's JSON document
 *	output.c	pskit's tsv, prom and --psutil output (the writer)
 */
#ifndef IOSTAT_H
#define IOSTAT_H

#include <signal.h>
#include <stdio.h>
#include <time.h>

#include "pskit.h"
#include "pskit/out.h"

#define MAX_NAME_LEN	128

/* sysstat's I_D_* flags, same meaning. */
#define F_CPU		0x000001
#define F_DISK		0x000002
#define F_TIMESTAMP	0x000004
#define F_EXTENDED	0x000008
#define F_EVERYTHING	0x000010
#define F_KILOBYTES	0x000020
#define F_UNFILTERED	0x000100
#define F_MEGABYTES	0x000200
#define F_ALL_DEVICES	0x000400
#define F_GROUP		0x000800
#define F_PRETTY	0x001000
#define F_PERSIST	0x002000
#define F_OMIT_BOOT	0x004000
#define F_DEVMAP	0x010000
#define F_GROUP_ONLY	0x040000
#define F_ZERO_OMIT	0x080000
#define F_UNIT		0x100000
#define F_SHORT		0x200000
#define F_COMPACT	0x400000
#define F_JSON		0x800000
#define F_ISO		0x1000000
#define F_PSUTIL	0x2000000

/* The disk roots to try, in order (sysstat -f / +f). */
#define NDCTX(s)	((s)->has_alt ? ((s)->all_dir ? 2 : 1) : 1)

/* Device kinds; a group is T_GROUP plus its number of members. */
enum { T_PART, T_DEV, T_PART_DEV, T_GROUP };

struct dev {
	char		 name[MAX_NAME_LEN];
	int		 tp;
	int		 exist;
	unsigned	 major, minor;
	struct pk_blkstat st[2];
};

/* sysstat's colour strings (S_COLORS, S_COLORS_SGR). */
struct colors {
	char	 pc_high[16], pc_low[16], zero[16], num[16], item[16];
	char	 normal[16];
};

struct ios {
	unsigned	 flags;
	int		 dplaces;	/* --dec=N, -1 unset */
	long		 interval, count;
	struct dev	**dv;		/* the device list, in display order */
	size_t		 ndv, capdv;
	struct dev	**hdv;		/* the same devices, hashed by name */
	size_t		 caphdv;	/* a power of two, or 0 */
	struct pk_cpustat cpu[2];
	uint64_t	 uptime[2];
	int		 cpu_nr;
	unsigned	 dm_major;
	char		 ptype[64];	/* -j TYPE */
	struct colors	 c;
	int		 fmt;		/* PK_OUT_TEXT, PK_OUT_TSV, PK_OUT_PROM */
	unsigned	 outflags;
	const char	*procfs, *sysfs;
	const char	*outfile;	/* -w FILE, --outfile FILE */
	const char	*progname;
	struct pk_ctx	 ctx;
	/* Where disks are read: ctx, -f DIR only, or +f ctx then DIR. */
	struct pk_ctx	 alt;
	int		 has_alt, all_dir;
	struct pk_out	 w;
};

/* Test an option in the flags of the struct ios *s in scope. */
#define DIS(f)	((s->flags & (f)) != 0)

/* The extended numbers of one device (write_ext_stat's xds and xios). */
struct ext {
	double	 rs, ws, ds;		/* sectors/s, divided by fctr */
	double	 sectors;		/* -s: all three, divided */
	double	 rm_pc, wm_pc, dm_pc;
	double	 r_await, w_await, d_await, f_await;
	double	 r_sz, w_sz, d_sz;	/* kB */
	double	 await, sz, util;	/* -s await, areq-sz; %util */
	double	 r, w, d, f, rm, wm, dm, tps, rqm, aqu;
};


/* iostat.c */
void	 usage(const struct ios *) __attribute__((noreturn));

/* devices.c */
struct dev *add_dev(struct ios *, const char *, int);
struct dev *add_dev_as(struct ios *, const char *, int, const char *);
void	 free_devs(struct ios *);
int	 read_sample(struct ios *, int);
const char *display_name(struct ios *, struct dev *);
void	 group_add(const struct ios *, int, const struct dev *, struct dev *);

/* report.c */
void	 init_colors(struct colors *);
void	 banner(struct ios *, const struct tm *);
void	 write_stats(struct ios *, int, const struct tm *, int);
int	 dev_shown(const struct ios *, const struct pk_blkstat *,
	    const struct pk_blkstat **);
void	 compute_ext(const struct ios *, uint64_t, int, int,
	    const struct pk_blkstat *, const struct pk_blkstat *, struct ext *);

/* output.c */
void	 writer_begin(struct ios *, FILE *);
void	 write_sample(struct ios *, int, int);

#endif /* IOSTAT_H */
