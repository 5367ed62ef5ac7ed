/*
 * re.c: POSIX extended regular expressions for the commands' filters.
 */
#include <regex.h>
#include <stdlib.h>

#include "pskit.h"

struct pk_re {
	regex_t	 re;
};

int
pk_re_comp(struct pk_re **re, const char *pattern, char *errbuf,
    size_t errlen)
{
	int e;

	if ((*re = malloc(sizeof(**re))) == NULL)
		return PK_ENOMEM;
	if ((e = regcomp(&(*re)->re, pattern, REG_EXTENDED | REG_NOSUB)) != 0) {
		regerror(e, &(*re)->re, errbuf, errlen);
		free(*re);
		*re = NULL;
		return PK_EPARSE;
	}
	return PK_OK;
}

int
pk_re_match(const struct pk_re *re, const char *s)
{
	return regexec(&re->re, s, 0, NULL, 0) == 0;
}

void
pk_re_free(struct pk_re *re)
{
	if (re == NULL)
		return;
	regfree(&re->re);
	free(re);
}
