/*
 * Unit tests of the output writer: escaping in every format, missing
 * values, JSON shape, Prometheus grouping.
 */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "pskit.h"
#include "pskit/out.h"

static const struct pk_out_col cols[] = {
	{ "name", PK_OUT_STR, PK_OUT_LABEL, NULL, "The name" },
	{ "size", PK_OUT_U64, PK_OUT_GAUGE, "bytes", "The size" },
	{ "delta", PK_OUT_I64, PK_OUT_COUNTER, NULL, "A counter" },
	{ "ratio", PK_OUT_F64, PK_OUT_GAUGE, "percent", "A percentage" },
	{ "up", PK_OUT_BOOL, PK_OUT_GAUGE, NULL, "Up" },
};

static char *text;
static size_t textlen;

/* Write two records in fmt; the second has missing values. */
static const char *
render(enum pk_out_fmt fmt, unsigned flags, const char *name)
{
	struct pk_out o;
	FILE *fp;

	free(text);
	text = NULL;
	fp = open_memstream(&text, &textlen);
	pk_out_begin(&o, fp, fmt, flags, "t", cols, 5);
	if (flags & PK_OUT_INTERVAL)
		pk_out_sample_begin(&o, 12.5);
	pk_out_record_begin(&o);
	pk_out_str(&o, name);
	pk_out_u64(&o, UINT64_MAX);
	pk_out_i64(&o, -3);
	pk_out_f64(&o, 12.345, 2);
	pk_out_bool(&o, 1);
	pk_out_record_end(&o);
	pk_out_record_begin(&o);
	pk_out_str(&o, "b");
	pk_out_null(&o);
	pk_out_null(&o);		/* and the last two left out entirely */
	pk_out_record_end(&o);
	if (flags & PK_OUT_INTERVAL)
		pk_out_sample_end(&o);
	pk_out_end(&o);
	fclose(fp);
	return text;
}

static void
tsv_escaping(void)
{
	CHECK_STR(render(PK_OUT_TSV, 0, "a\tb\nc\rd\\e"),
	    "name\tsize\tdelta\tratio\tup\n"
	    "a\\tb\\nc\\rd\\\\e\t18446744073709551615\t-3\t12.35\t1\n"
	    "b\t\\N\t\\N\t\\N\t\\N\n");
	CHECK_STR(render(PK_OUT_TSV, PK_OUT_NOHEADER, "x"),
	    "x\t18446744073709551615\t-3\t12.35\t1\nb\t\\N\t\\N\t\\N\t\\N\n");
	CHECK_STR(render(PK_OUT_TSV, PK_OUT_INTERVAL | PK_OUT_NOHEADER, "x"),
	    "12.500\tx\t18446744073709551615\t-3\t12.35\t1\n"
	    "12.500\tb\t\\N\t\\N\t\\N\t\\N\n");
}

static void
json_escaping(void)
{
	/* invalid UTF-8: the value is the array of its bytes (esc.c) */
	CHECK_STR(render(PK_OUT_JSON, 0, "q\"\\\x01\x1f/\xc3\xa9\xff\xe2\x82"),
	    "[\n{\"name\":[113,34,92,1,31,47,195,169,255,226,130],"
	    "\"size\":18446744073709551615,\"delta\":-3,"
	    "\"ratio\":12.35,\"up\":true},\n"
	    "{\"name\":\"b\",\"size\":null,\"delta\":null,\"ratio\":null,"
	    "\"up\":null}\n]\n");
	CHECK_STR(render(PK_OUT_JSON, 0, "q\"\\\x01\x1f/\xc3\xa9"),
	    "[\n{\"name\":\"q\\\"\\\\\\u0001\\u001f/\xc3\xa9\","
	    "\"size\":18446744073709551615,\"delta\":-3,"
	    "\"ratio\":12.35,\"up\":true},\n"
	    "{\"name\":\"b\",\"size\":null,\"delta\":null,\"ratio\":null,"
	    "\"up\":null}\n]\n");
	/* overlong encodings and surrogates are not UTF-8 */
	CHECK_STR(render(PK_OUT_JSON, PK_OUT_INTERVAL, "\xc0\xaf\xed\xa0\x80"),
	    "[{\"timestamp\":12.500,\"name\":[192,175,237,160,128],"
	    "\"size\":18446744073709551615,"
	    "\"delta\":-3,\"ratio\":12.35,\"up\":true},{\"timestamp\":12.500,"
	    "\"name\":\"b\",\"size\":null,\"delta\":null,\"ratio\":null,"
	    "\"up\":null}]\n");
}

