#!/usr/bin/env bats
# procinfo.exe under Wine on processes this suite starts: procsmem-winhog
# with -c starts a copy of itself, so the child's pid, ppid, parent name,
# command line (arguments with blanks and quotes), exe and working set,
# and the parent's children list are all known; what Windows does not
# have (uids, shared/text/lib/data/dirty, pss, swap) is null.
#
# Harness of winservices_wine.bats: one throwaway WINEPREFIX (wineboot
# -i), WINEDEBUG=-all, a timeout on every wine call, wineserver -p during
# the suite and -k at the end.

bats_require_minimum_version 1.5.0
load helper
load wine_prefix

EXE=$PSKIT_BIN/procinfo.exe
T=60	# seconds allowed to any one wine call
MIB=16
A1='a b'
A2='q"x'

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
	date +%s >"$BATS_FILE_TMPDIR/t0"
	timeout 120 "$WINE" "$BATS_FILE_TMPDIR/pkhog.exe" -c $MIB \
	    "Z:$BATS_FILE_TMPDIR/hog.pid" "Z:$BATS_FILE_TMPDIR/hog.stop" \
	    "$A1" "$A2" >/dev/null 2>&1 3>&- &
	echo $! >"$BATS_FILE_TMPDIR/hog.unixpid"
	for i in $(seq 300); do
		[ -s "$BATS_FILE_TMPDIR/hog.pid" ] &&
		    [ -s "$BATS_FILE_TMPDIR/hog.pid.parent" ] && break
		sleep 0.1
	done
	[ -s "$BATS_FILE_TMPDIR/hog.pid" ] || return 1
	[ -s "$BATS_FILE_TMPDIR/hog.pid.parent" ] || return 1
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
	CHILD=$(tr -d '\r\n' <"$BATS_FILE_TMPDIR/hog.pid")
	PARENT=$(tr -d '\r\n' <"$BATS_FILE_TMPDIR/hog.pid.parent")
}

pi() {
	timeout $T "$WINE" "$EXE" "$@"
}

no_cr() {
	if printf '%s' "$1" | grep -q $'\r'; then
		fail "output has CR characters"
	fi
}

@test "procinfo.exe imports system DLLs only" {
	command -v x86_64-w64-mingw32-objdump >/dev/null || skip "no objdump"
	run -0 bash -c "x86_64-w64-mingw32-objdump -p '$EXE' | sed -n 's/.*DLL Name: //p' | sort"
	assert_output $'ADVAPI32.dll\nKERNEL32.dll\nmsvcrt.dll\nntdll.dll'
}

@test "json: the started child's pid, name, ppid, exe, command line, owner, start" {
	run -0 --separate-stderr pi --json "$CHILD"
	no_cr "$output"
	[ -z "$stderr" ]
	local j=$output
	run -0 jq -r '.[0] | [.pid, .name, .ppid, .status] | map(tostring) | join(" ")' <<<"$j"
	assert_output "$CHILD pkhog.exe $PARENT running"
	run -0 jq -r '.[0].exe' <<<"$j"
	assert_output "Z:${BATS_FILE_TMPDIR//\//\\}\\pkhog.exe"
	run -0 jq -c '.[0].cmdline[1:]' <<<"$j"
	assert_output "$(jq -cn --arg a "$A1" --arg b "$A2" --arg p "Z:$BATS_FILE_TMPDIR/hog.pid" --arg s "Z:$BATS_FILE_TMPDIR/hog.stop" '["16", $p, $s, $a, $b]')"
	run -0 jq -r '.[0].username' <<<"$j"
	assert_output --regexp "(^|\\\\)$(id -un)\$"
	run -0 jq -e --argjson t0 "$(cat "$BATS_FILE_TMPDIR/t0")" \
	    '.[0].create_time >= $t0 - 2 and .[0].create_time <= now + 2' <<<"$j"
	run -0 jq -e '.[0].num_threads >= 1 and (.[0].threads | length) >= 1' <<<"$j"
}

@test "json: working set of the touched memory; what Windows lacks is null" {
	run -0 pi --json "$CHILD"
	local j=$output
	run -0 jq -e --argjson m $((MIB << 20)) \
	    '.[0].memory_info.rss >= $m and .[0].memory_info.vms >= $m' <<<"$j"
	run -0 jq -c '.[0].memory_info | [.shared, .text, .lib, .data, .dirty]' <<<"$j"
	assert_output '[null,null,null,null,null]'
	run -0 jq -c '.[0] | [.uids, .gids, .cwd, .environ, .open_files, .connections, .rlimits, .num_ctx_switches]' <<<"$j"
	assert_output '[null,null,null,null,null,null,null,null]'
	run -0 jq -e '.[0].memory_percent > 0' <<<"$j"
}

@test "json: the parent lists the child; procinfo's own USS" {
	run -0 pi --json "$PARENT"
	run -0 jq -c '.[0].children' <<<"$output"
	assert_output "[{\"pid\":$CHILD,\"name\":\"pkhog.exe\"}]"
	run -0 pi --json
	run -0 jq -e '.[0].name == "procinfo.exe" and
	    .[0].memory_full_info.uss > 0 and
	    .[0].memory_full_info.uss <= .[0].memory_info.rss and
	    .[0].memory_full_info.pss == null' <<<"$output"
}

@test "text: psutil's procinfo.py layout for the child" {
	run -0 --separate-stderr pi "$CHILD"
	no_cr "$output"
	assert_line --index 0 "pid         $CHILD"
	assert_line --index 1 "name        pkhog.exe"
	assert_line --index 2 "parent      $PARENT (pkhog.exe)"
	assert_line --regexp "^cmdline     .*pkhog\\.exe 16 .* $A1 $A2\$"
	assert_line --regexp '^memory      rss=[0-9.]+M, vms=[0-9.]+M$'
	assert_line "status      running"
}

@test "tsv: four columns on every line, LF only" {
	run -0 pi --tsv "$CHILD" "$PARENT"
	no_cr "$output"
	local t=$output
	assert_line --index 0 "$(printf 'pid\tfield\tindex\tvalue')"
	run -0 awk -F'\t' 'NF != 4 { print NR": "NF }' <<<"$t"
	assert_output ""
	run -0 awk -F'\t' -v c="$CHILD" '$1 == c && $2 == "name" { print $4 }' <<<"$t"
	assert_output pkhog.exe
}

@test "a missing pid: exit 3, the rest still reported" {
	run -3 --separate-stderr pi --json 4000000 "$CHILD"
	assert_equal "$stderr" "procinfo: 4000000: no such process"
	run -0 jq -r '.[].pid' <<<"$output"
	assert_output "$CHILD"
}
