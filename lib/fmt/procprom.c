/*
 * procprom.c: one process as a flat Prometheus record.  Labels are the
 * pid and name of a process the user named (procinfo never enumerates),
 * so cardinality stays what the caller asked for.  Units are base units:
 * seconds, bytes; counters end in _total.
 */
#include <stdio.h>

#include "pskit.h"
#include "pskit/out.h"
#include "pskit/fmt.h"

static const struct pk_out_col prom_cols[] = {
	{ "pid", PK_OUT_STR, PK_OUT_LABEL, NULL, "Process id" },
	{ "name", PK_OUT_STR, PK_OUT_LABEL, NULL, "Process name" },
	{ "cpu_user", PK_OUT_F64, PK_OUT_COUNTER, "seconds",
	    "CPU time spent in user mode" },
	{ "cpu_system", PK_OUT_F64, PK_OUT_COUNTER, "seconds",
	    "CPU time spent in kernel mode" },
	{ "resident_memory", PK_OUT_U64, PK_OUT_GAUGE, "bytes",
	    "Resident set size (statm)" },
	{ "virtual_memory", PK_OUT_U64, PK_OUT_GAUGE, "bytes",
	    "Virtual memory size (statm)" },
	{ "uss", PK_OUT_U64, PK_OUT_GAUGE, "bytes",
	    "Unique set size (smaps_rollup private pages)" },
	{ "pss", PK_OUT_U64, PK_OUT_GAUGE, "bytes",
	    "Proportional set size (smaps_rollup)" },
	{ "swap", PK_OUT_U64, PK_OUT_GAUGE, "bytes", "Swapped-out memory" },
	{ "threads", PK_OUT_U64, PK_OUT_GAUGE, NULL, "Number of threads" },
	{ "open_fds", PK_OUT_I64, PK_OUT_GAUGE, NULL, "Open file descriptors" },
	{ "read", PK_OUT_U64, PK_OUT_COUNTER, "bytes",
	    "Bytes read from storage (io read_bytes)" },
	{ "written", PK_OUT_U64, PK_OUT_COUNTER, "bytes",
	    "Bytes written to storage (io write_bytes)" },
	{ "voluntary_context_switches", PK_OUT_U64, PK_OUT_COUNTER, NULL,
	    "Voluntary context switches" },
	{ "involuntary_context_switches", PK_OUT_U64, PK_OUT_COUNTER, NULL,
	    "Involuntary context switches" },
	{ "start_time", PK_OUT_F64, PK_OUT_GAUGE, "seconds",
	    "Start time since the epoch" },
};
const struct pk_out_col *
pk_proc_prom_cols(size_t *ncols)
{
	*ncols = sizeof(prom_cols) / sizeof(prom_cols[0]);
	return prom_cols;
}

static void
u64_if(struct pk_out *w, int have, uint64_t v)
{
	if (have)
		pk_out_u64(w, v);
	else
		pk_out_null(w);
}

int
pk_proc_prom(struct pk_out *w, const struct pk_proc *p)
{
	const struct pk_prollup *r = &p->rollup;
	int st = (p->has & PK_P_STAT) != 0, sm = (p->has & PK_P_STATM) != 0;
	int ctx = (p->status.has & PK_PSTATUS_HAS_CTX) != 0;
	int io = (p->has & PK_P_IO) && p->io.has == PK_PIO_HAS_ALL;
	char pid[32];

	snprintf(pid, sizeof(pid), "%lld", (long long)p->pid);
	pk_out_record_begin(w);
	pk_out_str(w, pid);
	pk_out_str(w, p->name);
	if (st) {
		pk_out_f64(w, pk_proc_secs(p, p->stat.utime), 2);
		pk_out_f64(w, pk_proc_secs(p, p->stat.stime), 2);
	} else {
		pk_out_null(w);
		pk_out_null(w);
	}
	u64_if(w, sm, p->statm.resident * p->pagesize);
	u64_if(w, sm, p->statm.size * p->pagesize);
	u64_if(w, r->has & PK_ROLLUP_HAS_USS, r->uss);
	u64_if(w, r->has & PK_ROLLUP_HAS_PSS, r->pss);
	u64_if(w, r->has & PK_ROLLUP_HAS_SWAP, r->swap);
	u64_if(w, st, (uint64_t)p->stat.num_threads);
	if (p->has & PK_P_FDS)
		pk_out_i64(w, p->num_fds);
	else
		pk_out_null(w);
	u64_if(w, io, p->io.read_bytes);
	u64_if(w, io, p->io.write_bytes);
	u64_if(w, ctx, p->status.vctx);
	u64_if(w, ctx, p->status.nvctx);
	if (p->has & PK_P_CREATE)
		pk_out_f64(w, p->create_time, 2);
	else
		pk_out_null(w);
	return pk_out_record_end(w);
}
