/*
 * render.c: procsmem's output of one sample: smem's text table (widths,
 * -a, -k, -p, the -t row group.c summed), the --pie and --bar charts
 * (svg.c), tsv/json/prom through records.c, to stdout or replacing
 * --outfile.  The report is read, never changed.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parts.h"
#include "views.h"

/* Python's "%[-]W[.P]s": P cuts, W pads, both in characters. */
static void
put_cell(FILE *fp, const char *s, int width, int prec, int left)
{
	size_t len = pk_utf8_len(s), bytes = strlen(s);
	int pad;

	/* s is escaped: cut never inside an escape (DESIGN.md "Output") */
	if (prec > 0 && len > (size_t)prec)
		bytes = pk_esc_cut(s, (size_t)prec, &len);
	pad = width > (int)len ? width - (int)len : 0;
	if (!left)
		fprintf(fp, "%*s", pad, "");
	fwrite(s, 1, bytes, fp);
	if (left)
		fprintf(fp, "%*s", pad, "");
	putc(' ', fp);
}

/* smem's showamount(): -k wins over -p; total 0 gives N/A. */
static void
fmt_amount(const struct opts *o, int64_t kb, double total, char *buf,
    size_t len)
{
	if (o->abbrev)
		pk_smem_units(kb, buf, len);
	else if (o->percent)
		pk_smem_percent(kb, total, buf, len);
	else
		snprintf(buf, len, "%lld", (long long)kb);
}

struct colfmt {
	int	 width;
	int	 prec;		/* 0: no precision */
	int	 left;
};

/* The text of one cell before padding. */
static const char *
cell_text(const struct report *r, const struct field *f, struct val v,
    char *buf, size_t len)
{
	double total;

	if (v.s != NULL)
		return v.s;
	if (!f->amount) {
		snprintf(buf, len, "%lld", (long long)v.n);
		return buf;
	}
	total = f->id == F_SWAP ? (double)r->sys.kb[PK_SYS_SWAPTOTAL] :
	    r->o->realmem ? r->o->realmem_kb :
	    (double)r->sys.kb[PK_SYS_MEMTOTAL];
	fmt_amount(r->o, v.n, total, buf, len);
	return buf;
}

/* The terminal width as `stty size` reports it; 80 without a tty. */
static int
tty_columns(void)
{
	int c = pk_sys_term_columns(STDIN_FILENO);

	return c < 0 ? 80 : c;
}

/* smem's autosize(): widths from the content, the command or map column
 * squeezed to what the terminal has left (at least 10). */
static void
autosize(const struct report *r, const struct field **cols, size_t nc,
    struct colfmt *cf)
{
	const struct opts *o = r->o;
	char buf[64];
	size_t i, j, w, ov = nc;
	int sum = 0, maxflow;

	for (i = 0; i < nc; i++) {
		w = 1;
		if (!o->noheader && strlen(cols[i]->title) > w)
			w = strlen(cols[i]->title);
		if ((o->abbrev || o->percent) && cols[i]->amount)
			w = w > 7 ? w : 7;
		else
			for (j = 0; j < r->n; j++) {
				struct val v = getv(r, r->ents[j], cols[i]->id);
				const char *s = v.s;

				if (s == NULL) {
					snprintf(buf, sizeof(buf), "%lld",
					    (long long)v.n);
					s = buf;
				}
				if (pk_utf8_len(s) > w)
					w = pk_utf8_len(s);
			}
		cf[i].width = (int)w;
		if (cf[i].prec)
			cf[i].prec = (int)w;
		if (cols[i]->id == F_COMMAND || cols[i]->id == F_MAP)
			ov = i;
	}
	if (ov == nc)
		return;
	for (i = 0; i < nc; i++)
		if (cols[i]->id != cols[ov]->id)
			sum += cf[i].width;
	maxflow = tty_columns() - sum - (int)nc;
	if (maxflow < 10)
		maxflow = 10;
	for (i = 0; i < nc; i++)
		if (cols[i]->id == cols[ov]->id && cf[i].width > maxflow)
			cf[i].width = cf[i].prec = maxflow;
}

