/*
 * strtonum.c (compat): OpenBSD strtonum(3): a decimal long long within
 * [minval, maxval]; *errstr is NULL, "invalid", "too small" or
 * "too large".
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

long long
strtonum(const char *s, long long minval, long long maxval,
    const char **errstrp)
{
	const char *errstr = NULL;
	long long ll = 0;
	char *ep;
	int saved = errno;

	if (minval > maxval)
		errstr = "invalid";
	else {
		errno = 0;
		ll = strtoll(s, &ep, 10);
		if (s == ep || *ep != '\0')
			errstr = "invalid";
		else if ((ll == LLONG_MIN && errno == ERANGE) || ll < minval)
			errstr = "too small";
		else if ((ll == LLONG_MAX && errno == ERANGE) || ll > maxval)
			errstr = "too large";
	}
	if (errstr != NULL) {
		ll = 0;
		errno = errstr[0] == 'i' ? EINVAL : ERANGE;
	} else
		errno = saved;
	if (errstrp != NULL)
		*errstrp = errstr;
	return ll;
}
