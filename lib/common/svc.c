/*
 * svc.c: the OS-neutral half of winservices: freeing entries and the
 * names psutil gives to service states and start types (Python's repr()
 * of names, winservices' own formatting, is lib/fmt/pyrepr.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pskit.h"

void
pk_svc_clear(struct pk_svc *s)
{
	free(s->name);
	free(s->display_name);
	free(s->binpath);
	free(s->username);
	free(s->description);
	free(s->osname);
	memset(s, 0, sizeof(*s));
}

void
pk_svc_free(struct pk_svc *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		pk_svc_clear(&v[i]);
	free(v);
}

const char *
pk_svc_status_str(const struct pk_svc *s)
{
	/* psutil _pswindows.py: the SERVICE_* states by value. */
	static const char *names[] = { "unknown", "stopped", "start_pending",
		"stop_pending", "running", "continue_pending", "pause_pending",
		"paused" };

	if (!(s->has & PK_SVC_HAS_STATUS) || s->status < 0 ||
	    s->status > PK_SVC_PAUSED)
		return "unknown";
	return names[s->status];
}

const char *
pk_svc_start_str(const struct pk_svc *s)
{
	if (!(s->has & PK_SVC_HAS_CONFIG))
		return "unknown";
	switch (s->start) {
	case 0: return "boot";
	case 1: return "system";
	case 2:
		/* a refused delayed query (Wine) loses only the flag */
		return s->delayed > 0 ? "delayed-auto" : "automatic";
	case 3: return "manual";
	case 4: return "disabled";
	default: return "unknown";
	}
}

const char *
pk_svc_start_psutil(const struct pk_svc *s)
{
	/* psutil: AUTO_START automatic, DEMAND_START manual, DISABLED
	 * disabled; boot and system are commented out there. */
	if (!(s->has & PK_SVC_HAS_CONFIG))
		return "unknown";
	switch (s->start) {
	case 2: return "automatic";
	case 3: return "manual";
	case 4: return "disabled";
	default: return "unknown";
	}
}
