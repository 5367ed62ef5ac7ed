/*
 * ifconfig.h: what the two parts of ifconfig share: ifconfig.c (options,
 * collection, net-tools' display) and extras.c (psutil's layout, tsv,
 * json and prom).
 */
#ifndef IFCONFIG_H
#define IFCONFIG_H

#include <stdio.h>

#include "pskit.h"

struct opts {
	int		 all, shortfmt, alladdrs, psutil;
	int		 fmt;
	unsigned	 outflags;
	const char	*outfile, *procfs, *sysfs, *name;
};

/* Everything read before rendering. */
struct world {
	struct pk_netif		*ifs;
	size_t			 nifs;
	struct pk_inet6_entry	*in6;
	size_t			 nin6;
	struct pk_inet4_addr	*in4;
	size_t			 nin4;
	int			 have_in4;
	struct pk_inet6_addr	*a6;		/* -P: IPv6 in netlink order */
	size_t			 na6;
	int			 have_a6;
	/* the same, sorted by name then file order, for lookups by name */
	const struct pk_inet6_entry	**in6s;
	const struct pk_inet4_addr	**in4s;
	int			 missing;	/* a source failed (not absent) */
};

/* Loop over the if_inet6 lines (in file order) or IPv4 addresses (in
 * kernel order) of one name. */
#define FOR_IN6(e, i, w, nm) \
	for ((i) = first6(w, nm); (i) < (w)->nin6 && \
	    strcmp(((e) = (w)->in6s[i])->name, nm) == 0; (i)++)
#define FOR_IN4(e, i, w, nm) \
	for ((i) = first4(w, nm); (i) < (w)->nin4 && \
	    strcmp(((e) = (w)->in4s[i])->label, nm) == 0; (i)++)

int	 shown(const struct pk_netif *, const struct opts *);
const char *vname(const char *, char *, size_t);
const char *ntoa4(const uint8_t *, char *);
unsigned mask_prefix(const uint8_t *);
void	 prefix_mask(unsigned, uint8_t *, size_t);
void	 flags_join(int, char *, size_t);
size_t	 first6(const struct world *, const char *);
size_t	 first4(const struct world *, const char *);
/* extras.c */
void	 render_psutil(FILE *, const struct world *, const struct opts *);
void	 render_report(FILE *, const struct world *, const struct opts *);
void	 merge_links(struct pk_ctx *, struct world *);

#endif /* IFCONFIG_H */
