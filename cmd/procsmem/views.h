/*
 * views.h: procsmem's views beyond smem's tables, each in its own file:
 * psutil.c (--psutil, psutil's scripts/procsmem.py) and svg.c (--pie,
 * --bar: smem's matplotlib charts as SVG documents).
 */
#ifndef PROCSMEM_VIEWS_H
#define PROCSMEM_VIEWS_H

#include <stdio.h>

/* --psutil: the whole report; returns the exit status. */
int	 psutil_main(const char *procfs, const char *sysfs,
	    const char *outfile, int fmt, int quiet);

/*
 * A chart as smem draws it, rows already in smem's order (descending by
 * the sort key).  pie: one value per row (the sort field); bar: nseries
 * values per row (the numeric columns shown), keys naming them.
 */
struct chart {
	int		 pie;
	const char	*pie_field;	/* title "PIE by SORT" */
	const char	*sort_field;
	double		 total;		/* pie: memory total, kB */
	size_t		 nrows;
	size_t		 nseries;
	const char	**keys;		/* nseries column keys */
	char		**labels;	/* nrows labels, display text */
	double		*v;		/* nrows * nseries values (kB) */
};

/* The chart as a standalone SVG document on fp. */
void	 chart_svg(FILE *fp, const struct chart *c);

#endif
