/*
 * cgname.c: what a cgroup path names (procsmem --by unit, container).
 *
 * Pure functions over the path from /proc/PID/cgroup.  A path is read
 * component by component and the innermost match wins, so a container
 * nested below a service, or a user's own unit below
 * user@1000.service, names the inner one (as sd_pid_get_user_unit).
 */
#include <string.h>

#include "pskit.h"

/* The component starting at p, its length in *n; NULL at the end. */
static const char *
component(const char *p, size_t *n)
{
	while (*p == '/')
		p++;
	if (*p == '\0')
		return NULL;
	*n = strcspn(p, "/");
	return p;
}

static int
ends_with(const char *p, size_t n, const char *suf)
{
	size_t sl = strlen(suf);

	return n > sl && memcmp(p + n - sl, suf, sl) == 0;
}

static int
starts_with(const char *p, size_t n, const char *pre)
{
	size_t pl = strlen(pre);

	return n > pl && memcmp(p, pre, pl) == 0;
}

/* A container id: 12 to 64 lower-case hex digits. */
static int
is_id(const char *p, size_t n)
{
	size_t i;

	if (n < 12 || n > 64)
		return 0;
	for (i = 0; i < n; i++)
		if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f')))
			return 0;
	return 1;
}

static int
copy_out(char *out, size_t len, const char *p, size_t n)
{
	if (len == 0 || n >= len)
		return PK_EPARSE;
	memcpy(out, p, n);
	out[n] = '\0';
	return PK_OK;
}

int
pk_cgname_unit(const char *path, char *out, size_t len)
{
	const char *p = path, *c, *best = NULL;
	size_t n, bn = 0;

	while ((c = component(p, &n)) != NULL) {
		if (ends_with(c, n, ".service") || ends_with(c, n, ".scope")) {
			best = c;
			bn = n;
		}
		p = c + n;
	}
	if (best == NULL)
		return PK_ENOENT;
	return copy_out(out, len, best, bn);
}

/*
 * The id in one component: "<prefix><id>.scope" of the systemd
 * drivers, or a bare id below "docker" or a kubelet "pod<uid>"
 * (the cgroupfs drivers).  Conmon scopes are not containers.
 */
static int
component_id(const char *c, size_t n, const char *parent, size_t pn,
    const char **id, size_t *idn)
{
	static const char *const pre[] = { "docker-", "libpod-",
		"cri-containerd-", "crio-" };
	size_t i, pl;

	if (ends_with(c, n, ".scope")) {
		for (i = 0; i < sizeof(pre) / sizeof(pre[0]); i++) {
			pl = strlen(pre[i]);
			if (starts_with(c, n, pre[i]) &&
			    is_id(c + pl, n - pl - 6)) {
				*id = c + pl;
				*idn = n - pl - 6;
				return 1;
			}
		}
		return 0;
	}
	if (parent != NULL && is_id(c, n) && ((pn == 6 &&
	    memcmp(parent, "docker", 6) == 0) || starts_with(parent, pn, "pod"))) {
		*id = c;
		*idn = n;
		return 1;
	}
	return 0;
}

int
pk_cgname_container(const char *path, char *out, size_t len)
{
	const char *p = path, *c, *parent = NULL, *id = NULL, *cid;
	size_t n, pn = 0, idn = 0, cidn;

	while ((c = component(p, &n)) != NULL) {
		if (component_id(c, n, parent, pn, &cid, &cidn)) {
			id = cid;
			idn = cidn;
		}
		parent = c;
		pn = n;
		p = c + n;
	}
	if (id == NULL)
		return PK_ENOENT;
	return copy_out(out, len, id, idn);
}

/* A pod UID: hex digits and dashes (systemd writes '_' for '-'). */
static int
is_uid(const char *p, size_t n)
{
	size_t i;

	if (n < 8 || n > 64)
		return 0;
	for (i = 0; i < n; i++)
		if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' &&
		    p[i] <= 'f') || p[i] == '-' || p[i] == '_'))
			return 0;
	return 1;
}

/* "kubepods-burstable-pod<uid>.slice" or cgroupfs' "pod<uid>". */
static int
component_pod(const char *c, size_t n, const char **uid, size_t *un)
{
	const char *s;

	if (starts_with(c, n, "kubepods") && ends_with(c, n, ".slice")) {
		n -= 6;
		for (s = c + n; s > c + 3; s--)
			if (memcmp(s - 4, "-pod", 4) == 0)
				break;
		if (s == c + 3)
			return 0;
		*uid = s;
		*un = (size_t)(c + n - s);
		return is_uid(*uid, *un);
	}
	if (starts_with(c, n, "pod") && is_uid(c + 3, n - 3)) {
		*uid = c + 3;
		*un = n - 3;
		return 1;
	}
	return 0;
}

int
pk_cgname_pod(const char *path, char *out, size_t len)
{
	const char *p = path, *c, *uid = NULL, *cu;
	size_t n, un = 0, cun, i;

	while ((c = component(p, &n)) != NULL) {
		if (component_pod(c, n, &cu, &cun)) {
			uid = cu;
			un = cun;
		}
		p = c + n;
	}
	if (uid == NULL)
		return PK_ENOENT;
	if (copy_out(out, len, uid, un) != PK_OK)
		return PK_EPARSE;
	for (i = 0; i < un; i++)
		if (out[i] == '_')
			out[i] = '-';
	return PK_OK;
}
