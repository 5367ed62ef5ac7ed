/*
 * libFuzzer entry point for the "Key:   value" parser every status-like
 * file goes through (pk_kv_parse, pk_kv_find) and the number parser under
 * all of them (pk_num_parse).  Build with `make fuzz CC=clang`.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "pskit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct pk_kv_key keys[] = {
		PK_KV("VmRSS", 0), PK_KV("Rss", 1), PK_KV("MemTotal", 2),
		PK_KV("rchar", 3), PK_KV("", 4), PK_KV("a", 63),
	};
	const char *b = (const char *)data, *val, *p, *end = b + size;
	uint64_t vals[64], has = 0, v;
	size_t vlen;
	int ok;

	pk_kv_parse(b, size, keys, sizeof(keys) / sizeof(keys[0]), vals, &has);
	if (pk_kv_find(b, size, "Name", &val, &vlen) == PK_OK &&
	    (val < b || val + vlen > end))
		abort();	/* the value must lie inside the buffer */
	/* every number of the input, as the /proc parsers walk them */
	for (p = b; p < end; p++) {
		const char *q = pk_num_parse(p, end, &v, &ok);

		if (q < p || q > end)
			abort();
		if (ok)
			p = q;
	}
	return 0;
}
