#!/usr/bin/env bats
# The one escaping policy (DESIGN.md "Output", issue 18 items 2, 3, 4)
# against live processes, environments and interfaces named with every
# hostile class: C1 controls as UTF-8, a raw 0x9b, ESC/BEL, invalid
# UTF-8 (a\xff beside a\xfe, and the literal text a\xff beside both).

load helper

PI=$PSKIT_BIN/procinfo
PS=$PSKIT_BIN/procsmem
IFC=$PSKIT_BIN/ifconfig

C1=$'x\xc2\x9b2J\xc2\x9d0;OWNED\xc2\x9c'	# CSI, OSC, ST as UTF-8
ESCBEL=$'\e]0;PWNED\a\e[2J'
IFC1=$'x\xc2\x9b2J\xc2\x9d0;O'	# the same in an interface's 15 bytes

setup() {
	T=$BATS_TEST_TMPDIR
	PIDS=()
	NS=
}

teardown() {
	local p
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
	[ -z "$NS" ] || ip netns del "$NS"
}

# spawn NAME ARGV0: a sleep whose comm is NAME (a symlink of that name)
# and whose argv[0] is ARGV0; its pid in SPAWNED.
spawn() {
	mkdir -p "$T/bin"
	ln -sf "$(command -v sleep)" "$T/bin/$1"
	(exec -a "$2" "$T/bin/$1" 1000) &
	SPAWNED=$!
	PIDS+=("$SPAWNED")
	local i
	for i in $(seq 100); do
		[ "$(cat "/proc/$SPAWNED/comm" 2>/dev/null)" = \
		    "$(printf '%s' "$1" | head -c 15)" ] &&
			return 0
		sleep 0.05
	done
	fail "spawn $1: comm never changed"
}

# no_raw_controls FILE: no C0 but newline and tab, no DEL, no C1 as
# UTF-8, and valid UTF-8 throughout.
no_raw_controls() {
	! LC_ALL=C grep -qaP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$1" ||
		fail "$1: a raw control character"
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null || fail "$1: invalid UTF-8"
}

