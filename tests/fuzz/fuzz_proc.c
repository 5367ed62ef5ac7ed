/*
 * libFuzzer entry point for every per-process parser procinfo uses (the
 * same bytes go through each one).  Build with `make fuzz CC=clang`.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "pskit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint64_t ino[] = { 0, 1, 100, 12345 };
	static const int fds[] = { 3, 4, 5, 6 };
	const char *b = (const char *)data;
	struct pk_pstat st;
	struct pk_pstatus ss;
	struct pk_pstatm sm;
	struct pk_pio io;
	struct pk_plimits li;
	struct pk_strv sv;
	struct pk_env env;
	struct pk_pmap *maps;
	struct pk_pconn *c = NULL;
	size_t nmaps, nc = 0;
	uint64_t bt;

	pk_pstat_parse(b, size, &st);
	pk_pstatus_parse(b, size, &ss);
	pk_pstatm_parse(b, size, &sm);
	pk_pio_parse(b, size, &io);
	pk_plimits_parse(b, size, &li);
	pk_btime_parse(b, size, &bt);
	if (pk_pcmdline_parse(b, size, &sv) == PK_OK) {
		pk_proc_name(st.comm, &sv);
		pk_strv_free(&sv);
	}
	if (pk_penviron_parse(b, size, &env) == PK_OK)
		pk_penviron_free(&env);
	if (pk_smaps_group_parse(b, size, &maps, &nmaps) == PK_OK)
		pk_pmaps_free(maps, nmaps);
	pk_pconn_inet_parse(b, size, 2, 1, ino, fds, 4, &c, &nc);
	pk_pconn_inet_parse(b, size, 10, 2, ino, fds, 4, &c, &nc);
	pk_pconn_unix_parse(b, size, ino, fds, 4, &c, &nc);
	pk_pconn_sort(c, nc);
	free(c);
	return 0;
}
