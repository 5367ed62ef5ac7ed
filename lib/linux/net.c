/*
 * net.c: network interfaces the way net-tools 2.10 ifconfig reads them
 * (reference/ifconfig.md §1.4): names from /proc/net/dev plus SIOCGIFCONF,
 * the SIOCGIF* ioctls of if_fetch(), counters from /proc/net/dev (u64),
 * IPv6 from /proc/net/if_inet6; extras: ethtool speed/duplex (errors mean
 * "unknown").  The netlink dumps are in netlink.c.
 */
#define _GNU_SOURCE	/* struct ifreq, SIOC* */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <netinet/in.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>

#include "pskit.h"

int
pk_net_open(struct pk_ctx *ctx, struct pk_net *net)
{
	net->dev_oserr = 0;
	net->sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (net->sock == -1)
		return pk_ctx_fail_os(ctx, errno, "socket AF_INET");
	return PK_OK;
}

static int
read_netdev(struct pk_ctx *ctx, struct pk_netdev_entry **v, size_t *n)
{
	struct pk_buf buf = { 0 };
	int rc;

	*v = NULL;
	*n = 0;
	if ((rc = pk_file_read(ctx, PK_ROOT_PROC, "net/dev", &buf)) == PK_OK)
		rc = pk_netdev_parse(buf.data, buf.len, v, n);
	pk_buf_free(&buf);
	return rc;
}

/* A sorted list of interfaces being built, as net-tools' cache. */
struct iflist {
	struct pk_netif	*v;
	size_t		 n, cap;
};

/*
 * net-tools' if_cache_add(): the entry that compares equal is returned,
 * else a new one goes after the last entry that sorts before the name.
 * net-tools scans back from the end; a binary search finds the same
 * place in the sorted list without its quadratic cost.
 */
static struct pk_netif *
cache_add(struct iflist *l, const char *name)
{
	struct pk_netif *nv;
	size_t lo = 0, hi = l->n, mid;

	/* first entry greater than name: everything before is <= name */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (pk_net_nstrcmp(l->v[mid].name, name) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && pk_net_nstrcmp(l->v[lo - 1].name, name) == 0)
		return &l->v[lo - 1];
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		if ((nv = reallocarray(l->v, l->cap, sizeof(*nv))) == NULL)
			return NULL;
		l->v = nv;
	}
	memmove(&l->v[lo + 1], &l->v[lo], (l->n - lo) * sizeof(*nv));
	l->n++;
	memset(&l->v[lo], 0, sizeof(l->v[lo]));
	strlcpy(l->v[lo].name, name, sizeof(l->v[lo].name));
	return &l->v[lo];
}

/* The IPv4 labels of SIOCGIFCONF, growing the buffer until it fits. */
static int
add_ifconf(struct pk_ctx *ctx, struct pk_net *net, struct iflist *l)
{
	struct ifconf ifc;
	char *buf = NULL, *nb;
	size_t numreqs = 30, i;
	char name[PK_IFNAMSIZ];

	for (;;) {
		ifc.ifc_len = (int)(sizeof(struct ifreq) * numreqs);
		if ((nb = realloc(buf, (size_t)ifc.ifc_len)) == NULL) {
			free(buf);
			return pk_ctx_fail(ctx, PK_ENOMEM, ENOMEM, "SIOCGIFCONF");
		}
		ifc.ifc_buf = buf = nb;
		if (ioctl(net->sock, SIOCGIFCONF, &ifc) == -1) {
			free(buf);
			return pk_ctx_fail_os(ctx, errno, "SIOCGIFCONF");
		}
		if ((size_t)ifc.ifc_len < sizeof(struct ifreq) * numreqs)
			break;
		numreqs *= 2;
	}
	for (i = 0; i < (size_t)ifc.ifc_len / sizeof(struct ifreq); i++) {
		/* not trusting the kernel's NUL: copy at most 15 bytes */
		memcpy(name, ifc.ifc_req[i].ifr_name, sizeof(name) - 1);
		name[sizeof(name) - 1] = '\0';
		if (cache_add(l, name) == NULL) {
			free(buf);
			return pk_ctx_fail(ctx, PK_ENOMEM, ENOMEM, "interface list");
		}
	}
	free(buf);
	return PK_OK;
}

