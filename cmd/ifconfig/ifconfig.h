/*
 * ifconfig.h: the parts of ifconfig, one way: ifconfig.c parses the
 * options and collects a report through the library, then hands it,
 * read-only, to one renderer: nettools.c (net-tools' display, and the
 * name and flag helpers the other two use), psutil.c (-P) or report.c
 * (tsv, json, prom).
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
	struct pk_net_addrs	 addrs;
	int			 missing;	/* a source failed (not absent) */
};

/* nettools.c */
void	 render_nettools(FILE *, const struct world *, const struct opts *);
void	 print_short_header(FILE *);
int	 shown(const struct pk_netif *, const struct opts *);
const char *vname(const char *, char *, size_t);
void	 flags_join(int, char *, size_t);
/* psutil.c */
void	 render_psutil(FILE *, const struct world *, const struct opts *);
/* report.c */
void	 render_report(FILE *, const struct world *, const struct opts *);

/*
 * The counters of the structured formats, one line each in report.c's
 * ifc_counters[] (in tsv/json/prom column order).  key: the tsv column
 * and json key; prom: the family (pskit_ifconfig_<prom>[_<unit>]_total)
 * and its HELP, NULL when not exported; dir and s64: the member of json's
 * stats64 object (ip's spelling), listed in the order of the fields in
 * struct pk_netif (the /proc/net/dev columns, then netlink's).  The value
 * is the uint64_t at off in struct pk_netif, present when ifp->has has
 * every bit of has and ifp->st.absent has none of absent.
 */
enum ifc_where {
	IFC_FLAT,	/* tsv column, json key, and in stats64 */
	IFC_S64,	/* in json's stats64 only */
	IFC_TAIL	/* tsv column after the link's, json's stats64 */
};

struct ifc_counter {
	enum ifc_where	 where;
	const char	*key;
	const char	*prom, *unit, *help;
	const char	*dir, *s64;
	unsigned	 has;
	unsigned	 absent;
	size_t		 off;
};

extern const struct ifc_counter ifc_counters[];
extern const size_t ifc_ncounters;

#endif /* IFCONFIG_H */
