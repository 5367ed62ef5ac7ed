/*
 * smaps.c: pure parsers of /proc/PID/smaps, /proc/PID/smaps_rollup and
 * /proc/PID/stat for process memory reports (reference/procsmem.md).
 *
 * smaps is a list of mappings: a header line "start-end perms offset
 * dev inode [name]" followed by "Key:  value kB" lines.  A header is
 * recognised as smem does (the first token has a '-' and no ':'); a
 * field line by its key, matched exactly from a table.  Unknown keys,
 * lines without a number and VmFlags are ignored.  smaps_rollup has the
 * same fields once, after a single "[rollup]" header: it goes through the
 * same stream parser, with every field line summed, header or not.
 *
 * smaps is parsed as a stream (pk_smaps_begin, feed, end): its size is
 * the number of mappings times the length of their paths, which any
 * user controls (one file mapped 32,000 times under a 3,800-byte path
 * is 160 MB of text), so it is never held whole.  The parser keeps at
 * most one line and one mapping name; what a caller keeps per mapping
 * is up to its callback.
 */
#include <string.h>

#include "pskit.h"

struct sm_key {
	const char	*name;
	size_t		 len;
	int		 key;
};

#define K(s, k)	{ s, sizeof(s) - 1, k }
static const struct sm_key sm_keys[] = {
	K("Size", PK_SM_SIZE),
	K("Rss", PK_SM_RSS),
	K("Pss", PK_SM_PSS),
	K("Shared_Clean", PK_SM_SHARED_CLEAN),
	K("Shared_Dirty", PK_SM_SHARED_DIRTY),
	K("Private_Clean", PK_SM_PRIVATE_CLEAN),
	K("Private_Dirty", PK_SM_PRIVATE_DIRTY),
	K("Referenced", PK_SM_REFERENCED),
	K("Swap", PK_SM_SWAP),
	K("SwapPss", PK_SM_SWAPPSS),
	K("Private_Hugetlb", PK_SM_PRIVATE_HUGETLB),
	K("Anonymous", PK_SM_ANONYMOUS),
};
#undef K

static int
sm_lookup(const char *k, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(sm_keys) / sizeof(sm_keys[0]); i++)
		if (sm_keys[i].len == len && memcmp(sm_keys[i].name, k, len) == 0)
			return sm_keys[i].key;
	return -1;
}

/*
 * A field beyond any real memory (a corrupt file, "-5" wrapping in
 * strtoul) is held at this many kB, and so are sums, so that bytes
 * (x 1024) and signed arithmetic in reports never overflow.
 */
#define SM_MAX	((uint64_t)PK_KB_MAX)

