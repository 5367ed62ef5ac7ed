/*
 * wstr.c: conversions between the UTF-16 of Win32 and the UTF-8 the
 * library and commands speak.  Never through the ANSI code page.
 */
#include <stdlib.h>
#include <windows.h>

#include "pskit.h"
#include "pkwin.h"

int
pk_win_utf8(const wchar_t *w, char **out)
{
	int n;

	*out = NULL;
	if (w == NULL)
		return PK_OK;
	n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
	if (n <= 0)
		n = 1;
	if ((*out = malloc((size_t)n)) == NULL)
		return PK_ENOMEM;
	if (WideCharToMultiByte(CP_UTF8, 0, w, -1, *out, n, NULL, NULL) <= 0)
		(*out)[0] = '\0';
	return PK_OK;
}

wchar_t *
pk_win_wide(const char *s)
{
	wchar_t *w;
	int n;

	n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, NULL, 0);
	if (n <= 0)
		return NULL;
	if ((w = malloc((size_t)n * sizeof(*w))) == NULL)
		return NULL;
	if (MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, w,
	    n) <= 0) {
		free(w);
		return NULL;
	}
	return w;
}
