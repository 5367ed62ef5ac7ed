#!/usr/bin/env bats
# winservices.exe under Wine: services created by this suite with
# `wine sc create` / `wine sc description` are reported with exactly the
# fields they were created with, in text, tsv, json and prom, LF only.
#
# One throwaway WINEPREFIX per run (wineboot -i), WINEDEBUG=-all, a
# timeout on every wine call, the wineserver kept alive during the suite
# (-p) and killed at the end (wineserver -k).  Skipped, with the reason,
# where wine or the mingw-w64 compiler is missing.
# WINSERVICES_EXE overrides the binary under test.

bats_require_minimum_version 1.5.0
load helper

EXE=${WINSERVICES_EXE:-$PSKIT_BIN/winservices.exe}
T=60	# seconds allowed to any one wine call
NMANY=80	# services pkb000.. created for the enumeration buffer

wine_cmd() {
	command -v wine || command -v wine64
}

# Close every descriptor above 2 in this (sub)shell.  Wine's services
# outlive the call that starts them and would keep bats' pipes open, and
# bats waits for those to close.
detach_fds() {
	local fd
	for fd in /proc/$BASHPID/fd/*; do
		fd=${fd##*/}
		[ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null
	done
	return 0
}

# wrun CMD...: CMD with a timeout and without bats' descriptors.
wrun() {
	(detach_fds; exec timeout $T "$@")
}

# Every process of this run's prefix still alive (ours: the prefix is).
prefix_pids() {
	local p
	for p in /proc/[0-9]*; do
		tr '\0' '\n' 2>/dev/null <"$p/environ" |
		    grep -qxF "WINEPREFIX=$WINEPREFIX" && echo "${p#/proc/}"
	done
	return 0
}

setup_file() {
	local w
	w=$(wine_cmd) || return 0
	command -v wineserver >/dev/null || return 0
	command -v x86_64-w64-mingw32-gcc >/dev/null || return 0
	if [ -z "${WINSERVICES_EXE:-}" ]; then
		make -s -C "$PSKIT_ROOT" windows >&2 || return 1
	fi
	export WINE=$w WINEDEBUG=-all LC_ALL=C.UTF-8
	export WINEPREFIX=$BATS_FILE_TMPDIR/prefix
	(detach_fds; exec timeout 180 wineboot -i) >/dev/null 2>&1 || return 1
	# End the boot session: services created while it winds down stay
	# invisible to other processes for ~10 s.
	wrun wineserver -k >/dev/null 2>&1 || true
	wrun wineserver -p >/dev/null 2>&1 || true
	create_services
	touch "$BATS_FILE_TMPDIR/ready"
}

teardown_file() {
	[ -n "${WINEPREFIX:-}" ] || return 0
	wrun wineserver -k >/dev/null 2>&1 || true
	wrun wineserver -w >/dev/null 2>&1 || true
	# A service process that was starting while the server went away.
	local pids
	pids=$(prefix_pids)
	[ -z "$pids" ] || kill -9 $pids 2>/dev/null || true
	rm -rf "$WINEPREFIX"
}

setup() {
	[ -n "$(wine_cmd)" ] || skip "wine (wine64) is not installed"
	[ -f "$BATS_FILE_TMPDIR/ready" ] ||
		skip "no Windows build (x86_64-w64-mingw32-gcc missing) or no Wine prefix"
}

ws() {
	wrun "$WINE" "$EXE" "$@"
}

# The services of this suite and what they were created with.
NAMES=(pkA Čtest pkDisabled pkQuote)
A_BIN='"C:\Program Files\pk test\svc.exe" -x --flag=1'
A_DESC='Alpha description'
C_BIN='C:\pk\cz.exe'
C_DISP='Ďisplay ✓ 名前'
C_USER='NT AUTHORITY\LocalService'
C_DESC='Déscription ünicode 😀'

