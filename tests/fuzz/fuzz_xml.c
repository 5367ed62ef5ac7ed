/*
 * libFuzzer entry point for pk_xml_escape(), which puts process names
 * and command lines into procsmem's SVG charts: any bytes must give
 * text without raw markup, controls, DEL, C1 or invalid UTF-8, and an
 * '&' only as one of the five entities.
 */
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t
entity(const char *p)
{
	static const char *const e[] = { "&amp;", "&lt;", "&gt;", "&quot;",
		"&apos;" };
	size_t i;

	for (i = 0; i < 5; i++)
		if (strncmp(p, e[i], strlen(e[i])) == 0)
			return strlen(e[i]);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *x;
	const unsigned char *p;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if ((x = pk_xml_escape(s)) != NULL) {
		for (p = (const unsigned char *)x; *p != '\0'; p++) {
			if (*p == '&')
				p += entity((const char *)p) - 1;
			else if (*p < 0x20 || *p == 0x7f || *p == '<' ||
			    *p == '>' || *p == '"' || *p == '\'')
				abort();
			else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
				abort();	/* C1 */
		}
		/* the rest (UTF-8 validity) is checked by tests/unit */
	}
	free(x);
	free(s);
	return 0;
}
