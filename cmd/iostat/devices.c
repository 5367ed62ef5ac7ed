/*
 * devices.c: iostat's device list, as sysstat 12.6.1 keeps it
 * (add_list_device, read_sysfs_dlist_stat, read_diskstats_stat): sorted by
 * name unless groups or /proc/diskstats order rule, each entry with the
 * counters of the current and the previous sample, marked existing anew
 * at every sample; and the names shown for it (-N, -j).
 */
#include <err.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parts.h"

/* ---- the device list (sysstat's add_list_device and readers) ---- */

/* The k-th root to read disks from: /sys, the -f directory, or both. */
static struct pk_ctx *
dctx(struct src *s, int k)
{
	if (!s->has_alt)
		return &s->ctx;
	if (s->all_dir)
		return k == 0 ? &s->ctx : &s->alt;
	return &s->alt;
}

/* is_device() in the roots, the first that has it. */
static int
is_device(struct src *s, const char *name)
{
	int k;

	for (k = 0; k < NDCTX(s); k++)
		if (pk_blk_is_device(dctx(s, k), name))
			return 1;
	return 0;
}

/*
 * The name index: open addressing over s->hdv, so that finding a device
 * costs the same with 10 or 40,000 of them (sysstat walks its list, which
 * makes -p ALL quadratic in the number of devices).  Devices are never
 * removed, so no tombstones.
 */
static size_t
name_hash(const char *name)
{
	uint64_t h = 14695981039346656037ULL;	/* FNV-1a, 64 bits */

	for (; *name != '\0'; name++)
		h = (h ^ (unsigned char)*name) * 1099511628211ULL;
	/* the mask keeps low bits: fold the well-mixed high ones in */
	return (size_t)(h ^ (h >> 32) ^ (h >> 47));
}

