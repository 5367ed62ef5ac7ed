/*
 * meminfo.c: the /proc/meminfo parser.
 *
 * It tokenises exactly as procps-ng 4.0.2's library does, so that free's
 * numbers agree with procps on any input, malformed ones included
 * (reference/free.md §2): a record runs from its start to the next ':'
 * and that whole text is the key (so a line without a colon swallows the
 * next line's key); the value is strtoul(3) of what follows the colon
 * (white space, newlines included, is skipped); the next record starts
 * after the first newline that follows the colon; a NUL byte ends the
 * data.  Unknown keys are ignored, missing keys are 0 with their has-bit
 * clear, a repeated key keeps its last value.  procps makes one read() of
 * at most 8191 bytes, so only that much is parsed here too: the reader
 * still reads to EOF, but numbers past that point would make free print
 * other numbers than procps for the same file (kernel files are ~1.5 KiB).
 *
 * With PK_MEMINFO_SMEM it reads the file as smem 1.5 does for procsmem
 * (reference/procsmem.md 1.4): line by line, the key being the whole text
 * before a colon on its line (a line without one is skipped), the value a
 * number on that same line (a key without one stays unset), the whole
 * file, NUL bytes included.  The keys are the same table either way.
 */
#include <string.h>

#include "pskit.h"

struct mi_key {
	const char	*name;
	size_t		 len;
	int		 key;
};

#define K(s, k)	{ s, sizeof(s) - 1, k }
static const struct mi_key mi_keys[] = {
	K("MemTotal", PK_MI_MEMTOTAL),
	K("MemFree", PK_MI_MEMFREE),
	K("MemAvailable", PK_MI_MEMAVAILABLE),
	K("Buffers", PK_MI_BUFFERS),
	K("Cached", PK_MI_CACHED),
	K("SReclaimable", PK_MI_SRECLAIMABLE),
	K("Shmem", PK_MI_SHMEM),
	K("SwapTotal", PK_MI_SWAPTOTAL),
	K("SwapFree", PK_MI_SWAPFREE),
	K("HighTotal", PK_MI_HIGHTOTAL),
	K("HighFree", PK_MI_HIGHFREE),
	K("LowTotal", PK_MI_LOWTOTAL),
	K("LowFree", PK_MI_LOWFREE),
	K("CommitLimit", PK_MI_COMMITLIMIT),
	K("Committed_AS", PK_MI_COMMITTED_AS),
	K("AnonPages", PK_MI_ANONPAGES),
	K("Mapped", PK_MI_MAPPED),
};
#undef K

static int
mi_lookup(const char *k, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(mi_keys) / sizeof(mi_keys[0]); i++)
		if (mi_keys[i].len == len && memcmp(mi_keys[i].name, k, len) == 0)
			return mi_keys[i].key;
	return -1;
}

int
pk_meminfo_parse(const char *buf, size_t len, unsigned flags,
    struct pk_meminfo *out)
{
	const int smem = (flags & PK_MEMINFO_SMEM) != 0;
	const char *p = buf, *end, *lim, *colon, *nl, *nul;
	uint64_t v;
	int key, ok;

	memset(out, 0, sizeof(*out));
	if (!smem && len > PK_MEMINFO_WINDOW)
		len = PK_MEMINFO_WINDOW;
	if (!smem && (nul = memchr(buf, '\0', len)) != NULL)
		len = (size_t)(nul - buf);
	end = buf + len;
	while (p < end) {
		/* procps: a key may run over lines; smem: one line each */
		lim = end;
		if (smem && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL)
			lim = nl;
		colon = memchr(p, ':', (size_t)(lim - p));
		if (colon != NULL &&
		    (key = mi_lookup(p, (size_t)(colon - p))) >= 0) {
			pk_num_parse(colon + 1, lim, &v, &ok);
			if (ok || !smem) {
				out->kb[key] = v;
				out->has |= 1u << key;
			}
		}
		if (smem)
			nl = lim < end ? lim : NULL;
		else if (colon != NULL)
			nl = memchr(colon + 1, '\n', (size_t)(end - colon - 1));
		else
			nl = NULL;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return PK_OK;
}
