/*
 * netlink.c: the two rtnetlink dumps ifconfig needs beyond net-tools'
 * ioctls: every IPv4 address with its label (RTM_GETADDR; SIOCGIFADDR
 * shows only the first of each label) and the link states (RTM_GETLINK:
 * ifindex, operstate, carrier, 32-bit flags) in one read instead of two
 * sysfs files per interface.
 */
#define _GNU_SOURCE	/* netlink headers */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "pskit.h"

#define NL_BUFSIZE	32768	/* the kernel's dump messages fit a page or two */

/* A growing array of fixed-size records filled by a dump. */
struct nl_vec {
	void	*v;
	size_t	 n, cap, size;
};

typedef void	(*nl_parse_fn)(const struct nlmsghdr *, void *);

static void *
vec_next(struct nl_vec *vec)
{
	void *nv;
	size_t cap;

	if (vec->n == vec->cap) {
		cap = vec->cap ? vec->cap * 2 : 64;
		if ((nv = reallocarray(vec->v, cap, vec->size)) == NULL)
			return NULL;
		vec->v = nv;
		vec->cap = cap;
	}
	return (char *)vec->v + vec->size * vec->n++;
}

/* Receive the dump's messages until NLMSG_DONE; msgtype ones go to fn. */
static int
recv_dump(struct pk_ctx *ctx, int fd, char *buf, int msgtype, nl_parse_fn fn,
    struct nl_vec *vec, const char *what)
{
	struct nlmsghdr *h;
	unsigned len;	/* unsigned: NLMSG_OK compares it with nlmsg_len */
	ssize_t got;
	void *rec;

	for (;;) {
		if ((got = recv(fd, buf, NL_BUFSIZE, 0)) == -1) {
			if (errno == EINTR)
				continue;
			return pk_ctx_fail_os(ctx, errno, "netlink %s", what);
		}
		len = (unsigned)got;
		for (h = (struct nlmsghdr *)(void *)buf; NLMSG_OK(h, len);
		    h = NLMSG_NEXT(h, len)) {
			if (h->nlmsg_type == NLMSG_DONE)
				return PK_OK;
			if (h->nlmsg_type == NLMSG_ERROR)
				return pk_ctx_fail(ctx, PK_EOS, EIO, "netlink %s",
				    what);
			if (h->nlmsg_type != msgtype)
				continue;
			if ((rec = vec_next(vec)) == NULL)
				return pk_ctx_fail(ctx, PK_ENOMEM, ENOMEM,
				    "netlink %s", what);
			fn(h, rec);
		}
		if (got == 0)
			return pk_ctx_fail(ctx, PK_EPARSE, 0, "netlink %s: "
			    "truncated dump", what);
	}
}

/* Send one dump request (header + family message) and collect records. */
static int
dump(struct pk_ctx *ctx, int type, const void *msg, size_t msglen,
    int msgtype, nl_parse_fn fn, struct nl_vec *vec, const char *what)
{
	struct sockaddr_nl sa;
	struct nlmsghdr *h;
	char req[NLMSG_SPACE(64)] __attribute__((aligned(4)));
	char *buf;
	int fd, rc;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd == -1)
		return pk_ctx_fail_os(ctx, errno, "socket AF_NETLINK");
	memset(&sa, 0, sizeof(sa));
	sa.nl_family = AF_NETLINK;
	memset(req, 0, sizeof(req));
	h = (struct nlmsghdr *)(void *)req;
	h->nlmsg_len = (unsigned)NLMSG_LENGTH(msglen);
	h->nlmsg_type = (unsigned short)type;
	h->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	h->nlmsg_seq = 1;
	memcpy(NLMSG_DATA(h), msg, msglen);
	if (sendto(fd, req, h->nlmsg_len, 0, (struct sockaddr *)&sa,
	    sizeof(sa)) == -1) {
		rc = pk_ctx_fail_os(ctx, errno, "netlink %s", what);
		close(fd);
		return rc;
	}
	if ((buf = malloc(NL_BUFSIZE)) == NULL)
		rc = pk_ctx_fail(ctx, PK_ENOMEM, ENOMEM, "netlink %s", what);
	else
		rc = recv_dump(ctx, fd, buf, msgtype, fn, vec, what);
	free(buf);
	close(fd);
	return rc;
}

