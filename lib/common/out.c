/*
 * out.c: the structured-output writer (DESIGN.md "Output: one writer").
 *
 * tsv:  header row, one record per line, strings escaped, \N missing.
 * json: every sample is one array of objects.  A snapshot is one array;
 *       an interval run prints one array per sample on a line of its own
 *       (JSON Lines of arrays), each record starting with "timestamp"
 *       (epoch seconds), so one jq filter reads both.
 * Strings go through the escapers of esc.c (the one escaping policy).
 * prom: exposition format 0.0.4; records are kept until the sample ends,
 *       then each numeric column becomes one metric family whose labels
 *       are the record's PK_OUT_LABEL columns.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pskit.h"
#include "pskit/out.h"

int
pk_out_parse_fmt(const char *s)
{
	static const char *names[] = { "text", "tsv", "json", "prom" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

static void
val_clear(struct pk_out_val *v)
{
	if (v->present && v->type == PK_OUT_STR)
		free(v->v.s);
	memset(v, 0, sizeof(*v));
}

static void
rows_clear(struct pk_out *o)
{
	size_t i;

	for (i = 0; i < o->nrows * o->ncols; i++)
		val_clear(&o->rows[i]);
	o->nrows = 0;
}

static void
tsv_header(struct pk_out *o)
{
	size_t i;

	if (o->header_done || (o->flags & PK_OUT_NOHEADER))
		return;
	o->header_done = 1;
	if (o->flags & PK_OUT_INTERVAL)
		fputs("timestamp\t", o->fp);
	for (i = 0; i < o->ncols; i++) {
		fputs(o->cols[i].key, o->fp);
		putc(i + 1 < o->ncols ? '\t' : '\n', o->fp);
	}
}

int
pk_out_begin(struct pk_out *o, FILE *fp, enum pk_out_fmt fmt, unsigned flags,
    const char *tool, const struct pk_out_col *cols, size_t ncols)
{
	memset(o, 0, sizeof(*o));
	o->fp = fp;
	o->fmt = fmt;
	o->flags = flags;
	o->tool = tool;
	o->cols = cols;
	o->ncols = ncols;
	if ((o->cur = calloc(ncols, sizeof(*o->cur))) == NULL)
		return PK_ENOMEM;
	if (fmt == PK_OUT_TSV)
		tsv_header(o);
	return PK_OK;
}

void
pk_out_set_stream(struct pk_out *o, FILE *fp)
{
	o->fp = fp;
	o->header_done = 0;
	if (o->fmt == PK_OUT_TSV)
		tsv_header(o);
}

int
pk_out_sample_begin(struct pk_out *o, double timestamp)
{
	o->timestamp = timestamp;
	o->nrec = 0;
	return PK_OK;
}

static void
prom_value(FILE *fp, const struct pk_out_val *v)
{
	switch (v->type) {
	case PK_OUT_U64: fprintf(fp, "%llu", (unsigned long long)v->v.u); break;
	case PK_OUT_I64: fprintf(fp, "%lld", (long long)v->v.i); break;
	case PK_OUT_BOOL: fprintf(fp, "%d", v->v.u ? 1 : 0); break;
	case PK_OUT_F64:
		if (isnan(v->v.f))
			fputs("NaN", fp);
		else if (isinf(v->v.f))
			fputs(v->v.f > 0 ? "+Inf" : "-Inf", fp);
		else
			fprintf(fp, "%.*f", v->decimals, v->v.f);
		break;
	default: break;
	}
}

static void
prom_name(struct pk_out *o, const struct pk_out_col *c)
{
	fprintf(o->fp, "pskit_%s_%s", o->tool, c->key);
	if (c->unit != NULL && strcmp(c->unit, "percent") != 0)
		fprintf(o->fp, "_%s", c->unit);
	if (c->kind == PK_OUT_COUNTER)
		fputs("_total", o->fp);
}

static void
prom_labels(struct pk_out *o, const struct pk_out_val *row)
{
	size_t i;
	int n = 0;

	for (i = 0; i < o->ncols; i++) {
		if (o->cols[i].kind != PK_OUT_LABEL || !row[i].present ||
		    row[i].type != PK_OUT_STR)
			continue;
		fprintf(o->fp, "%s%s=\"", n++ ? "," : "{", o->cols[i].key);
		pk_esc_prom_label(o->fp, row[i].v.s);
		putc('"', o->fp);
	}
	if (n)
		putc('}', o->fp);
}

static void
prom_help(struct pk_out *o, const struct pk_out_col *c)
{
	const char *h = c->help != NULL ? c->help : c->key;

	fputs("# HELP ", o->fp);
	prom_name(o, c);
	putc(' ', o->fp);
	for (; *h != '\0'; h++) {
		if (*h == '\\')
			fputs("\\\\", o->fp);
		else if (*h == '\n')
			fputs("\\n", o->fp);
		else
			putc(*h, o->fp);
	}
	fputs("\n# TYPE ", o->fp);
	prom_name(o, c);
	fputs(c->kind == PK_OUT_COUNTER ? " counter\n" : " gauge\n", o->fp);
}

static void
prom_flush(struct pk_out *o)
{
	const struct pk_out_col *c;
	const struct pk_out_val *v;
	size_t i, r;

	for (i = 0; i < o->ncols; i++) {
		c = &o->cols[i];
		if (c->kind == PK_OUT_LABEL || c->kind == PK_OUT_INFO ||
		    c->type == PK_OUT_STR)
			continue;
		/* a family without samples is noise: node_exporter drops it */
		for (r = 0; r < o->nrows; r++)
			if (o->rows[r * o->ncols + i].present)
				break;
		if (r == o->nrows)
			continue;
		prom_help(o, c);
		for (r = 0; r < o->nrows; r++) {
			v = &o->rows[r * o->ncols + i];
			if (!v->present)
				continue;
			prom_name(o, c);
			prom_labels(o, &o->rows[r * o->ncols]);
			putc(' ', o->fp);
			prom_value(o->fp, v);
			putc('\n', o->fp);
		}
	}
	fprintf(o->fp, "# HELP pskit_%s_last_success_timestamp_seconds "
	    "When this report was last written successfully.\n", o->tool);
	fprintf(o->fp, "# TYPE pskit_%s_last_success_timestamp_seconds "
	    "gauge\n", o->tool);
	fprintf(o->fp, "pskit_%s_last_success_timestamp_seconds %.3f\n",
	    o->tool, o->timestamp != 0 ? o->timestamp : pk_time_now());
	rows_clear(o);
}

