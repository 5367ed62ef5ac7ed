/*
 * smemchart.c: the numbers of smem 1.5's pie chart (showpie()), which
 * pskit draws as SVG (procsmem --pie).  smem:
 *	s = sum(values); unused = tm - s; t = 0
 *	while values and (t + values[-1] < tm * .02 or
 *	    values[-1] < tm * .005): t += values.pop()
 *	if t: append t as "other"
 *	if unused > 0: insert unused as "unused" first
 * with values sorted descending and tm the memory total (MemTotal or
 * -R), in kB.  Python compares its int sums with the float bounds; in
 * doubles that is the same below 2^53 kB.
 */
#include "pskit.h"
#include "pskit/fmt.h"

void
pk_smem_pie(const double *values, size_t n, double total, struct pk_pie *out)
{
	double sum = 0, t = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += values[i];
	while (n > 0 && (t + values[n - 1] < total * .02 ||
	    values[n - 1] < total * .005))
		t += values[--n];
	out->nkept = n;
	out->other = t;
	out->has_other = t != 0;
	out->unused = total - sum;
	out->has_unused = out->unused > 0;
	/* the kept rows and "other" are all the rows */
	out->drawn = sum + (out->has_unused ? out->unused : 0);
}

/* pie() normalises the values by their sum; autopct shows 100 * x. */
double
pk_smem_pie_percent(const struct pk_pie *p, double v)
{
	return p->drawn > 0 ? 100 * v / p->drawn : 0;
}
