/*
 * procnet.c: pure parsers of /proc/PID/net/{tcp,tcp6,udp,udp6,unix} for a
 * process's connections (psutil _pslinux.py Connections, reference
 * procinfo.md §3).  Rows are kept when their inode belongs to one of the
 * process's socket fds.  Addresses are formatted here, without the
 * socket headers, so the parser builds on every platform.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

static const char *const tcp_states[] = {
	NULL, "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
	"TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"
};

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Hex digits of [p, end) as a number; -1 when not hex or too long. */
static int64_t
hexnum(const char *p, const char *end)
{
	int64_t v = 0;
	int d;

	if (p == end || end - p > 8)
		return -1;
	for (; p < end; p++) {
		if ((d = hexval(*p)) < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/*
 * "HEX:PORT".  The kernel prints each 32-bit word of the address as a
 * host-order number, so the word's bytes as this host stores them are
 * the address's bytes (psutil #201 swaps on little-endian only).
 * Port 0 means no address (*port = -1).
 */
static int
decode_addr(const char *p, const char *end, int family, char *ip,
    size_t iplen, int *port)
{
	uint8_t a[16];
	const char *colon;
	int64_t word, pv;
	uint32_t w;
	size_t nw = family == 10 ? 4 : 1, i;

	if ((colon = memchr(p, ':', (size_t)(end - p))) == NULL ||
	    (size_t)(colon - p) != nw * 8)
		return -1;
	if ((pv = hexnum(colon + 1, end)) < 0)
		return -1;
	for (i = 0; i < nw; i++) {
		if ((word = hexnum(p + 8 * i, p + 8 * i + 8)) < 0)
			return -1;
		w = (uint32_t)word;
		memcpy(a + 4 * i, &w, 4);
	}
	*port = pv == 0 ? -1 : (int)pv;
	ip[0] = '\0';
	if (pv == 0)
		return 0;
	if (family == 10)
		pk_net_ntop6(a, ip, iplen);	/* netdev.c: RFC 5952 */
	else
		snprintf(ip, iplen, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	return 0;
}

/* Split a line into at most max white-space separated tokens. */
static size_t
tokens(const char *p, const char *end, const char **ts, const char **te,
    size_t max)
{
	size_t n = 0;

	while (n < max) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p >= end)
			break;
		ts[n] = p;
		while (p < end && *p != ' ' && *p != '\t')
			p++;
		te[n++] = p;
	}
	return n;
}

/* Index of the first entry of inode in the sorted inodes[], or -1. */
static long
inode_find(uint64_t ino, const uint64_t *inodes, size_t n)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (inodes[mid] < ino)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && inodes[lo] == ino ? (long)lo : -1;
}

static struct pk_pconn *
conn_new(struct pk_pconn **conns, size_t *n)
{
	struct pk_pconn *c = *conns;

	/* only this grows the array: its capacity is the next power of two
	 * of *n, so it doubles when *n is one (never one element at a time) */
	if ((*n & (*n - 1)) == 0) {
		c = reallocarray(*conns, *n ? *n * 2 : 1, sizeof(*c));
		if (c == NULL)
			return NULL;
		*conns = c;
	}
	c = &c[(*n)++];
	memset(c, 0, sizeof(*c));
	return c;
}

int
pk_pconn_inet_parse(const char *buf, size_t len, int family, int type,
    const uint64_t *inodes, const int *fds, size_t ninodes,
    struct pk_pconn **conns, size_t *nconns)
{
	const char *p, *end = buf + len, *nl, *ts[10], *te[10];
	struct pk_pconn *c;
	uint64_t ino;
	int64_t st;
	long at;
	int ok;

	if ((p = memchr(buf, '\n', len)) == NULL)
		return PK_OK;		/* header only */
	for (p++; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (tokens(p, nl, ts, te, 10) < 10)
			continue;
		pk_num_parse(ts[9], te[9], &ino, &ok);
		if (!ok || (at = inode_find(ino, inodes, ninodes)) < 0)
			continue;
		if ((c = conn_new(conns, nconns)) == NULL)
			return PK_ENOMEM;
		c->fd = fds[at];
		c->family = family;
		c->type = type;
		st = hexnum(ts[3], te[3]);
		if (type != 1)
			c->status = "NONE";
		else if (st > 0 && st < 12)
			c->status = tcp_states[st];
		else
			c->status = "?";
		if (decode_addr(ts[1], te[1], family, c->laddr,
		    sizeof(c->laddr), &c->lport) != 0 ||
		    decode_addr(ts[2], te[2], family, c->raddr,
		    sizeof(c->raddr), &c->rport) != 0)
			(*nconns)--;	/* malformed row: drop it */
	}
	return PK_OK;
}

/* Is [p, end) n hex digits (any number when n is 0)? */
static int
hex_field(const char *p, const char *end, size_t n)
{
	if (p == end || (n != 0 && (size_t)(end - p) != n))
		return 0;
	for (; p < end; p++)
		if (hexval(*p) < 0)
			return 0;
	return 1;
}

/*
 * A /proc/net/unix row that parses whole: "Num: RefCount Protocol Flags
 * Type St Inode [Path]" with each field in the kernel's format, and a
 * path (if any) that starts as the kernel's do.  *ino and *type on
 * success.
 */
static int
unix_row(const char **ts, const char **te, size_t nt, uint64_t *ino,
    uint64_t *type)
{
	int ok;

	if (nt < 7 || te[0] - ts[0] < 2 || te[0][-1] != ':' ||
	    !hex_field(ts[0], te[0] - 1, 0) || !hex_field(ts[1], te[1], 8) ||
	    !hex_field(ts[2], te[2], 8) || !hex_field(ts[3], te[3], 8) ||
	    !hex_field(ts[4], te[4], 4) || !hex_field(ts[5], te[5], 2))
		return 0;
	if (nt > 7 && *ts[7] != '/' && *ts[7] != '@')
		return 0;
	if (*ts[6] < '0' || *ts[6] > '9' ||
	    pk_num_parse(ts[6], te[6], ino, &ok) != te[6] || !ok)
		return 0;
	*type = (uint64_t)hexnum(ts[4], te[4]);
	return 1;
}

/* A row for every fd of ours that holds this socket (psutil). */
static int
unix_conns(const char **ts, const char **te, size_t nt, uint64_t ino,
    uint64_t type, size_t at, const uint64_t *inodes, const int *fds,
    size_t ninodes, struct pk_pconn **conns, size_t *nconns)
{
	struct pk_pconn *c;
	size_t pl;

	for (; at < ninodes && inodes[at] == ino; at++) {
		if ((c = conn_new(conns, nconns)) == NULL)
			return PK_ENOMEM;
		c->fd = fds[at];
		c->family = 1;
		c->type = (int)type;
		c->status = "NONE";
		c->lport = c->rport = -1;
		if (nt >= 8) {
			pl = (size_t)(te[7] - ts[7]);
			if (pl >= sizeof(c->laddr))
				pl = sizeof(c->laddr) - 1;
			memcpy(c->laddr, ts[7], pl);
		}
	}
	return PK_OK;
}

/*
 * Rows of our inodes, in two passes: the first counts each inode's
 * whole rows, the second keeps those seen exactly once.  The kernel
 * prints abstract names raw, so a name holding "\n...: ... INODE
 * /run/FAKE.sock" forges a second row for someone else's inode; that
 * inode then shows no row at all rather than a forged one.
 */
int
pk_pconn_unix_parse(const char *buf, size_t len, const uint64_t *inodes,
    const int *fds, size_t ninodes, struct pk_pconn **conns,
    size_t *nconns)
{
	const char *p, *first, *end = buf + len, *nl, *ts[9], *te[9];
	uint64_t ino, type;
	unsigned *seen;
	size_t nt;
	long at;
	int pass, rc = PK_OK;

	if ((first = memchr(buf, '\n', len)) == NULL || ninodes == 0)
		return PK_OK;
	if ((seen = calloc(ninodes, sizeof(*seen))) == NULL)
		return PK_ENOMEM;
	for (pass = 0; pass < 2 && rc == PK_OK; pass++) {
		for (p = first + 1; p < end && rc == PK_OK;
		    p = nl + 1) {
			if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
				nl = end;
			nt = tokens(p, nl, ts, te, 9);
			if (!unix_row(ts, te, nt, &ino, &type) ||
			    (at = inode_find(ino, inodes, ninodes)) < 0)
				continue;
			if (pass == 0)
				seen[at] += seen[at] < 2;
			else if (seen[at] == 1)
				rc = unix_conns(ts, te, nt, ino, type,
				    (size_t)at, inodes, fds, ninodes, conns,
				    nconns);
		}
	}
	free(seen);
	return rc;
}

static int
type_rank(const struct pk_pconn *c)
{
	if (c->family == 1)
		return 3;
	return c->type == 1 ? 1 : 2;
}

static int
conn_cmp(const void *a, const void *b)
{
	const struct pk_pconn *x = a, *y = b;
	int c;

	if ((c = type_rank(x) - type_rank(y)) != 0)
		return c;
	if ((c = x->family - y->family) != 0)
		return c;
	if ((c = strcmp(x->laddr, y->laddr)) != 0)
		return c;
	if ((c = x->lport - y->lport) != 0)
		return c;
	if ((c = strcmp(x->raddr, y->raddr)) != 0)
		return c;
	if ((c = x->rport - y->rport) != 0)
		return c;
	return x->fd - y->fd;
}

/* The reference's order is a Python set's: any stable order is better. */
void
pk_pconn_sort(struct pk_pconn *c, size_t n)
{
	if (n > 1)
		qsort(c, n, sizeof(*c), conn_cmp);
}
