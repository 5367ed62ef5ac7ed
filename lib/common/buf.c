/*
 * buf.c: growable byte buffers.  The content is always followed by a NUL
 * so text parsers may use it as a string, but parsers take (data, len).
 */
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

int
pk_buf_reserve(struct pk_buf *b, size_t extra)
{
	size_t cap;
	char *p;

	if (extra >= SIZE_MAX - b->len - 1)
		return PK_ENOMEM;
	if (b->len + extra + 1 <= b->cap)
		return PK_OK;
	cap = b->cap ? b->cap : 1024;
	while (cap < b->len + extra + 1)
		cap = cap > SIZE_MAX / 2 ? b->len + extra + 1 : cap * 2;
	if ((p = realloc(b->data, cap)) == NULL)
		return PK_ENOMEM;
	b->data = p;
	b->cap = cap;
	return PK_OK;
}

int
pk_buf_append(struct pk_buf *b, const void *p, size_t n)
{
	if (pk_buf_reserve(b, n) != PK_OK)
		return PK_ENOMEM;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return PK_OK;
}

void
pk_buf_reset(struct pk_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
pk_buf_free(struct pk_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int
pk_array_grow(void *arrp, size_t *cap, size_t n, size_t size)
{
	void *old, *nv;
	size_t ncap;

	if (n < *cap)
		return PK_OK;
	ncap = *cap ? *cap * 2 : 32;
	/* through memcpy: arrp is a T **, not a void ** */
	memcpy(&old, arrp, sizeof(old));
	if ((nv = reallocarray(old, ncap, size)) == NULL)
		return PK_ENOMEM;
	memcpy(arrp, &nv, sizeof(nv));
	*cap = ncap;
	return PK_OK;
}
