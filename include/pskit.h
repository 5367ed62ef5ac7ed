/*
 * pskit.h: the umbrella header of libpskit.  The interface lives in one
 * header per topic, include/pskit/<topic>.h; this file includes them all,
 * so a command needs only "pskit.h".  PSKIT_VERSION stays here (the
 * contract tests read it from this file).
 */
#ifndef PSKIT_H
#define PSKIT_H

#define PSKIT_VERSION	"0.1.0"

#include "pskit/core.h"		/* context, errors, buffers, reads, numbers */
#include "pskit/esc.h"		/* the escaping policy */
#include "pskit/out.h"		/* the structured-output writer */
#include "pskit/atomic.h"	/* --outfile: atomic file replacement */
#include "pskit/time.h"		/* clocks and sleeping */
#include "pskit/sys.h"		/* uname, user names, terminal, regex */
#include "pskit/mem.h"		/* system memory (free, procsmem -w) */
#include "pskit/cgroup.h"	/* memory cgroups */
#include "pskit/proc.h"		/* one process (procinfo) */
#include "pskit/pmem.h"		/* process memory, smaps (procsmem) */
#include "pskit/cpu.h"		/* /proc/stat cpu line, uptime */
#include "pskit/disk.h"		/* block devices and rates (iostat) */
#include "pskit/net.h"		/* network interfaces (ifconfig) */
#include "pskit/svc.h"		/* Windows services (winservices) */
#include "pskit/fmt.h"		/* formatters only commands use */

#endif /* PSKIT_H */
