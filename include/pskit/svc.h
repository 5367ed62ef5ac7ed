/*
 * pskit/svc.h: Windows services through the Service Control Manager
 * (winservices); PK_ENOTSUP elsewhere.
 */
#ifndef PSKIT_SVC_H
#define PSKIT_SVC_H

#include "pskit/core.h"

/* Status: the Win32 SERVICE_* state values; 0 when not known. */
enum pk_svc_status {
	PK_SVC_STATUS_UNKNOWN = 0,
	PK_SVC_STOPPED = 1,
	PK_SVC_START_PENDING,
	PK_SVC_STOP_PENDING,
	PK_SVC_RUNNING,
	PK_SVC_CONTINUE_PENDING,
	PK_SVC_PAUSE_PENDING,
	PK_SVC_PAUSED
};

#define PK_SVC_HAS_STATUS	(1u << 0)	/* status, service_type */
#define PK_SVC_HAS_PID		(1u << 1)	/* running with a pid != 0 */
#define PK_SVC_HAS_CONFIG	(1u << 2)	/* binpath, username, start */
#define PK_SVC_HAS_DESCR	(1u << 3)	/* description != NULL */

/*
 * One service.  Strings are UTF-8, owned by the entry (pk_svc_free);
 * NULL where the system gave none.  start is the raw dwStartType
 * (0 boot .. 4 disabled); delayed is 1/0 for an automatic service, -1
 * when the delayed-auto query was refused (Wine: ERROR_INVALID_LEVEL).
 * code/oserr: the PK_* code and OS error of a per-service failure.
 */
struct pk_svc {
	char		*name;
	char		*display_name;
	char		*binpath;
	char		*username;
	char		*description;
	void		*osname;	/* Windows: the SCM key (UTF-16) */
	uint32_t	 service_type;	/* SERVICE_WIN32_OWN_PROCESS ... */
	uint32_t	 start;
	int		 delayed;
	int		 status;	/* enum pk_svc_status */
	uint32_t	 pid;
	uint32_t	 has;		/* PK_SVC_HAS_* */
	int		 code;
	int		 oserr;
};

/* The SCM connection, opened once per report. */
struct pk_svc_scm {
	void		*h;
};

/* Connect to the SCM with enumerate rights.  PK_ENOTSUP off Windows. */
int	 pk_svc_open(struct pk_ctx *ctx, struct pk_svc_scm *scm);
void	 pk_svc_close(struct pk_svc_scm *scm);
/*
 * Every Win32 service: name, display name, status, pid and type from the
 * enumeration (one call; the buffer grows on ERROR_MORE_DATA up to a
 * bound).  Order is the system's.  Free with pk_svc_free().
 */
int	 pk_svc_enum(struct pk_ctx *ctx, struct pk_svc_scm *scm,
	    struct pk_svc **out, size_t *n);
/*
 * Fill the rest of one entry with one OpenServiceW: configuration,
 * description, delayed-auto flag (and status when the enumeration did
 * not give it).  PK_ENOENT when the service is gone; any other failure
 * is also left in s->code/s->oserr and the fields stay absent.
 */
int	 pk_svc_query(struct pk_ctx *ctx, struct pk_svc_scm *scm,
	    struct pk_svc *s);
/*
 * The service called name, case-insensitively: the entry of list (the
 * canonical spelling) when it is there, else the SCM is asked directly
 * (drivers, services newer than list).  Fully queried.  PK_ENOENT when
 * there is no such service.
 */
int	 pk_svc_get(struct pk_ctx *ctx, struct pk_svc_scm *scm,
	    const struct pk_svc *list, size_t n, const char *name,
	    struct pk_svc *out);
void	 pk_svc_clear(struct pk_svc *s);
void	 pk_svc_free(struct pk_svc *v, size_t n);

/* "running", "stopped", ... ("unknown" when not known). */
const char *pk_svc_status_str(const struct pk_svc *s);
/* automatic, delayed-auto, manual, disabled, boot, system, unknown
 * (automatic whose delayed flag was refused is "automatic": what is
 * known stays; the flag itself is delayed, -1). */
const char *pk_svc_start_str(const struct pk_svc *s);
/* psutil's start_type: automatic (delayed included), manual, disabled,
 * else unknown. */
const char *pk_svc_start_psutil(const struct pk_svc *s);

#endif /* PSKIT_SVC_H */
