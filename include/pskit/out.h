/*
 * pskit/out.h: the one structured-output writer (tsv, json, prom).
 *
 * A command describes its record once as a table of columns, then emits
 * records with pk_out_record_begin(), one pk_out_<type>() call per column in
 * table order, and pk_out_record_end().  The writer owns escaping, missing
 * values (\N / null), JSON shape and Prometheus grouping.  Text output is
 * not here: it is the command's compatibility surface.
 */
#ifndef PSKIT_OUT_H
#define PSKIT_OUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "pskit/esc.h"

enum pk_out_fmt {
	PK_OUT_TEXT,
	PK_OUT_TSV,
	PK_OUT_JSON,
	PK_OUT_PROM
};

enum pk_out_type {
	PK_OUT_STR,
	PK_OUT_U64,
	PK_OUT_I64,
	PK_OUT_F64,
	PK_OUT_BOOL
};

/* What a column means for Prometheus. */
enum pk_out_kind {
	PK_OUT_GAUGE,	/* a number: one metric family */
	PK_OUT_COUNTER,	/* a monotonic counter: name gets _total */
	PK_OUT_LABEL,	/* a string that identifies the record: a label */
	PK_OUT_INFO	/* not exported to Prometheus */
};

struct pk_out_col {
	const char	*key;	/* tsv header and json key, lower snake_case */
	enum pk_out_type	 type;
	enum pk_out_kind	 kind;
	const char	*unit;	/* "bytes", "seconds", "percent" or NULL */
	const char	*help;	/* Prometheus HELP text */
};

struct pk_out_val {
	int		 present;
	enum pk_out_type	 type;
	int		 decimals;
	union {
		uint64_t	 u;
		int64_t		 i;
		double		 f;
		char		*s;
	} v;
};

#define PK_OUT_MAXDEPTH	16	/* nesting levels of a nested record */

struct pk_out_level {
	int		 kind;		/* PK_OUT_LV_OBJ or PK_OUT_LV_ARR */
	size_t		 n;		/* members so far */
	size_t		 base;		/* tsv: field path length at entry */
};
#define PK_OUT_LV_OBJ	1
#define PK_OUT_LV_ARR	2

#define PK_OUT_INTERVAL	0x1	/* samples: JSON Lines of arrays, records timestamped */
#define PK_OUT_NOHEADER	0x2	/* tsv without its header row */

struct pk_out {
	FILE			*fp;
	enum pk_out_fmt		 fmt;
	unsigned		 flags;
	const char		*tool;		/* "free" -> pskit_free_... */
	const struct pk_out_col	*cols;
	size_t			 ncols;
	size_t			 col;		/* next column of this record */
	size_t			 nrec;		/* records in this sample */
	int			 header_done;
	double			 timestamp;
	struct pk_out_val		*cur;		/* this record: ncols values */
	struct pk_out_val		*rows;		/* prom: every record of the sample */
	size_t			 nrows;
	size_t			 caprows;
	int			 oom;
	/* nested records (pk_out_nest_begin) */
	int			 nested;
	const char		*idkey;		/* tsv: first column's name */
	char			 id[64];	/* tsv: this record's id */
	const char		*key;		/* name of the next member */
	struct pk_out_level	 lv[PK_OUT_MAXDEPTH];
	int			 depth;
	int			 idxlev;	/* tsv: level giving the index */
	size_t			 index;
	char			 path[1024];	/* tsv: dotted field name */
};

/* Parse "text", "tsv", "json", "prom" (any case). -1 when unknown. */
int	 pk_out_parse_fmt(const char *s);

int	 pk_out_begin(struct pk_out *o, FILE *fp, enum pk_out_fmt fmt, unsigned flags,
	    const char *tool, const struct pk_out_col *cols, size_t ncols);
/* Interval mode: a sample groups the records of one moment. */
int	 pk_out_sample_begin(struct pk_out *o, double timestamp);
int	 pk_out_sample_end(struct pk_out *o);
int	 pk_out_record_begin(struct pk_out *o);
int	 pk_out_u64(struct pk_out *o, uint64_t v);
int	 pk_out_i64(struct pk_out *o, int64_t v);
int	 pk_out_f64(struct pk_out *o, double v, int decimals);
int	 pk_out_str(struct pk_out *o, const char *s);
int	 pk_out_bool(struct pk_out *o, int v);
int	 pk_out_null(struct pk_out *o);
int	 pk_out_record_end(struct pk_out *o);
/* Ends the document (closes the JSON array, flushes prom).  Frees state. */
int	 pk_out_end(struct pk_out *o);
/* Switch the stream between samples (used by -w FILE in interval mode). */
void	 pk_out_set_stream(struct pk_out *o, FILE *fp);

/*
 * Nested records, for reports whose records hold objects and lists
 * (procinfo).  JSON: a record is an object; pk_out_key() names the next
 * member of the current object, pk_out_obj_begin/pk_out_arr_begin open a
 * member container.  TSV is long format, one row per scalar:
 * "<idkey> field index value", where field joins the object keys with
 * '.', index is the element number in the outermost list (0 outside
 * lists) and deeper list positions become field components.  An empty
 * list gives no row; a missing value gives \N.  Prom: PK_ENOTSUP.
 */
int	 pk_out_nest_begin(struct pk_out *o, FILE *fp, enum pk_out_fmt fmt,
	    unsigned flags, const char *tool, const char *idkey);
int	 pk_out_nest_record_begin(struct pk_out *o, const char *id);
int	 pk_out_key(struct pk_out *o, const char *key);
int	 pk_out_obj_begin(struct pk_out *o);
int	 pk_out_obj_end(struct pk_out *o);
int	 pk_out_arr_begin(struct pk_out *o);
int	 pk_out_arr_end(struct pk_out *o);

#endif /* PSKIT_OUT_H */
