/*
 * cgroup.c: pure parsers for memory cgroups, and the container view of
 * meminfo built from a cgroup's accounting.
 *
 * The view follows lxcfs (src/proc_fuse.c, proc_meminfo_read) and the
 * kernel's Documentation/admin-guide/cgroup-v2.rst (memory.stat):
 *	MemTotal     = the smallest memory limit from the cgroup up to the
 *	               root, capped at the host's MemTotal (no limit: host)
 *	MemFree      = MemTotal - usage (memory.current, usage_in_bytes)
 *	MemAvailable = MemFree + active_file + inactive_file
 *	               + slab_reclaimable, capped at MemTotal
 *	Cached       = file (v1: total_cache), SReclaimable = slab_reclaimable
 *	Shmem        = shmem, Buffers: not accounted by cgroups
 *	SwapTotal    = the smallest swap limit (v1: memsw - mem), capped at
 *	               the host's SwapTotal; SwapFree = SwapTotal - swap usage
 * free's own formulas then apply unchanged (used = total - available).
 */
#include <string.h>

#include "pskit.h"

/* Copy [p, p+n) into dst, decoding mountinfo's \ooo escapes. */
static void
unescape(char *dst, size_t dstlen, const char *p, size_t n)
{
	size_t i = 0, j = 0;

	while (i < n && j + 1 < dstlen) {
		if (p[i] == '\\' && i + 3 < n &&
		    p[i + 1] >= '0' && p[i + 1] <= '3' &&
		    p[i + 2] >= '0' && p[i + 2] <= '7' &&
		    p[i + 3] >= '0' && p[i + 3] <= '7') {
			dst[j++] = (char)((p[i + 1] - '0') * 64 +
			    (p[i + 2] - '0') * 8 + (p[i + 3] - '0'));
			i += 4;
		} else
			dst[j++] = p[i++];
	}
	dst[j] = '\0';
}

/* Does the comma-separated list [p, p+n) contain word? */
static int
has_word(const char *p, size_t n, const char *word)
{
	size_t wl = strlen(word);
	const char *end = p + n, *c;

	while (p < end) {
		if ((c = memchr(p, ',', (size_t)(end - p))) == NULL)
			c = end;
		if ((size_t)(c - p) == wl && memcmp(p, word, wl) == 0)
			return 1;
		p = c + 1;
	}
	return 0;
}

int
pk_cgroup_parse_self(const char *buf, size_t len, struct pk_cgroup_loc *v2,
    struct pk_cgroup_loc *v1)
{
	const char *p = buf, *end = buf + len, *eol, *c1, *c2;

	while (p < end) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		c1 = memchr(p, ':', (size_t)(eol - p));
		c2 = c1 ? memchr(c1 + 1, ':', (size_t)(eol - c1 - 1)) : NULL;
		if (c2 != NULL) {
			if (c1 - p == 1 && *p == '0' && c2 == c1 + 1) {
				v2->version = 2;
				unescape(v2->path, sizeof(v2->path), c2 + 1,
				    (size_t)(eol - c2 - 1));
			} else if (has_word(c1 + 1, (size_t)(c2 - c1 - 1),
			    "memory")) {
				v1->version = 1;
				unescape(v1->path, sizeof(v1->path), c2 + 1,
				    (size_t)(eol - c2 - 1));
			}
		}
		p = eol + 1;
	}
	return v2->version || v1->version ? PK_OK : PK_ENOENT;
}

/* The n-th space-separated field of [p, eol): its start and length. */
static const char *
field(const char *p, const char *eol, int n, size_t *flen)
{
	const char *sp;

	for (; n > 0 && p < eol; n--) {
		if ((sp = memchr(p, ' ', (size_t)(eol - p))) == NULL)
			return NULL;
		p = sp + 1;
	}
	if (p >= eol)
		return NULL;
	sp = memchr(p, ' ', (size_t)(eol - p));
	*flen = (size_t)((sp ? sp : eol) - p);
	return p;
}

/*
 * The first " - " in [p, eol), or NULL.  The buffer is not NUL-terminated
 * (strstr ran past its end on a last line without the separator).
 */
static const char *
find_sep(const char *p, const char *eol)
{
	for (; eol - p >= 3; p++)
		if (p[0] == ' ' && p[1] == '-' && p[2] == ' ')
			return p;
	return NULL;
}

static void
mount_line(const char *p, const char *eol, struct pk_cgroup_loc *v2,
    struct pk_cgroup_loc *v1)
{
	const char *root, *mnt, *sep, *fs, *opts;
	size_t rl, ml, fl, ol;
	struct pk_cgroup_loc *l = NULL;

	/* "id parent maj:min root mount opts [optional...] - fs src superopts" */
	if ((root = field(p, eol, 3, &rl)) == NULL ||
	    (mnt = field(p, eol, 4, &ml)) == NULL ||
	    (sep = find_sep(p, eol)) == NULL ||
	    (fs = field(sep + 3, eol, 0, &fl)) == NULL ||
	    (opts = field(sep + 3, eol, 2, &ol)) == NULL)
		return;
	if (fl == 7 && memcmp(fs, "cgroup2", 7) == 0 && v2->mount[0] == '\0')
		l = v2;
	else if (fl == 6 && memcmp(fs, "cgroup", 6) == 0 &&
	    has_word(opts, ol, "memory") && v1->mount[0] == '\0')
		l = v1;
	if (l == NULL)
		return;
	unescape(l->root, sizeof(l->root), root, rl);
	unescape(l->mount, sizeof(l->mount), mnt, ml);
}

