/*
 * parts.h: what the parts of iostat share.  Data flows one way, each
 * stage reading what the one before it left:
 *
 *	iostat.c	options (sysstat's hand-rolled parser), the loop, main
 *	devices.c	collect: the device list, read from where (struct src)
 *	sample.c	compute: the rows one report shows (struct sample),
 *			every number from the library (pk_disk_stats)
 *	report.c	render: the text report and sysstat's JSON document
 *	output.c	render: pskit's tsv, json, prom and --psutil (writer)
 *
 * The options are fixed once parsed (const struct opts everywhere after
 * main's parse); renderers get const views of the sample only.
 */
#ifndef IOSTAT_PARTS_H
#define IOSTAT_PARTS_H

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

/* Device kinds: a whole device, a partition, one named with -p. */
enum { T_PART, T_DEV, T_PART_DEV, T_GROUP };

struct dev {
	char		 name[MAX_NAME_LEN];
	int		 tp;
	int		 exist;
	int		 nmemb;		/* a group's members, counted each sample */
	unsigned	 major, minor;
	struct pk_blkstat st[2];
	char		 dname[MAX_NAME_LEN];	/* the name shown (-N, -j) */
	int		 name_err, name_oserr;	/* PK_EOS: /dev/mapper, errno */
};

/* sysstat's colour strings (S_COLORS, S_COLORS_SGR). */
struct colors {
	char	 pc_high[16], pc_low[16], zero[16], num[16], item[16];
	char	 normal[16];
};

/* The command line, read-only once parsed. */
struct opts {
	unsigned	 flags;
	int		 dplaces;	/* --dec=N, -1 unset */
	long		 interval, count;
	char		 ptype[64];	/* -j TYPE */
	struct colors	 c;
	int		 fmt;		/* PK_OUT_TEXT, PK_OUT_TSV, PK_OUT_JSON, PK_OUT_PROM */
	unsigned	 outflags;
	const char	*procfs, *sysfs;
	const char	*outfile;	/* -w FILE, --outfile FILE */
	const char	*progname;
};

/* Test an option in the flags of the const struct opts *o in scope. */
#define DIS(f)	((o->flags & (f)) != 0)

/* Collected: the roots, the device list and the last two samples. */
struct src {
	struct pk_ctx	 ctx;
	/* Where disks are read: ctx, -f DIR only, or +f ctx then DIR. */
	struct pk_ctx	 alt;
	int		 has_alt, all_dir;
	unsigned	 dm_major;
	int		 cpu_nr;
	struct dev	**dv;		/* the device list, in display order */
	size_t		 ndv, capdv;
	struct dev	**hdv;		/* the same devices, hashed by name */
	size_t		 caphdv;	/* a power of two, or 0 */
	struct pk_cpustat cpu[2];
	uint64_t	 uptime[2];
	struct pk_psdisk *ps;		/* --psutil: psutil's records */
	size_t		 nps;
	int		 ps_rc;		/* PK_OK, or the error of that read */
};

/* The disk roots to try, in order (sysstat -f / +f). */
#define NDCTX(s)	((s)->has_alt ? ((s)->all_dir ? 2 : 1) : 1)

/* One line of a report: a device or a group, with its numbers. */
struct row {
	char		 name[MAX_NAME_LEN];	/* as displayed */
	int		 group;		/* a group's total line */
	int		 nmemb;		/* a group's members; 0: none */
	struct pk_blkstat cur;		/* cumulative counters (prom) */
	struct pk_disk_stats x;
};

/*
 * What one report shows, computed from the collected samples: the rows
 * of sub-report h (0, or 1 to 4 when --pretty -x splits the table) are
 * rows[beg[h]] to rows[end[h] - 1].  err: the name of the next row of
 * sub-report err_h could not be found (/dev/mapper unreadable, oserr its
 * errno): sysstat prints the rows before it, then exits 4.  ps: --psutil's
 * records (the collector's), ps_rc their read.
 */
struct sample {
	double		 cpu[6];	/* pk_cpustat_percents */
	int		 hl, hh;	/* the sub-reports: 0 0, or 1 4 */
	size_t		 beg[5], end[5];
	struct row	*rows;
	size_t		 nrows, caprows;
	int		 err, err_h, oserr;
	const struct pk_psdisk *ps;
	size_t		 nps;
	int		 ps_rc;
};

/* What a sample is computed for: sysstat's text or JSON, or the writer. */
enum { FOR_TEXT, FOR_WRITER };

/* devices.c */
struct dev *add_dev(struct src *, const struct opts *, const char *, int);
struct dev *add_dev_as(struct src *, const struct opts *, const char *, int,
	    const char *);
void	 free_devs(struct src *);
int	 read_sample(struct src *, const struct opts *, int);

/* sample.c */
void	 sample_build(const struct src *, const struct opts *, int, int, int,
	    struct sample *);
void	 sample_free(struct sample *);

/* report.c */
void	 init_colors(struct colors *);
void	 banner(const struct opts *, int, const struct tm *);
void	 write_stats(const struct opts *, const struct sample *,
	    const struct tm *, int);

/* output.c */
void	 writer_begin(const struct opts *, struct pk_out *, FILE *);
int	 write_sample(const struct opts *, const struct sample *, struct pk_out *,
	    struct pk_ctx *, int);

#endif /* IOSTAT_PARTS_H */
