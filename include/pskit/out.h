/*
 * pskit/out.h: the one structured-output writer (tsv, json, prom).
 *
 * A command describes its record once as a table of columns, then emits
 * records with out_record_begin(), one out_<type>() call per column in
 * table order, and out_record_end().  The writer owns escaping, missing
 * values (\N / null), JSON shape and Prometheus grouping.  Text output is
 * not here: it is the command's compatibility surface.
 */
#ifndef PSKIT_OUT_H
#define PSKIT_OUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "pskit/esc.h"

enum out_fmt {
	OUT_TEXT,
	OUT_TSV,
	OUT_JSON,
	OUT_PROM
};

enum out_type {
	OUT_STR,
	OUT_U64,
	OUT_I64,
	OUT_F64,
	OUT_BOOL
};

/* What a column means for Prometheus. */
enum out_kind {
	OUT_GAUGE,	/* a number: one metric family */
	OUT_COUNTER,	/* a monotonic counter: name gets _total */
	OUT_LABEL,	/* a string that identifies the record: a label */
	OUT_INFO	/* not exported to Prometheus */
};

struct out_col {
	const char	*key;	/* tsv header and json key, lower snake_case */
	enum out_type	 type;
	enum out_kind	 kind;
	const char	*unit;	/* "bytes", "seconds", "percent" or NULL */
	const char	*help;	/* Prometheus HELP text */
};

struct out_val {
	int		 present;
	enum out_type	 type;
	int		 decimals;
	union {
		uint64_t	 u;
		int64_t		 i;
		double		 f;
		char		*s;
	} v;
};

#define OUT_MAXDEPTH	16	/* nesting levels of a nested record */

struct out_level {
	int		 kind;		/* OUT_LV_OBJ or OUT_LV_ARR */
	size_t		 n;		/* members so far */
	size_t		 base;		/* tsv: field path length at entry */
};
#define OUT_LV_OBJ	1
#define OUT_LV_ARR	2

#define OUT_INTERVAL	0x1	/* samples: JSON Lines of arrays, records timestamped */
#define OUT_NOHEADER	0x2	/* tsv without its header row */

struct out {
	FILE			*fp;
	enum out_fmt		 fmt;
	unsigned		 flags;
	const char		*tool;		/* "free" -> pskit_free_... */
	const struct out_col	*cols;
	size_t			 ncols;
	size_t			 col;		/* next column of this record */
	size_t			 nrec;		/* records in this sample */
	int			 header_done;
	double			 timestamp;
	struct out_val		*cur;		/* this record: ncols values */
	struct out_val		*rows;		/* prom: every record of the sample */
	size_t			 nrows;
	size_t			 caprows;
	int			 oom;
	/* nested records (out_nest_begin) */
	int			 nested;
	const char		*idkey;		/* tsv: first column's name */
	char			 id[64];	/* tsv: this record's id */
	const char		*key;		/* name of the next member */
	struct out_level	 lv[OUT_MAXDEPTH];
	int			 depth;
	int			 idxlev;	/* tsv: level giving the index */
	size_t			 index;
	char			 path[1024];	/* tsv: dotted field name */
};

/* Parse "text", "tsv", "json", "prom" (any case). -1 when unknown. */
int	 out_parse_fmt(const char *s);

int	 out_begin(struct out *o, FILE *fp, enum out_fmt fmt, unsigned flags,
	    const char *tool, const struct out_col *cols, size_t ncols);
/* Interval mode: a sample groups the records of one moment. */
int	 out_sample_begin(struct out *o, double timestamp);
int	 out_sample_end(struct out *o);
int	 out_record_begin(struct out *o);
int	 out_u64(struct out *o, uint64_t v);
int	 out_i64(struct out *o, int64_t v);
int	 out_f64(struct out *o, double v, int decimals);
int	 out_str(struct out *o, const char *s);
int	 out_bool(struct out *o, int v);
int	 out_null(struct out *o);
int	 out_record_end(struct out *o);
/* Ends the document (closes the JSON array, flushes prom).  Frees state. */
int	 out_end(struct out *o);
/* Switch the stream between samples (used by -w FILE in interval mode). */
void	 out_set_stream(struct out *o, FILE *fp);

/*
 * Nested records, for reports whose records hold objects and lists
 * (procinfo).  JSON: a record is an object; out_key() names the next
 * member of the current object, out_obj_begin/out_arr_begin open a
 * member container.  TSV is long format, one row per scalar:
 * "<idkey> field index value", where field joins the object keys with
 * '.', index is the element number in the outermost list (0 outside
 * lists) and deeper list positions become field components.  An empty
 * list gives no row; a missing value gives \N.  Prom: PK_ENOTSUP.
 */
int	 out_nest_begin(struct out *o, FILE *fp, enum out_fmt fmt,
	    unsigned flags, const char *tool, const char *idkey);
int	 out_nest_record_begin(struct out *o, const char *id);
int	 out_key(struct out *o, const char *key);
int	 out_obj_begin(struct out *o);
int	 out_obj_end(struct out *o);
int	 out_arr_begin(struct out *o);
int	 out_arr_end(struct out *o);

#endif /* PSKIT_OUT_H */