/* A whole dump into a new array of size-byte records; none on failure. */
static int
dump_into(struct pk_ctx *ctx, int type, const void *msg, size_t msglen,
    nl_parse_fn fn, size_t size, void **out, size_t *n)
{
	struct nl_vec vec = { NULL, 0, 0, size };
	const char *what = type == RTM_GETLINK ? "RTM_GETLINK" : "RTM_GETADDR";
	int msgtype = type == RTM_GETLINK ? RTM_NEWLINK : RTM_NEWADDR;
	int rc;

	rc = dump(ctx, type, msg, msglen, msgtype, fn, &vec, what);
	if (rc != PK_OK) {
		free(vec.v);
		vec.v = NULL;
		vec.n = 0;
	}
	*out = vec.v;
	*n = vec.n;
	return rc;
}

/* Copy a string attribute into a name buffer, NUL-terminated. */
static void
attr_name(const struct rtattr *rta, char *dst, size_t len)
{
	size_t l = strnlen(RTA_DATA(rta), RTA_PAYLOAD(rta));

	if (l >= len)
		l = len - 1;
	memcpy(dst, RTA_DATA(rta), l);
	dst[l] = '\0';
}

static void
parse_ifaddr(const struct nlmsghdr *h, void *rec)
{
	const struct ifaddrmsg *ifa = NLMSG_DATA(h);
	const struct rtattr *rta = IFA_RTA(ifa);
	struct pk_inet4_addr *a = rec;
	int len = (int)IFA_PAYLOAD(h), got_local = 0;
	uint8_t address[4] = { 0 };

	memset(a, 0, sizeof(*a));
	a->prefixlen = ifa->ifa_prefixlen;
	a->scope = ifa->ifa_scope;
	a->flags = ifa->ifa_flags;
	a->ifindex = ifa->ifa_index;
	for (; RTA_OK(rta, len); rta = RTA_NEXT(rta, len)) {
		size_t plen = RTA_PAYLOAD(rta);

		if (rta->rta_type == IFA_LOCAL && plen >= 4) {
			memcpy(a->local, RTA_DATA(rta), 4);
			got_local = 1;
		} else if (rta->rta_type == IFA_ADDRESS && plen >= 4)
			memcpy(address, RTA_DATA(rta), 4);
		else if (rta->rta_type == IFA_BROADCAST && plen >= 4) {
			memcpy(a->brd, RTA_DATA(rta), 4);
			a->has |= PK_INET4_HAS_BRD;
		} else if (rta->rta_type == IFA_LABEL)
			attr_name(rta, a->label, sizeof(a->label));
		else if (rta->rta_type == IFA_FLAGS && plen >= 4)
			memcpy(&a->flags, RTA_DATA(rta), 4);
	}
	if (!got_local)
		memcpy(a->local, address, 4);
	else if (memcmp(a->local, address, 4) != 0) {
		memcpy(a->peer, address, 4);
		a->has |= PK_INET4_HAS_PEER;
	}
}

/* Every address of one family: an RTM_GETADDR dump into size-byte records. */
static int
dump_addrs(struct pk_ctx *ctx, int family, nl_parse_fn fn, size_t size,
    void **out, size_t *n)
{
	struct ifaddrmsg m;

	memset(&m, 0, sizeof(m));
	m.ifa_family = (unsigned char)family;
	return dump_into(ctx, RTM_GETADDR, &m, sizeof(m), fn, size, out, n);
}

int
pk_net_inet4(struct pk_ctx *ctx, struct pk_inet4_addr **out, size_t *n)
{
	void *v;
	int rc = dump_addrs(ctx, AF_INET, parse_ifaddr, sizeof(**out), &v, n);

	*out = v;
	return rc;
}

static void
parse_ifaddr6(const struct nlmsghdr *h, void *rec)
{
	const struct ifaddrmsg *ifa = NLMSG_DATA(h);
	const struct rtattr *rta = IFA_RTA(ifa);
	struct pk_inet6_addr *a = rec;
	int len = (int)IFA_PAYLOAD(h);

	memset(a, 0, sizeof(*a));
	a->prefixlen = ifa->ifa_prefixlen;
	a->scope = ifa->ifa_scope;
	a->flags = ifa->ifa_flags;
	a->ifindex = ifa->ifa_index;
	for (; RTA_OK(rta, len); rta = RTA_NEXT(rta, len)) {
		if ((rta->rta_type == IFA_ADDRESS || rta->rta_type == IFA_LOCAL) &&
		    RTA_PAYLOAD(rta) >= 16)
			memcpy(a->addr, RTA_DATA(rta), 16);
		else if (rta->rta_type == IFA_FLAGS && RTA_PAYLOAD(rta) >= 4)
			memcpy(&a->flags, RTA_DATA(rta), 4);
	}
}

