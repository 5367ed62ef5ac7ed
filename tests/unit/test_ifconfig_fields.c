/*
 * ifconfig's counter table (cmd/ifconfig/report.c ifc_counters[]): every
 * entry reaches every structured format.  The checks walk the table, so
 * a counter added there is checked without touching this file: its key
 * in the tsv header and the json record, its stats64 member, its prom
 * family, each with the value at its offset; no key, family or stats64
 * member twice; every /proc/net/dev column in the table once.  Linked
 * with the command's report.o and nettools.o (Makefile).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pskit.h"
#include "pskit/out.h"
#include "ifconfig.h"

/* One interface whose 16 /proc/net/dev columns are 1001..1016. */
static const char netdev[] =
"Inter-|   Receive                                                |  Transmit\n"
" face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
"    t0: 1001 1002 1003 1004 1005 1006 1007 1008 1009 1010 1011 1012 1013 1014 1015 1016\n";

static struct pk_netif ifp;
static struct world w;

static void
make_world(void)
{
	struct pk_netdev_entry *v;
	size_t n;

	CHECK(pk_netdev_parse(netdev, sizeof(netdev) - 1, &v, &n) == PK_OK);
	CHECK_U64(n, 1);
	memset(&ifp, 0, sizeof(ifp));
	strlcpy(ifp.name, v[0].name, sizeof(ifp.name));
	ifp.st = v[0].st;
	free(v);
	ifp.has = PK_NETIF_HAS_FLAGS | PK_NETIF_HAS_STATS |
	    PK_NETIF_HAS_STATS64;
	ifp.flags = PK_IFF_UP;
	ifp.mtu = 1500;
	ifp.hwtype = PK_ARPHRD_NONE;
	ifp.rx_over_errors = 1017;
	ifp.tx_carrier_errors = 1018;
	memset(&w, 0, sizeof(w));
	w.ifs = &ifp;
	w.nifs = 1;
}

/* The report in one format, as a string (free it). */
static char *
render(int fmt)
{
	struct opts o;
	char *text = NULL;
	size_t len = 0;
	FILE *fp;

	memset(&o, 0, sizeof(o));
	o.fmt = fmt;
	fp = open_memstream(&text, &len);
	if (fp == NULL)
		abort();
	render_report(fp, &w, &o);
	fclose(fp);
	return text;
}

static uint64_t
value(const struct ifc_counter *c)
{
	uint64_t v;

	memcpy(&v, (const char *)&ifp + c->off, sizeof(v));
	return v;
}

/* The tsv column of key in the header line, or -1. */
static int
tsv_column(const char *doc, const char *key)
{
	const char *p = doc, *eol = strchr(doc, '\n');
	size_t klen = strlen(key);
	int i = 0;

	while (p < eol) {
		if (strncmp(p, key, klen) == 0 && (p[klen] == '\t' ||
		    p[klen] == '\n'))
			return i;
		p += strcspn(p, "\t\n") + 1;
		i++;
	}
	return -1;
}

/* Field i of the second line of doc, as a number. */
static uint64_t
tsv_field(const char *doc, int i)
{
	const char *p = strchr(doc, '\n') + 1;

	while (i-- > 0)
		p += strcspn(p, "\t\n") + 1;
	return strtoull(p, NULL, 10);
}

