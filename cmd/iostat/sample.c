/*
 * sample.c: what one report shows, computed from the collected samples:
 * the avg-cpu percentages and one row per device or group line, in
 * sysstat 12.6.1's order (write_stats: a group's line after its members)
 * and through its filters (unused, -z, removed and inserted again), every
 * number from the library (pk_disk_stats).  Reads the device list only.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "parts.h"

/* write_header()'s factor: sectors per displayed unit. */
static int
unit_factor(const struct opts *o)
{
	if (DIS(F_KILOBYTES))
		return 2;
	if (DIS(F_MEGABYTES))
		return 2048;
	return 1;
}

static struct row *
new_row(struct sample *sm)
{
	if (pk_array_grow(&sm->rows, &sm->caprows, sm->nrows, sizeof(*sm->rows)) !=
	    PK_OK)
		err(4, "malloc");
	return &sm->rows[sm->nrows++];
}

/*
 * The next device of the walk, groups folded in: a group's line comes
 * when the next group starts, the last one at the end.  *g is the group
 * being walked; NULL at the end.
 */
static const struct dev *
next_dev(const struct src *s, size_t *k, const struct dev **g)
{
	const struct dev *d, *tmp;

	for (;;) {
		if (*k >= s->ndv) {
			d = *g;		/* the last group, or the end */
			*g = NULL;
			return d;
		}
		d = s->dv[(*k)++];
		if (d->tp < T_GROUP)
			return d;
		tmp = *g;
		*g = d;
		if (tmp != NULL)
			return tmp;	/* show the previous group */
	}
}

/*
 * One device or group: through the filters, then into a row.  split: the
 * table is split in four (--pretty -x); sysstat's write_stats() then
 * zeroes a group's totals in each of its four passes but sums them only
 * in the first, so a group's previous sample is always zeros and its
 * line in the last three sub-reports all zeros (sysstat 12.6.1 does).
 */
static void
add_row(const struct opts *o, const struct dev *d, int curr, uint64_t itv,
    int fctr, int h, struct sample *sm)
{
	static const struct pk_blkstat zero;
	const struct pk_blkstat *i = &d->st[curr], *j = &d->st[!curr];
	int group = d->tp >= T_GROUP;
	struct row *r;

	if (group && sm->hl > 0) {
		j = &zero;
		if (h > sm->hl)
			i = &zero;
	}
	if (!DIS(F_UNFILTERED) && pk_disk_unused(i))
		return;
	if (DIS(F_ZERO_OMIT) && pk_disk_idle(j, i))
		return;
	if (pk_disk_restarted(j, i))
		j = &zero;
	r = new_row(sm);
	strlcpy(r->name, d->dname, sizeof(r->name));
	r->group = group;
	r->nmemb = d->nmemb;
	r->cur = *i;
	pk_disk_stats(j, i, itv, fctr, group && d->nmemb > 0 ? d->nmemb : 1,
	    &r->x);
}

/*
 * The rows of sub-report h.  Returns -1 when a row to show has no name
 * (sm->err set, the rows before it kept).
 */
static int
add_rows(const struct src *s, const struct opts *o, int curr, uint64_t itv,
    int fctr, int mode, int h, struct sample *sm)
{
	const struct dev *d, *g = NULL;
	size_t k = 0, n;

	while ((d = next_dev(s, &k, &g)) != NULL) {
		if (!d->exist && d->tp < T_GROUP)
			continue;
		if (mode == FOR_WRITER && d->tp >= T_GROUP)
			continue;
		if (mode == FOR_TEXT && DIS(F_GROUP_ONLY) && g != NULL &&
		    d->tp < T_GROUP)
			continue;
		n = sm->nrows;
		add_row(o, d, curr, itv, fctr, h, sm);
		if (sm->nrows > n && d->name_err != 0) {
			/* sysstat's filters come first: only a shown one fails */
			sm->nrows = n;
			sm->err = d->name_err;
			sm->oserr = d->name_oserr;
			sm->err_h = h;
			return -1;
		}
	}
	return 0;
}

/*
 * The sample in slot curr, for sysstat's text or JSON (FOR_TEXT) or for
 * the writer (FOR_WRITER: devices only, kB, no -H).  skip: -y's first
 * report, which shows nothing.
 */
void
sample_build(const struct src *s, const struct opts *o, int curr, int skip,
    int mode, struct sample *sm)
{
	uint64_t itv;
	int fctr, h;

	sm->nrows = 0;
	sm->err = sm->err_h = sm->oserr = 0;
	sm->hl = sm->hh = 0;
	memset(sm->beg, 0, sizeof(sm->beg));
	memset(sm->end, 0, sizeof(sm->end));
	sm->ps = s->ps;
	sm->nps = s->nps;
	sm->ps_rc = s->ps_rc;
	pk_cpustat_percents(&s->cpu[!curr], &s->cpu[curr], sm->cpu);
	if (mode == FOR_TEXT && DIS(F_PRETTY) && DIS(F_EXTENDED) &&
	    !DIS(F_SHORT) && !DIS(F_JSON) && !DIS(F_COMPACT)) {
		sm->hl = 1;
		sm->hh = 4;
	}
	if (skip || !DIS(F_DISK) || DIS(F_PSUTIL))
		return;
	itv = pk_disk_interval(s->uptime[!curr], s->uptime[curr]);
	if (mode == FOR_WRITER)
		fctr = 2;
	else
		fctr = DIS(F_UNIT) && !DIS(F_JSON) ? 1 : unit_factor(o);
	for (h = sm->hl; h <= sm->hh; h++) {
		sm->beg[h] = sm->nrows;
		if (add_rows(s, o, curr, itv, fctr, mode, h, sm) != 0) {
			sm->end[h] = sm->nrows;
			break;		/* the sub-reports after it stay empty */
		}
		sm->end[h] = sm->nrows;
	}
}

void
sample_free(struct sample *sm)
{
	free(sm->rows);
	sm->rows = NULL;
	sm->nrows = sm->caprows = 0;
}