static struct dev **
index_slot(struct dev **tab, size_t cap, const char *name)
{
	size_t i = name_hash(name) & (cap - 1);

	while (tab[i] != NULL && strcmp(tab[i]->name, name) != 0)
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

/* Keep the index at most half full, then enter d. */
static void
index_add(struct src *s, struct dev *d)
{
	struct dev **nt;
	size_t i, cap;

	if (2 * (s->ndv + 1) > s->caphdv) {
		cap = s->caphdv ? 2 * s->caphdv : 64;
		if ((nt = calloc(cap, sizeof(*nt))) == NULL)
			err(4, "malloc");
		for (i = 0; i < s->caphdv; i++)
			if (s->hdv[i] != NULL)
				*index_slot(nt, cap, s->hdv[i]->name) = s->hdv[i];
		free(s->hdv);
		s->hdv = nt;
		s->caphdv = cap;
	}
	*index_slot(s->hdv, s->caphdv, d->name) = d;
}

static struct dev *
find_dev(const struct src *s, const char *name)
{
	return s->caphdv ? *index_slot(s->hdv, s->caphdv, name) : NULL;
}

/*
 * Where a new name goes: the end when groups or diskstats order rule,
 * else its place in the sorted list (binary search; the list is sorted
 * in that mode, as the flags that unsort it are never cleared).
 */
static size_t
insert_pos(const struct src *s, const struct opts *o, const char *name)
{
	size_t lo = 0, hi = s->ndv, mid;

	if (DIS(F_GROUP | F_EVERYTHING))
		return s->ndv;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(s->dv[mid]->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct dev *
add_dev(struct src *s, const struct opts *o, const char *name, int dtype)
{
	return add_dev_as(s, o, name, dtype, name);
}

/*
 * add_dev() with the whole-device test made on another name: sysstat
 * tests a device-mapper registered name (vg0-root), not its dm-N, so
 * such a volume is read as a partition, through dev/block/MAJ:MIN.
 */
struct dev *
add_dev_as(struct src *s, const struct opts *o, const char *name, int dtype,
    const char *tested)
{
	struct dev *d, **nv;
	size_t i;

	if (strnlen(name, MAX_NAME_LEN) == MAX_NAME_LEN)
		return NULL;
	if ((d = find_dev(s, name)) != NULL) {
		if (dtype == T_PART_DEV && d->tp == T_DEV)
			d->tp = dtype;
		d->exist = 1;
		return d;
	}
	i = insert_pos(s, o, name);
	if (s->ndv == s->capdv) {
		s->capdv = s->capdv ? s->capdv * 2 : 32;
		if ((nv = reallocarray(s->dv, s->capdv, sizeof(*nv))) == NULL)
			err(4, "malloc");
		s->dv = nv;
	}
	if ((d = calloc(1, sizeof(*d))) == NULL)
		err(4, "malloc");
	memmove(&s->dv[i + 1], &s->dv[i], (s->ndv - i) * sizeof(*s->dv));
	s->dv[i] = d;
	strlcpy(d->name, name, sizeof(d->name));
	index_add(s, d);
	s->ndv++;
	d->exist = 1;
	if (dtype == T_GROUP)
		d->tp = T_GROUP;
	else if (is_device(s, tested))
		d->tp = dtype == T_PART_DEV ? T_PART_DEV : T_DEV;
	else
		d->tp = T_PART;
	return d;
}

void
free_devs(struct src *s)
{
	size_t i;

	for (i = 0; i < s->ndv; i++)
		free(s->dv[i]);
	free(s->dv);
	free(s->hdv);
	free(s->ps);
}

/* get_major_minor_nr(): the numbers of /dev/NAME. */
static int
dev_numbers(struct dev *d)
{
	return pk_blk_devnum(d->name, &d->major, &d->minor) == PK_OK ? 0 : -1;
}

/* Entries of a sys directory with a stat file: into the list. */
static int
read_sys_dir(struct src *s, const struct opts *o, struct pk_ctx *c, int curr,
    const char *dir)
{
	struct pk_blkdev *v;
	struct dev *d;
	size_t i, n;

	if (pk_blkdev_list(c, dir, &v, &n) != PK_OK)
		return -1;
	for (i = 0; i < n; i++)
		if ((d = add_dev(s, o, v[i].name, 0)) != NULL)
			d->st[curr] = v[i].st;
	free(v);
	return 0;
}

static int
read_dev_stat(struct src *s, int curr, struct dev *d)
{
	char path[PATH_MAX];
	int nf, k;

	if (d->tp == T_PART) {
		/* A partition named on the command line: dev/block/M:m. */
		if (d->major == 0 && dev_numbers(d) == -1)
			return -1;
		snprintf(path, sizeof(path), "dev/block/%u:%u/stat", d->major,
		    d->minor);
	} else
		snprintf(path, sizeof(path), "block/%s/stat", d->name);
	/* +f: the system first, the directory when that fails. */
	for (k = 0; k < NDCTX(s); k++)
		if (pk_blkstat_read(dctx(s, k), path, &d->st[curr], &nf) ==
		    PK_OK)
			return 0;
	return -1;
}

/* read_sysfs_dlist_stat(): named devices, their partitions, then ALL. */
static void
read_sysfs(struct src *s, const struct opts *o, int curr)
{
	char path[PATH_MAX];
	struct dev *d;
	size_t i;
	int k;

	for (i = 0; i < s->ndv; i++) {
		d = s->dv[i];
		if (d->exist || d->tp >= T_GROUP)
			continue;
		if (read_dev_stat(s, curr, d) == 0)
			d->exist = 1;
		if (d->tp == T_PART_DEV) {
			snprintf(path, sizeof(path), "block/%s", d->name);
			for (k = 0; k < NDCTX(s); k++)
				if (read_sys_dir(s, o, dctx(s, k), curr, path) == 0)
					break;
			/* Partitions were inserted around d: find it again. */
			while (s->dv[i] != d)
				i++;
		}
	}
	if (DIS(F_ALL_DEVICES))
		for (k = 0; k < NDCTX(s); k++)
			read_sys_dir(s, o, dctx(s, k), curr, "block");
}

static void diskstats_into(struct src *, const struct opts *, int,
    struct pk_diskstats_ent *, size_t);

/* read_diskstats_stat(): every record of /proc/diskstats, file order. */
static void
read_diskstats(struct src *s, const struct opts *o, int curr)
{
	struct pk_diskstats_ent *v;
	size_t n;
	int k;

	for (k = 0; k < NDCTX(s); k++) {
		if (pk_diskstats_read(dctx(s, k), &v, &n) == PK_OK)
			diskstats_into(s, o, curr, v, n);
	}
}

static void
diskstats_into(struct src *s, const struct opts *o, int curr,
    struct pk_diskstats_ent *v, size_t n)
{
	struct dev *d;
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i].nfields == 7 && DIS(F_EXTENDED))
			continue;
		if ((d = add_dev(s, o, v[i].name, 0)) == NULL)
			continue;
		d->st[curr] = v[i].st;
		d->major = v[i].major;
		d->minor = v[i].minor;
	}
	free(v);
}

/* ---- device names for display (get_device_name) ---- */