int
pk_net_inet6_addrs(struct pk_ctx *ctx, struct pk_inet6_addr **out, size_t *n)
{
	void *v;
	int rc = dump_addrs(ctx, AF_INET6, parse_ifaddr6, sizeof(**out), &v,
	    n);

	*out = v;
	return rc;
}

/*
 * The two counters ip prints that /proc/net/dev folds into sums (frame,
 * carrier); copied out because the attribute may be unaligned.
 */
static void
parse_stats64(const struct rtattr *rta, struct pk_net_link *l)
{
	struct rtnl_link_stats64 st;

	if (RTA_PAYLOAD(rta) < offsetof(struct rtnl_link_stats64,
	    tx_carrier_errors) + sizeof(st.tx_carrier_errors))
		return;
	memset(&st, 0, sizeof(st));
	memcpy(&st, RTA_DATA(rta), RTA_PAYLOAD(rta) < sizeof(st) ?
	    RTA_PAYLOAD(rta) : sizeof(st));
	l->rx_over_errors = st.rx_over_errors;
	l->tx_carrier_errors = st.tx_carrier_errors;
	l->has_stats64 = 1;
}

static void
parse_link(const struct nlmsghdr *h, void *rec)
{
	const struct ifinfomsg *ifi = NLMSG_DATA(h);
	const struct rtattr *rta = IFLA_RTA(ifi);
	struct pk_net_link *l = rec;
	int len = (int)IFLA_PAYLOAD(h);

	memset(l, 0, sizeof(*l));
	l->ifindex = (unsigned)ifi->ifi_index;
	l->flags = ifi->ifi_flags;
	l->operstate = -1;
	l->carrier = -1;
	for (; RTA_OK(rta, len); rta = RTA_NEXT(rta, len)) {
		if (rta->rta_type == IFLA_IFNAME)
			attr_name(rta, l->name, sizeof(l->name));
		else if (rta->rta_type == IFLA_OPERSTATE &&
		    RTA_PAYLOAD(rta) >= 1)
			l->operstate = *(const uint8_t *)RTA_DATA(rta);
		else if (rta->rta_type == IFLA_CARRIER && RTA_PAYLOAD(rta) >= 1)
			l->carrier = *(const uint8_t *)RTA_DATA(rta);
		else if (rta->rta_type == IFLA_STATS64)
			parse_stats64(rta, l);
	}
}

int
pk_net_links(struct pk_ctx *ctx, struct pk_net_link **out, size_t *n)
{
	struct {
		struct ifinfomsg	m;
		struct rtattr		a;
		uint32_t		mask;
	} req;
	void *v;
	int rc;

	memset(&req, 0, sizeof(req));
	req.m.ifi_family = AF_UNSPEC;
	/*
	 * IFLA_STATS64 is wanted: ip's rx over_errors and tx carrier_errors
	 * are not columns of /proc/net/dev.  The mask asks for nothing more.
	 */
	req.a.rta_type = IFLA_EXT_MASK;
	req.a.rta_len = RTA_LENGTH(sizeof(req.mask));
	req.mask = 0;
	rc = dump_into(ctx, RTM_GETLINK, &req, sizeof(req), parse_link,
	    sizeof(**out), &v, n);
	*out = v;
	return rc;
}

/*
 * UNIX sockets through sock_diag (NETLINK_SOCK_DIAG, UNIX_DIAG), as
 * `ss -x` reads them.  /proc/net/unix prints an abstract socket's name
 * raw, newlines included, so any local user can forge whole lines in it
 * (a victim's inode, a path of their choice); the kernel's binary
 * records cannot be forged that way.
 */
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>

struct unix_arg {
	const uint64_t	*inodes;
	const int	*fds;
	size_t		 ninodes;
	struct pk_pconn	**conns;
	size_t		*nconns;
};

/* First index of ino in the sorted inodes[], or ninodes. */
static size_t
first_of(const uint64_t *inodes, size_t n, uint64_t ino)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (inodes[mid] < ino)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && inodes[lo] == ino ? lo : n;
}

/* The name as /proc/net/unix prints it: '@' for an abstract NUL. */
static void
unix_name(const struct rtattr *rta, char *dst, size_t dl)
{
	const char *s = RTA_DATA(rta);
	size_t n = RTA_PAYLOAD(rta), i;

	if (n > 0 && s[0] != '\0')
		n = strnlen(s, n);	/* a path: up to its NUL */
	if (n >= dl)
		n = dl - 1;
	for (i = 0; i < n; i++)
		dst[i] = s[i] == '\0' ? '@' : s[i];
	dst[n] = '\0';
}

