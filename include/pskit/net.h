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
int	 pk_ifinet6_parse(const char *buf, size_t len,
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
/*
 * Interface flag bits as Linux numbers them (IFF_*): the 16-bit
 * SIOCGIFFLAGS short net-tools prints, then netlink's 32-bit extras.
 * Every OS's probe fills struct pk_netif's flags with these.
 */
#define PK_IFF_UP		0x1
#define PK_IFF_BROADCAST	0x2
#define PK_IFF_DEBUG		0x4
#define PK_IFF_LOOPBACK		0x8
#define PK_IFF_POINTOPOINT	0x10
#define PK_IFF_NOTRAILERS	0x20
#define PK_IFF_RUNNING		0x40
#define PK_IFF_NOARP		0x80
#define PK_IFF_PROMISC		0x100
#define PK_IFF_ALLMULTI		0x200
#define PK_IFF_MASTER		0x400
#define PK_IFF_SLAVE		0x800
#define PK_IFF_MULTICAST	0x1000
#define PK_IFF_PORTSEL		0x2000
#define PK_IFF_AUTOMEDIA	0x4000
#define PK_IFF_DYNAMIC		0x8000
#define PK_IFF_LOWER_UP		0x10000
#define PK_IFF_DORMANT		0x20000
#define PK_IFF_ECHO		0x40000

/* Hardware types (Linux ARPHRD_*), struct pk_netif's hwtype. */
#define PK_ARPHRD_ETHER		1
#define PK_ARPHRD_INFINIBAND	32
#define PK_ARPHRD_CAN		280
#define PK_ARPHRD_PPP		512
#define PK_ARPHRD_TUNNEL	768
#define PK_ARPHRD_LOOPBACK	772
#define PK_ARPHRD_SIT		776
#define PK_ARPHRD_IPGRE		778
#define PK_ARPHRD_IEEE80211	801
#define PK_ARPHRD_IP6GRE	823
#define PK_ARPHRD_NONE		65534

/* IFA_F_* address flags (pk_inet4_addr, pk_inet6_entry) */
#define PK_IFA_F_SECONDARY	0x01
#define PK_IFA_F_PERMANENT	0x80

/*
 * What a report reads besides the interfaces (netaddr.c, OS-neutral):
 * the if_inet6 lines in file order, the netlink IPv4 addresses and (-P)
 * IPv6 addresses in kernel order; have_* say which were read.  The index
 * (in6s, in4s) holds the first two sorted by name, each name's entries
 * kept in list order.
 */
struct pk_net_addrs {
	struct pk_inet6_entry		*in6;
	size_t				 nin6;
	struct pk_inet4_addr		*in4;
	size_t				 nin4;
	int				 have_in4;
	struct pk_inet6_addr		*a6;
	size_t				 na6;
	int				 have_a6;
	const struct pk_inet6_entry	**in6s;
	const struct pk_inet4_addr	**in4s;
};

/* Build the index of the lists already in a.  PK_ENOMEM. */
int	 pk_net_addrs_index(struct pk_ctx *ctx, struct pk_net_addrs *a);
/* The if_inet6 entries of name, or the IPv4 addresses of label (eth0:1):
 * *v points at the first of the returned count, in list order. */
size_t	 pk_net_addrs_in6(const struct pk_net_addrs *a, const char *name,
	    const struct pk_inet6_entry *const **v);
size_t	 pk_net_addrs_in4(const struct pk_net_addrs *a, const char *label,
	    const struct pk_inet4_addr *const **v);
void	 pk_net_addrs_free(struct pk_net_addrs *a);

/*
 * Merge one pk_net_links() dump (sorted here by name) into ifs: ifindex,
 * 32-bit flags, operstate, and the carrier of an interface that is UP (a
 * down device's carrier is unknown, as in sysfs).  An alias (eth0:1) gets
 * its device's.  The IFLA_STATS64 counters only when ctx reads the live
 * /proc: a --procfs tree's counters never mix with the namespace's.
 */
void	 pk_net_links_merge(const struct pk_ctx *ctx, struct pk_netif *ifs,
	    size_t nifs, struct pk_net_link *links, size_t nlinks);

/* Dotted quad of a[0..3] into buf (16 bytes). */
const char *pk_net_ntoa4(const uint8_t *a, char *buf);
/* The prefix length of an IPv4 netmask (its set bits). */
unsigned pk_net_mask_prefix(const uint8_t *mask);
/* The netmask of a prefix length, len bytes (4 or 16). */
void	 pk_net_prefix_mask(unsigned prefixlen, uint8_t *mask, size_t len);


#endif /* PSKIT_NET_H */
