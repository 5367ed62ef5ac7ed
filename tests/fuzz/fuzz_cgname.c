/*
 * libFuzzer entry point for the cgroup path naming (cgname.c): any
 * bytes give either no name or a name that is a substring of the path
 * (the pod UID with '_' for '-'), NUL-terminated within the buffer.
 */
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(const char *path, const char *name, int pod)
{
	char *c, *p;

	if (!pod) {
		if (*name == '\0' || strstr(path, name) == NULL)
			abort();
		return;
	}
	/* the pod UID is in the path with '-' or '_' */
	if ((c = strdup(path)) == NULL)
		return;
	for (p = c; *p != '\0'; p++)
		if (*p == '_')
			*p = '-';
	if (*name == '\0' || strstr(c, name) == NULL)
		abort();
	free(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), out[80];

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (pk_cgname_unit(s, out, sizeof(out)) == PK_OK)
		check(s, out, 0);
	if (pk_cgname_container(s, out, sizeof(out)) == PK_OK)
		check(s, out, 0);
	if (pk_cgname_pod(s, out, sizeof(out)) == PK_OK)
		check(s, out, 1);
	free(s);
	return 0;
}
