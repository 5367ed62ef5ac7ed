/*
 * netdev.c: pure parsers and formatters for ifconfig: /proc/net/dev,
 * /proc/net/if_inet6, net-tools' natural name order and the two "human"
 * byte formats (net-tools 2.10 and psutil 5.9.4).  No I/O here.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

/* The next line of [p, end): returns its end (at '\n' or end). */
static const char *
line_end(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return nl != NULL ? nl : end;
}

/*
 * net-tools' get_name(): skip blanks, copy up to white space or ':'; a
 * ':' followed by digits and another ':' is an old-style alias and is
 * part of the name.  Returns the position after the name's colon.
 */
static const char *
get_name(const char *p, const char *end, char *name)
{
	const char *dot;
	size_t n = 0;

	while (p < end && isspace((unsigned char)*p))
		p++;
	while (p < end && !isspace((unsigned char)*p)) {
		if (*p == ':') {
			dot = p++;
			while (p < end && isdigit((unsigned char)*p))
				p++;
			if (p < end && *p == ':') {
				/* "eth0:1:": keep ":1", stop at the colon */
				for (p = dot; p < end && (p == dot ||
				    isdigit((unsigned char)*p)); p++)
					if (n < PK_IFNAMSIZ - 1)
						name[n++] = *p;
			} else
				p = dot;
			p++;
			break;
		}
		if (n < PK_IFNAMSIZ - 1)
			name[n++] = *p;
		p++;
	}
	name[n] = '\0';
	return p;
}

/* Column order of each /proc/net/dev format, as offsets into the stats. */
#define OFF(f)	offsetof(struct pk_netdev_stats, f)
static const size_t fmt3[] = {
	OFF(rx_bytes), OFF(rx_packets), OFF(rx_errs), OFF(rx_drop),
	OFF(rx_fifo), OFF(rx_frame), OFF(rx_compressed), OFF(rx_multicast),
	OFF(tx_bytes), OFF(tx_packets), OFF(tx_errs), OFF(tx_drop),
	OFF(tx_fifo), OFF(tx_colls), OFF(tx_carrier), OFF(tx_compressed)
};
static const size_t fmt2[] = {
	OFF(rx_bytes), OFF(rx_packets), OFF(rx_errs), OFF(rx_drop),
	OFF(rx_fifo), OFF(rx_frame),
	OFF(tx_bytes), OFF(tx_packets), OFF(tx_errs), OFF(tx_drop),
	OFF(tx_fifo), OFF(tx_colls), OFF(tx_carrier)
};
static const size_t fmt1[] = {
	OFF(rx_packets), OFF(rx_errs), OFF(rx_drop), OFF(rx_fifo),
	OFF(rx_frame),
	OFF(tx_packets), OFF(tx_errs), OFF(tx_drop), OFF(tx_fifo),
	OFF(tx_colls), OFF(tx_carrier)
};
#undef OFF

/* strstr() within [p, p + len). */
static int
has_word(const char *p, size_t len, const char *w)
{
	size_t i, wl = strlen(w);

	for (i = 0; i + wl <= len; i++)
		if (memcmp(p + i, w, wl) == 0)
			return 1;
	return 0;
}

/* net-tools' procnetdev_version() on the second header line. */
static int
netdev_version(const char *p, const char *e)
{
	size_t len = (size_t)(e - p);

	if (has_word(p, len, "compressed"))
		return 3;
	if (has_word(p, len, "bytes"))
		return 2;
	return 1;
}

/* sscanf("%llu %llu ...") into the columns of one format. */
static void
netdev_fields(const char *p, const char *e, int vsn,
    struct pk_netdev_stats *st)
{
	const size_t *cols = vsn == 3 ? fmt3 : vsn == 2 ? fmt2 : fmt1;
	size_t i, ncols = vsn == 3 ? 16 : vsn == 2 ? 13 : 11;
	uint64_t v;
	int ok;