int
pk_net_names(struct pk_ctx *ctx, struct pk_net *net, struct pk_netif **out,
    size_t *n)
{
	struct pk_netdev_entry *dev;
	struct pk_netif *ifp;
	struct iflist l = { 0 };
	size_t i, ndev;
	int rc;

	rc = read_netdev(ctx, &dev, &ndev);
	if (rc == PK_ENOMEM)
		return rc;
	if (rc != PK_OK)
		net->dev_oserr = ctx->oserr != 0 ? ctx->oserr : EIO;
	for (i = 0; i < ndev; i++) {
		if ((ifp = cache_add(&l, dev[i].name)) == NULL) {
			free(dev);
			free(l.v);
			return pk_ctx_fail(ctx, PK_ENOMEM, ENOMEM, "interface list");
		}
		ifp->st = dev[i].st;
		ifp->has |= PK_NETIF_HAS_STATS;
	}
	free(dev);
	/* net-tools fails only when both sources fail. */
	if (add_ifconf(ctx, net, &l) != PK_OK && (rc != PK_OK ||
	    ctx->code == PK_ENOMEM)) {
		free(l.v);
		return ctx->code;
	}
	*out = l.v;
	*n = l.n;
	return PK_OK;
}

int
pk_net_lookup(struct pk_ctx *ctx, struct pk_net *net, const char *name,
    struct pk_netif *out)
{
	struct pk_netdev_entry *dev;
	size_t i, ndev;
	int rc;

	memset(out, 0, sizeof(*out));
	strlcpy(out->name, name, sizeof(out->name));
	if ((rc = read_netdev(ctx, &dev, &ndev)) != PK_OK) {
		net->dev_oserr = ctx->oserr != 0 ? ctx->oserr : EIO;
		return rc;
	}
	for (i = 0; i < ndev; i++) {
		if (strcmp(dev[i].name, out->name) == 0) {
			out->st = dev[i].st;
			out->has |= PK_NETIF_HAS_STATS;
			break;
		}
	}
	free(dev);
	return PK_OK;
}

static void
set_name(struct ifreq *ifr, const char *name)
{
	strlcpy(ifr->ifr_name, name, sizeof(ifr->ifr_name));
}

static void
copy_in4(uint8_t *dst, const struct sockaddr *sa)
{
	memcpy(dst, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
	    4);
}

/* SIOCGIFADDR and the rest of the IPv4 part of if_fetch(). */
static void
fetch_inet(struct pk_net *net, struct pk_netif *ifp)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	set_name(&ifr, ifp->name);
	ifr.ifr_addr.sa_family = AF_INET;
	if (ioctl(net->sock, SIOCGIFADDR, &ifr) != 0)
		return;
	ifp->has |= PK_NETIF_HAS_IP;
	copy_in4(ifp->addr, &ifr.ifr_addr);
	set_name(&ifr, ifp->name);
	if (ioctl(net->sock, SIOCGIFDSTADDR, &ifr) == 0)
		copy_in4(ifp->dstaddr, &ifr.ifr_dstaddr);
	set_name(&ifr, ifp->name);
	if (ioctl(net->sock, SIOCGIFBRDADDR, &ifr) == 0)
		copy_in4(ifp->broadaddr, &ifr.ifr_broadaddr);
	set_name(&ifr, ifp->name);
	if (ioctl(net->sock, SIOCGIFNETMASK, &ifr) == 0)
		copy_in4(ifp->netmask, &ifr.ifr_netmask);
}

/*
 * ETHTOOL_GSET as psutil's net_if_stats(): any error (EOPNOTSUPP on lo,
 * EINVAL, EBUSY, ENODEV, ENOTTY, EPERM) leaves speed and duplex unknown;
 * 0, 0xFFFF and 0xFFFFFFFF are ethtool(8)'s "Unknown!" speeds.
 */
