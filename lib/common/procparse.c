/*
 * procparse.c: pure parsers of the per-process /proc files procinfo reads
 * (stat, status, statm, io, limits) and /proc/stat's btime,
 * plus psutil's name() and status() rules.  No I/O here: unit tests and
 * fuzzers call these directly (reference/procinfo.md §2, §7).
 */
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f';
}

/* Skip to the start of the next white-space separated token. */
static const char *
next_tok(const char *p, const char *end)
{
	while (p < end && !is_ws(*p))
		p++;
	while (p < end && is_ws(*p))
		p++;
	return p;
}

/*
 * comm is everything between the first '(' and the LAST ')', so names
 * such as "a) (b c)" or ones holding newlines survive (psutil #628).
 * Fields after it are numbered as in proc(5): 3 is the state letter.
 */
int
pk_pstat_parse(const char *buf, size_t len, struct pk_pstat *out)
{
	const char *end = buf + len, *open, *close, *p;
	uint64_t v, f[53];
	size_t n, clen;
	int ok, field;

	memset(out, 0, sizeof(*out));
	if ((open = memchr(buf, '(', len)) == NULL)
		return PK_EPARSE;
	for (close = end; close > open && close[-1] != ')'; close--)
		;
	if (close == open)
		return PK_EPARSE;
	close--;			/* at the last ')' */
	pk_num_parse(buf, open, &v, &ok);
	if (!ok)
		return PK_EPARSE;
	out->pid = (int64_t)v;
	clen = (size_t)(close - open - 1);
	if (clen >= sizeof(out->comm))
		clen = sizeof(out->comm) - 1;
	memcpy(out->comm, open + 1, clen);
	out->comm[clen] = '\0';
	p = close + 1;
	while (p < end && is_ws(*p))
		p++;
	if (p >= end)
		return PK_EPARSE;
	out->state = *p;
	memset(f, 0, sizeof(f));
	for (field = 4, n = 0; field < 53; field++) {
		p = next_tok(p, end);
		if (p >= end)
			break;
		pk_num_parse(p, end, &v, &ok);
		if (!ok)
			break;
		f[field] = v;
		n = (size_t)field;
	}
	if (n < 22)
		return PK_EPARSE;
	out->ppid = (int64_t)f[4];
	out->tty_nr = (int64_t)f[7];
	out->flags = f[9];
	out->utime = f[14];
	out->stime = f[15];
	out->cutime = f[16];
	out->cstime = f[17];
	out->nice = (int64_t)f[19];
	out->num_threads = (int64_t)f[20];
	out->starttime = f[22];
	if (n >= 39) {
		out->processor = (int64_t)f[39];
		out->has |= PK_PSTAT_HAS_PROCESSOR;
	}
	if (n >= 42) {
		out->blkio = f[42];
		out->has |= PK_PSTAT_HAS_BLKIO;
	}
	return PK_OK;
}

/* Call fn(key, keylen, value, valueend) for each "Key:value" line. */
static void
each_line(const char *buf, size_t len,
    void (*fn)(const char *, size_t, const char *, const char *, void *),
    void *arg)
{
	const char *p = buf, *end = buf + len, *nl, *colon;

	while (p < end) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if ((colon = memchr(p, ':', (size_t)(nl - p))) != NULL)
			fn(p, (size_t)(colon - p), colon + 1, nl, arg);
		p = nl + 1;
	}
}

#define KEYIS(k, klen, s) ((klen) == sizeof(s) - 1 && memcmp(k, s, klen) == 0)

static int
parse_n(const char *p, const char *end, uint64_t *v, size_t n)
{
	size_t i;
	int ok;

	for (i = 0; i < n; i++) {
		p = pk_num_parse(p, end, &v[i], &ok);
		if (!ok)
			return 0;
	}
	return 1;
}

/* "0-3,8,10-11" into a bitmap; 0 when malformed. */
static int
cpu_list(const char *p, const char *end, uint64_t *bits)
{
	uint64_t a, b, i;
	int ok;

	for (;;) {
		p = pk_num_parse(p, end, &a, &ok);
		if (!ok)
			return 0;
		b = a;
		if (p < end && *p == '-') {
			p = pk_num_parse(p + 1, end, &b, &ok);
			if (!ok)
				return 0;
		}
		for (i = a; i <= b && i < PK_PSTATUS_MAXCPU; i++)
			bits[i / 64] |= (uint64_t)1 << (i % 64);
		if (p >= end || *p != ',')
			return 1;
		p++;
	}
}

static void
status_line(const char *k, size_t klen, const char *v, const char *end,
    void *arg)
{
	struct pk_pstatus *s = arg;
	uint64_t x;
	int ok;

	if (KEYIS(k, klen, "Uid")) {
		if (parse_n(v, end, s->uid, 3))
			s->has |= PK_PSTATUS_HAS_UID;
	} else if (KEYIS(k, klen, "Gid")) {
		if (parse_n(v, end, s->gid, 3))
			s->has |= PK_PSTATUS_HAS_GID;
	} else if (KEYIS(k, klen, "Threads")) {
		pk_num_parse(v, end, &s->threads, &ok);
		if (ok)
			s->has |= PK_PSTATUS_HAS_THREADS;
	} else if (KEYIS(k, klen, "voluntary_ctxt_switches")) {
		pk_num_parse(v, end, &s->vctx, &ok);
	} else if (KEYIS(k, klen, "nonvoluntary_ctxt_switches")) {
		pk_num_parse(v, end, &s->nvctx, &ok);
		if (ok)
			s->has |= PK_PSTATUS_HAS_CTX;
	} else if (KEYIS(k, klen, "Cpus_allowed_list")) {
		if (cpu_list(v, end, s->cpus))
			s->has |= PK_PSTATUS_HAS_CPUS;
	} else if (KEYIS(k, klen, "Kthread")) {
		pk_num_parse(v, end, &x, &ok);
		s->kthread = ok && x != 0;
	}
}

