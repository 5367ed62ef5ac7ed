/*
 * pskit/fmt.h: the text formatters of single commands (lib/fmt/, the
 * archive libpkfmt.a): what one command prints in its reference tool's
 * own way, plus the XML escaping and psutil byte sizes of lib/common.
 * The library proper (libpskit.a) never calls into lib/fmt: commands
 * link libpkfmt.a before it.
 */
#ifndef PSKIT_FMT_H
#define PSKIT_FMT_H

#include "pskit/core.h"
#include "pskit/proc.h"
#include "pskit/out.h"

/* ---- procinfo: psutil's as_dict() and a Prometheus record ---- */

/* One record of p in as_dict() names and shapes (lib/fmt/procdict.c). */
int	 pk_proc_dict(struct pk_out *w, const struct pk_proc *p,
	    const char *memtype);
/* One flat Prometheus record of p (lib/fmt/procprom.c), with these
 * columns. */
const struct pk_out_col *pk_proc_prom_cols(size_t *ncols);
int	 pk_proc_prom(struct pk_out *w, const struct pk_proc *p);

/* ---- procsmem: smem 1.5's text and chart numbers ---- */

/*
 * Text formatting of memory reports (lib/fmt/smemfmt.c): smem 1.5's -k
 * units ("1012.0K", "0"), -p percentages ("0.25%", "N/A"), -R sizes, and
 * the UTF-8 character counts and escaping of its fixed-width columns.
 */
size_t	 pk_utf8_len(const char *s);
size_t	 pk_utf8_prefix(const char *s, size_t nchars);
char	*pk_smem_escape(const char *s);
void	 pk_smem_units(int64_t kb, char *buf, size_t len);
void	 pk_smem_percent(int64_t kb, double total, char *buf, size_t len);
int	 pk_smem_size_kb(const char *s, double *kb);

/*
 * smem 1.5's pie chart (showpie, lib/fmt/smemchart.c): values sorted
 * descending (kB); the smallest are folded into "other" while the fold
 * plus the next is under 2% of total or the next is under 0.5%; "unused"
 * is total minus the sum of every value, shown when positive.
 */
struct pk_pie {
	size_t	 nkept;		/* values[0..nkept) keep their own slice */
	double	 other;		/* sum of the folded ones */
	int	 has_other;	/* smem: "if t", so a fold of zeros is dropped */
	double	 unused;
	int	 has_unused;
	double	 drawn;		/* the sum of the slices drawn */
};
void	 pk_smem_pie(const double *values, size_t n, double total,
	    struct pk_pie *out);
/* matplotlib's autopct of a slice: 100 * v / the sum of all slices. */
double	 pk_smem_pie_percent(const struct pk_pie *p, double v);

/*
 * Untrusted text as XML 1.0 character data or attribute value (xml.c):
 * & < > " ' as entities; C0, DEL, C1, invalid UTF-8 and code points XML
 * does not allow as vis(3)-style octal (\ooo per byte), so any bytes
 * give well-formed UTF-8 XML.  malloc'd; NULL when out of memory.
 */
char	*pk_xml_escape(const char *s);

/* scripts/procsmem.py convert_bytes(): "15.3M", "1023.0K", "0B". */
void	 pk_psutil_convert_bytes(uint64_t n, char *buf, size_t len);

/* ---- ifconfig: byte counts for people ---- */

/*
 * ifconfig's "(231.2 MiB)": base 1024, thresholds strictly above 1024^k,
 * tenths truncated (net-tools 2.10 lib/interface.c ife_print_long).
 */
void	 pk_net_human_ifconfig(uint64_t bytes, char *buf, size_t len);
/* psutil's bytes2human(): base 1024, >= thresholds, "%.1f" rounded. */
void	 pk_net_human_psutil(uint64_t bytes, char *buf, size_t len);

/* ---- winservices: psutil's scripts/winservices.py ---- */

/*
 * Python's repr() of a UTF-8 string, as psutil's winservices.py prints
 * names: quotes chosen like CPython, \\ \' \t \n \r \xNN \uNNNN for
 * non-printable code points, invalid UTF-8 bytes as \xNN.  Appends to b.
 */
int	 pk_svc_pyrepr(const char *s, struct pk_buf *b);

#endif /* PSKIT_FMT_H */
