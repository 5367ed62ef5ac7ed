#!/usr/bin/env bats
# free.exe under Wine: GetPerformanceInfo's physical memory is the host's
# MemTotal (Wine reads /proc/meminfo), printed in procps' layout and in
# every structured format with the same keys as the Linux build; what
# Windows cannot give (shared, buffers, cache; swap usage under Wine) is
# \N / null.
#
# One throwaway WINEPREFIX per run (wineboot -i), WINEDEBUG=-all, a
# timeout on every wine call, wineserver kept alive during the suite (-p)
# and killed at the end (-k): the harness of winservices_wine.bats.
# Skipped, with the reason, where wine or mingw-w64 is missing.

bats_require_minimum_version 1.5.0
load helper
load wine_prefix

EXE=$PSKIT_BIN/free.exe
T=60	# seconds allowed to any one wine call

wine_cmd() {
	command -v wine || command -v wine64
}

setup_file() {
	local w
	w=$(wine_cmd) || return 0
	command -v wineserver >/dev/null || return 0
	command -v x86_64-w64-mingw32-gcc >/dev/null || return 0
	make -s -C "$PSKIT_ROOT" windows >&2 || return 1
	export WINE=$w WINEDEBUG=-all LC_ALL=C.UTF-8
	export WINEPREFIX=$BATS_FILE_TMPDIR/prefix
	timeout 180 wineboot -i >/dev/null 2>&1 || return 1
	timeout $T wineserver -p >/dev/null 2>&1 || true
	touch "$BATS_FILE_TMPDIR/ready"
}

teardown_file() {
	[ -n "${WINEPREFIX:-}" ] || return 0
	timeout $T wineserver -k >/dev/null 2>&1 || true
	timeout $T wineserver -w >/dev/null 2>&1 || true
	wine_prefix_reap
	rm -rf "$WINEPREFIX"
}

setup() {
	[ -n "$(wine_cmd)" ] || skip "wine (wine64) is not installed"
	[ -f "$BATS_FILE_TMPDIR/ready" ] ||
		skip "no Windows build (x86_64-w64-mingw32-gcc missing) or no Wine prefix"
}

fw() {
	timeout $T "$WINE" "$EXE" "$@"
}

no_cr() {
	if printf '%s' "$1" | grep -q $'\r'; then
		fail "output has CR characters"
	fi
}

host_kb() {
	sed -n "s/^$1: *\\([0-9]*\\) kB\$/\\1/p" /proc/meminfo
}

@test "free.exe imports system DLLs only" {
	command -v x86_64-w64-mingw32-objdump >/dev/null || skip "no objdump"
	run -0 bash -c "x86_64-w64-mingw32-objdump -p '$EXE' | sed -n 's/.*DLL Name: //p' | sort"
	assert_output $'KERNEL32.dll\nmsvcrt.dll\nntdll.dll'
}

@test "total is the host's MemTotal within 4 KiB" {
	run -0 --separate-stderr fw --tsv --no-header
	[ -z "$stderr" ]
	local total host
	total=$(awk -F'\t' '$1 == "mem" { print $2 }' <<<"$output")
	host=$(($(host_kb MemTotal) * 1024))
	[ -n "$total" ] && [ "$total" -gt 0 ]
	local d=$((total - host))
	[ "${d#-}" -le 4096 ] || fail "free.exe total $total, host MemTotal $host bytes"
}

@test "text: procps' layout, LF only, Mem total matches tsv" {
	run -0 --separate-stderr fw
	no_cr "$output"
	[ -z "$stderr" ]
	assert_line --index 0 "               total        used        free      shared  buff/cache   available"
	assert_equal "${#lines[@]}" 3
	assert_line --index 1 --regexp '^Mem: {6}( +-?[0-9]+){6}$'
	assert_line --index 2 --regexp '^Swap: {5}( +[0-9]+){3}$'
	# a 9-character label, then 6 right-aligned columns of 12, as procps
	[ "${#lines[1]}" -eq 80 ]
	local kb tsv
	kb=$(awk '$1 == "Mem:" { print $2 }' <<<"$output")
	run -0 fw --tsv --no-header
	tsv=$(awk -F'\t' '$1 == "mem" { print $2 / 1024 }' <<<"$output")
	assert_equal "$kb" "$tsv"
}

