/*
 * pskit/net.h: network interfaces (ifconfig): /proc/net/dev, if_inet6,
 * the interface ioctls and netlink links and addresses.
 */
#ifndef PSKIT_NET_H
#define PSKIT_NET_H

#include "pskit/core.h"

#define PK_IFNAMSIZ	16	/* the kernel's IFNAMSIZ: 15 characters + NUL */

/* The 16 columns of /proc/net/dev, u64 as the kernel prints them. */
struct pk_netdev_stats {
	uint64_t rx_bytes, rx_packets, rx_errs, rx_drop, rx_fifo, rx_frame;
	uint64_t rx_compressed, rx_multicast;
	uint64_t tx_bytes, tx_packets, tx_errs, tx_drop, tx_fifo, tx_colls;
	uint64_t tx_carrier, tx_compressed;
	unsigned absent;	/* PK_NDS_*: counters the OS does not keep */
};
#define PK_NDS_RX_FIFO		0x01
#define PK_NDS_RX_FRAME		0x02
#define PK_NDS_RX_COMPRESSED	0x04
#define PK_NDS_RX_MULTICAST	0x08
#define PK_NDS_TX_FIFO		0x10
#define PK_NDS_TX_COLLS		0x20
#define PK_NDS_TX_CARRIER	0x40
#define PK_NDS_TX_COMPRESSED	0x80

struct pk_netdev_entry {
	char			 name[PK_IFNAMSIZ];
	struct pk_netdev_stats	 st;
};

/*
 * Pure parser of /proc/net/dev with net-tools 2.10's rules: two header
 * lines (the second picks the format: "compressed" = 16 columns, "bytes" =
 * 13, else 11), the name runs to the first ':' (old "eth0:1:" aliases
 * kept), numbers as sscanf's %llu (missing ones are 0).  Names longer
 * than 15 characters are truncated as net-tools' IFNAMSIZ copy does.
 * *out is malloc'ed; free it.
 */
int	 pk_netdev_parse(const char *buf, size_t len,
	    struct pk_netdev_entry **out, size_t *n);

/* One line of /proc/net/if_inet6. */
struct pk_inet6_entry {
	uint8_t		 addr[16];
	unsigned	 ifindex;
	unsigned	 prefixlen;
	unsigned	 scope;		/* IPV6_ADDR_* scope bits */
	unsigned	 flags;		/* IFA_F_* */
	char		 name[PK_IFNAMSIZ];
};

/* Pure parser of /proc/net/if_inet6; malformed lines are skipped. */
int	 pk_if_inet6_parse(const char *buf, size_t len,
	    struct pk_inet6_entry **out, size_t *n);

/* net-tools 2.10 nstrcmp(): natural order, "eth2" < "eth10" < "eth10:1". */
int	 pk_net_nstrcmp(const char *a, const char *b);

/* inet_ntop(AF_INET6) of glibc, for systems without it; len >= 46. */
void	 pk_net_ntop6(const uint8_t *addr, char *buf, size_t len);

/* One IPv4 address (netlink RTM_GETADDR), secondaries included. */
struct pk_inet4_addr {
	uint8_t		 local[4];	/* IFA_LOCAL (or IFA_ADDRESS) */
	uint8_t		 peer[4];	/* IFA_ADDRESS when it differs */
	uint8_t		 brd[4];	/* IFA_BROADCAST */
	unsigned	 prefixlen;
	unsigned	 scope;
	unsigned	 flags;		/* IFA_F_* (SECONDARY 0x01) */
	unsigned	 ifindex;
	unsigned	 has;		/* PK_INET4_HAS_* */
	char		 label[PK_IFNAMSIZ];
};
#define PK_INET4_HAS_PEER	0x1
#define PK_INET4_HAS_BRD	0x2

#define PK_NETIF_HAS_FLAGS	0x0001	/* SIOCGIFFLAGS worked */
#define PK_NETIF_HAS_STATS	0x0002	/* the name is in /proc/net/dev */
#define PK_NETIF_HAS_IP		0x0004	/* SIOCGIFADDR worked */
#define PK_NETIF_HAS_TXQLEN	0x0008
#define PK_NETIF_HAS_SPEED	0x0010	/* ethtool knew the speed */
#define PK_NETIF_HAS_DUPLEX	0x0020
#define PK_NETIF_HAS_INDEX	0x0040
#define PK_NETIF_HAS_OPER	0x0080	/* operstate read */
#define PK_NETIF_HAS_CARRIER	0x0100
#define PK_NETIF_HAS_LFLAGS	0x0200	/* lflags from netlink */
#define PK_NETIF_HAS_STATS64	0x0400	/* netlink IFLA_STATS64 read */

/* What pk_net_fetch() reads beyond net-tools' ioctls. */
#define PK_NET_ETHTOOL		0x1	/* speed, duplex */

