#!/usr/bin/env bats
# Churn: 2,000 short-lived processes (and threads and sockets) come and go
# while procinfo, procsmem and ifconfig run in loops.  Every run must exit
# 0 (or 3 for a named PID that vanished), never die of a signal, and its
# JSON must parse.  Bounded in time; everything started here is reaped.

bats_require_minimum_version 1.5.0
load helper

teardown() {
	[ -n "${CHURN:-}" ] && kill "$CHURN" 2>/dev/null
	[ -n "${PYCHURN:-}" ] && kill "$PYCHURN" 2>/dev/null
	wait 2>/dev/null
	return 0
}

# churn N: start N short-lived processes, a few at a time.
churn() {
	local i
	for ((i = 0; i < $1; i++)); do
		sh -c 'exit 0' &
		((i % 50 == 49)) && wait
	done
	wait
}

# bats test_tags=slow
@test "churn: commands survive 2,000 processes, threads and sockets coming and going" {
	command -v jq >/dev/null || skip "jq not installed"
	churn 2000 & CHURN=$!
	python3 -c '
import socket, threading, time
end = time.time() + 20
def t():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(1); time.sleep(0.01); s.close()
while time.time() < end:
    ts = [threading.Thread(target=t) for _ in range(8)]
    [x.start() for x in ts]; [x.join() for x in ts]
' & PYCHURN=$!
	local end=$((SECONDS + 20)) runs=0 c pid rc
	while kill -0 "$CHURN" 2>/dev/null && [ $SECONDS -lt $end ]; do
		for c in procsmem ifconfig; do
			[ -x "$PSKIT_BIN/$c" ] || continue
			run --separate-stderr timeout 20 "$PSKIT_BIN/$c" -o json
			[ "$status" -eq 0 ] || fail "$c: status $status: $stderr"
			jq -e . <<< "$output" >/dev/null || fail "$c: invalid JSON"
			runs=$((runs + 1))
		done
		if [ -x "$PSKIT_BIN/procinfo" ]; then
			# a PID of the churn, likely gone by the time it is read
			pid=$(pgrep -n -P "$CHURN" 2>/dev/null || echo "$PYCHURN")
			run --separate-stderr timeout 20 "$PSKIT_BIN/procinfo" -o json "$pid" "$PYCHURN"
			[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || fail "procinfo: status $status: $stderr"
			jq -e . <<< "$output" >/dev/null || fail "procinfo: invalid JSON"
			runs=$((runs + 1))
		fi
	done
	[ $runs -gt 0 ] || fail "no run"
}