@test "text: -w -t -v -l rows and -b/-h units" {
	run -0 fw -w -t -v -l
	no_cr "$output"
	assert_line --index 0 "               total        used        free      shared     buffers       cache   available"
	assert_equal "$(cut -c1-9 <<<"$output" | sed 1d | tr -d ' ' | tr '\n' ' ')" "Mem: Low: High: Swap: Total: Comm: "
	run -0 fw -b
	assert_line --index 1 --regexp '^Mem: +[0-9]{9,}'
	run -0 fw -h
	assert_line --index 1 --regexp '^Mem: +[0-9.]+[KMGT]i '
}

@test "tsv: 10 columns on every line, \\N where Windows has no value, used = total - available" {
	run -0 fw --tsv -t -v -l
	no_cr "$output"
	assert_line --index 0 "$(printf 'type\ttotal\tused\tfree\tshared\tbuffers\tcache\tbuff_cache\tavailable\tscope')"
	run -0 awk -F'\t' 'NF != 10 { print NR": "NF }' <<<"$output"
	assert_output ""
	run -0 fw --tsv --no-header
	local mem
	mem=$(awk -F'\t' '$1 == "mem"' <<<"$output")
	assert_equal "$(cut -f5-8,10 <<<"$mem")" $'\\N\t\\N\t\\N\t\\N\thost'
	# psutil: used = total - available, free = available
	awk -F'\t' '{ if ($3 != $2 - $9 || $4 != $9) exit 1 }' <<<"$mem" ||
		fail "mem row: $mem"
}

@test "json: valid, the Linux build's keys, null for what Windows lacks" {
	run -0 --separate-stderr fw --json -t -v
	no_cr "$output"
	local j=$output
	run -0 jq -r '[.[].type] | join(" ")' <<<"$j"
	assert_output "mem swap total comm"
	run -0 jq -r '.[0] | [.shared, .buffers, .cache, .buff_cache] | map(tostring) | join(" ")' <<<"$j"
	assert_output "null null null null"
	run -0 jq -e '.[0].total > 0 and .[0].available > 0 and .[0].available <= .[0].total' <<<"$j"
	run -0 jq -e '.[3].total > 0 and .[3].used > 0' <<<"$j"
	if [ -x "$PSKIT_BIN/free" ]; then
		local keys
		keys=$("$PSKIT_BIN/free" --json | jq -c '[.[] | keys_unsorted] | unique')
		run -0 jq -c '[.[] | keys_unsorted] | unique' <<<"$j"
		assert_output "$keys"
	fi
}

@test "json lines: -s 1 -c 2 gives two complete samples" {
	run -0 fw --json -s 0.2 -c 2
	no_cr "$output"
	assert_equal "${#lines[@]}" 2
	run -0 jq -s -r 'map(type == "array" and length > 0 and all(.[]; has("timestamp"))) | map(tostring) | join(" ")' <<<"$output"
	assert_output "true true"
}

@test "prom: HELP/TYPE and samples only, no null samples; --outfile replaces the file" {
	run -0 fw -o prom
	no_cr "$output"
	local bad
	bad=$(grep -vE '^(# (HELP|TYPE) pskit_free_[a-z_]+ .*|pskit_free_[a-z_]+_bytes\{type="[a-z]+",scope="host"\} [0-9]+|pskit_free_last_success_timestamp_seconds [0-9.]+)$' <<<"$output" || true)
	[ -z "$bad" ] || fail "unexpected lines: $bad"
	assert_line --regexp '^pskit_free_total_bytes\{type="mem",scope="host"\} [1-9][0-9]*$'
	local f=$BATS_TEST_TMPDIR/free.prom
	echo old >"$f"
	run -0 fw -o prom --outfile "Z:$f"
	[ -z "$output" ]
	grep -q '^pskit_free_total_bytes{type="mem"' "$f"
	! grep -q $'\r' "$f"
	run -0 ls -A "$BATS_TEST_TMPDIR"
	assert_output free.prom
}

@test "Linux-only options fail cleanly" {
	run -1 --separate-stderr fw --cgroup
	[ -z "$output" ]
	assert_equal "$stderr" "free: memory cgroups: not supported on this system"
	run -0 fw --version
	assert_output "free (pskit) 0.1.0"
}