	memset(st, 0, sizeof(*st));
	for (i = 0; i < ncols; i++) {
		p = pk_num_parse(p, e, &v, &ok);
		if (!ok)
			break;
		*(uint64_t *)(void *)((char *)st + cols[i]) = v;
	}
}

int
pk_netdev_parse(const char *buf, size_t len, struct pk_netdev_entry **out,
    size_t *n)
{
	const char *p = buf, *end = buf + len, *e, *nul;
	struct pk_netdev_entry *v = NULL, *nv;
	size_t cnt = 0, cap = 0;
	int line = 0, vsn = 1;

	if ((nul = memchr(buf, '\0', len)) != NULL)
		end = nul;
	for (; p < end; p = e + 1, line++) {
		e = line_end(p, end);
		if (line < 2) {
			if (line == 1)
				vsn = netdev_version(p, e);
			continue;
		}
		if (cnt == cap) {
			cap = cap ? cap * 2 : 32;
			if ((nv = reallocarray(v, cap, sizeof(*v))) == NULL) {
				free(v);
				return PK_ENOMEM;
			}
			v = nv;
		}
		p = get_name(p, e, v[cnt].name);
		if (v[cnt].name[0] == '\0')
			continue;
		netdev_fields(p, e, vsn, &v[cnt].st);
		cnt++;
		if (e == end)
			break;
	}
	*out = v;
	*n = cnt;
	return PK_OK;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* One hex number of [p, e) after blanks; -1 when there is none. */
static const char *
hexnum(const char *p, const char *e, unsigned *val)
{
	unsigned v = 0;
	int d, any = 0;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (p < e && (d = hexval((unsigned char)*p)) >= 0) {
		v = v * 16 + (unsigned)d;
		any = 1;
		p++;
	}
	*val = v;
	return any ? p : NULL;
}

/* "fe80...0001 04 40 20 80     eth0": 0 when well formed. */
static int
inet6_line(const char *p, const char *e, struct pk_inet6_entry *en)
{
	unsigned *f[] = { &en->ifindex, &en->prefixlen, &en->scope,
		&en->flags };
	size_t i, n;
	int hi, lo;

	if (e - p < 32)
		return -1;
	for (i = 0; i < 16; i++) {
		if ((hi = hexval((unsigned char)p[2 * i])) < 0 ||
		    (lo = hexval((unsigned char)p[2 * i + 1])) < 0)
			return -1;
		en->addr[i] = (uint8_t)(hi << 4 | lo);
	}
	p += 32;
	for (i = 0; i < 4; i++)
		if ((p = hexnum(p, e, f[i])) == NULL)
			return -1;
	while (p < e && isspace((unsigned char)*p))
		p++;
	for (n = 0; p < e && !isspace((unsigned char)*p); p++)
		if (n < PK_IFNAMSIZ - 1)
			en->name[n++] = *p;
	en->name[n] = '\0';
	return n > 0 ? 0 : -1;
}

int
pk_ifinet6_parse(const char *buf, size_t len, struct pk_inet6_entry **out,
    size_t *n)
{
	const char *p = buf, *end = buf + len, *e;
	struct pk_inet6_entry *v = NULL, *nv;
	size_t cnt = 0, cap = 0;

	for (; p < end; p = e + 1) {
		e = line_end(p, end);
		if (cnt == cap) {
			cap = cap ? cap * 2 : 16;
			if ((nv = reallocarray(v, cap, sizeof(*v))) == NULL) {
				free(v);
				return PK_ENOMEM;
			}
			v = nv;
		}
		if (inet6_line(p, e, &v[cnt]) == 0)
			cnt++;
		if (e == end)
			break;
	}
	*out = v;
	*n = cnt;
	return PK_OK;
}

/* atoi() of a run of digits, as glibc does it: (int)strtol(). */
static int
digits_atoi(const char *p, size_t len)
{
	unsigned long long v = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		v = v * 10 + (unsigned)(p[i] - '0');
		if (v > 0x7fffffffffffffffULL)
			v = 0x7fffffffffffffffULL;
	}
	return (int)(long long)v;
}