static void
fetch_ethtool(struct pk_net *net, struct pk_netif *ifp)
{
	struct ethtool_cmd ecmd;
	struct ifreq ifr;
	uint32_t speed;

	memset(&ifr, 0, sizeof(ifr));
	memset(&ecmd, 0, sizeof(ecmd));
	ecmd.cmd = ETHTOOL_GSET;
	set_name(&ifr, ifp->name);
	ifr.ifr_data = (void *)&ecmd;
	if (ioctl(net->sock, SIOCETHTOOL, &ifr) != 0)
		return;
	speed = (uint32_t)ecmd.speed_hi << 16 | ecmd.speed;
	if (speed != 0 && speed != 0xFFFF && speed != 0xFFFFFFFF &&
	    speed <= 0x7FFFFFFF) {
		ifp->speed_mbps = speed;
		ifp->has |= PK_NETIF_HAS_SPEED;
	}
	if (ecmd.duplex == DUPLEX_HALF || ecmd.duplex == DUPLEX_FULL) {
		ifp->duplex = ecmd.duplex == DUPLEX_FULL;
		ifp->has |= PK_NETIF_HAS_DUPLEX;
	}
}

/*
 * if_fetch() of net-tools 2.10, ioctl by ioctl.  One ifreq is reused the
 * same way, so a failed SIOCGIFHWADDR leaves the same type behind.
 */
int
pk_net_fetch(struct pk_ctx *ctx, struct pk_net *net, unsigned what,
    struct pk_netif *ifp)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	set_name(&ifr, ifp->name);
	if (ioctl(net->sock, SIOCGIFFLAGS, &ifr) == -1)
		return pk_ctx_fail_os(ctx, errno, "%s", ifp->name);
	ifp->flags = (short)ifr.ifr_flags;
	ifp->has |= PK_NETIF_HAS_FLAGS;
	set_name(&ifr, ifp->name);
	memset(ifp->hwaddr, 0, sizeof(ifp->hwaddr));
	if (ioctl(net->sock, SIOCGIFHWADDR, &ifr) == 0)
		memcpy(ifp->hwaddr, ifr.ifr_hwaddr.sa_data, 8);
	ifp->hwtype = ifr.ifr_hwaddr.sa_family;
	set_name(&ifr, ifp->name);
	ifp->mtu = ioctl(net->sock, SIOCGIFMTU, &ifr) == -1 ? 0 : ifr.ifr_mtu;
	set_name(&ifr, ifp->name);
	if (ioctl(net->sock, SIOCGIFMAP, &ifr) == 0) {
		ifp->map_mem_start = ifr.ifr_map.mem_start;
		ifp->map_mem_end = ifr.ifr_map.mem_end;
		ifp->map_base_addr = ifr.ifr_map.base_addr;
		ifp->map_irq = ifr.ifr_map.irq;
		ifp->map_dma = ifr.ifr_map.dma;
	}
	set_name(&ifr, ifp->name);
	if (ioctl(net->sock, SIOCGIFTXQLEN, &ifr) == 0) {
		ifp->txqlen = ifr.ifr_qlen;
		ifp->has |= PK_NETIF_HAS_TXQLEN;
	}
	fetch_inet(net, ifp);
	if (what & PK_NET_ETHTOOL)
		fetch_ethtool(net, ifp);
	return PK_OK;
}

int
pk_net_inet6(struct pk_ctx *ctx, struct pk_inet6_entry **out, size_t *n)
{
	struct pk_buf buf = { 0 };
	int rc;

	*out = NULL;
	*n = 0;
	rc = pk_file_read(ctx, PK_ROOT_PROC, "net/if_inet6", &buf);
	if (rc == PK_OK)
		rc = pk_ifinet6_parse(buf.data, buf.len, out, n);
	else if (rc == PK_ENOENT)
		rc = PK_OK;	/* IPv6 disabled: no inet6 lines */
	pk_buf_free(&buf);
	return rc;
}