int
pk_out_sample_end(struct pk_out *o)
{
	/* the array opens with the sample's first record: none gives [] */
	if (o->fmt == PK_OUT_JSON && (o->flags & PK_OUT_INTERVAL))
		fputs(o->nrec ? "]\n" : "[]\n", o->fp);
	else if (o->fmt == PK_OUT_PROM)
		prom_flush(o);
	fflush(o->fp);
	return o->oom ? PK_ENOMEM : PK_OK;
}

int
pk_out_record_begin(struct pk_out *o)
{
	o->col = 0;
	if (o->fmt == PK_OUT_TSV && (o->flags & PK_OUT_INTERVAL))
		fprintf(o->fp, "%.3f\t", o->timestamp);
	else if (o->fmt == PK_OUT_JSON) {
		if (o->flags & PK_OUT_INTERVAL) {
			/* the TSV's timestamp column, as the record's first key */
			fputs(o->nrec ? ",{" : "[{", o->fp);
			fprintf(o->fp, "\"timestamp\":%.3f", o->timestamp);
		} else
			fputs(o->nrec ? ",\n{" : "[\n{", o->fp);
	}
	return PK_OK;
}

static void
emit_scalar(struct pk_out *o, const struct pk_out_val *v)
{
	switch (v->type) {
	case PK_OUT_STR:
		if (o->fmt == PK_OUT_TSV)
			pk_esc_tsv(o->fp, v->v.s);
		else
			pk_esc_json(o->fp, v->v.s);
		break;
	case PK_OUT_BOOL:
		if (o->fmt == PK_OUT_TSV)
			fputs(v->v.u ? "1" : "0", o->fp);
		else
			fputs(v->v.u ? "true" : "false", o->fp);
		break;
	case PK_OUT_F64:
		if (!isfinite(v->v.f))
			fputs(o->fmt == PK_OUT_TSV ? "\\N" : "null", o->fp);
		else
			fprintf(o->fp, "%.*f", v->decimals, v->v.f);
		break;
	default:
		prom_value(o->fp, v);
		break;
	}
}

/* Append a component to the tsv field path (truncated when too long). */
static void
path_add(struct pk_out *o, const char *s)
{
	if (o->path[0] != '\0')
		strlcat(o->path, ".", sizeof(o->path));
	strlcat(o->path, s, sizeof(o->path));
}

