#!/usr/bin/env bats
# Issue 18 item 5, fake sockets: the kernel prints abstract UNIX socket
# names raw in /proc/net/unix, so a name holding "\n<a whole row>" forges a
# row for another socket's inode.  procinfo reads the live system's UNIX
# sockets through sock_diag (UNIX_DIAG) and parses a --procfs tree's
# net/unix dropping every row of an inode that appears twice.

bats_require_minimum_version 1.5.0
load helper

PROCINFO=${PROCINFO:-$PSKIT_BIN/procinfo}

# no_fake FILE: the JSON report lists no /run/FAKE.sock and no fd twice.
no_fake() {
	jq -e '[.[0].connections[] | select(.laddr == "/run/FAKE.sock")] |
	    length == 0' "$1" >/dev/null || fail "a forged /run/FAKE.sock row: $(jq -c ".[0].connections" "$1")"
	jq -e '[.[0].connections[].fd] | length == (unique | length)' "$1" \
		>/dev/null || fail "an fd listed twice: $(jq -c ".[0].connections" "$1")"
}

@test "18.5 fake sockets: a forged /proc/net/unix row is not listed (live, sock_diag)" {
	command -v jq >/dev/null || skip "jq not installed"
	local py=/usr/bin/python3 pid fifo=$BATS_TEST_TMPDIR/in out=$BATS_TEST_TMPDIR/out
	[ -x "$py" ] || py=$(command -v python3) || skip "python3 not installed"
	mkfifo "$fifo"
	"$py" "$BATS_TEST_DIRNAME/fakesock.py" <"$fifo" >"$BATS_TEST_TMPDIR/pid" &
	exec 9>"$fifo"
	for _ in $(seq 100); do [ -s "$BATS_TEST_TMPDIR/pid" ] && break; sleep 0.05; done
	pid=$(<"$BATS_TEST_TMPDIR/pid")
	[ -n "$pid" ] || fail "fakesock.py did not start"
	# the forgery is there for anyone who reads /proc/net/unix
	grep -q '/run/FAKE.sock$' "/proc/$pid/net/unix" ||
		{ exec 9>&-; skip "this kernel escapes abstract names"; }
	run -0 "$PROCINFO" -a -o json "$pid"
	printf '%s\n' "$output" >"$out"
	no_fake "$out"
	# both real sockets are there, each once, the forging name whole
	jq -e '[.[0].connections[] | select(.laddr == "@pkreal'"$pid"'")] | length == 1' "$out" >/dev/null ||
		fail "the real socket is missing: $(jq -c ".[0].connections" "$out")"
	jq -e '[.[0].connections[] | select(.laddr | startswith("@x\n"))] | length == 1' "$out" >/dev/null ||
		fail "the forging socket is missing: $(jq -c ".[0].connections" "$out")"
	# text: no connection row whose address is /run/FAKE.sock
	run -0 "$PROCINFO" -a "$pid"
	refute_line --regexp '^ *UNIX +/run/FAKE\.sock'
	exec 9>&-
	wait
}

@test "18.5 fake sockets: --procfs drops every row of an inode seen twice (fixture)" {
	command -v jq >/dev/null || skip "jq not installed"
	local out=$BATS_TEST_TMPDIR/out
	run -0 "$PROCINFO" --procfs "$PSKIT_FIXTURES/netunix/proc" -a -o json 29027
	printf '%s\n' "$output" >"$out"
	no_fake "$out"
	# fd 3's inode has a real and a forged row: neither is trusted
	jq -e '[.[0].connections[] | select(.fd == 3)] | length == 0' "$out" >/dev/null ||
		fail "fd 3 listed: $(jq -c ".[0].connections" "$out")"
	jq -e '[.[0].connections[] | select(.fd == 4 and .laddr == "@x")] | length == 1' "$out" >/dev/null ||
		fail "fd 4 missing: $(jq -c ".[0].connections" "$out")"
}