static void
render_text(FILE *fp, const struct report *r, const struct field **cols,
    size_t nc)
{
	struct colfmt *cf = xcalloc(nc + 1, sizeof(*cf));
	char buf[64];
	size_t i, j, hlen = 0;
	struct val v;

	for (i = 0; i < nc; i++) {
		cf[i].width = cols[i]->width;
		cf[i].prec = cols[i]->trunc ? cols[i]->width : 0;
		cf[i].left = cols[i]->left;
	}
	if (r->o->autosize)
		autosize(r, cols, nc, cf);
	for (i = 0; i < nc; i++) {
		size_t t = strlen(cols[i]->title);

		if (cf[i].prec && t > (size_t)cf[i].prec)
			t = (size_t)cf[i].prec;
		hlen += (t > (size_t)cf[i].width ? t : (size_t)cf[i].width) + 1;
	}
	if (!r->o->noheader) {
		for (i = 0; i < nc; i++)
			put_cell(fp, cols[i]->title, cf[i].width, cf[i].prec,
			    cf[i].left);
		putc('\n', fp);
	}
	for (j = 0; j < r->n; j++) {
		for (i = 0; i < nc; i++) {
			v = getv(r, r->ents[j], cols[i]->id);
			put_cell(fp, cell_text(r, cols[i], v, buf, sizeof(buf)),
			    cf[i].width, cf[i].prec, cf[i].left);
		}
		putc('\n', fp);
	}
	if (r->o->totals) {
		for (i = 0; i < hlen; i++)
			putc('-', fp);
		putc('\n', fp);
		for (i = 0; i < nc; i++) {
			v = r->totals[i];
			put_cell(fp, cell_text(r, cols[i], v, buf, sizeof(buf)),
			    cf[i].width, cf[i].prec, cf[i].left);
		}
		putc('\n', fp);
	}
	free(cf);
}

static void
render(FILE *fp, const struct report *r, const struct field **cols,
    size_t nc)
{
	if (r->o->fmt == PK_OUT_TEXT)
		render_text(fp, r, cols, nc);
	else
		render_out(fp, r, r->o->noheader ? PK_OUT_NOHEADER : 0);
}

/*
 * A file that shows command lines is the owner's only (issue 18.1): the
 * process view's tsv and json records carry the command, text and SVG
 * when a column (or the chart's label) is the command.
 */
static enum sh_mode
out_mode(const struct report *r, const struct field **cols, size_t nc)
{
	size_t i;

	if (r->o->view != V_PROC || r->o->fmt == PK_OUT_PROM)
		return SH_PUBLIC;
	if (r->o->fmt != PK_OUT_TEXT)
		return SH_PRIVATE;
	for (i = 0; i < nc; i++)
		if (cols[i]->id == F_COMMAND)
			return SH_PRIVATE;
	return SH_PUBLIC;
}

/* The report to stdout or replacing --outfile. */
static void
emit(struct pk_ctx *ctx, const struct report *r,
    const struct field **cols, size_t nc)
{
	struct sh_out so;

	sh_open(ctx, &so, r->o->outfile, out_mode(r, cols, nc));
	render(so.fp, r, cols, nc);
	sh_commit(ctx, &so);
}

/*
 * --pie, --bar: the label of a row, the FIELD column's value as text
 * (smem: str() of the value, here its display form).  The one place
 * that maps a row to a label: extend it for new keys.
 */
static char *
chart_label(const struct report *r, const struct ent *e,
    const struct field *f)
{
	struct val v = getv(r, e, f->id);
	char buf[32], *s;

	if (v.s == NULL)
		snprintf(buf, sizeof(buf), "%lld", (long long)v.n);
	if ((s = strdup(v.s != NULL ? v.s : buf)) == NULL)
		err(1, NULL);
	return s;
}

/* smem's showbar(): the shown numeric columns but pid and user. */
static size_t
chart_series(const struct report *r, const struct field **cols, size_t nc,
    const struct field **ser)
{
	size_t j, n = 0;

	for (j = 0; j + 1 < nc; j++)
		if (cols[j]->id != F_PID && cols[j]->id != F_USER &&
		    (r->n == 0 || getv(r, r->ents[0], cols[j]->id).s == NULL))
			ser[n++] = cols[j];
	return n;
}