static uint64_t
sat_add(uint64_t a, uint64_t b)
{
	return a + b > SM_MAX || a + b < a ? SM_MAX : a + b;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Add a field line "Key: N kB" of [p, eol) to s.  0 when it is none. */
static int
field_line(const char *p, const char *eol, struct pk_smaps *s)
{
	const char *colon;
	uint64_t v;
	int key, ok;

	if ((colon = memchr(p, ':', (size_t)(eol - p))) == NULL)
		return 0;
	if ((key = sm_lookup(p, (size_t)(colon - p))) < 0)
		return 1;
	pk_num_parse(colon + 1, eol, &v, &ok);
	if (!ok)
		return 1;
	s->kb[key] = sat_add(s->kb[key], v > SM_MAX ? SM_MAX : v);
	s->has |= 1u << key;
	return 1;
}

/* smem's test for a mapping header: first token has '-' and no ':'. */
static int
header_line(const char *p, const char *eol)
{
	const char *t = p;

	while (t < eol && !is_space(*t)) {
		if (*t == ':')
			return 0;
		t++;
	}
	return t > p && memchr(p, '-', (size_t)(t - p)) != NULL;
}

/* The name of a header line: everything after the fifth field. */
static void
header_name(const char *p, const char *eol, struct pk_vma *vma)
{
	int f;

	for (f = 0; f < 5; f++) {
		while (p < eol && is_space(*p))
			p++;
		while (p < eol && !is_space(*p))
			p++;
	}
	while (p < eol && is_space(*p))
		p++;
	while (eol > p && (is_space(eol[-1]) || eol[-1] == '\r'))
		eol--;
	if (p == eol) {
		vma->name = "<anonymous>";
		vma->namelen = sizeof("<anonymous>") - 1;
		vma->anon = 1;
	} else {
		vma->name = p;
		vma->namelen = (size_t)(eol - p);
	}
}

/* Close the open mapping: the callback decides whether it is summed. */
static void
flush_vma(struct pk_smaps_parser *ps)
{
	int r;

	if (!ps->open)
		return;
	ps->open = 0;
	ps->vma.v.maps = 1;
	if (ps->rc != PK_OK)
		return;
	r = ps->fn == NULL ? 1 : ps->fn(ps->arg, &ps->vma);
	if (r < 0)
		ps->rc = -r;	/* the callback's PK_* error: stop there */
	else if (r > 0)
		pk_smaps_add(&ps->sum, &ps->vma.v);
}

/*
 * One line, without its newline.  The mapping's name is copied: its
 * field lines may come in later chunks.
 */
static void
one_line(struct pk_smaps_parser *ps, const char *p, size_t len)
{
	const char *eol = p + len;
	struct pk_vma v;

	if (ps->rollup) {
		if (!header_line(p, eol))
			field_line(p, eol, &ps->sum);
	} else if (header_line(p, eol)) {
		flush_vma(ps);
		memset(&v, 0, sizeof(v));
		header_name(p, eol, &v);
		pk_buf_reset(&ps->name);
		if (pk_buf_append(&ps->name, v.name, v.namelen) != PK_OK) {
			ps->rc = PK_ENOMEM;
			return;
		}
		ps->vma = v;
		ps->vma.name = ps->name.data;
		ps->open = 1;
	} else if (ps->open)
		field_line(p, eol, &ps->vma.v);
}

void
pk_smaps_begin(struct pk_smaps_parser *ps, pk_vma_fn fn, void *arg)
{
	memset(ps, 0, sizeof(*ps));
	ps->fn = fn;
	ps->arg = arg;
	ps->rc = PK_OK;
}

/*
 * Lines wholly inside a chunk are parsed in place; only a line cut by
 * the chunk's end is copied, so memory follows the longest line (and
 * name), never the file.
 */
int
pk_smaps_feed(struct pk_smaps_parser *ps, const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *eol;

	while (p < end && ps->rc == PK_OK) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL) {
			if (pk_buf_append(&ps->line, p, (size_t)(end - p)) !=
			    PK_OK)
				ps->rc = PK_ENOMEM;
			break;
		}
		if (ps->line.len > 0) {
			if (pk_buf_append(&ps->line, p, (size_t)(eol - p)) !=
			    PK_OK) {
				ps->rc = PK_ENOMEM;
				break;
			}
			one_line(ps, ps->line.data, ps->line.len);
			pk_buf_reset(&ps->line);
		} else
			one_line(ps, p, (size_t)(eol - p));
		p = eol + 1;
	}
	return ps->rc;
}

/* The last line and mapping; frees the parser's buffers. */
int
pk_smaps_end(struct pk_smaps_parser *ps, struct pk_smaps *out)
{
	if (ps->line.len > 0 && ps->rc == PK_OK)
		one_line(ps, ps->line.data, ps->line.len);
	flush_vma(ps);
	*out = ps->sum;
	pk_buf_free(&ps->line);
	pk_buf_free(&ps->name);
	return ps->rc;
}

int
pk_smaps_parse(const char *buf, size_t len, struct pk_smaps *out,
    pk_vma_fn fn, void *arg)
{
	struct pk_smaps_parser ps;

	pk_smaps_begin(&ps, fn, arg);
	pk_smaps_feed(&ps, buf, len);
	return pk_smaps_end(&ps, out);
}

int
pk_smaps_rollup_parse(const char *buf, size_t len, struct pk_smaps *out)
{
	struct pk_smaps_parser ps;
	int rc;

	pk_smaps_begin(&ps, NULL, NULL);
	ps.rollup = 1;
	pk_smaps_feed(&ps, buf, len);
	if ((rc = pk_smaps_end(&ps, out)) != PK_OK)
		return rc;
	return out->has == 0 ? PK_EPARSE : PK_OK;
}

/*
 * USS (reference/procsmem.md sections 0 and 2.1): smem and smemstat sum
 * Private_Clean + Private_Dirty; psutil adds Private_Hugetlb, which is
 * outside both.
 */
uint64_t
pk_smaps_uss(const struct pk_smaps *s, int hugetlb)
{
	uint64_t u = sat_add(s->kb[PK_SM_PRIVATE_CLEAN],
	    s->kb[PK_SM_PRIVATE_DIRTY]);

	if (hugetlb)
		u = sat_add(u, s->kb[PK_SM_PRIVATE_HUGETLB]);
	return u;
}

/* Sums of several processes (users, programs, totals), held as above. */
void
pk_smaps_add(struct pk_smaps *to, const struct pk_smaps *from)
{
	int k;

	for (k = 0; k < PK_SM_NKEYS; k++)
		to->kb[k] = sat_add(to->kb[k], from->kb[k]);
	to->has |= from->has;
	to->maps += from->maps;
}