/*
 * One interface (or IPv4 label such as eth0:1) as net-tools sees it:
 * the SIOCGIF* results, the /proc/net/dev counters, and extras.
 */
struct pk_netif {
	char			 name[PK_IFNAMSIZ];
	unsigned		 has;		/* PK_NETIF_HAS_* */
	int			 flags;		/* the 16-bit short, sign-extended */
	int			 hwtype;	/* ARPHRD_* */
	uint8_t			 hwaddr[16];	/* sa_data[0..7], then zeros */
	int			 mtu;
	int			 txqlen;
	unsigned long		 map_mem_start, map_mem_end;
	unsigned		 map_base_addr, map_irq, map_dma;
	uint8_t			 addr[4], netmask[4], broadaddr[4], dstaddr[4];
	struct pk_netdev_stats	 st;
	unsigned		 ifindex;
	uint64_t		 speed_mbps;
	int			 duplex;	/* 0 half, 1 full */
	int			 carrier;
	char			 operstate[16];
	unsigned		 lflags;	/* 32-bit ifi_flags (LOWER_UP) */
	/* from IFLA_STATS64, as ip reads them (not /proc/net/dev's sums) */
	uint64_t		 rx_over_errors, tx_carrier_errors;
};

/* Sockets for the interface ioctls, opened once per command. */
struct pk_net {
	int	 sock;		/* AF_INET datagram socket */
	int	 dev_oserr;	/* why /proc/net/dev was unreadable, or 0 */
};

int	 pk_net_open(struct pk_ctx *ctx, struct pk_net *net);
void	 pk_net_close(struct pk_net *net);

/*
 * Every name net-tools lists: /proc/net/dev plus the SIOCGIFCONF labels,
 * sorted and merged with pk_net_nstrcmp() as net-tools' cache does.
 * Entries from /proc/net/dev carry their counters (PK_NETIF_HAS_STATS).
 */
int	 pk_net_names(struct pk_ctx *ctx, struct pk_net *net,
	    struct pk_netif **out, size_t *n);
/*
 * pk_net_names() carries on without /proc/net/dev, as net-tools does, and
 * leaves the reason in net->dev_oserr.
 *
 * One name as `ifconfig NAME` looks it up: counters only if the name is a
 * row of /proc/net/dev.  The name is truncated to 15 characters.  An
 * unreadable /proc/net/dev is an error here (net-tools gives up too).
 */
int	 pk_net_lookup(struct pk_ctx *ctx, struct pk_net *net, const char *name,
	    struct pk_netif *out);
/*
 * The SIOCGIF* reads of net-tools' if_fetch() into ifp (name and counters
 * already set), plus the extras asked for in what (PK_NET_*).  PK_ENOENT
 * when the interface does not exist (ENODEV); extras that fail are left
 * out of has, never an error.
 */
int	 pk_net_fetch(struct pk_ctx *ctx, struct pk_net *net, unsigned what,
	    struct pk_netif *ifp);
/* /proc/net/if_inet6, read once; a missing file is an empty list. */
int	 pk_net_inet6(struct pk_ctx *ctx, struct pk_inet6_entry **out,
	    size_t *n);
/* Every IPv4 address of the namespace (netlink), in kernel order. */
int	 pk_net_inet4(struct pk_ctx *ctx, struct pk_inet4_addr **out,
	    size_t *n);

/* One IPv6 address of the RTM_GETADDR dump (getifaddrs' order). */
struct pk_inet6_addr {
	uint8_t		 addr[16];
	unsigned	 prefixlen;
	unsigned	 scope;		/* RT_SCOPE_* */
	unsigned	 flags;		/* IFA_F_* */
	unsigned	 ifindex;
};

/* Every IPv6 address of the namespace (netlink), in kernel order. */
int	 pk_net_inet6_addrs(struct pk_ctx *ctx, struct pk_inet6_addr **out,
	    size_t *n);

/* One link of the netlink RTM_GETLINK dump. */
struct pk_net_link {
	char		 name[PK_IFNAMSIZ];
	unsigned	 ifindex;
	unsigned	 flags;		/* 32-bit ifi_flags (LOWER_UP, DORMANT) */
	int		 operstate;	/* IF_OPER_*, -1 when absent */
	int		 carrier;	/* 0 or 1, -1 when absent */
	int		 has_stats64;	/* the two counters below were sent */
	uint64_t	 rx_over_errors, tx_carrier_errors;
};

/* Every link of the namespace, in ifindex order. */
int	 pk_net_links(struct pk_ctx *ctx, struct pk_net_link **out, size_t *n);
/* The sysfs word of an IF_OPER_* value ("up", "lowerlayerdown"...). */
const char *pk_net_operstate_name(int operstate);

#endif /* PSKIT_NET_H */