/*
 * smem showtable() then showpie()/showbar(): FIELD is the last column
 * (with both options, --bar's, as in smem); pie values are the sort
 * key; rows descending (smem reverses an ascending list).
 */
static void
chart(struct pk_ctx *ctx, const struct report *r, const struct field *sort,
    const struct field **cols, size_t nc)
{
	const struct field **ser;
	struct chart c = { 0 };
	struct sh_out so;
	size_t i, k;
	int rev;

	/* before any allocation: exiting here must leave nothing behind */
	if (r->o->pie != NULL && r->n > 0 &&
	    getv(r, r->ents[0], sort->id).s != NULL)
		errx(2, "--pie: the sort field '%s' is not a number", sort->key);
	ser = xcalloc(nc + 1, sizeof(*ser));
	c.pie = r->o->pie != NULL;
	c.pie_field = r->o->pie;
	c.sort_field = sort->key;
	c.total = r->o->realmem ? r->o->realmem_kb :
	    (double)r->sys.kb[PK_SYS_MEMTOTAL];
	c.nseries = c.pie ? 1 : chart_series(r, cols, nc, ser);
	c.nrows = r->n;
	c.keys = xcalloc(c.nseries + 1, sizeof(*c.keys));
	for (k = 0; k < c.nseries; k++)
		c.keys[k] = c.pie ? sort->key : ser[k]->key;
	c.labels = xcalloc(r->n + 1, sizeof(*c.labels));
	c.v = xcalloc(r->n * c.nseries + 1, sizeof(*c.v));
	rev = r->n > 1 && val_cmp(getv(r, r->ents[0], sort->id),
	    getv(r, r->ents[r->n - 1], sort->id)) < 0;
	for (i = 0; i < r->n; i++) {
		const struct ent *e = r->ents[rev ? r->n - 1 - i : i];

		c.labels[i] = chart_label(r, e, cols[nc - 1]);
		for (k = 0; k < c.nseries; k++)
			c.v[i * c.nseries + k] = (double)getv(r, e,
			    c.pie ? sort->id : ser[k]->id).n;
	}
	sh_open(ctx, &so, r->o->outfile, out_mode(r, cols, nc));
	chart_svg(so.fp, &c);
	sh_commit(ctx, &so);
	for (i = 0; i < r->n; i++)
		free(c.labels[i]);
	free(c.labels);
	free(c.v);
	free(c.keys);
	free(ser);
}

/* One sample out: text, a structured sample, or a whole file. */
void
output(struct pk_ctx *ctx, struct stream *u, const struct report *r,
    const struct field *sort, const struct field **cols, size_t nc,
    int first)
{
	const struct opts *o = r->o;

	if (o->pie != NULL || o->bar != NULL) {
		chart(ctx, r, sort, cols, nc);
		return;
	}
	if (o->outfile != NULL) {
		emit(ctx, r, cols, nc);
		return;
	}
	if (o->fmt == PK_OUT_TEXT || o->interval == 0) {
		if (!first && o->fmt == PK_OUT_TEXT)
			putchar('\n');	/* smemstat's blank line */
		emit(ctx, r, cols, nc);
		if (o->cgroup && o->fmt == PK_OUT_TEXT)
			printf("cgroup %s: memory.current %llu kB\n",
			    r->cg.loc.path,
			    (unsigned long long)(r->cg.usage / 1024));
		return;
	}
	if (!u->begun) {
		cs_build(&u->cs, o);
		if (pk_out_begin(&u->w, stdout, o->fmt, PK_OUT_INTERVAL |
		    (o->noheader ? PK_OUT_NOHEADER : 0), "procsmem", u->cs.oc,
		    u->cs.nkept) != PK_OK)
			errx(1, "out of memory");
		u->begun = 1;
	}
	pk_out_sample_begin(&u->w, pk_time_now());
	emit_records(&u->w, r, &u->cs);
	pk_out_sample_end(&u->w);
}

/* The end of the structured samples, if any began. */
void
output_end(struct stream *u)
{
	if (u->begun && pk_out_end(&u->w) != PK_OK)
		errx(1, "out of memory");
}
