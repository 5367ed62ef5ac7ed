/*
 * Unit tests of the writer's nested records (out_nest_*): JSON shape and
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
render(enum out_fmt fmt, unsigned flags)
{
	struct out o;
	FILE *fp;

	free(text);
	text = NULL;
	fp = open_memstream(&text, &textlen);
	out_nest_begin(&o, fp, fmt, flags, "t", "pid");
	out_nest_record_begin(&o, "42");
	out_key(&o, "pid");
	out_u64(&o, 42);
	out_key(&o, "name");
	out_str(&o, "a\tb\"");
	out_key(&o, "times");
	out_obj_begin(&o);
	out_key(&o, "user");
	out_f64(&o, 0.5, 2);
	out_key(&o, "iowait");
	out_null(&o);
	out_obj_end(&o);
	out_key(&o, "cmdline");
	out_arr_begin(&o);
	out_str(&o, "sleep");
	out_str(&o, "9");
	out_arr_end(&o);
	out_key(&o, "conns");
	out_arr_begin(&o);
	out_obj_begin(&o);
	out_key(&o, "fd");
	out_i64(&o, 3);
	out_key(&o, "laddr");
	out_arr_begin(&o);
	out_str(&o, "::1");
	out_u64(&o, 80);
	out_arr_end(&o);
	out_obj_end(&o);
	out_arr_end(&o);
	out_key(&o, "empty");
	out_arr_begin(&o);
	out_arr_end(&o);
	out_key(&o, "ok");
	out_bool(&o, 1);
	out_record_end(&o);
	out_nest_record_begin(&o, "7");
	out_key(&o, "pid");
	out_u64(&o, 7);
	out_record_end(&o);
	out_end(&o);
	fclose(fp);
	return text;
}

static void
json_nested(void)
{
	CHECK_STR(render(OUT_JSON, 0),
	    "[\n{\"pid\":42,\"name\":\"a\\tb\\\"\","
	    "\"times\":{\"user\":0.50,\"iowait\":null},"
	    "\"cmdline\":[\"sleep\",\"9\"],"
	    "\"conns\":[{\"fd\":3,\"laddr\":[\"::1\",80]}],"
	    "\"empty\":[],\"ok\":true},\n{\"pid\":7}\n]\n");
}

static void
tsv_long(void)
{
	CHECK_STR(render(OUT_TSV, 0),
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
	CHECK_STR(render(OUT_TSV, OUT_NOHEADER) + 0, text);
	CHECK(strncmp(text, "42\tpid", 6) == 0);
}

static void
prom_unsupported(void)
{
	struct out o;

	CHECK(out_nest_begin(&o, stdout, OUT_PROM, 0, "t", "pid") ==
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
