/*
 * svg.c: --pie and --bar.  smem 1.5 draws them with matplotlib in a
 * window; pskit writes the same chart as a standalone SVG document:
 * the pie of figure(figsize=(6,6)) with axes [.1,.1,.8,.8], slices
 * counter-clockwise from 3 o'clock in matplotlib's default colours, the
 * "unused" slice exploded by .05, a shadow, labels at 1.1 radii and
 * "%.2f%%" inside at .6, title "FIELD by SORT"; the bar chart of the
 * default 6.4x4.8 figure, one group per row with one bar per numeric
 * column in smem's 'bgrcmyw' colours, tick labels at 45 degrees and a
 * legend.  The slices ("other", "unused") come from pk_smem_pie().
 *
 * Every element that carries data has data-label, data-value (kB, the
 * number smem plots) and for bars data-key, so tests and scripts can
 * read a chart back.  Labels are untrusted: pk_xml_escape() makes any
 * bytes well-formed XML.
 */
#include <err.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "pskit/fmt.h"
#include "views.h"

#define PI		3.14159265358979323846
#define LABEL_CHARS	40	/* visible tick label; data-label is whole */

/* matplotlib's default property cycle (tab10). */
static const char *const tab10[] = {
	"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
	"#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"
};

/* smem's gc(n): 'bgrcmyw'[n % 7] as matplotlib resolves the letters. */
static const char *const bgrcmyw[] = {
	"#0000ff", "#008000", "#ff0000", "#00bfbf", "#bf00bf", "#bfbf00",
	"#ffffff"
};

static char *
xml(const char *s)
{
	char *e;

	if ((e = pk_xml_escape(s)) == NULL)
		err(1, NULL);
	return e;
}

/* The label as shown: cut to n characters (then "..."), escaped. */
static char *
shorten(const char *s, size_t n)
{
	char *cut, *e;
	size_t b;

	if (pk_utf8_len(s) <= n)
		return xml(s);
	b = pk_utf8_prefix(s, n);
	if ((cut = malloc(b + 4)) == NULL)
		err(1, NULL);
	memcpy(cut, s, b);
	memcpy(cut + b, "...", 4);
	e = xml(cut);
	free(cut);
	return e;
}

/* Escaped texts of a chart: full (data-label, title) and shown. */
struct texts {
	char	**full, **shown, **keys;
};

static void
doc_begin(FILE *fp, int w, int h)
{
	fprintf(fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
	    "font-family=\"DejaVu Sans, sans-serif\" font-size=\"10\">\n"
	    "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
	    w, h, w, h);
}

/* ---- pie ---- */

struct slice {
	const char	*label;		/* escaped */
	const char	*shown;		/* escaped, cut */
	double		 v;
	int		 explode;
};

static void
wedge_path(FILE *fp, double cx, double cy, double r, double a0, double a1)
{
	double x0 = cx + r * cos(a0), y0 = cy - r * sin(a0);
	double x1 = cx + r * cos(a1), y1 = cy - r * sin(a1);

	if (a1 - a0 >= 2 * PI - 1e-9) {	/* a whole circle */
		fprintf(fp, "M %.2f %.2f A %.2f %.2f 0 1 0 %.2f %.2f "
		    "A %.2f %.2f 0 1 0 %.2f %.2f Z", cx + r, cy, r, r, cx - r,
		    cy, r, r, cx + r, cy);
		return;
	}
	fprintf(fp, "M %.2f %.2f L %.2f %.2f A %.2f %.2f 0 %d 0 %.2f %.2f Z",
	    cx, cy, x0, y0, r, r, a1 - a0 > PI ? 1 : 0, x1, y1);
}

/*
 * One slice from angle *angle on; shadow: only matplotlib's Shadow, the
 * wedge moved by (-0.02, -0.02) and darkened (drawn below every wedge).
 */