static void
every_counter_in_every_format(void)
{
	const struct ifc_counter *c;
	char *tsv, *json, *prom, *s64, want[256];
	size_t i, flat = 0;
	int col;

	make_world();
	tsv = render(PK_OUT_TSV);
	json = render(PK_OUT_JSON);
	prom = render(PK_OUT_PROM);
	s64 = strstr(json, "\"stats64\":{");
	CHECK(s64 != NULL);
	for (i = 0; i < ifc_ncounters && s64 != NULL; i++) {
		c = &ifc_counters[i];
		col = c->key != NULL ? tsv_column(tsv, c->key) : -1;
		if (c->where == IFC_S64)
			CHECK(c->key == NULL);
		else {
			CHECK(col >= 0);
			if (col >= 0)
				CHECK_U64(tsv_field(tsv, col), value(c));
		}
		snprintf(want, sizeof(want), "\"%s\":%llu,",
		    c->key != NULL ? c->key : "", (unsigned long long)value(c));
		if (c->where == IFC_FLAT) {
			CHECK(strstr(json, want) != NULL &&
			    strstr(json, want) < s64);
			flat++;
		} else if (c->key != NULL)
			CHECK(strstr(json, want) == NULL);
		/* stats64.<dir>.<s64>: after "<dir>":{, before its } */
		snprintf(want, sizeof(want), "\"%s\":{", c->dir);
		CHECK(strstr(s64, want) != NULL);
		if (strstr(s64, want) != NULL) {
			char *obj = strstr(s64, want), *end = strchr(obj, '}');
			char *hit;

			snprintf(want, sizeof(want), "\"%s\":%llu", c->s64,
			    (unsigned long long)value(c));
			hit = strstr(obj, want);
			CHECK(hit != NULL && hit < end);
		}
		if (c->prom != NULL) {
			snprintf(want, sizeof(want),
			    "\n# TYPE pskit_ifconfig_%s%s%s_total counter\n"
			    "pskit_ifconfig_%s%s%s_total{ifname=\"t0\"} %llu\n",
			    c->prom, c->unit ? "_" : "", c->unit ? c->unit : "",
			    c->prom, c->unit ? "_" : "", c->unit ? c->unit : "",
			    (unsigned long long)value(c));
			CHECK(strstr(prom, want) != NULL);
			if (strstr(prom, want) == NULL)
				printf("# missing in prom:%s", want);
		}
	}
	CHECK(flat > 0);
	free(tsv);
	free(json);
	free(prom);
}

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* No key, family or stats64 member twice; every column of net/dev once. */
static void
table_is_a_function(void)
{
	const struct ifc_counter *a, *b;
	size_t i, j, off, hits;

	for (i = 0; i < ifc_ncounters; i++) {
		a = &ifc_counters[i];
		CHECK(a->dir != NULL && a->s64 != NULL);
		CHECK(same(a->dir, "rx") || same(a->dir, "tx"));
		CHECK(a->has != 0);
		for (j = i + 1; j < ifc_ncounters; j++) {
			b = &ifc_counters[j];
			CHECK(!same(a->key, b->key));
			CHECK(!same(a->prom, b->prom));
			CHECK(!(same(a->dir, b->dir) && same(a->s64, b->s64)));
			CHECK(a->off != b->off);
		}
	}
	for (off = 0; off < offsetof(struct pk_netdev_stats, absent);
	    off += sizeof(uint64_t)) {
		hits = 0;
		for (i = 0; i < ifc_ncounters; i++)
			hits += ifc_counters[i].off ==
			    offsetof(struct pk_netif, st) + off;
		if (hits != 1)
			printf("# net/dev column at offset %zu: %zu entries\n",
			    off, hits);
		CHECK_U64(hits, 1);
	}
}

/*
 * The meaning of the columns, once by hand (ip's names for /proc/net/dev
 * 1001..1016, net-tools' order in tsv): a swapped or lost entry shows.
 */
static void
record_golden(void)
{
	static const char head[] = "ifname\tifindex\tflags\toperstate\tmtu\t"
	    "txqlen\tlink_type\taddress\tipv4\tipv6\trx_bytes\trx_packets\t"
	    "rx_errors\trx_dropped\trx_overruns\trx_frame\ttx_bytes\t"
	    "tx_packets\ttx_errors\ttx_dropped\ttx_overruns\ttx_carrier\t"
	    "tx_collisions\tspeed_mbps\tduplex\tnettools_flags\t"
	    "stats64_rx_over_errors\tstats64_tx_carrier_errors\n"
	    "t0\t\\N\tNO-CARRIER,UP\t\\N\t1500\t\\N\tnone\t\\N\t\\N\t\\N\t"
	    "1001\t1002\t1003\t1004\t1005\t1006\t1009\t1010\t1011\t1012\t"
	    "1013\t1015\t1014\t\\N\t\\N\tUP\t1017\t1018\n";
	static const char s64[] = "\"stats64\":{\"rx\":{\"bytes\":1001,"
	    "\"packets\":1002,\"errors\":1003,\"dropped\":1004,\"fifo\":1005,"
	    "\"frame\":1006,\"compressed\":1007,\"multicast\":1008,"
	    "\"over_errors\":1017},\"tx\":{\"bytes\":1009,\"packets\":1010,"
	    "\"errors\":1011,\"dropped\":1012,\"fifo\":1013,"
	    "\"collisions\":1014,\"carrier\":1015,\"compressed\":1016,"
	    "\"carrier_errors\":1018}}";
	char *tsv, *json;

	make_world();
	tsv = render(PK_OUT_TSV);
	json = render(PK_OUT_JSON);
	CHECK_STR(tsv, head);
	CHECK(strstr(json, s64) != NULL);
	if (strstr(json, s64) == NULL)
		printf("# json: %s", json);
	free(tsv);
	free(json);
}

int
main(void)
{
	TEST(every_counter_in_every_format);
	TEST(table_is_a_function);
	TEST(record_golden);
	return DONE();
}
