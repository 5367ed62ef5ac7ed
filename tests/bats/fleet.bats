#!/usr/bin/env bats
# Fleet: pskit's -o prom files through the real node_exporter textfile
# collector into a real Prometheus, on loopback, with servers this test
# starts and stops.  Inputs are fixtures, so the numbers are known.

bats_require_minimum_version 1.5.0
load helper

NODE_EXPORTER=${NODE_EXPORTER:-$(command -v prometheus-node-exporter || command -v node_exporter || true)}
PROMETHEUS=${PROMETHEUS:-$(command -v prometheus || true)}
F1=$PSKIT_FIXTURES/free/f1/proc

setup() {
	PIDS=()
	TF=$BATS_TEST_TMPDIR/textfile
	mkdir -p "$TF"
}

teardown() {
	local p
	for p in "${PIDS[@]}"; do
		kill "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	return 0
}

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# http_get URL: body on stdout; fails when the server does not answer.
http_get() {
	python3 - "$1" <<-'EOF'
	import sys, urllib.request
	with urllib.request.urlopen(sys.argv[1], timeout=5) as r:
	    sys.stdout.write(r.read().decode())
	EOF
}

# wait_for URL SECONDS PATTERN
wait_for() {
	local i
	for ((i = 0; i < $2 * 10; i++)); do
		http_get "$1" 2>/dev/null | grep -q -- "$3" && return 0
		sleep 0.1
	done
	return 1
}

# write_reports: every command's prom file, from fixtures where they take them.
write_reports() {
	"$PSKIT_BIN/free" --procfs "$F1" -o prom --outfile "$TF/free.prom"
	local c
	for c in ifconfig procsmem iostat; do
		[ -x "$PSKIT_BIN/$c" ] || continue
		"$PSKIT_BIN/$c" -o prom --outfile "$TF/$c.prom" 2>/dev/null ||
			fail "$c -o prom --outfile failed"
	done
	# procinfo exports only the PIDs it is given
	"$PSKIT_BIN/procinfo" -o prom --outfile "$TF/procinfo.prom" $$ ||
		fail "procinfo -o prom --outfile failed"
}

# cron_lines FILE: the commands of a cron file, as a shell would run them
# here: pk-<cmd> is bin/<cmd>, $DIR the test's textfile directory.
cron_lines() {
	awk '/^[*0-9]/ { $1 = $2 = $3 = $4 = $5 = $6 = ""; sub(/^ +/, ""); print }' "$1" |
		sed "s|pk-\([a-z]*\)|$PSKIT_BIN/\1|; s|\$DIR|$TF|g"
}

start_node_exporter() {
	[ -n "$NODE_EXPORTER" ] || skip "prometheus-node-exporter not installed"
	NE_PORT=$(free_port)
	"$NODE_EXPORTER" --web.listen-address="127.0.0.1:$NE_PORT" \
		--collector.disable-defaults --collector.textfile \
		--collector.textfile.directory="$TF" \
		> "$BATS_TEST_TMPDIR/ne.log" 2>&1 &
	PIDS+=($!)
	wait_for "http://127.0.0.1:$NE_PORT/metrics" 20 node_textfile_scrape_error ||
		fail "node_exporter did not start: $(tail -5 "$BATS_TEST_TMPDIR/ne.log")"
}