static void
pie_slice(FILE *fp, const struct slice *s, const struct pk_pie *p,
    double *angle, size_t i, int shadow)
{
	const double cx = 300, cy = 300, r = 192;	/* 480 px for 2.5 */
	double pct = pk_smem_pie_percent(p, s->v), a0 = *angle;
	double a1 = a0 + 2 * PI * pct / 100;
	double mid = (a0 + a1) / 2, ox = 0, oy = 0, lx, ly;

	*angle = a1;
	if (s->explode) {
		ox = .05 * r * cos(mid);
		oy = -.05 * r * sin(mid);
	}
	if (shadow) {
		fputs("<path fill=\"#000000\" fill-opacity=\"0.3\" d=\"", fp);
		wedge_path(fp, cx + ox - .02 * r, cy + oy + .02 * r, r, a0, a1);
		fputs("\"/>\n", fp);
		return;
	}
	fprintf(fp, "<g class=\"wedge\" data-label=\"%s\" data-value=\"%.17g\">"
	    "<title>%s: %.17g kB</title>\n<path fill=\"%s\" d=\"", s->label,
	    s->v, s->label, s->v, tab10[i % 10]);
	wedge_path(fp, cx + ox, cy + oy, r, a0, a1);
	lx = cx + ox + 1.1 * r * cos(mid);
	ly = cy + oy - 1.1 * r * sin(mid);
	fprintf(fp, "\"/>\n<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\" "
	    "dominant-baseline=\"middle\">", lx, ly, cos(mid) >= 0 ? "start" :
	    "end");
	fputs(s->shown, fp);
	fprintf(fp, "</text>\n<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\" "
	    "dominant-baseline=\"middle\">%.2f%%</text></g>\n",
	    cx + ox + .6 * r * cos(mid), cy + oy - .6 * r * sin(mid), pct);
}

/* smem's showpie(): unused first (exploded), the kept rows, "other". */
static void
pie(FILE *fp, const struct chart *c, const struct texts *t)
{
	struct slice *s = calloc(c->nrows + 2, sizeof(*s));
	struct pk_pie p;
	double angle = 0;
	size_t i, n = 0;
	char *t1, *t2;

	if (s == NULL)
		err(1, NULL);
	pk_smem_pie(c->v, c->nrows, c->total, &p);
	if (p.has_unused)
		s[n++] = (struct slice){ "unused", "unused", p.unused, 1 };
	for (i = 0; i < p.nkept; i++)
		s[n++] = (struct slice){ t->full[i], t->shown[i], c->v[i], 0 };
	if (p.has_other)
		s[n++] = (struct slice){ "other", "other", p.other, 0 };
	t1 = xml(c->pie_field);
	t2 = xml(c->sort_field);
	doc_begin(fp, 600, 600);
	fprintf(fp, "<text class=\"title\" x=\"300\" y=\"40\" "
	    "text-anchor=\"middle\" font-size=\"12\">%s by %s</text>\n", t1, t2);
	for (i = 0; p.drawn > 0 && i < n; i++)
		pie_slice(fp, &s[i], &p, &angle, i, 1);
	for (angle = 0, i = 0; p.drawn > 0 && i < n; i++)
		pie_slice(fp, &s[i], &p, &angle, i, 0);
	fputs("</svg>\n", fp);
	free(t1);
	free(t2);
	free(s);
}

/* ---- bar ---- */

/* A round step for about five y ticks (1, 2, 2.5 or 5 times 10^k). */
static double
tick_step(double max)
{
	double raw = max / 5, mag, f;

	if (raw <= 0)
		return 1;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) *
	    mag;
}

struct frame {
	double	 x0, x1, y0, y1;	/* plot area, SVG px */
	double	 xmin, xmax, ymax;	/* data range */
};

static double
fx(const struct frame *f, double x)
{
	return f->x0 + (x - f->xmin) / (f->xmax - f->xmin) * (f->x1 - f->x0);
}

static double
fy(const struct frame *f, double y)
{
	return f->y1 - y / f->ymax * (f->y1 - f->y0);
}

static void
bar_axes(FILE *fp, const struct frame *f, double step)
{
	double t;

	fprintf(fp, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
	    "fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>\n", f->x0,
	    f->y0, f->x1 - f->x0, f->y1 - f->y0);
	for (t = 0; t <= f->ymax * (1 + 1e-9); t += step)
		fprintf(fp, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" "
		    "y2=\"%.2f\" stroke=\"#000000\" stroke-width=\"0.8\"/>"
		    "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"end\" "
		    "dominant-baseline=\"middle\">%.15g</text>\n", f->x0 - 3.5,
		    fy(f, t), f->x0, fy(f, t), f->x0 - 6, fy(f, t), t);
}

