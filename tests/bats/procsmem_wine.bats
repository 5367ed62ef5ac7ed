#!/usr/bin/env bats
# procsmem.exe under Wine: a process this suite starts (procsmem-winhog,
# 64 MiB touched) is listed with its pid, name, command line, owner and a
# working set of at least 64 MiB; PSS and swap, which Windows does not
# have, are \N / null; procsmem.exe's own USS comes from QueryWorkingSetEx
# (Wine answers it for the calling process only, so other processes'
# USS is null there).
#
# Harness of winservices_wine.bats: one throwaway WINEPREFIX (wineboot
# -i), WINEDEBUG=-all, a timeout on every wine call, wineserver -p during
# the suite and -k at the end.

bats_require_minimum_version 1.5.0
load helper
load wine_prefix

EXE=$PSKIT_BIN/procsmem.exe
T=60	# seconds allowed to any one wine call
MIB=64
ARG='Ďé ✓'

wine_cmd() {
	command -v wine || command -v wine64
}

setup_file() {
	local w i
	w=$(wine_cmd) || return 0
	command -v wineserver >/dev/null || return 0
	command -v x86_64-w64-mingw32-gcc >/dev/null || return 0
	make -s -C "$PSKIT_ROOT" windows >&2 || return 1
	x86_64-w64-mingw32-gcc -O2 -o "$BATS_FILE_TMPDIR/pkhog.exe" \
	    "$PSKIT_ROOT/tests/bats/procsmem-winhog.c" || return 1
	export WINE=$w WINEDEBUG=-all LC_ALL=C.UTF-8
	export WINEPREFIX=$BATS_FILE_TMPDIR/prefix
	timeout 180 wineboot -i >/dev/null 2>&1 || return 1
	timeout $T wineserver -p >/dev/null 2>&1 || true
	# The process under test, stopped by creating the stop file.
	timeout 120 "$WINE" "$BATS_FILE_TMPDIR/pkhog.exe" $MIB \
	    "Z:$BATS_FILE_TMPDIR/hog.pid" "Z:$BATS_FILE_TMPDIR/hog.stop" \
	    "$ARG" x >/dev/null 2>&1 3>&- &
	echo $! >"$BATS_FILE_TMPDIR/hog.unixpid"
	for i in $(seq 300); do
		[ -s "$BATS_FILE_TMPDIR/hog.pid" ] && break
		sleep 0.1
	done
	[ -s "$BATS_FILE_TMPDIR/hog.pid" ] || return 1
	touch "$BATS_FILE_TMPDIR/ready"
}

teardown_file() {
	[ -n "${WINEPREFIX:-}" ] || return 0
	touch "$BATS_FILE_TMPDIR/hog.stop"
	if [ -s "$BATS_FILE_TMPDIR/hog.unixpid" ]; then
		wait "$(cat "$BATS_FILE_TMPDIR/hog.unixpid")" 2>/dev/null || true
	fi
	timeout $T wineserver -k >/dev/null 2>&1 || true
	timeout $T wineserver -w >/dev/null 2>&1 || true
	wine_prefix_reap
	rm -rf "$WINEPREFIX"
}

setup() {
	[ -n "$(wine_cmd)" ] || skip "wine (wine64) is not installed"
	[ -f "$BATS_FILE_TMPDIR/ready" ] ||
		skip "no Windows build (x86_64-w64-mingw32-gcc missing) or no Wine prefix"
	HOGPID=$(tr -d '\r\n' <"$BATS_FILE_TMPDIR/hog.pid")
}

ps() {
	timeout $T "$WINE" "$EXE" "$@"
}

no_cr() {
	if printf '%s' "$1" | grep -q $'\r'; then
		fail "output has CR characters"
	fi
}

PSSWARN="procsmem: warning: kernel does not appear to support PSS measurement"

@test "procsmem.exe imports system DLLs only" {
	command -v x86_64-w64-mingw32-objdump >/dev/null || skip "no objdump"
	run -0 bash -c "x86_64-w64-mingw32-objdump -p '$EXE' | sed -n 's/.*DLL Name: //p' | sort"
	assert_output $'ADVAPI32.dll\nKERNEL32.dll\nmsvcrt.dll\nntdll.dll'
}