int
pk_cgroup_parse_mounts(const char *buf, size_t len, struct pk_cgroup_loc *v2,
    struct pk_cgroup_loc *v1)
{
	const char *p = buf, *end = buf + len, *eol;

	while (p < end) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		mount_line(p, eol, v2, v1);
		p = eol + 1;
	}
	return v2->mount[0] || v1->mount[0] ? PK_OK : PK_ENOENT;
}

int
pk_cgroup_parse_limit(const char *buf, size_t len, uint64_t *out)
{
	const char *end = buf + len;
	uint64_t v;
	int ok;

	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
		end = buf + --len;
	if (len == 3 && memcmp(buf, "max", 3) == 0) {
		*out = PK_CG_UNLIMITED;
		return PK_OK;
	}
	if (pk_num_parse(buf, end, &v, &ok) != end || !ok)
		return PK_EPARSE;
	/* v1 says "no limit" with PAGE_COUNTER_MAX pages, about 2^63 */
	*out = v >= ((uint64_t)1 << 62) ? PK_CG_UNLIMITED : v;
	return PK_OK;
}

int
pk_cgroup_parse_stat(const char *buf, size_t len, int version,
    uint64_t *stat, uint64_t *has)
{
	static const char *v2keys[PK_CGS_NKEYS] = { "anon", "file", "shmem",
		"active_file", "inactive_file", "slab_reclaimable" };
	static const char *v1keys[PK_CGS_NKEYS] = { "total_rss", "total_cache",
		"total_shmem", "total_active_file", "total_inactive_file", NULL };
	const char **keys = version == 2 ? v2keys : v1keys;
	const char *p = buf, *end = buf + len, *eol, *sp;
	uint64_t v;
	int i, ok;

	while (p < end) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		sp = memchr(p, ' ', (size_t)(eol - p));
		for (i = 0; sp != NULL && i < PK_CGS_NKEYS; i++) {
			if (keys[i] == NULL || strlen(keys[i]) != (size_t)(sp - p) ||
			    memcmp(p, keys[i], (size_t)(sp - p)) != 0)
				continue;
			pk_num_parse(sp + 1, eol, &v, &ok);
			if (ok) {
				stat[i] = v;
				*has |= (uint64_t)1 << i;
			}
		}
		p = eol + 1;
	}
	return PK_OK;
}

int
pk_cgroup_contains(const char *cg, const char *path)
{
	size_t n = strlen(cg);

	while (n > 1 && cg[n - 1] == '/')
		n--;
	if (n == 1 && cg[0] == '/')
		return path[0] == '/';
	return strncmp(path, cg, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

static uint64_t
min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static void
set_kb(struct pk_meminfo *mi, int key, uint64_t bytes)
{
	mi->kb[key] = bytes / 1024;
	mi->has |= 1u << key;
}

void
pk_cgroup_meminfo(const struct pk_cgroup_mem *cg, const struct pk_meminfo *host,
    struct pk_meminfo *mi)
{
	uint64_t total, mfree, reclaim, avail, stotal;
	const uint64_t *st = cg->stat;

	*mi = *host;
	total = min_u64(cg->limit, host->kb[PK_MI_MEMTOTAL] * 1024);
	mfree = cg->usage < total ? total - cg->usage : 0;
	reclaim = st[PK_CGS_ACTIVE_FILE] + st[PK_CGS_INACTIVE_FILE] +
	    st[PK_CGS_SLAB_RECLAIMABLE];
	avail = min_u64(total, mfree + reclaim);
	set_kb(mi, PK_MI_MEMTOTAL, total);
	set_kb(mi, PK_MI_MEMFREE, mfree);
	set_kb(mi, PK_MI_MEMAVAILABLE, avail);
	set_kb(mi, PK_MI_CACHED, st[PK_CGS_FILE]);
	set_kb(mi, PK_MI_SRECLAIMABLE, st[PK_CGS_SLAB_RECLAIMABLE]);
	set_kb(mi, PK_MI_SHMEM, st[PK_CGS_SHMEM]);
	mi->kb[PK_MI_BUFFERS] = 0;
	mi->has &= ~(1u << PK_MI_BUFFERS);
	/* Low/High describe the host's zones, not the cgroup. */
	mi->kb[PK_MI_LOWTOTAL] = mi->kb[PK_MI_LOWFREE] = 0;
	mi->kb[PK_MI_HIGHTOTAL] = mi->kb[PK_MI_HIGHFREE] = 0;
	if (!(cg->has & PK_CG_HAS_SWAP))
		return;
	stotal = min_u64(cg->swap_limit, host->kb[PK_MI_SWAPTOTAL] * 1024);
	set_kb(mi, PK_MI_SWAPTOTAL, stotal);
	set_kb(mi, PK_MI_SWAPFREE, cg->swap_usage < stotal ?
	    stotal - cg->swap_usage : 0);
}