# no_dup_keys FILE: valid JSON where no object has a key twice.
no_dup_keys() {
	python3 -c '
import json, sys
def hook(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        sys.exit("duplicate key in %r" % keys)
    return dict(pairs)
json.loads(open(sys.argv[1], "rb").read().decode("utf-8"), object_pairs_hook=hook)
' "$1" || fail "$1: invalid JSON or a duplicate key"
}

# prom_ok FILE: promtool silent, and no series twice.
prom_ok() {
	promtool check metrics <"$1" || fail "$1: promtool"
	local d
	d=$(grep -v '^#' "$1" | sed 's/ [^ ]*$//' | sort | uniq -d)
	[ -z "$d" ] || fail "$1: duplicate series: $d"
}

@test "issue 18 item 2: C1 controls as UTF-8 are escaped in procinfo and procsmem text" {
	spawn "$C1" "$C1"
	LC_ALL=C.UTF-8 "$PI" "$SPAWNED" >"$T/pi.txt"
	no_raw_controls "$T/pi.txt"
	# comm keeps 15 bytes: x CSI 2 J OSC 0 ; O W N E
	grep -qF 'x\302\2332J\302\2350;OWNE' "$T/pi.txt"
	grep -qF 'x\302\2332J\302\2350;OWNED\302\234 1000' "$T/pi.txt"
	LC_ALL=C.UTF-8 "$PS" -c "pid name command" >"$T/ps.txt"
	no_raw_controls "$T/ps.txt"
	grep -qE "^ *$SPAWNED " "$T/ps.txt"
	grep -E "^ *$SPAWNED " "$T/ps.txt" | grep -qF 'x\302\2332J\302\2350;OWNE'
	# ps(1) does not print them raw either
	! ps -o args= -p "$SPAWNED" | LC_ALL=C grep -qaP '\xc2[\x80-\x9f]'
}

@test "issue 18 item 2: a raw 0x9b byte is escaped in any locale" {
	spawn $'a\x9bb' $'a\x9bb'
	local loc
	for loc in C C.UTF-8; do
		LC_ALL=$loc "$PI" "$SPAWNED" >"$T/pi.txt"
		no_raw_controls "$T/pi.txt"
		LC_ALL=C grep -qaP '\x9b' "$T/pi.txt" && fail "raw 0x9b ($loc)"
		grep -qF 'a\233b' "$T/pi.txt"
		LC_ALL=$loc "$PS" -c "pid name command" >"$T/ps.txt"
		LC_ALL=C grep -qaP '\x9b' "$T/ps.txt" && fail "raw 0x9b ($loc)"
		grep -E "^ *$SPAWNED " "$T/ps.txt" | grep -qF 'a\233b'
	done
}

@test "issue 18 item 2: valid UTF-8 passes in a UTF-8 locale, is escaped in C" {
	spawn $'caf\xc3\xa9' $'caf\xc3\xa9'
	LC_ALL=C.UTF-8 "$PI" "$SPAWNED" >"$T/pi.txt"
	grep -qF "$(printf 'caf\303\251')" "$T/pi.txt"
	LC_ALL=C "$PI" "$SPAWNED" >"$T/pi.txt"
	grep -qF 'caf\303\251' "$T/pi.txt"
}

@test "issue 18 item 2: procsmem cuts after an escape, never inside one" {
	# the name column is cut at 27 characters: 25 x and then \377
	local n
	n=$(printf 'x%.0s' $(seq 25))
	spawn "sl" "$n"$'\xff\xfe'
	LC_ALL=C.UTF-8 "$PS" -c "pid command" >"$T/ps.txt"
	grep -E "^ *$SPAWNED " "$T/ps.txt" >"$T/row"
	# "%-27.27s": 25 x, and \377 (4 characters) does not fit whole
	grep -qE "^ *$SPAWNED ${n} *\$" "$T/row" || fail "$(cat "$T/row")"
	! grep -qF "${n}"'\3' "$T/row"
}

@test "issue 18 item 3: ESC and BEL in argv[0] are escaped in tsv and prom" {
	spawn pkescbel "$ESCBEL"
	"$PS" -o tsv -c "pid name command" >"$T/ps.tsv"
	no_raw_controls "$T/ps.tsv"
	grep -qE '	\\x1b]0;PWNED\\x07\\x1b\[2J 1000	pkescbel(	|$)' "$T/ps.tsv"
	"$PI" -o tsv "$SPAWNED" >"$T/pi.tsv"
	no_raw_controls "$T/pi.tsv"
	grep -qF "$SPAWNED	cmdline	0	"'\x1b]0;PWNED\x07\x1b[2J' "$T/pi.tsv"
	"$PI" -o json "$SPAWNED" >"$T/pi.json"
	no_raw_controls "$T/pi.json"
	[ "$(jq -r '.[0].cmdline[0]' "$T/pi.json")" = "$ESCBEL" ]
	# a prom label: procsmem's name is the process's comm
	spawn "$ESCBEL" pkescbel2
	"$PS" -o prom >"$T/ps.prom"
	no_raw_controls "$T/ps.prom"
	prom_ok "$T/ps.prom"
	grep -qF 'program="\\x1b]0;PWNED\\x07\\x1b[2J"' "$T/ps.prom"
}

@test "issue 18 item 3: TSV escapes read back to the original bytes" {
	spawn pkesctsv $'t\tn\nr\rb\\e\e\xff.'
	"$PI" -o tsv "$SPAWNED" >"$T/pi.tsv"
	local f
	f=$(awk -F '\t' '$2 == "cmdline" && $3 == 0 { print $4 }' "$T/pi.tsv")
	[ "$f" = 't\tn\nr\rb\\e\x1b\xff.' ]
	# the documented decoding gives the bytes back
	[ "$(printf '%s' "$f" | python3 -c '
import sys, re
s = sys.stdin.read()
m = {"t": b"\t", "n": b"\n", "r": b"\r", "\\": b"\\"}
out = re.sub(r"\\(x[0-9a-f]{2}|.)", lambda g: "\0" + g.group(1), s)
b = b""
for i, part in enumerate(out.split("\0")):
    if i == 0:
        b += part.encode()
        continue
    if part[0] == "x":
        b += bytes([int(part[1:3], 16)]) + part[3:].encode()
    else:
        b += m[part[0]] + part[1:].encode()
sys.stdout.write(b.hex())
')" = "$(printf 't\tn\nr\rb\\e\e\xff.' | od -An -tx1 | tr -d ' \n')" ]
}

@test "issue 18 item 4: processes a\\xff and a\\xfe are two series in every procsmem prom family" {
	spawn $'a\xff' $'a\xff'
	spawn $'a\xfe' $'a\xfe'
	spawn 'a\xff' 'a\xff'
	"$PS" -o prom >"$T/ps.prom"
	no_raw_controls "$T/ps.prom"
	prom_ok "$T/ps.prom"
	local fam
	for fam in $(grep '^# TYPE' "$T/ps.prom" | awk '{print $3}' |
	    grep -v last_success); do
		grep -q "^$fam{.*program=\"a\\\\\\\\xff\"" "$T/ps.prom" || continue
		grep -q "^$fam{.*program=\"a\\\\\\\\xfe\"" "$T/ps.prom" ||
			fail "$fam: a\\xfe missing"
		grep -q "^$fam{.*program=\"a\\\\\\\\\\\\\\\\xff\"" "$T/ps.prom" ||
			fail "$fam: the literal a\\xff missing"
	done
	grep -q 'program="a\\\\xff"' "$T/ps.prom"
	"$PS" -o json -c "pid name" >"$T/ps.json"
	no_dup_keys "$T/ps.json"
	[ "$(jq -c "[.[] | select(.pid == $SPAWNED) | .name]" "$T/ps.json")" = '["a\\xff"]' ]
	jq -e 'map(select(.name == [97,255] or .name == [97,254])) | length == 2' "$T/ps.json"
	"$PS" -o tsv -c "pid name" >"$T/ps.tsv"
	grep -qF "	a\\\\xff" "$T/ps.tsv"
	grep -qF "	a\\xfe" "$T/ps.tsv"
}

@test "issue 18 item 4: environment keys B\\xff and B\\xfe are two JSON keys" {
	env $'B\xff=1' $'B\xfe=2' 'B\xff=3' sleep 1000 &
	SPAWNED=$!
	PIDS+=("$SPAWNED")
	local i
	for i in $(seq 100); do
		grep -q B /proc/$SPAWNED/environ 2>/dev/null && break
		sleep 0.05
	done
	"$PI" -o json "$SPAWNED" >"$T/pi.json"
	no_raw_controls "$T/pi.json"
	no_dup_keys "$T/pi.json"
	jq -e '.[0].environ["\u000042ff"] == "1" and .[0].environ["\u000042fe"] == "2" and
	    .[0].environ["B\\xff"] == "3"' "$T/pi.json"
	grep -qF '\ufffd' "$T/pi.json" && fail "U+FFFD in the JSON"
	"$PI" -o tsv "$SPAWNED" >"$T/pi.tsv"
	grep -qF "environ.B\\xff	0	1" "$T/pi.tsv"
	grep -qF "environ.B\\xfe	0	2" "$T/pi.tsv"
	grep -qF "environ.B\\\\xff	0	3" "$T/pi.tsv"
}

@test "issue 18 item 4: a key repeated in the environment block is one JSON key" {
	# execve with A twice: the kernel keeps both, a JSON object must not
	python3 -c '
import ctypes, shutil
libc = ctypes.CDLL(None)
p = shutil.which("sleep").encode()
argv = (ctypes.c_char_p * 3)(p, b"1000", None)
envp = (ctypes.c_char_p * 4)(b"A=1", b"A=2", b"Z=3", None)
libc.execve(p, argv, envp)
' &
	SPAWNED=$!
	PIDS+=("$SPAWNED")
	local i
	for i in $(seq 100); do
		grep -q Z= /proc/$SPAWNED/environ 2>/dev/null && break
		sleep 0.05
	done
	[ "$(tr '\0' ' ' </proc/$SPAWNED/environ)" = "A=1 A=2 Z=3 " ]
	"$PI" -o json "$SPAWNED" >"$T/pi.json"
	no_dup_keys "$T/pi.json"
	# psutil's rule: the later value wins
	jq -e '.[0].environ == {"A": "2", "Z": "3"}' "$T/pi.json"
}

@test "issue 18 item 4: interfaces a\\xff and a\\xfe in a netns stay apart in ifconfig" {
	[ "$(id -u)" -eq 0 ] || skip "needs root (ip netns add)"
	NS=pkesc$$
	ip netns add "$NS" || skip "ip netns add failed"
	ip -n "$NS" link add $'a\xff' type veth peer name $'a\xfe' ||
		skip "veth with an invalid UTF-8 name not supported"
	ip -n "$NS" link add "$IFC1" type veth peer name 'a\xff'
	ip netns exec "$NS" "$IFC" -a -o prom >"$T/if.prom"
	no_raw_controls "$T/if.prom"
	prom_ok "$T/if.prom"
	grep -q '^pskit_ifconfig_receive_bytes_total{ifname="a\\\\xff"}' "$T/if.prom"
	grep -q '^pskit_ifconfig_receive_bytes_total{ifname="a\\\\xfe"}' "$T/if.prom"
	grep -q '^pskit_ifconfig_receive_bytes_total{ifname="a\\\\\\\\xff"}' "$T/if.prom"
	# item 2: text escapes C1 and invalid bytes
	LC_ALL=C.UTF-8 ip netns exec "$NS" "$IFC" -a >"$T/if.txt"
	no_raw_controls "$T/if.txt"
	grep -q '^a\\377: ' "$T/if.txt"
	grep -q '^a\\376: ' "$T/if.txt"
	grep -q '^x\\302\\2332J\\302\\2350;O: ' "$T/if.txt"
	ip netns exec "$NS" "$IFC" -a -o json >"$T/if.json"
	no_raw_controls "$T/if.json"
	no_dup_keys "$T/if.json"
	jq -e 'any(.[]; .ifname == [97,255]) and any(.[]; .ifname == [97,254])' "$T/if.json"
	ip netns exec "$NS" "$IFC" -a -o tsv >"$T/if.tsv"
	no_raw_controls "$T/if.tsv"
}
