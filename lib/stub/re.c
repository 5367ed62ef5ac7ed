/*
 * re.c (stub): no regular expressions on this system (mingw has no
 * regex.h).
 */
#include <string.h>

#include "pskit.h"

int
pk_re_comp(struct pk_re **re, const char *pattern, char *errbuf,
    size_t errlen)
{
	(void)pattern;
	*re = NULL;
	strlcpy(errbuf, "regular expressions are not supported on this system",
	    errlen);
	return PK_ENOTSUP;
}

int
pk_re_match(const struct pk_re *re, const char *s)
{
	(void)re;
	(void)s;
	return 0;
}

void
pk_re_free(struct pk_re *re)
{
	(void)re;
}