static void
bar_row(FILE *fp, const struct chart *c, const struct texts *t,
    const struct frame *f, size_t i, double width)
{
	double x, tx = fx(f, (double)i + .5), ty = f->y1 + 12;
	size_t k;

	for (k = 0; k < c->nseries; k++) {
		double v = c->v[i * c->nseries + k];

		/* bar(ind + offset + width * n, ..., width): centred there */
		x = (double)i + width / 2 + width * (double)k - width / 2;
		fprintf(fp, "<rect class=\"bar\" data-label=\"%s\" "
		    "data-key=\"%s\" data-value=\"%.17g\" x=\"%.2f\" y=\"%.2f\" "
		    "width=\"%.2f\" height=\"%.2f\" fill=\"%s\"%s><title>%s %s: "
		    "%.17g kB</title></rect>\n", t->full[i], t->keys[k], v,
		    fx(f, x), fy(f, v > 0 ? v : 0), fx(f, x + width) - fx(f, x),
		    f->y1 - fy(f, v > 0 ? v : 0), bgrcmyw[k % 7],
		    k % 7 == 6 ? " stroke=\"#000000\" stroke-width=\"0.3\"" : "",
		    t->full[i], t->keys[k], v);
	}
	fprintf(fp, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" "
	    "stroke=\"#000000\" stroke-width=\"0.8\"/><text class=\"tick\" "
	    "x=\"%.2f\" y=\"%.2f\" text-anchor=\"end\" "
	    "transform=\"rotate(-45 %.2f %.2f)\">", tx, f->y1, tx, f->y1 + 3.5,
	    tx, ty, tx, ty);
	fputs(t->shown[i], fp);
	fputs("</text>\n", fp);
}

static void
bar_legend(FILE *fp, const struct chart *c, const struct texts *t,
    const struct frame *f)
{
	size_t k;

	for (k = 0; k < c->nseries; k++)
		fprintf(fp, "<rect x=\"%.2f\" y=\"%.2f\" width=\"20\" "
		    "height=\"7\" fill=\"%s\" stroke=\"#000000\" "
		    "stroke-width=\"0.3\"/><text class=\"legend\" x=\"%.2f\" "
		    "y=\"%.2f\" dominant-baseline=\"middle\">%s</text>\n",
		    f->x1 - 90, f->y0 + 10 + 15 * (double)k, bgrcmyw[k % 7],
		    f->x1 - 64, f->y0 + 13.5 + 15 * (double)k, t->keys[k]);
}

/* smem's showbar(): bars of every numeric column, one group per row. */
static void
bar(FILE *fp, const struct chart *c, const struct texts *t)
{
	struct frame f = { 80, 576, 58, 427, 0, 1, 0 };
	double width = 1.0 / (double)(c->nseries + 1), max = 0, step;
	size_t i, n = c->nrows * c->nseries, chars = 0;

	for (i = 0; i < n; i++)
		if (c->v[i] > max)
			max = c->v[i];
	step = tick_step(max);
	f.ymax = ceil(max * 1.05 / step) * step;
	if (f.ymax <= 0)
		f.ymax = step;
	/* matplotlib's 5% x margins around the bars */
	f.xmin = -.05 * (double)(c->nrows > 0 ? c->nrows : 1);
	f.xmax = (double)(c->nrows > 0 ? c->nrows : 1) - f.xmin;
	for (i = 0; i < c->nrows; i++)
		if (pk_utf8_len(c->labels[i]) > chars)
			chars = pk_utf8_len(c->labels[i]);
	if (chars > LABEL_CHARS)
		chars = LABEL_CHARS + 3;
	/* room for the labels at 45 degrees (~6 px a character): below the
	 * axes, and left of the first tick */
	if (fx(&f, .5) < (double)chars * 6 * .71 + 10)
		f.x0 += (double)chars * 6 * .71 + 10 - fx(&f, .5);
	doc_begin(fp, 640, 427 + 12 + (int)((double)chars * 6 * .71) + 20);
	bar_axes(fp, &f, step);
	for (i = 0; i < c->nrows; i++)
		bar_row(fp, c, t, &f, i, width);
	bar_legend(fp, c, t, &f);
	fputs("</svg>\n", fp);
}

void
chart_svg(FILE *fp, const struct chart *c)
{
	struct texts t;
	size_t i;

	t.full = calloc(c->nrows + 1, sizeof(char *));
	t.shown = calloc(c->nrows + 1, sizeof(char *));
	t.keys = calloc(c->nseries + 1, sizeof(char *));
	if (t.full == NULL || t.shown == NULL || t.keys == NULL)
		err(1, NULL);
	for (i = 0; i < c->nrows; i++) {
		t.full[i] = xml(c->labels[i]);
		t.shown[i] = shorten(c->labels[i], LABEL_CHARS);
	}
	for (i = 0; i < c->nseries; i++)
		t.keys[i] = xml(c->keys[i]);
	if (c->pie)
		pie(fp, c, &t);
	else
		bar(fp, c, &t);
	for (i = 0; i < c->nrows; i++) {
		free(t.full[i]);
		free(t.shown[i]);
	}
	for (i = 0; i < c->nseries; i++)
		free(t.keys[i]);
	free(t.full);
	free(t.shown);
	free(t.keys);
}