@test "fleet: every prom file passes promtool check metrics" {
	command -v promtool >/dev/null || skip "promtool not installed"
	write_reports
	local f
	for f in "$TF"/*.prom; do
		run promtool check metrics < "$f"
		[ "$status" -eq 0 ] && [ -z "$output" ] || fail "$f: $output"
	done
}

@test "fleet: the cron example works as written" {
	local line n=0 f
	while IFS= read -r line; do
		local bin=${line%% *}
		[ -x "$bin" ] || continue	# a command not built on this branch
		sh -c "$line" || fail "cron line failed: $line"
		n=$((n + 1))
	done < <(cron_lines "$PSKIT_ROOT/examples/cron/pskit.cron")
	[ $n -ge 2 ] || fail "only $n cron lines ran"
	for f in "$TF"/*.prom; do
		grep -q '_last_success_timestamp_seconds ' "$f" || fail "$f incomplete"
	done
	# the systemd unit runs the same commands
	while IFS= read -r line; do
		grep -qF -- "${line#*bin/pk-}" "$PSKIT_ROOT/examples/cron/pskit.cron" ||
			fail "service and cron differ: $line"
	done < <(sed -n 's/^ExecStart=//p' "$PSKIT_ROOT/examples/systemd/pskit-textfile.service" | sed 's/\${DIR}/$DIR/g')
}

@test "fleet: node_exporter serves pskit's numbers unchanged" {
	write_reports
	start_node_exporter
	run http_get "http://127.0.0.1:$NE_PORT/metrics"
	assert_success
	local metrics=$output
	grep -q '^node_textfile_scrape_error 0$' <<< "$metrics" || fail "scrape error"
	# each value equals the tsv of the same command on the same input
	# (node_exporter prints floats: compare as numbers)
	"$PSKIT_BIN/free" --procfs "$F1" -o tsv > "$BATS_TEST_TMPDIR/free.tsv"
	printf '%s\n' "$metrics" > "$BATS_TEST_TMPDIR/metrics"
	run python3 - "$BATS_TEST_TMPDIR/free.tsv" "$BATS_TEST_TMPDIR/metrics" <<-'EOF'
	import re, sys
	served = {}
	for line in open(sys.argv[2]):
	    m = re.match(r'^(pskit_free_(\w+)_bytes)\{scope="([^"]*)",type="([^"]*)"\} (\S+)$', line)
	    if m:
	        served[(m.group(2), m.group(4))] = float(m.group(5))
	rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
	head, bad, n = rows[0], 0, 0
	for r in rows[1:]:
	    for k, v in zip(head[1:-1], r[1:-1]):
	        if v == "\\N":
	            if (k, r[0]) in served: bad += 1; print("served but absent:", k, r[0])
	            continue
	        n += 1
	        if served.get((k, r[0])) != float(int(v)):
	            bad += 1; print("mismatch:", k, r[0], v, served.get((k, r[0])))
	print(n, "values compared")
	sys.exit(1 if bad or n == 0 else 0)
	EOF
	assert_success
	grep -q '^pskit_free_last_success_timestamp_seconds ' <<< "$metrics"
	# every family of every other file is served too
	local f fam
	for f in "$TF"/*.prom; do
		for fam in $(sed -n 's/^# TYPE \([^ ]*\) .*/\1/p' "$f"); do
			grep -q "^# TYPE $fam " <<< "$metrics" || fail "$fam of $f not served"
		done
	done
}

@test "fleet: Prometheus scrapes node_exporter and answers a query" {
	[ -n "$PROMETHEUS" ] || skip "prometheus not installed"
	write_reports
	start_node_exporter
	local port cfg=$BATS_TEST_TMPDIR/prometheus.yml
	port=$(free_port)
	cat > "$cfg" <<-EOF
	global:
	  scrape_interval: 1s
	  evaluation_interval: 1s
	scrape_configs:
	  - job_name: pskit
	    static_configs:
	      - targets: ['127.0.0.1:$NE_PORT']
	EOF
	timeout 60 "$PROMETHEUS" --config.file="$cfg" \
		--storage.tsdb.path="$BATS_TEST_TMPDIR/tsdb" \
		--web.listen-address="127.0.0.1:$port" \
		> "$BATS_TEST_TMPDIR/prom.log" 2>&1 &
	PIDS+=($!)
	local want
	want=$("$PSKIT_BIN/free" --procfs "$F1" -o tsv --no-header | awk -F'\t' '$1 == "mem" { print $2 }')
	wait_for "http://127.0.0.1:$port/api/v1/query?query=pskit_free_total_bytes%7Btype%3D%22mem%22%7D" 40 "\"$want\"" ||
		fail "no answer with $want: $(tail -5 "$BATS_TEST_TMPDIR/prom.log")"
	# two scrapes at least: the up series has two samples over 5 s
	wait_for "http://127.0.0.1:$port/api/v1/query?query=count_over_time(up%5B5s%5D)" 20 '"[2-9]"' ||
		fail "fewer than two scrapes"
}

@test "fleet: every metric family is documented in pskit-prom(7)" {
	write_reports
	local f fam n=0
	for f in "$TF"/*.prom; do
		for fam in $(sed -n 's/^# TYPE \([^ ]*\) .*/\1/p' "$f"); do
			case $fam in *_last_success_timestamp_seconds) continue ;; esac
			grep -q "^\.It Sy $fam\$" "$PSKIT_ROOT/man/pskit-prom.7" ||
				fail "$fam is not in man/pskit-prom.7"
			n=$((n + 1))
		done
	done
	[ $n -gt 20 ] || fail "only $n families seen"
}
