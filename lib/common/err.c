/*
 * err.c: the error model.  A probe records what failed in its context and
 * returns a PK_* code; commands print pk_strerror() and never see errno.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pskit.h"

const char *
pk_code_str(int code)
{
	switch (code) {
	case PK_OK:		return "success";
	case PK_ENOENT:		return "no such file or object";
	case PK_EACCES:		return "permission denied";
	case PK_ENOTSUP:	return "not supported on this system";
	case PK_EPARSE:		return "malformed input";
	case PK_ENOMEM:		return "out of memory";
	default:		return "operating system error";
	}
}

static int __attribute__((format(printf, 4, 0)))
vfail(struct pk_ctx *ctx, int code, int oserr, const char *fmt, va_list ap)
{
	ctx->code = code;
	ctx->oserr = oserr;
	vsnprintf(ctx->what, sizeof(ctx->what), fmt, ap);
	return code;
}

int
pk_ctx_fail(struct pk_ctx *ctx, int code, int oserr, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(ctx, code, oserr, fmt, ap);
	va_end(ap);
	return code;
}

int
pk_ctx_fail_os(struct pk_ctx *ctx, int oserr, const char *fmt, ...)
{
	va_list ap;
	int code = pk_code_from_os(oserr);

	va_start(ap, fmt);
	vfail(ctx, code, oserr, fmt, ap);
	va_end(ap);
	return code;
}

const char *
pk_strerror(struct pk_ctx *ctx)
{
	char os[256];

	if (ctx->oserr != 0) {
		pk_os_strerror(ctx->oserr, os, sizeof(os));
		snprintf(ctx->msg, sizeof(ctx->msg), "%s: %s", ctx->what, os);
	} else if (ctx->what[0] != '\0')
		snprintf(ctx->msg, sizeof(ctx->msg), "%s", ctx->what);
	else
		snprintf(ctx->msg, sizeof(ctx->msg), "%s",
		    pk_code_str(ctx->code));
	return ctx->msg;
}