static void
json_empty(void)
{
	struct pk_out o;
	FILE *fp;

	free(text);
	text = NULL;
	fp = open_memstream(&text, &textlen);
	pk_out_begin(&o, fp, PK_OUT_JSON, 0, "t", cols, 5);
	pk_out_end(&o);
	fclose(fp);
	CHECK_STR(text, "[]\n");
}

static void
prom_grouping(void)
{
	const char *s = render(PK_OUT_PROM, 0, "a\"b\\c\nd");

	CHECK(strstr(s, "# HELP pskit_t_size_bytes The size\n"
	    "# TYPE pskit_t_size_bytes gauge\n"
	    "pskit_t_size_bytes{name=\"a\\\"b\\\\\\\\c\\\\x0ad\"} "
	    "18446744073709551615\n# HELP") != NULL);
	CHECK(strstr(s, "# TYPE pskit_t_delta_total counter\n"
	    "pskit_t_delta_total{name=\"a\\\"b\\\\\\\\c\\\\x0ad\"} -3\n#") != NULL);
	CHECK(strstr(s, "pskit_t_ratio{name=\"a\\\"b\\\\\\\\c\\\\x0ad\"} 12.35\n")
	    != NULL);
	CHECK(strstr(s, "{name=\"b\"}") == NULL);	/* no values, no lines */
	CHECK(strstr(s, "# TYPE pskit_t_last_success_timestamp_seconds "
	    "gauge\n") != NULL);
	CHECK(strstr(s, "pskit_t_name") == NULL);	/* labels are no metric */
}

/* Invalid UTF-8 in a label would make Prometheus reject the file;
 * each bad byte is \xHH in the decoded value (esc.c). */
static void
prom_label_utf8(void)
{
	const char *s = render(PK_OUT_PROM, 0,
	    "\xff\xfeok\xc3\xa9\xe2\x82\xac\xc3(\xed\xa0\x80\xf0\x9f\x98\x80\xe2\x82");

	CHECK(strstr(s, "pskit_t_size_bytes{name=\""
	    "\\\\xff\\\\xfeok\xc3\xa9\xe2\x82\xac\\\\xc3("
	    "\\\\xed\\\\xa0\\\\x80\xf0\x9f\x98\x80"
	    "\\\\xe2\\\\x82\"} ") != NULL);
}

static void
prom_empty_family(void)
{
	struct pk_out o;
	FILE *fp;

	free(text);
	text = NULL;
	fp = open_memstream(&text, &textlen);
	pk_out_begin(&o, fp, PK_OUT_PROM, 0, "t", cols, 5);
	pk_out_record_begin(&o);
	pk_out_str(&o, "a");
	pk_out_u64(&o, 1);
	pk_out_record_end(&o);	/* delta, ratio, up: never given */
	pk_out_end(&o);
	fclose(fp);
	CHECK(strstr(text, "pskit_t_size_bytes{name=\"a\"} 1\n") != NULL);
	CHECK(strstr(text, "pskit_t_up") == NULL);
	CHECK(strstr(text, "pskit_t_delta_total") == NULL);
}

static void
fmt_names(void)
{
	CHECK(pk_out_parse_fmt("JSON") == PK_OUT_JSON);
	CHECK(pk_out_parse_fmt("tsv") == PK_OUT_TSV);
	CHECK(pk_out_parse_fmt("Prom") == PK_OUT_PROM);
	CHECK(pk_out_parse_fmt("text") == PK_OUT_TEXT);
	CHECK(pk_out_parse_fmt("xml") == -1);
}

int
main(void)
{
	int rc;

	TEST(tsv_escaping);
	TEST(json_escaping);
	TEST(json_empty);
	TEST(prom_grouping);
	TEST(prom_label_utf8);
	TEST(prom_empty_family);
	TEST(fmt_names);
	rc = DONE();
	free(text);
	return rc;
}
