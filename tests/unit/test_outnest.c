/*
 * Unit tests of the writer's nested records (pk_out_nest_*): JSON shape and
 * the long TSV format "id field index value".
 */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "pskit.h"
#include "pskit/out.h"

static char *text;
static size_t textlen;

static const char *
render(enum pk_out_fmt fmt, unsigned flags)
{
	struct pk_out o;
	FILE *fp;

	free(text);
	text = NULL;
	fp = open_memstream(&text, &textlen);
	pk_out_nest_begin(&o, fp, fmt, flags, "t", "pid");
	pk_out_nest_record_begin(&o, "42");
	pk_out_key(&o, "pid");
	pk_out_u64(&o, 42);
	pk_out_key(&o, "name");
	pk_out_str(&o, "a\tb\"");
	pk_out_key(&o, "times");
	pk_out_obj_begin(&o);
	pk_out_key(&o, "user");
	pk_out_f64(&o, 0.5, 2);
	pk_out_key(&o, "iowait");
	pk_out_null(&o);
	pk_out_obj_end(&o);
	pk_out_key(&o, "cmdline");
	pk_out_arr_begin(&o);
	pk_out_str(&o, "sleep");
	pk_out_str(&o, "9");
	pk_out_arr_end(&o);
	pk_out_key(&o, "conns");
	pk_out_arr_begin(&o);
	pk_out_obj_begin(&o);
	pk_out_key(&o, "fd");
	pk_out_i64(&o, 3);
	pk_out_key(&o, "laddr");
	pk_out_arr_begin(&o);
	pk_out_str(&o, "::1");
	pk_out_u64(&o, 80);
	pk_out_arr_end(&o);
	pk_out_obj_end(&o);
	pk_out_arr_end(&o);
	pk_out_key(&o, "empty");
	pk_out_arr_begin(&o);
	pk_out_arr_end(&o);
	pk_out_key(&o, "ok");
	pk_out_bool(&o, 1);
	pk_out_record_end(&o);
	pk_out_nest_record_begin(&o, "7");
	pk_out_key(&o, "pid");
	pk_out_u64(&o, 7);
	pk_out_record_end(&o);
	pk_out_end(&o);
	fclose(fp);
	return text;
}

static void
json_nested(void)
{
	CHECK_STR(render(PK_OUT_JSON, 0),
	    "[\n{\"pid\":42,\"name\":\"a\\tb\\\"\","
	    "\"times\":{\"user\":0.50,\"iowait\":null},"
	    "\"cmdline\":[\"sleep\",\"9\"],"
	    "\"conns\":[{\"fd\":3,\"laddr\":[\"::1\",80]}],"
	    "\"empty\":[],\"ok\":true},\n{\"pid\":7}\n]\n");
}

static void
tsv_long(void)
{
	CHECK_STR(render(PK_OUT_TSV, 0),
	    "pid\tfield\tindex\tvalue\n"
	    "42\tpid\t0\t42\n"
	    "42\tname\t0\ta\\tb\"\n"
	    "42\ttimes.user\t0\t0.50\n"
	    "42\ttimes.iowait\t0\t\\N\n"
	    "42\tcmdline\t0\tsleep\n"
	    "42\tcmdline\t1\t9\n"
	    "42\tconns.fd\t0\t3\n"
	    "42\tconns.laddr.0\t0\t::1\n"
	    "42\tconns.laddr.1\t0\t80\n"
	    "42\tok\t0\t1\n"
	    "7\tpid\t0\t7\n");
	CHECK_STR(render(PK_OUT_TSV, PK_OUT_NOHEADER) + 0, text);
	CHECK(strncmp(text, "42\tpid", 6) == 0);
}

static void
prom_unsupported(void)
{
	struct pk_out o;

	CHECK(pk_out_nest_begin(&o, stdout, PK_OUT_PROM, 0, "t", "pid") ==
	    PK_ENOTSUP);
}

int
main(void)
{
	TEST(json_nested);
	TEST(tsv_long);
	TEST(prom_unsupported);
	free(text);
	return DONE();
}
