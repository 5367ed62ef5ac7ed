/*
 * test_svc.c: the OS-neutral part of winservices: Python's repr() against
 * CPython's own output (scripts/golden-winservices.sh), the psutil names
 * of states and start types.  Run from the top of the tree.
 */
#include <stdlib.h>

#include "harness.h"
#include "pskit.h"
#include "pskit/fmt.h"

#define REPR_IN		"tests/fixtures/winservices/repr.in"
#define REPR_OUT	"tests/golden/winservices/repr.out"

static int
slurp(const char *path, struct pk_buf *b)
{
	char chunk[4096];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		pk_buf_append(b, chunk, n);
	fclose(fp);
	return 0;
}

static void
test_pyrepr_matches_cpython(void)
{
	struct pk_buf in = { NULL, 0, 0 }, want = { NULL, 0, 0 };
	struct pk_buf got = { NULL, 0, 0 };
	const char *s, *w;
	size_t k = 0;

	CHECK(slurp(REPR_IN, &in) == 0);
	CHECK(slurp(REPR_OUT, &want) == 0);
	if (in.data == NULL || want.data == NULL)
		return;
	for (s = in.data, w = want.data; s < in.data + in.len;
	    s += strlen(s) + 1, k++) {
		const char *nl = strchr(w, '\n');

		CHECK(nl != NULL);
		if (nl == NULL)
			break;
		pk_buf_reset(&got);
		CHECK(pk_svc_pyrepr(s, &got) == PK_OK);
		if (got.len != (size_t)(nl - w) ||
		    memcmp(got.data, w, got.len) != 0) {
			printf("# case %zu: got %s, want %.*s\n", k, got.data,
			    (int)(nl - w), w);
			h_failed_here = 1;
		}
		w = nl + 1;
	}
	CHECK(k > 20);
	pk_buf_free(&in);
	pk_buf_free(&want);
	pk_buf_free(&got);
}

static void
test_pyrepr_invalid_utf8(void)
{
	struct pk_buf b = { NULL, 0, 0 };

	CHECK(pk_svc_pyrepr("a\xff" "b\xc3", &b) == PK_OK);
	CHECK_STR(b.data, "'a\\xffb\\xc3'");
	pk_buf_free(&b);
}

static void
test_status_and_start_names(void)
{
	struct pk_svc s;

	memset(&s, 0, sizeof(s));
	CHECK_STR(pk_svc_status_str(&s), "unknown");
	CHECK_STR(pk_svc_start_str(&s), "unknown");
	s.has = PK_SVC_HAS_STATUS | PK_SVC_HAS_CONFIG;
	s.status = PK_SVC_STOP_PENDING;
	CHECK_STR(pk_svc_status_str(&s), "stop_pending");
	s.status = PK_SVC_PAUSED;
	CHECK_STR(pk_svc_status_str(&s), "paused");
	s.status = 99;
	CHECK_STR(pk_svc_status_str(&s), "unknown");
	s.start = 2;
	s.delayed = -1;
	CHECK_STR(pk_svc_start_str(&s), "automatic");	/* issue 17.12 */
	CHECK_STR(pk_svc_start_psutil(&s), "automatic");
	s.delayed = 1;
	CHECK_STR(pk_svc_start_str(&s), "delayed-auto");
	CHECK_STR(pk_svc_start_psutil(&s), "automatic");
	s.delayed = 0;
	CHECK_STR(pk_svc_start_str(&s), "automatic");
	s.start = 0;
	CHECK_STR(pk_svc_start_str(&s), "boot");
	CHECK_STR(pk_svc_start_psutil(&s), "unknown");
	s.start = 1;
	CHECK_STR(pk_svc_start_str(&s), "system");
	s.start = 3;
	CHECK_STR(pk_svc_start_psutil(&s), "manual");
	s.start = 4;
	CHECK_STR(pk_svc_start_psutil(&s), "disabled");
}

int
main(void)
{
	TEST(test_pyrepr_matches_cpython);
	TEST(test_pyrepr_invalid_utf8);
	TEST(test_status_and_start_names);
	return DONE();
}
