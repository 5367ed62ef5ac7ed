/*
 * winservices: list Windows services, in the layout of psutil 5.9.4's
 * scripts/winservices.py, plus tsv, json and prom output.
 *
 * The data comes from the SCM through pk_svc_*(): one SCM handle, one
 * enumeration, one OpenServiceW per service.  Elsewhere the library says
 * PK_ENOTSUP and so does this command.
 */
#include <ctype.h>
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vis.h>

#include "pskit.h"
#include "pskit/out.h"
#include "pskit/fmt.h"
#include "shell.h"

enum {
	OPT_HELP = 256, OPT_TSV, OPT_JSON, OPT_NOHEADER, OPT_NOSORT,
	OPT_PROCFS, OPT_SYSFS
};

static const struct option longopts[] = {
	{ "status",	required_argument,	NULL, 's' },
	{ "start-type",	required_argument,	NULL, 't' },
	{ "output",	required_argument,	NULL, 'o' },
	{ "outfile",	required_argument,	NULL, 'w' },
	{ "tsv",	no_argument,		NULL, OPT_TSV },
	{ "json",	no_argument,		NULL, OPT_JSON },
	{ "no-header",	no_argument,		NULL, OPT_NOHEADER },
	{ "no-sort",	no_argument,		NULL, OPT_NOSORT },
	{ "procfs",	required_argument,	NULL, OPT_PROCFS },
	{ "sysfs",	required_argument,	NULL, OPT_SYSFS },
	{ "help",	no_argument,		NULL, OPT_HELP },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 }
};

static const char usage_text[] =
"usage: %s [-V] [-o fmt] [-s status] [-t start_type] [-w file] [--json]\n"
"       [--tsv] [--no-header] [--no-sort] [--procfs dir] [--sysfs dir]\n"
"       [--help] [name ...]\n"
"\n"
"List Windows services (all of them, or the named ones).\n"
"\n"
" -s, --status STATUS      only services in STATUS: running, paused,\n"
"                          start_pending, pause_pending, continue_pending,\n"
"                          stop_pending, stopped\n"
" -t, --start-type TYPE    only services started TYPE: automatic,\n"
"                          delayed-auto, manual, disabled, boot, system,\n"
"                          unknown\n"
" -o, --output FMT         output format: text, tsv, json or prom\n"
"     --tsv                same as --output=tsv\n"
"     --json               same as --output=json\n"
"     --no-header          leave out the tsv header row\n"
"     --no-sort            keep the order of the service control manager\n"
" -w, --outfile FILE       write to FILE atomically (temporary file, rename)\n"
"     --procfs DIR         accepted for uniformity, ignored\n"
"     --sysfs DIR          accepted for uniformity, ignored\n"
"     --help               display this help and exit\n"
" -V, --version            output version information and exit\n";

static const char *const statuses[] = { "running", "paused", "start_pending",
	"pause_pending", "continue_pending", "stop_pending", "stopped", NULL };
static const char *const starts[] = { "automatic", "delayed-auto", "manual",
	"disabled", "boot", "system", "unknown", NULL };

/* psutil's as_dict() keys, then the service type. */
static const struct pk_out_col out_cols[] = {
	{ "name", PK_OUT_STR, PK_OUT_LABEL, NULL, "Service name" },
	{ "display_name", PK_OUT_STR, PK_OUT_INFO, NULL, "Display name" },
	{ "binpath", PK_OUT_STR, PK_OUT_INFO, NULL, "Command line" },
	{ "username", PK_OUT_STR, PK_OUT_INFO, NULL, "Account" },
	{ "start_type", PK_OUT_STR, PK_OUT_INFO, NULL, "Start type" },
	{ "pid", PK_OUT_U64, PK_OUT_INFO, NULL, "Process id" },
	{ "status", PK_OUT_STR, PK_OUT_INFO, NULL, "Status" },
	{ "description", PK_OUT_STR, PK_OUT_INFO, NULL, "Description" },
	{ "service_type", PK_OUT_U64, PK_OUT_INFO, NULL, "SERVICE_* type bits" },
	{ "delayed", PK_OUT_BOOL, PK_OUT_INFO, NULL,
	    "Delayed auto-start; null when not known" },
};

static const struct pk_out_col prom_cols[] = {
	{ "name", PK_OUT_STR, PK_OUT_LABEL, NULL, "Service name" },
	{ "up", PK_OUT_BOOL, PK_OUT_GAUGE, NULL,
	    "1 when the service is running, else 0" },
};

struct opts {
	const char	*status;
	const char	*start;
	int		 fmt;
	unsigned	 outflags;
	int		 nosort;
	const char	*outfile;
	char		**names;
	int		 nnames;
};

static void __attribute__((noreturn))
usage(FILE *fp)
{
	fprintf(fp, usage_text, getprogname());
	exit(fp == stderr ? 2 : 0);
}