@test "json: the started process with its pid, name, command line, owner and working set" {
	run -0 --separate-stderr ps --json
	no_cr "$output"
	assert_equal "$stderr" "$PSSWARN"
	local j=$output
	run -0 jq -c --argjson p "$HOGPID" '[.[] | select(.pid == $p)] | length' <<<"$j"
	assert_output 1
	run -0 jq -r --argjson p "$HOGPID" '.[] | select(.pid == $p) | .name' <<<"$j"
	assert_output pkhog.exe
	run -0 jq -r --argjson p "$HOGPID" '.[] | select(.pid == $p) | .command' <<<"$j"
	assert_output --regexp "pkhog\\.exe\"? $MIB .*hog\\.stop \"$ARG\" x\$"
	run -0 jq -r --argjson p "$HOGPID" '.[] | select(.pid == $p) | .user' <<<"$j"
	assert_output --regexp "(^|\\\\)$(id -un)\$"
	# RSS: the working set holds the touched pages; VSS covers them too
	run -0 jq -e --argjson p "$HOGPID" --argjson m $((MIB << 20)) \
	    '.[] | select(.pid == $p) | .rss >= $m and .vss >= .rss and .maps > 0' <<<"$j"
	# what Windows does not have is null, never 0
	run -0 jq -c --argjson p "$HOGPID" '.[] | select(.pid == $p) | [.swap, .swap_pss, .pss]' <<<"$j"
	assert_output '[null,null,null]'
}

@test "json: procsmem.exe's own USS from QueryWorkingSetEx, other processes' USS null or within RSS" {
	run -0 --separate-stderr ps --json
	local j=$output
	run -0 jq -e '[.[] | select(.name == "procsmem.exe")] | length == 1 and
	    (.[0].uss > 0 and .[0].uss <= .[0].rss)' <<<"$j"
	run -0 jq -r '[.[] | select(.uss != null and .uss > .rss)] | length' <<<"$j"
	assert_output 0
	run -0 jq -r '[.[] | keys_unsorted | join(",")] | unique | .[]' <<<"$j"
	assert_output "pid,user,command,name,swap,swap_pss,uss,pss,rss,vss,maps"
}

@test "text: smem's header and the started process's row; totals" {
	run -0 --separate-stderr ps -c "pid name swap pss rss"
	no_cr "$output"
	assert_line --index 0 "  PID Name                         Swap      PSS      RSS "
	assert_line --regexp "^ *$HOGPID pkhog\\.exe +0 +0 +[0-9]+ \$"
	local rss
	rss=$(awk -v p="$HOGPID" '$1 == p { print $5 }' <<<"$output")
	[ "$rss" -ge $((MIB * 1024)) ] || fail "rss $rss kB"
	run -0 ps -t -c "pid rss"
	assert_line --regexp '^-+$'
}

@test "tsv: one header, same column count everywhere, \\N for pss and swap, LF only" {
	run -0 --separate-stderr ps --tsv
	no_cr "$output"
	assert_line --index 0 "$(printf 'pid\tuser\tcommand\tname\tswap\tswap_pss\tuss\tpss\trss\tvss\tmaps')"
	run -0 awk -F'\t' 'NF != 11 { print NR": "NF }' <<<"$output"
	assert_output ""
	run -0 ps --tsv --no-header
	run -0 awk -F'\t' -v p="$HOGPID" '$1 == p { print $5, $6, $8 }' <<<"$output"
	assert_output '\N \N \N'
}

@test "users view and prom: the owner with at least two processes" {
	run -0 --separate-stderr ps -u --json
	run -0 jq -e 'length >= 1 and (map(.count) | add) >= 2' <<<"$output"
	run -0 --separate-stderr ps -o prom
	no_cr "$output"
	assert_line --regexp '^pskit_procsmem_program_rss_bytes\{program="pkhog\.exe"\} [0-9]+$'
	run -0 awk '/^pskit_procsmem_program_rss_bytes\{program="pkhog.exe"\}/ { print ($2 >= m) }' m=$((MIB << 20)) <<<"$output"
	assert_output 1
}

@test "what Windows cannot do fails cleanly: -m, -w, -P" {
	run -1 --separate-stderr ps -m
	[ -z "$output" ]
	assert_equal "$stderr" "procsmem: not supported on this system"
	run -1 --separate-stderr ps -w
	assert_equal "$stderr" "procsmem: system view: not supported on this system"
	run -2 --separate-stderr ps -P pkhog
	assert_equal "$stderr" "procsmem: pkhog: regular expressions are not supported on this system"
	run -0 ps --version
	assert_output "procsmem (pskit) 0.1.0"
}

@test "charts and --psutil on Windows: an SVG of the processes; --psutil not supported" {
	run -0 --separate-stderr ps --pie name
	no_cr "$output"
	[[ "${lines[1]}" == "<svg "* ]] || fail "not an SVG: ${lines[1]}"
	if command -v xmllint >/dev/null; then
		printf '%s\n' "$output" | xmllint --noout - || fail "invalid XML"
	fi
	run -0 --separate-stderr ps --bar name
	grep -q 'class="bar" data-label="pkhog.exe"' <<<"$output" ||
		fail "the started process has no bar"
	run -1 --separate-stderr ps --psutil
	[ -z "$output" ]
	assert_equal "$stderr" "procsmem: not supported on this system"
}