create_services() {
	local s i
	s="wrun $WINE sc create"
	$s pkA binpath= "$A_BIN" start= auto displayname= "PK Alpha" >/dev/null
	$s Čtest binpath= "$C_BIN" start= demand displayname= "$C_DISP" \
	    obj= "$C_USER" >/dev/null
	$s pkDisabled binpath= 'C:\pk\d.exe' start= disabled >/dev/null
	$s pkQuote binpath= 'C:\pk\q.exe' displayname= "It's here" >/dev/null
	$s pkCtl binpath= "$(printf 'C:\\pk\\a\tb.exe\001 -n')" \
	    displayname= "$(printf 'tab\there')" obj= "$(printf 'us\177er')" \
	    >/dev/null
	# Wine 8: OpenServiceW in another process can miss a new service for
	# seconds, and a description set meanwhile is lost: wait until our
	# own probe opens all of them (bounded).
	for i in $(seq 60); do
		ws "${NAMES[@]}" pkCtl >/dev/null 2>&1 && break
		sleep 0.5
	done
	wrun "$WINE" sc description pkA "$A_DESC" >/dev/null
	wrun "$WINE" sc description Čtest "$C_DESC" >/dev/null
	for i in $(seq 60); do
		ws --json pkA Čtest 2>/dev/null |
		    jq -e 'map(select(.description != null)) | length == 2' \
		    >/dev/null && break
		sleep 0.5
	done
	ws --json "${NAMES[@]}" >"$BATS_FILE_TMPDIR/named.json" 2>/dev/null
	# Enough services that the listing needs more than the first 16 KiB
	# enumeration buffer (Wine then returns no entries and the size
	# needed): created in one process by the benchmark's helper.
	x86_64-w64-mingw32-gcc -O2 -o "$BATS_FILE_TMPDIR/helper.exe" \
	    "$PSKIT_ROOT/bench/winservices_psutil.c" || return 1
	wrun "$WINE" "$BATS_FILE_TMPDIR/helper.exe" create $NMANY || return 1
	for i in $(seq 60); do
		ws pkb$(printf %03d $((NMANY - 1))) >/dev/null 2>&1 && break
		sleep 0.5
	done
}

no_cr() {
	if printf '%s' "$1" | grep -q $'\r'; then
		fail "output has CR characters"
	fi
}

@test "winservices.exe imports system DLLs only" {
	command -v x86_64-w64-mingw32-objdump >/dev/null || skip "no objdump"
	run -0 bash -c "x86_64-w64-mingw32-objdump -p '$EXE' | sed -n 's/.*DLL Name: //p' | sort"
	assert_output $'ADVAPI32.dll\nKERNEL32.dll\nmsvcrt.dll'
}

@test "text: the created services, exactly, in psutil's layout" {
	run -0 --separate-stderr ws "${NAMES[@]}"
	no_cr "$output"
	[ -z "$stderr" ]
	assert_equal "$output" "'pkA' ('PK Alpha')
status: stopped, start: automatic, username: LocalSystem, pid: None
binpath: $A_BIN

'Čtest' ('$C_DISP')
status: stopped, start: manual, username: $C_USER, pid: None
binpath: $C_BIN

'pkDisabled' ('')
status: stopped, start: disabled, username: LocalSystem, pid: None
binpath: C:\\pk\\d.exe

'pkQuote' (\"It's here\")
status: stopped, start: manual, username: LocalSystem, pid: None
binpath: C:\\pk\\q.exe"
}

@test "control characters: repr() in names, vis(3) octal in text, escaped in json" {
	run -0 ws pkCtl
	assert_equal "$output" "'pkCtl' ('tab\\there')
status: stopped, start: manual, username: us\\177er, pid: None
binpath: C:\\pk\\a\\011b.exe\\001 -n"
	run -0 ws --json pkCtl
	run -0 jq -c '.[0] | [.display_name, .binpath, .username]' <<<"$output"
	assert_output '["tab\there","C:\\pk\\a\tb.exe\u0001 -n","us\u007fer"]'
}

@test "json: every field of the created services" {
	local j=$BATS_FILE_TMPDIR/named.json
	run -0 jq -c 'length' "$j"
	assert_output 4
	run -0 jq -r '.[0] | [.name, .display_name, .binpath, .username,
	    .start_type, (.pid|tostring), .status, .description,
	    (.service_type|tostring), (.delayed|tostring)] | join("|")' "$j"
	# Wine refuses the delayed-auto query (error 124): the service is
	# still "automatic" (as psutil says), the flag alone is null
	assert_output "pkA|PK Alpha|$A_BIN|LocalSystem|automatic|null|stopped|$A_DESC|16|null"
	run -0 jq -r '.[1] | [.name, .display_name, .binpath, .username,
	    .start_type, (.pid|tostring), .status, .description] | join("|")' "$j"
	assert_output "Čtest|$C_DISP|$C_BIN|$C_USER|manual|null|stopped|$C_DESC"
	run -0 jq -c '.[2] | [.display_name, .start_type, .description]' "$j"
	assert_output '["","disabled",null]'
	run -0 jq -r '.[3].display_name' "$j"
	assert_output "It's here"
	run -0 jq -r '[.[] | keys_unsorted | join(",")] | unique | .[]' "$j"
	assert_output "name,display_name,binpath,username,start_type,pid,status,description,service_type,delayed"
	# known for a service that is not auto-start: false
	run -0 jq -c '[.[1].delayed, .[2].delayed]' "$j"
	assert_output '[false,false]'
}