/* net-tools' cutalias(): length of the name without a ":123" suffix. */
static size_t
cut_alias(const char *s, const char **alias)
{
	size_t pos, len = strlen(s);
	int digit = 0;

	*alias = NULL;
	for (pos = len; pos > 0; pos--) {
		if (s[pos - 1] == ':' && digit) {
			*alias = s + pos;
			return pos - 1;
		}
		if (!isdigit((unsigned char)s[pos - 1]))
			break;
		digit = 1;
	}
	return len;
}

static size_t
rindex_nondigit(const char *s, size_t len)
{
	size_t pos;

	for (pos = len; pos > 0; pos--)
		if (!isdigit((unsigned char)s[pos - 1]))
			return pos;
	return 0;
}

/*
 * net-tools 2.10 lib/nstrcmp.c: compare the non-digit prefixes, then the
 * trailing numbers, then the alias numbers (none sorts first).
 */
int
pk_net_nstrcmp(const char *a, const char *b)
{
	const char *aal, *bal;
	size_t alen = cut_alias(a, &aal), blen = cut_alias(b, &bal);
	size_t ai = rindex_nondigit(a, alen), bi = rindex_nondigit(b, blen);
	int res, av, bv;

	if ((res = strncmp(a, b, ai < bi ? ai : bi)) != 0)
		return res;
	if (ai != bi)
		return ai > bi ? 1 : -1;
	av = digits_atoi(a + ai, alen - ai);
	bv = digits_atoi(b + bi, blen - bi);
	if (av != bv)
		return av < bv ? -1 : 1;
	av = aal != NULL ? digits_atoi(aal, strlen(aal)) : -1;
	bv = bal != NULL ? digits_atoi(bal, strlen(bal)) : -1;
	if (av != bv)
		return av < bv ? -1 : 1;
	return 0;
}

/*
 * IPv6 text as glibc's inet_ntop() writes it (RFC 5952 zero compression:
 * the longest run of two or more zero words, the first on a tie), with
 * glibc's dotted tail for ::a.b.c.d and ::ffff:a.b.c.d.  len >= 46.
 */
void
pk_net_ntop6(const uint8_t *a, char *buf, size_t len)
{
	unsigned w[8];
	int i, best = -1, bestlen = 0, cur = -1, curlen = 0;
	size_t off = 0;

	for (i = 0; i < 8; i++)
		w[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
	for (i = 0; i < 8; i++) {
		if (w[i] == 0) {
			if (cur == -1)
				cur = i, curlen = 0;
			if (++curlen > bestlen && curlen >= 2)
				best = cur, bestlen = curlen;
		} else
			cur = -1;
	}
	buf[0] = '\0';
	for (i = 0; i < 8 && off < len; i++) {
		if (best != -1 && i >= best && i < best + bestlen) {
			if (i == best)
				off += (size_t)snprintf(buf + off, len - off, ":");
			continue;
		}
		if (i > 0)
			off += (size_t)snprintf(buf + off, len - off, ":");
		if (i == 6 && best == 0 && (bestlen == 6 ||
		    (bestlen == 5 && w[5] == 0xffff))) {
			snprintf(buf + off, len - off, "%u.%u.%u.%u", a[12],
			    a[13], a[14], a[15]);
			return;
		}
		off += (size_t)snprintf(buf + off, len - off, "%x", w[i]);
	}
	if (best != -1 && best + bestlen == 8 && off < len)
		snprintf(buf + off, len - off, ":");
}

/* RFC 2863 states as the kernel's sysfs operstate file names them. */
const char *
pk_net_operstate_name(int op)
{
	static const char *names[] = { "unknown", "notpresent", "down",
		"lowerlayerdown", "testing", "dormant", "up" };

	if (op < 0 || op >= (int)(sizeof(names) / sizeof(names[0])))
		return "unknown";
	return names[op];
}