/*
 * The name d is shown under: -j's persistent name, -N's registered name,
 * or its own with '!' read as '/'.  PK_EOS (ctx's errno) when /dev/mapper
 * cannot be read; sysstat exits 4 there, once the rows before are out.
 */
static int
display_name(struct src *s, const struct opts *o, struct dev *d,
    char *dname, size_t len)
{
	char kname[256], pname[256];
	const char *n = NULL;
	char *p;

	if ((DIS(F_DEVMAP) || DIS(F_PERSIST)) && d->tp < T_GROUP &&
	    d->major == 0)
		dev_numbers(d);
	if (DIS(F_PERSIST)) {
		if (pk_blk_kernel_name(&s->ctx, d->major, d->minor, kname,
		    sizeof(kname)) != PK_OK)
			snprintf(kname, sizeof(kname), "dev%u-%u", d->major,
			    d->minor);
		if (pk_blk_persist_name(o->ptype, kname, pname,
		    sizeof(pname)) == PK_OK)
			n = pname;
	}
	if (n == NULL && DIS(F_DEVMAP) && d->major == s->dm_major) {
		switch (pk_blk_devmap_name(&s->ctx, d->major, d->minor, pname,
		    sizeof(pname))) {
		case PK_OK:
			n = pname;
			break;
		case PK_ENOENT:
			break;
		default:
			return PK_EOS;
		}
	}
	strlcpy(dname, n ? n : d->name, len);
	for (p = dname; (p = strchr(p, '!')) != NULL; )
		*p = '/';
	return PK_OK;
}

/*
 * compute_device_groups_stats(), as write_stats() walks the list: each
 * group sums the existing devices after it, up to the next group (unused
 * ones are counted as members but not summed unless the list was named).
 * The member count is never reset (sysstat's dev_tp grows the same way).
 */
static void
sum_groups(struct src *s, const struct opts *o, int curr)
{
	struct dev *d, *g = NULL;
	size_t k;

	for (k = 0; k < s->ndv; k++) {
		d = s->dv[k];
		if (d->tp >= T_GROUP) {
			g = d;
			memset(&g->st[curr], 0, sizeof(g->st[curr]));
			continue;
		}
		if (!d->exist || g == NULL)
			continue;
		g->nmemb++;
		if (DIS(F_UNFILTERED) || !pk_disk_unused(&d->st[curr]))
			pk_disk_group_add(&g->st[curr], &d->st[curr]);
	}
}

/* The display names of this sample, for the devices that may be shown. */
static void
name_devices(struct src *s, const struct opts *o)
{
	struct dev *d;
	size_t k;

	for (k = 0; k < s->ndv; k++) {
		d = s->dv[k];
		if (!d->exist && d->tp < T_GROUP)
			continue;
		d->name_err = display_name(s, o, d, d->dname, sizeof(d->dname));
		d->name_oserr = d->name_err ? s->ctx.oserr : 0;
	}
}

/* --psutil: disk_io_counters(perdisk=True), read as psutil reads it. */
static void
read_psutil(struct src *s)
{
	free(s->ps);
	s->ps = NULL;
	s->nps = 0;
	s->ps_rc = pk_psdisk_read(&s->ctx, &s->ps, &s->nps);
}

/*
 * One sample of uptime, CPU and devices into slot curr.  Returns -1, with
 * sysstat's message on stderr, when uptime or stat cannot be read: the
 * caller closes its document and exits 2, as sysstat does.
 */
int
read_sample(struct src *s, const struct opts *o, int curr)
{
	size_t i;
	int rc;

	if (DIS(F_PSUTIL)) {
		read_psutil(s);
		return 0;
	}
	for (i = 0; i < s->ndv; i++)
		s->dv[i]->exist = 0;
	if (pk_uptime_read(&s->ctx, &s->uptime[curr]) != PK_OK) {
		fprintf(stderr, "Cannot read %s/uptime\n", s->ctx.procfs);
		return -1;
	}
	/* Without a "cpu " line (PK_EPARSE) the slot keeps old values. */
	rc = pk_cpustat_read(&s->ctx, &s->cpu[curr]);
	if (rc != PK_OK && rc != PK_EPARSE) {
		fprintf(stderr, "Cannot open %s/stat: %s\n", s->ctx.procfs,
		    strerror(s->ctx.oserr));
		return -1;
	}
	if (DIS(F_EVERYTHING))
		read_diskstats(s, o, curr);
	else
		read_sysfs(s, o, curr);
	sum_groups(s, o, curr);
	name_devices(s, o);
	return 0;
}