/* One socket record: a row for every fd of ours holding its inode. */
static int
unix_msg(const struct nlmsghdr *h, struct unix_arg *a)
{
	const struct unix_diag_msg *m = NLMSG_DATA(h);
	const struct rtattr *rta;
	struct pk_pconn *c, *nc;
	char name[sizeof(c->laddr)] = "";
	int len;
	size_t at;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)))
		return PK_OK;
	at = first_of(a->inodes, a->ninodes, m->udiag_ino);
	if (at == a->ninodes)
		return PK_OK;
	len = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(*m)));
	for (rta = (const struct rtattr *)(m + 1); RTA_OK(rta, len);
	    rta = RTA_NEXT(rta, len))
		if (rta->rta_type == UNIX_DIAG_NAME)
			unix_name(rta, name, sizeof(name));
	for (; at < a->ninodes && a->inodes[at] == m->udiag_ino; at++) {
		if ((*a->nconns & (*a->nconns - 1)) == 0) {
			nc = reallocarray(*a->conns, *a->nconns ?
			    *a->nconns * 2 : 1, sizeof(*nc));
			if (nc == NULL)
				return PK_ENOMEM;
			*a->conns = nc;
		}
		c = &(*a->conns)[(*a->nconns)++];
		memset(c, 0, sizeof(*c));
		c->fd = a->fds[at];
		c->family = AF_UNIX;
		c->type = m->udiag_type;
		c->status = "NONE";
		c->lport = c->rport = -1;
		memcpy(c->laddr, name, sizeof(name));
	}
	return PK_OK;
}

static int
unix_recv(struct pk_ctx *ctx, int fd, char *buf, struct unix_arg *a)
{
	const struct nlmsghdr *h;
	unsigned len;
	ssize_t got;
	int rc;

	for (;;) {
		if ((got = recv(fd, buf, NL_BUFSIZE, 0)) == -1) {
			if (errno == EINTR)
				continue;
			return pk_ctx_fail_os(ctx, errno, "netlink UNIX_DIAG");
		}
		if (got == 0)
			return pk_ctx_fail(ctx, PK_EPARSE, 0, "netlink UNIX_DIAG: "
			    "truncated dump");
		len = (unsigned)got;
		for (h = (const struct nlmsghdr *)(void *)buf; NLMSG_OK(h, len);
		    h = NLMSG_NEXT(h, len)) {
			if (h->nlmsg_type == NLMSG_DONE)
				return PK_OK;
			if (h->nlmsg_type == NLMSG_ERROR)
				return pk_ctx_fail(ctx, PK_EOS, EIO,
				    "netlink UNIX_DIAG");
			if (h->nlmsg_type == SOCK_DIAG_BY_FAMILY &&
			    (rc = unix_msg(h, a)) != PK_OK)
				return pk_ctx_fail(ctx, rc, ENOMEM,
				    "netlink UNIX_DIAG");
		}
	}
}

int
pk_pconn_unix_diag(struct pk_ctx *ctx, const uint64_t *inodes, const int *fds,
    size_t ninodes, struct pk_pconn **conns, size_t *nconns)
{
	struct {
		struct nlmsghdr		h;
		struct unix_diag_req	r;
	} req;
	struct unix_arg a = { inodes, fds, ninodes, conns, nconns };
	struct sockaddr_nl sa;
	char *buf;
	int fd, rc;

	if ((fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC,
	    NETLINK_SOCK_DIAG)) == -1)
		return pk_ctx_fail_os(ctx, errno, "socket NETLINK_SOCK_DIAG");
	memset(&sa, 0, sizeof(sa));
	sa.nl_family = AF_NETLINK;
	memset(&req, 0, sizeof(req));
	req.h.nlmsg_len = sizeof(req);
	req.h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.h.nlmsg_seq = 1;
	req.r.sdiag_family = AF_UNIX;
	req.r.udiag_states = ~0u;
	req.r.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_VFS | UDIAG_SHOW_PEER;
	if (sendto(fd, &req, sizeof(req), 0, (struct sockaddr *)&sa,
	    sizeof(sa)) == -1)
		rc = pk_ctx_fail_os(ctx, errno, "netlink UNIX_DIAG");
	else if ((buf = malloc(NL_BUFSIZE)) == NULL)
		rc = pk_ctx_fail(ctx, PK_ENOMEM, ENOMEM, "netlink UNIX_DIAG");
	else {
		rc = unix_recv(ctx, fd, buf, &a);
		free(buf);
	}
	close(fd);
	return rc;
}
