/*
 * pskit/esc.h: the one escaping policy (esc.c) for every command and format.
 */
#ifndef PSKIT_ESC_H
#define PSKIT_ESC_H

#include <stddef.h>
#include <stdio.h>

/*
 * The escaping policy (esc.c; DESIGN.md "Output").  Text for terminals:
 * C0 controls (newline and tab too: they are inside a field), DEL, C1
 * controls and bytes of invalid UTF-8 become vis(3)'s octal \ooo; valid
 * printable UTF-8 passes when the locale's codeset is UTF-8
 * (PK_ESC_UTF8), else every byte >= 0x80 is escaped.  pk_esc_text()
 * truncates like strlcpy but never inside an escape or a character;
 * pk_esc_cut() cuts an escaped string to ncols characters the same way.
 * The tsv, json and prom escapers follow below.
 */
#define PK_ESC_UTF8	0x1
unsigned pk_esc_locale(void);
size_t	 pk_esc_text(char *dst, size_t dstlen, const char *src,
	    unsigned flags);
char	*pk_esc_text_dup(const char *src);
void	 pk_esc_fputs(const char *src, FILE *fp);
size_t	 pk_esc_cut(const char *s, size_t ncols, size_t *cols);
size_t	 pk_utf8_seq(const unsigned char *s);
int	 pk_utf8_valid(const char *s);

/*
 * The structured formats' escapers, used by the writer (out.c), unit
 * tests and iostat's sysstat JSON.  tsv: \t \n \r \\ and \xHH, reversible.
 * json: a valid string exactly, an invalid value as an array of byte
 * values, an invalid key as "\u0000" + hex bytes.  prom: injective.
 */
void	 pk_esc_tsv(FILE *fp, const char *s);
void	 pk_esc_json(FILE *fp, const char *s);
void	 pk_esc_json_key(FILE *fp, const char *s);
void	 pk_esc_prom_label(FILE *fp, const char *s);

#endif /* PSKIT_ESC_H */