static const char *
one_of(const char *arg, const char *const *list, const char *what)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(arg, list[i]) == 0)
			return list[i];
	warnx("unknown %s '%s'", what, arg);
	usage(stderr);
}

static void
parse_opts(int argc, char **argv, struct opts *o)
{
	int c;

	memset(o, 0, sizeof(*o));
	while ((c = getopt_long(argc, argv, "s:t:o:w:V", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 's': o->status = one_of(optarg, statuses, "status"); break;
		case 't': o->start = one_of(optarg, starts, "start type"); break;
		case 'o':
			if ((o->fmt = sh_format(optarg)) == -1)
				usage(stderr);
			break;
		case 'w': o->outfile = optarg; break;
		case OPT_TSV: o->fmt = PK_OUT_TSV; break;
		case OPT_JSON: o->fmt = PK_OUT_JSON; break;
		case OPT_NOHEADER: o->outflags |= PK_OUT_NOHEADER; break;
		case OPT_NOSORT: o->nosort = 1; break;
		case OPT_PROCFS: case OPT_SYSFS: break;
		case 'V': sh_version();
		case OPT_HELP: usage(stdout);
		default: usage(stderr);
		}
	}
	o->names = argv + optind;
	o->nnames = argc - optind;
}

/* -t automatic covers every auto-start service, delayed or not. */
static int
wanted(const struct pk_svc *s, const struct opts *o)
{
	if (o->status != NULL && strcmp(pk_svc_status_str(s), o->status) != 0)
		return 0;
	if (o->start == NULL)
		return 1;
	if (strcmp(o->start, "automatic") == 0 &&
	    (s->has & PK_SVC_HAS_CONFIG) && s->start == 2)
		return 1;
	return strcmp(pk_svc_start_str(s), o->start) == 0;
}

/* Locale-free: ASCII letters fold, everything else compares by byte. */
static int
by_name(const void *a, const void *b)
{
	const unsigned char *x = (const unsigned char *)
	    ((const struct pk_svc *)a)->name;
	const unsigned char *y = (const unsigned char *)
	    ((const struct pk_svc *)b)->name;
	const unsigned char *p = x, *q = y;
	int d;

	for (; *p != '\0' || *q != '\0'; p++, q++) {
		d = (*p >= 'A' && *p <= 'Z' ? *p + 32 : *p) -
		    (*q >= 'A' && *q <= 'Z' ? *q + 32 : *q);
		if (d != 0)
			return d;
	}
	return strcmp((const char *)x, (const char *)y);
}

/* Per-service trouble: one line, the report goes on. */
static void
warn_svc(const struct pk_svc *s)
{
	char os[256];

	if (s->oserr != 0) {
		pk_os_strerror(s->oserr, os, sizeof(os));
		warnx("%s: %s", s->name, os);
	} else
		warnx("%s: %s", s->name, pk_code_str(s->code));
}

/* Every service, detailed; vanished ones are dropped silently. */
static int
collect_all(struct pk_ctx *ctx, struct pk_svc_scm *scm, struct pk_svc **v,
    size_t *n)
{
	size_t i, k = 0;
	int rc = 0;

	if (pk_svc_enum(ctx, scm, v, n) != PK_OK)
		errx(1, "%s", pk_strerror(ctx));
	for (i = 0; i < *n; i++) {
		if (pk_svc_query(ctx, scm, &(*v)[i]) == PK_ENOENT) {
			pk_svc_clear(&(*v)[i]);
			continue;
		}
		if ((*v)[i].code != PK_OK) {
			warn_svc(&(*v)[i]);
			rc = 1;
		}
		(*v)[k++] = (*v)[i];
	}
	*n = k;
	return rc;
}

/* The named services, in the order given; 3 when one does not exist. */
static int
collect_named(struct pk_ctx *ctx, struct pk_svc_scm *scm,
    const struct opts *o, struct pk_svc **v, size_t *n)
{
	struct pk_svc *all, *out;
	size_t nall, i, k = 0;
	int rc = 0, r;

	if (pk_svc_enum(ctx, scm, &all, &nall) != PK_OK)
		errx(1, "%s", pk_strerror(ctx));
	if ((out = calloc((size_t)o->nnames, sizeof(*out))) == NULL)
		errx(1, "out of memory");
	for (i = 0; i < (size_t)o->nnames; i++) {
		r = pk_svc_get(ctx, scm, all, nall, o->names[i], &out[k]);
		if (r == PK_ENOENT) {
			warnx("%s: no such service", o->names[i]);
			rc = 3;
			pk_svc_clear(&out[k]);
			continue;
		}
		if (r == PK_ENOMEM)
			errx(1, "out of memory");
		if (r != PK_OK) {
			warn_svc(&out[k]);
			if (rc == 0)
				rc = 1;
		}
		k++;
	}
	pk_svc_free(all, nall);
	*v = out;
	*n = k;
	return rc;
}

/*
 * binpath, username: printed as stored (psutil prints them with %s),
 * by the library's escaping policy (octal: "\t" would read as a path's).
 */
static void
put_safe(FILE *fp, const char *s)
{
	if (s == NULL) {
		fputs("None", fp);
		return;
	}
	pk_esc_fputs(s, fp);
}

static void
render_text(FILE *fp, const struct pk_svc *v, size_t n)
{
	struct pk_buf b = { NULL, 0, 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		const struct pk_svc *s = &v[i];

		pk_buf_reset(&b);
		if (pk_svc_pyrepr(s->name, &b) != PK_OK ||
		    pk_buf_append(&b, " (", 2) != PK_OK ||
		    (s->display_name != NULL ?
		    pk_svc_pyrepr(s->display_name, &b) :
		    pk_buf_append(&b, "None", 4)) != PK_OK ||
		    pk_buf_append(&b, ")", 1) != PK_OK)
			errx(1, "out of memory");
		fprintf(fp, "%s\nstatus: %s, start: %s, username: ", b.data,
		    pk_svc_status_str(s), pk_svc_start_psutil(s));
		put_safe(fp, s->username);
		if (s->has & PK_SVC_HAS_PID)
			fprintf(fp, ", pid: %lu\nbinpath: ",
			    (unsigned long)s->pid);
		else
			fputs(", pid: None\nbinpath: ", fp);
		put_safe(fp, s->binpath);
		fputs("\n\n", fp);
	}
	pk_buf_free(&b);
}

static void
render_out(struct pk_out *w, const struct pk_svc *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct pk_svc *s = &v[i];

		pk_out_record_begin(w);
		pk_out_str(w, s->name);
		if (w->fmt == PK_OUT_PROM) {
			pk_out_bool(w, (s->has & PK_SVC_HAS_STATUS) &&
			    s->status == PK_SVC_RUNNING);
			pk_out_record_end(w);
			continue;
		}
		pk_out_str(w, s->display_name);
		pk_out_str(w, s->binpath);
		pk_out_str(w, s->username);
		pk_out_str(w, pk_svc_start_str(s));
		if (s->has & PK_SVC_HAS_PID)
			pk_out_u64(w, s->pid);
		else
			pk_out_null(w);
		pk_out_str(w, pk_svc_status_str(s));
		pk_out_str(w, s->description);
		if (s->has & PK_SVC_HAS_STATUS)
			pk_out_u64(w, s->service_type);
		else
			pk_out_null(w);
		/* Wine refuses the query (error 124): null, not false */
		if ((s->has & PK_SVC_HAS_CONFIG) && s->delayed >= 0)
			pk_out_bool(w, s->delayed);
		else
			pk_out_null(w);
		pk_out_record_end(w);
	}
}