@test "tsv: header, escapes, \\N for missing values, LF only" {
	run -0 ws --tsv pkA pkDisabled
	no_cr "$output"
	assert_equal "$output" "name	display_name	binpath	username	start_type	pid	status	description	service_type	delayed
pkA	PK Alpha	\"C:\\\\Program Files\\\\pk test\\\\svc.exe\" -x --flag=1	LocalSystem	automatic	\\N	stopped	$A_DESC	16	\\N
pkDisabled		C:\\\\pk\\\\d.exe	LocalSystem	disabled	\\N	stopped	\\N	16	0"
	run -0 ws --tsv --no-header Čtest
	assert_output "Čtest	$C_DISP	C:\\\\pk\\\\cz.exe	NT AUTHORITY\\\\LocalService	manual	\\N	stopped	$C_DESC	16	0"
}

@test "the full listing: sorted by name, each created service once" {
	run -0 --separate-stderr ws --json
	no_cr "$output"
	local j=$BATS_TEST_TMPDIR/all.json
	printf '%s\n' "$output" >"$j"
	for n in "${NAMES[@]}"; do
		run -0 jq --arg n "$n" '[.[] | select(.name == $n)] | length' "$j"
		assert_output 1
	done
	run -0 jq -r '.[].name' "$j"
	assert_equal "$output" "$(printf '%s\n' "$output" | LC_ALL=C sort -f)"
	run -0 jq -r '[.[] | select(.status == "running" and .pid == null)] | length' "$j"
	assert_output 0
	run -0 jq -r '[.[] | select(.status != "running" and .pid != null)] | length' "$j"
	assert_output 0
}

@test "the enumeration buffer grows: all $NMANY extra services, sorted or not" {
	run -0 ws --tsv --no-header
	assert_equal "$(cut -f1 <<<"$output" | grep -c '^pkb[0-9][0-9][0-9]$')" $NMANY
	assert_equal "$(cut -f1 <<<"$output" | grep '^pkb' | sed -n '1p;$p' | tr '\n' ' ')" "pkb000 pkb$(printf %03d $((NMANY - 1))) "
	local sorted=$output
	run -0 ws --tsv --no-header --no-sort
	assert_equal "$(cut -f1 <<<"$output" | sort)" "$(cut -f1 <<<"$sorted" | sort)"
	run -0 ws --tsv --no-header pkb007
	assert_equal "$(cut -f2,3,4,5,7,8 <<<"$output")" "pskit bench service 7	C:\\\\pk\\\\bench.exe -n	LocalSystem	manual	stopped	pskit bench service 7"
}

@test "text listing and json listing name the same services" {
	run -0 ws
	no_cr "$output"
	local t=$output
	run -0 ws --json
	local names
	names=$(printf '%s\n' "$output" | jq -r '.[] | "\(.name)"' |
	    python3 -c 'import sys; [print(repr(l.rstrip("\n"))) for l in sys.stdin]')
	assert_equal "$(printf '%s\n' "$t" | sed -n "s/^\\('.*'\\) (.*)\$/\\1/p")" "$names"
}

@test "built-in services whose state Wine keeps stable" {
	run -0 ws --json BITS LanmanServer Spooler PlugPlay Winedevice1
	local j=$output
	run -0 jq -r '.[0] | [.name, .display_name, .start_type, .status] | join("|")' <<<"$j"
	assert_output "BITS|BITS Service|manual|stopped"
	run -0 jq -r '.[1] | [.start_type, .status] | join("|")' <<<"$j"
	assert_output "disabled|stopped"
	run -0 jq -r '.[2].service_type' <<<"$j"
	assert_output 272
	run -0 jq -r '.[3] | [.status, (.pid > 0), .username] | join("|")' <<<"$j"
	assert_output "running|true|LocalSystem"
	run -0 jq -r '.[4].description' <<<"$j"
	assert_output null
}

@test "states agree with wine sc query in the same wineserver session" {
	local n state
	for n in BITS PlugPlay pkA; do
		state=$(wrun "$WINE" sc query "$n" | tr -d '\r' |
		    sed -n 's/.*STATE *: [0-9]*  *\([A-Z_]*\).*/\1/p' |
		    tr 'A-Z' 'a-z')
		run -0 ws --tsv --no-header "$n"
		assert_equal "$(cut -f7 <<<"$output")" "$state"
	done
}