/* Before each member of the current container: separator and name. */
static void
nest_member(struct pk_out *o)
{
	struct pk_out_level *l = &o->lv[o->depth - 1];
	char num[24];

	if (o->fmt == PK_OUT_JSON) {
		if (l->n > 0)
			putc(',', o->fp);
		if (l->kind == PK_OUT_LV_OBJ) {
			pk_esc_json_key(o->fp, o->key != NULL ? o->key : "");
			putc(':', o->fp);
		}
	} else if (o->fmt == PK_OUT_TSV) {
		o->path[l->base] = '\0';
		if (l->kind == PK_OUT_LV_OBJ)
			path_add(o, o->key != NULL ? o->key : "");
		else if (o->idxlev == o->depth - 1)
			o->index = l->n;
		else {
			snprintf(num, sizeof(num), "%zu", l->n);
			path_add(o, num);
		}
	}
	l->n++;
	o->key = NULL;
}

static int
nest_put(struct pk_out *o, struct pk_out_val *v)
{
	if (o->depth == 0)
		return PK_EPARSE;	/* a value outside a record: a bug */
	nest_member(o);
	if (o->fmt == PK_OUT_TSV) {
		pk_esc_tsv(o->fp, o->id);
		putc('\t', o->fp);
		pk_esc_tsv(o->fp, o->path);
		fprintf(o->fp, "\t%zu\t", o->index);
	}
	if (v->present)
		emit_scalar(o, v);
	else
		fputs(o->fmt == PK_OUT_TSV ? "\\N" : "null", o->fp);
	if (o->fmt == PK_OUT_TSV)
		putc('\n', o->fp);
	return PK_OK;
}

static int
nest_open(struct pk_out *o, int kind)
{
	struct pk_out_level *l;

	if (o->depth == 0 || o->depth >= PK_OUT_MAXDEPTH)
		return PK_EPARSE;
	nest_member(o);
	if (o->fmt == PK_OUT_JSON)
		putc(kind == PK_OUT_LV_OBJ ? '{' : '[', o->fp);
	l = &o->lv[o->depth++];
	l->kind = kind;
	l->n = 0;
	l->base = strlen(o->path);
	if (kind == PK_OUT_LV_ARR && o->idxlev < 0)
		o->idxlev = o->depth - 1;
	return PK_OK;
}

static int
nest_close(struct pk_out *o, int kind)
{
	if (o->depth <= 1 || o->lv[o->depth - 1].kind != kind)
		return PK_EPARSE;
	if (o->fmt == PK_OUT_JSON)
		putc(kind == PK_OUT_LV_OBJ ? '}' : ']', o->fp);
	o->depth--;
	if (o->idxlev == o->depth) {
		o->idxlev = -1;
		o->index = 0;
	}
	return PK_OK;
}

int
pk_out_nest_begin(struct pk_out *o, FILE *fp, enum pk_out_fmt fmt, unsigned flags,
    const char *tool, const char *idkey)
{
	memset(o, 0, sizeof(*o));
	o->fp = fp;
	o->fmt = fmt;
	o->flags = flags;
	o->tool = tool;
	o->nested = 1;
	o->idkey = idkey;
	o->idxlev = -1;
	if (fmt == PK_OUT_PROM)
		return PK_ENOTSUP;
	if (fmt == PK_OUT_TSV && !(flags & PK_OUT_NOHEADER))
		fprintf(fp, "%s\tfield\tindex\tvalue\n", idkey);
	return PK_OK;
}

int
pk_out_nest_record_begin(struct pk_out *o, const char *id)
{
	strlcpy(o->id, id, sizeof(o->id));
	o->path[0] = '\0';
	o->idxlev = -1;
	o->index = 0;
	o->key = NULL;
	o->depth = 1;
	o->lv[0].kind = PK_OUT_LV_OBJ;
	o->lv[0].n = 0;
	o->lv[0].base = 0;
	if (o->fmt == PK_OUT_JSON) {
		fputs(o->nrec ? ",\n{" : "[\n{", o->fp);
	}
	return PK_OK;
}

int
pk_out_key(struct pk_out *o, const char *key)
{
	o->key = key;
	return PK_OK;
}

int
pk_out_obj_begin(struct pk_out *o)
{
	return nest_open(o, PK_OUT_LV_OBJ);
}

int
pk_out_obj_end(struct pk_out *o)
{
	return nest_close(o, PK_OUT_LV_OBJ);
}

int
pk_out_arr_begin(struct pk_out *o)
{
	return nest_open(o, PK_OUT_LV_ARR);
}

int
pk_out_arr_end(struct pk_out *o)
{
	return nest_close(o, PK_OUT_LV_ARR);
}