int
pk_pstatus_parse(const char *buf, size_t len, struct pk_pstatus *out)
{
	memset(out, 0, sizeof(*out));
	each_line(buf, len, status_line, out);
	return out->has & PK_PSTATUS_HAS_UID ? PK_OK : PK_EPARSE;
}

int
pk_pstatm_parse(const char *buf, size_t len, struct pk_pstatm *out)
{
	uint64_t v[7];

	memset(out, 0, sizeof(*out));
	if (!parse_n(buf, buf + len, v, 7))
		return PK_EPARSE;
	out->size = v[0];
	out->resident = v[1];
	out->shared = v[2];
	out->text = v[3];
	out->lib = v[4];
	out->data = v[5];
	out->dt = v[6];
	return PK_OK;
}

/* Blank or odd lines are ignored (psutil #1004). */
int
pk_pio_parse(const char *buf, size_t len, struct pk_pio *out)
{
	static const struct pk_kv_key keys[] = {
		PK_KV("rchar", 0), PK_KV("wchar", 1), PK_KV("syscr", 2),
		PK_KV("syscw", 3), PK_KV("read_bytes", 4),
		PK_KV("write_bytes", 5)
	};
	uint64_t v[6] = { 0 }, has = 0;

	memset(out, 0, sizeof(*out));
	pk_kv_parse(buf, len, keys, sizeof(keys) / sizeof(keys[0]), v, &has);
	out->rchar = v[0];
	out->wchar = v[1];
	out->syscr = v[2];
	out->syscw = v[3];
	out->read_bytes = v[4];
	out->write_bytes = v[5];
	out->has = (unsigned)has;
	return out->has == PK_PIO_HAS_ALL ? PK_OK : PK_EPARSE;
}

/* /proc/PID/limits row names (fs/proc/base.c lnames[]), by enum pk_rlim. */
static const char *const rlim_rows[PK_RLIM_N] = {
	"Max address space", "Max core file size", "Max cpu time",
	"Max data size", "Max file size", "Max file locks",
	"Max locked memory", "Max msgqueue size", "Max nice priority",
	"Max open files", "Max processes", "Max resident set",
	"Max realtime priority", "Max realtime timeout",
	"Max pending signals", "Max stack size"
};

static const char *const rlim_names[PK_RLIM_N] = {
	"AS", "CORE", "CPU", "DATA", "FSIZE", "LOCKS", "MEMLOCK", "MSGQUEUE",
	"NICE", "NOFILE", "NPROC", "RSS", "RTPRIO", "RTTIME", "SIGPENDING",
	"STACK"
};

const char *
pk_plimits_name(int r)
{
	return r >= 0 && r < PK_RLIM_N ? rlim_names[r] : "?";
}

static const char *
rlim_value(const char *p, const char *end, uint64_t *v, int *ok)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if ((size_t)(end - p) >= 9 && memcmp(p, "unlimited", 9) == 0) {
		*v = PK_RLIM_INFINITY;
		*ok = 1;
		return p + 9;
	}
	return pk_num_parse(p, end, v, ok);
}

int
pk_plimits_parse(const char *buf, size_t len, struct pk_plimits *out)
{
	const char *p = buf, *end = buf + len, *nl;
	size_t i, n;
	int ok1, ok2;

	memset(out, 0, sizeof(*out));
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		for (i = 0; i < PK_RLIM_N; i++) {
			n = strlen(rlim_rows[i]);
			if ((size_t)(nl - p) > n && memcmp(p, rlim_rows[i], n) == 0 &&
			    p[n] == ' ')
				break;
		}
		if (i == PK_RLIM_N)
			continue;
		p = rlim_value(p + n, nl, &out->soft[i], &ok1);
		rlim_value(p, nl, &out->hard[i], &ok2);
		if (ok1 && ok2)
			out->has |= 1u << i;
	}
	return out->has != 0 ? PK_OK : PK_EPARSE;
}

int
pk_btime_parse(const char *buf, size_t len, uint64_t *btime)
{
	const char *p = buf, *end = buf + len, *nl;
	int ok;

	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if ((size_t)(nl - p) > 6 && memcmp(p, "btime ", 6) == 0) {
			pk_num_parse(p + 6, nl, btime, &ok);
			return ok ? PK_OK : PK_EPARSE;
		}
	}
	return PK_EPARSE;
}

const char *
pk_proc_name(const char *comm, const struct pk_strv *cmd)
{
	const char *base, *slash;

	if (strlen(comm) < 15 || cmd == NULL || cmd->n == 0)
		return comm;
	base = cmd->v[0];
	if ((slash = strrchr(base, '/')) != NULL)
		base = slash + 1;
	if (strncmp(base, comm, strlen(comm)) == 0)
		return base;
	return comm;
}

const char *
pk_proc_status_str(char state)
{
	switch (state) {
	case 'R': return "running";
	case 'S': return "sleeping";
	case 'D': return "disk-sleep";
	case 'T': return "stopped";
	case 't': return "tracing-stop";
	case 'Z': return "zombie";
	case 'X': case 'x': return "dead";
	case 'K': return "wake-kill";
	case 'W': return "waking";
	case 'I': return "idle";
	case 'P': return "parked";
	default: return "?";
	}
}

/* psutil Process.memory_percent(): (value / virtual_memory().total) * 100 */
double
pk_proc_mem_percent(uint64_t value, uint64_t memtotal)
{
	if (memtotal == 0)
		return 0;
	return (double)value / (double)memtotal * 100.0;
}
