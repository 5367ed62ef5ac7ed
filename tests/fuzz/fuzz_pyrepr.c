/*
 * libFuzzer entry point for pk_svc_pyrepr(), which quotes service names
 * for the text report: any bytes (invalid UTF-8 included) must give a
 * quoted, NUL-free string without control characters.
 */
#include <stdlib.h>
#include <string.h>

#include "pskit.h"
#include "pskit/fmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pk_buf b = { NULL, 0, 0 };
	char *s = malloc(size + 1);
	size_t i;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (pk_svc_pyrepr(s, &b) == PK_OK) {
		if (b.len < 2 || strlen(b.data) != b.len ||
		    (b.data[0] != '\'' && b.data[0] != '"') ||
		    b.data[b.len - 1] != b.data[0])
			abort();
		for (i = 0; i < b.len; i++)
			if ((unsigned char)b.data[i] < 0x20 ||
			    b.data[i] == 0x7f)
				abort();
	}
	pk_buf_free(&b);
	free(s);
	return 0;
}