/* Route one value: write it (tsv, json) or keep it (prom, which owns it). */
static int
put(struct pk_out *o, struct pk_out_val *v)
{
	const struct pk_out_col *c;

	if (o->nested)
		return nest_put(o, v);
	if (o->col >= o->ncols) {
		if (o->fmt == PK_OUT_PROM)
			val_clear(v);
		return PK_EPARSE;	/* more values than columns: a bug */
	}
	c = &o->cols[o->col];
	if (o->fmt == PK_OUT_TSV) {
		if (o->col > 0)
			putc('\t', o->fp);
		if (v->present)
			emit_scalar(o, v);
		else
			fputs("\\N", o->fp);
	} else if (o->fmt == PK_OUT_JSON) {
		if (o->col > 0 || (o->flags & PK_OUT_INTERVAL))
			putc(',', o->fp);
		pk_esc_json_key(o->fp, c->key);
		putc(':', o->fp);
		if (v->present)
			emit_scalar(o, v);
		else
			fputs("null", o->fp);
	}
	if (o->fmt == PK_OUT_PROM) {
		val_clear(&o->cur[o->col]);
		o->cur[o->col] = *v;
	}
	o->col++;
	return PK_OK;
}

int
pk_out_u64(struct pk_out *o, uint64_t x)
{
	struct pk_out_val v = { .present = 1, .type = PK_OUT_U64 };

	v.v.u = x;
	return put(o, &v);
}

int
pk_out_i64(struct pk_out *o, int64_t x)
{
	struct pk_out_val v = { .present = 1, .type = PK_OUT_I64 };

	v.v.i = x;
	return put(o, &v);
}

int
pk_out_f64(struct pk_out *o, double x, int decimals)
{
	struct pk_out_val v = { .present = 1, .type = PK_OUT_F64 };

	v.v.f = x;
	v.decimals = decimals;
	return put(o, &v);
}

int
pk_out_bool(struct pk_out *o, int x)
{
	struct pk_out_val v = { .present = 1, .type = PK_OUT_BOOL };

	v.v.u = x != 0;
	return put(o, &v);
}

int
pk_out_null(struct pk_out *o)
{
	struct pk_out_val v = { .present = 0, .type = PK_OUT_STR };

	return put(o, &v);
}

int
pk_out_str(struct pk_out *o, const char *s)
{
	struct pk_out_val v = { .present = 1, .type = PK_OUT_STR };

	if (s == NULL)
		return pk_out_null(o);
	/* Only prom keeps values past this call, so only prom copies. */
	v.v.s = (char *)s;
	if (o->fmt == PK_OUT_PROM && (v.v.s = strdup(s)) == NULL) {
		o->oom = 1;
		return PK_ENOMEM;
	}
	return put(o, &v);
}

static int
keep_row(struct pk_out *o)
{
	struct pk_out_val *n;
	size_t cap;

	if (o->nrows == o->caprows) {
		cap = o->caprows ? o->caprows * 2 : 16;
		n = reallocarray(o->rows, cap * o->ncols, sizeof(*n));
		if (n == NULL) {
			o->oom = 1;
			return PK_ENOMEM;
		}
		o->rows = n;
		o->caprows = cap;
	}
	memcpy(&o->rows[o->nrows * o->ncols], o->cur,
	    o->ncols * sizeof(*o->cur));
	memset(o->cur, 0, o->ncols * sizeof(*o->cur));
	o->nrows++;
	return PK_OK;
}

int
pk_out_record_end(struct pk_out *o)
{
	if (o->nested) {
		if (o->fmt == PK_OUT_JSON)
			putc('}', o->fp);
		o->depth = 0;
		o->nrec++;
		return PK_OK;
	}
	while (o->col < o->ncols)
		pk_out_null(o);
	o->nrec++;
	if (o->fmt == PK_OUT_TSV)
		putc('\n', o->fp);
	else if (o->fmt == PK_OUT_JSON)
		putc('}', o->fp);
	else if (o->fmt == PK_OUT_PROM)
		return keep_row(o);
	return PK_OK;
}

int
pk_out_end(struct pk_out *o)
{
	size_t i;
	int rc = o->oom ? PK_ENOMEM : PK_OK;

	if (o->fmt == PK_OUT_JSON && !(o->flags & PK_OUT_INTERVAL))
		fputs(o->nrec ? "\n]\n" : "[]\n", o->fp);
	else if (o->fmt == PK_OUT_PROM && !(o->flags & PK_OUT_INTERVAL))
		prom_flush(o);
	rows_clear(o);
	for (i = 0; i < o->ncols; i++)
		val_clear(&o->cur[i]);
	free(o->cur);
	free(o->rows);
	o->cur = o->rows = NULL;
	return rc;
}