@test "name lookups: case-insensitive hit, miss, empty; the rest still printed" {
	run -0 ws --tsv --no-header PKA čTEST
	assert_equal "$(cut -f1 <<<"$output")" $'pkA\nČtest'
	run -3 --separate-stderr ws --tsv --no-header nosuch pkA ""
	assert_equal "$(cut -f1 <<<"$output")" "pkA"
	assert_equal "$stderr" $'winservices: nosuch: no such service\nwinservices: : no such service'
}

@test "a driver, named: the SCM's spelling, running without a pid" {
	# Drivers are not enumerated; a named one is asked for directly.
	run -0 ws --tsv --no-header http WINEBUS
	assert_equal "$(cut -f1,6,9 <<<"$output")" $'HTTP\t\\N\t1\nwinebus\t\\N\t1'
	assert_equal "$(cut -f7 <<<"$output" | sed -n 2p)" running
	run -0 ws winebus
	assert_line --index 1 --partial "status: running, "
	assert_line --index 1 --partial ", pid: None"
}

@test "filters: -s and -t" {
	run -0 ws --json -t disabled
	run -0 jq -r '[.[].start_type] | unique | join(",")' <<<"$output"
	assert_output disabled
	run -0 ws --tsv --no-header -t disabled
	assert_line --partial "pkDisabled	"
	assert_line --partial "LanmanServer	"
	run -0 ws --tsv --no-header -s running pkA PlugPlay
	assert_equal "$(cut -f1 <<<"$output")" PlugPlay
	run -0 ws --tsv --no-header -t automatic pkA Čtest
	assert_equal "$(cut -f1 <<<"$output")" pkA
	run -2 ws -s sleeping
	run -2 ws -t sometimes
}

@test "prom: up gauges; -w FILE is UTF-8 without BOM, LF, replaced atomically" {
	run -0 ws -o prom pkA PlugPlay
	no_cr "$output"
	assert_line 'pskit_winservices_up{name="pkA"} 0'
	assert_line 'pskit_winservices_up{name="PlugPlay"} 1'
	assert_line '# TYPE pskit_winservices_up gauge'
	local f=$BATS_TEST_TMPDIR/ws.prom
	echo old >"$f"
	run -0 ws -o prom -w "Z:$f" Čtest
	[ -z "$output" ]
	run -0 cat "$f"
	assert_line 'pskit_winservices_up{name="Čtest"} 0'
	if command -v promtool >/dev/null; then
		run -0 promtool check metrics <"$f"
		[ -z "$output" ]
	fi
	[ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" != efbbbf ]
	! grep -q $'\r' "$f"
	run -0 ls -A "$BATS_TEST_TMPDIR"
	assert_output ws.prom
}

@test "-V, --help, bad options" {
	run -0 ws --version
	assert_output "winservices (pskit) 0.1.0"
	run -0 ws --help
	no_cr "$output"
	assert_line --index 0 --partial "usage: winservices "
	run -2 ws --nosuch
	run -2 ws -o xml
}

@test "the Windows build: every command answers --version" {
	local e n
	for e in "$PSKIT_BIN"/*.exe; do
		n=${e##*/}
		run -0 wrun "$WINE" "$e" --version
		assert_output "${n%.exe} (pskit) 0.1.0"
	done
}

# Commands with Windows probes have their own suites (free_wine.bats,
# procsmem_wine.bats, ifconfig_wine.bats, ...); a command without one
# must say so on stderr with status 1.
@test "the Windows build: every other command reports or says why not, system DLLs only" {
	local e n
	for e in "$PSKIT_BIN"/*.exe; do
		n=${e##*/}
		[ "$n" != winservices.exe ] || continue
		run --separate-stderr wrun "$WINE" "$e"
		if [ "$status" -eq 0 ]; then
			[ -n "$output" ] || fail "$n printed nothing"
		else
			[ "$status" -eq 1 ] || fail "$n: status $status"
			[ -z "$output" ] || fail "$n printed on stdout"
			[[ "$stderr" == "${n%.exe}: "* ]] || fail "$n: stderr '$stderr'"
		fi
		if command -v x86_64-w64-mingw32-objdump >/dev/null; then
			run -0 bash -c "x86_64-w64-mingw32-objdump -p '$e' | sed -n 's/.*DLL Name: //p' | grep -viE '^(KERNEL32|ADVAPI32|msvcrt|USER32|WS2_32|IPHLPAPI|PSAPI|WTSAPI32|ntdll)\.dll\$' || true"
			[ -z "$output" ] || fail "$n imports $output"
		fi
	done
}