static void
render(FILE *fp, const struct pk_svc *v, size_t n, const struct opts *o)
{
	struct pk_out w;
	int prom = o->fmt == PK_OUT_PROM;

	if (o->fmt == PK_OUT_TEXT) {
		render_text(fp, v, n);
		return;
	}
	if (pk_out_begin(&w, fp, o->fmt, o->outflags, "winservices",
	    prom ? prom_cols : out_cols, prom ? 2 :
	    sizeof(out_cols) / sizeof(out_cols[0])) != PK_OK)
		errx(1, "out of memory");
	pk_out_sample_begin(&w, pk_time_now());
	render_out(&w, v, n);
	pk_out_end(&w);
}

int
main(int argc, char **argv)
{
	struct pk_svc_scm scm;
	struct pk_ctx ctx;
	struct sh_out so;
	struct pk_svc *v;
	struct opts o;
	size_t n, i, k;
	int rc;

	parse_opts(argc, argv, &o);
	sh_signals();
	memset(&ctx, 0, sizeof(ctx));
	if ((rc = pk_svc_open(&ctx, &scm)) == PK_ENOTSUP)
		errx(1, "not supported on this system (Windows only)");
	if (rc != PK_OK)
		errx(1, "%s", pk_strerror(&ctx));
	rc = o.nnames > 0 ? collect_named(&ctx, &scm, &o, &v, &n) :
	    collect_all(&ctx, &scm, &v, &n);
	pk_svc_close(&scm);
	for (i = k = 0; i < n; i++) {
		if (wanted(&v[i], &o))
			v[k++] = v[i];
		else
			pk_svc_clear(&v[i]);
	}
	n = k;
	if (o.nnames == 0 && !o.nosort)
		qsort(v, n, sizeof(*v), by_name);
	/* binpath is a command line: owner only */
	sh_open(&ctx, &so, o.outfile, SH_PRIVATE);
	render(so.fp, v, n, &o);
	if (rc != 0)
		sh_abort(&so);	/* a service missing: keep the last report */
	else
		sh_commit(&ctx, &so);
	pk_svc_free(v, n);
	return sh_exit(rc);
}
