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
	NSES=()
	FLEET=
	TF=$BATS_TEST_TMPDIR/textfile
	mkdir -p "$TF"
}

teardown() {
	local p
	for p in "${PIDS[@]}"; do
		kill "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	for p in "${NSES[@]}"; do
		ip netns del "$p"
	done
	[ -z "${FLEET:-}" ] || rm -rf "$FLEET"
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

# install_dest: a DESTDIR install of the built tree (PREFIX=/usr/local, as
# the examples expect); DEST is its root.
install_dest() {
	DEST=$FLEET/dest
	make -s -C "$PSKIT_ROOT" install DESTDIR="$DEST" PREFIX=/usr/local \
		> "$BATS_TEST_TMPDIR/install.log" 2>&1 ||
		fail "make install failed: $(tail -5 "$BATS_TEST_TMPDIR/install.log")"
}

# cron_jobs FILE: "USER<TAB>COMMAND" for each job of a cron.d file, and
# "=NAME=VALUE" for each variable line, in file order.  Only DIR and the
# binaries' directory (/usr/local/bin in PATH) are substituted.
cron_jobs() {
	awk -v tf="$TF" -v bindir="$DEST/usr/local/bin" '
	/^[ \t]*#/ || /^[ \t]*$/ { next }
	/^[A-Za-z_][A-Za-z_0-9]*=/ {
		n = index($0, "="); k = substr($0, 1, n - 1); v = substr($0, n + 1)
		if (k == "DIR") v = tf
		if (k == "PATH") gsub("/usr/local/bin", bindir, v)
		print "=" k "=" v; next
	}
	{
		line = $0
		for (i = 0; i < 6; i++) { sub(/^[ \t]*[^ \t]+/, "", line) }
		sub(/^[ \t]+/, "", line)
		print $6 "\t" line
	}' "$1"
}

# in_job USER CMD...: CMD in the test's namespace as USER, the way cron
# and systemd start a job (runuser drops root for another user).
in_job() {
	local user=$1
	shift
	if [ "$user" = root ]; then
		ip netns exec "$NS" "$@"
	else
		ip netns exec "$NS" runuser -u "$user" -- "$@"
	fi
}

# fleet_ns: a network namespace of this test whose lo and vf0 are
# down, so the ifconfig job must report down interfaces (-a).
fleet_ns() {
	[ "$(id -u)" -eq 0 ] || skip "the jobs run as root (cron.d user field)"
	command -v ip >/dev/null || skip "needs ip(8)"
	NS=pskit-fleet-$$
	ip netns add "$NS" || skip "cannot create network namespaces here"
	NSES+=("$NS")
	ip -n "$NS" link add vf0 type veth peer name vf1 || fail "no veth pair"
	# the textfile directory and the install as on Debian: root:root 0755
	# in a path every user can traverse (bats' own tmpdir is 0700)
	FLEET=$(mktemp -d /tmp/pskit-fleet.XXXXXX) || fail "mktemp"
	chmod 0755 "$FLEET"
	TF=$FLEET/textfile
	mkdir -m 0755 "$TF"
}

# run_cron_file FILE: every job of FILE, as cron would run it: the file's
# variables only, SHELL -c COMMAND as the user of the line.
run_cron_file() {
	local user cmd n=0 envv=()
	while IFS=$'\t' read -r user cmd; do
		if [ "${user:0:1}" = = ]; then
			envv+=("${user#=}")
			continue
		fi
		in_job "$user" env -i "${envv[@]}" /bin/sh -c "$cmd" \
			2>> "$BATS_TEST_TMPDIR/jobs.err" ||
			fail "cron job failed as $user: $cmd: $(cat "$BATS_TEST_TMPDIR/jobs.err")"
		n=$((n + 1))
	done < <(cron_jobs "$1")
	[ "$n" -ge 4 ] || fail "only $n cron jobs ran"
}

# run_service FILE: each ExecStart= of a oneshot unit, with its
# Environment= and User= (root when absent), ${DIR} expanded as systemd
# does; /usr/local/bin is the DESTDIR install's.
run_service() {
	local user=root dir="" line n=0 argv
	user=$(sed -n 's/^User=//p' "$1")
	user=${user:-root}
	grep -q '^Environment=DIR=' "$1" || fail "no DIR in $1"
	while IFS= read -r line; do
		line=${line//\$\{DIR\}/$TF}
		line=${line//\/usr\/local\/bin\//$DEST/usr/local/bin/}
		read -r -a argv <<< "$line"
		in_job "$user" "${argv[@]}" \
			2>> "$BATS_TEST_TMPDIR/jobs.err" ||
			fail "ExecStart failed as $user: $line: $(cat "$BATS_TEST_TMPDIR/jobs.err")"
		n=$((n + 1))
	done < <(sed -n 's/^ExecStart=//p' "$1")
	[ "$n" -ge 4 ] || fail "only $n ExecStart lines ran"
}

# scrape_clean: node_exporter reads every file of $TF without an error,
# logs no error, and sees the down interfaces.
scrape_clean() {
	start_node_exporter
	run http_get "http://127.0.0.1:$NE_PORT/metrics"
	assert_success
	grep -q '^node_textfile_scrape_error 0$' <<< "$output" ||
		fail "scrape error: $(grep node_textfile_scrape_error <<< "$output")"
	local f
	for f in pskit_free pskit_ifconfig pskit_iostat pskit_procsmem; do
		grep -q "^node_textfile_mtime_seconds{file=\"$TF/$f.prom\"} " <<< "$output" ||
			grep -q "^node_textfile_mtime_seconds{file=\"$f.prom\"} " <<< "$output" ||
			fail "$f.prom not read by node_exporter"
		grep -q "^${f}_last_success_timestamp_seconds " <<< "$output" ||
			fail "$f not served"
	done
	# lo and vf0 are down in the namespace: reported, not dropped
	grep -q '^pskit_ifconfig_up{ifname="vf0"} 0$' <<< "$output" ||
		fail "a down interface is missing: $(grep '^pskit_ifconfig_up' <<< "$output")"
	grep -q '^pskit_ifconfig_up{ifname="lo"} 0$' <<< "$output" ||
		fail "lo (down) is missing"
	# stopped so its log is complete; SIGTERM's status is expected
	local rc=0
	kill "${PIDS[0]}"
	wait "${PIDS[0]}" 2>/dev/null || rc=$?
	[ "$rc" -eq 143 ] || [ "$rc" -eq 0 ] || fail "node_exporter exited $rc"
	PIDS=()
	[ ! -s "$BATS_TEST_TMPDIR/ne.log" ] ||
		fail "node_exporter logged: $(cat "$BATS_TEST_TMPDIR/ne.log")"
	[ ! -s "$BATS_TEST_TMPDIR/jobs.err" ] ||
		fail "the jobs printed: $(cat "$BATS_TEST_TMPDIR/jobs.err")"
}

start_node_exporter() {
	[ -n "$NODE_EXPORTER" ] || skip "prometheus-node-exporter not installed"
	NE_PORT=$(free_port)
	"$NODE_EXPORTER" --web.listen-address="127.0.0.1:$NE_PORT" \
		--collector.disable-defaults --collector.textfile \
		--collector.textfile.directory="$TF" --log.level=error \
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

@test "fleet: the cron example works as written (user field, DESTDIR install, node_exporter)" {
	fleet_ns
	install_dest
	run_cron_file "$PSKIT_ROOT/examples/cron/pskit.cron"
	scrape_clean
}

@test "fleet: the systemd unit works as written and runs the cron jobs" {
	fleet_ns
	install_dest
	run_service "$PSKIT_ROOT/examples/systemd/pskit-textfile.service"
	scrape_clean
	# the same jobs as the cron file
	local line
	while IFS= read -r line; do
		grep -qF -- "${line#*bin/}" "$PSKIT_ROOT/examples/cron/pskit.cron" ||
			fail "service and cron differ: $line"
	done < <(sed -n 's/^ExecStart=//p' "$PSKIT_ROOT/examples/systemd/pskit-textfile.service" | sed 's/\${DIR}/$DIR/g')
	grep -q '^OnCalendar=minutely$' "$PSKIT_ROOT/examples/systemd/pskit-textfile.timer"
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
			n=$((n + 1))
			grep -q "^\.It Sy $fam\$" "$PSKIT_ROOT/man/pskit-prom.7" && continue
			# procsmem's per-grouping families are one templated entry,
			# pskit_procsmem_<by>_<what>, with <by> among the groupings
			case $fam in
			pskit_procsmem_program_* | pskit_procsmem_user_* | pskit_procsmem_map_*)
				local by=${fam#pskit_procsmem_} what
				what=${by#*_} by=${by%%_*}
				grep -q "^\.It Sy pskit_procsmem_ Ns Ar by Ns Sy _$what\$" \
					"$PSKIT_ROOT/man/pskit-prom.7" &&
					grep -q "^\.Cm $by" "$PSKIT_ROOT/man/pskit-prom.7" && continue ;;
			esac
			fail "$fam is not in man/pskit-prom.7"
		done
	done
	[ $n -gt 20 ] || fail "only $n families seen"
}

# spawn_named COMM ARGV0: a sleep whose comm and argv[0] a hostile user chose
spawn_named() {
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	ln -sf "$(command -v sleep)" "$BATS_TEST_TMPDIR/bin/$1"
	(exec -a "$2" "$BATS_TEST_TMPDIR/bin/$1" 1000) &
	PIDS+=($!)
	local i
	for i in $(seq 100); do
		[ "$(cat "/proc/$!/comm" 2>/dev/null)" = "$(printf '%s' "$1" | head -c 15)" ] &&
			return 0
		sleep 0.05
	done
	fail "spawn $1: comm never changed"
}

@test "fleet: hostile names alive, node_exporter reads every file without an error (issue 18)" {
	fleet_ns
	# processes named with invalid UTF-8, a literal backslash escape, ESC,
	# BEL, C1 and the label syntax itself
	spawn_named $'a\xff' $'a\xff'
	spawn_named $'a\xfe' $'a\xfe'
	spawn_named 'a\xff' 'a\xff'
	spawn_named $'e\e]0;X\a' $'\e]0;PWNED\a\e[2J'
	spawn_named $'c\xc2\x9b2J' $'c\xc2\x9b2J'
	spawn_named 'q"}x{y="' 'q"} 1'
	# interfaces a user with CAP_NET_ADMIN in a namespace may name
	ip -n "$NS" link add $'a\xff' type veth peer name $'a\xfe' ||
		skip "the kernel refuses these interface names"
	"$PSKIT_BIN/free" -o prom --outfile "$TF/pskit_free.prom"
	"$PSKIT_BIN/procsmem" -o prom --outfile "$TF/pskit_procsmem.prom" 2>/dev/null
	ip netns exec "$NS" "$PSKIT_BIN/ifconfig" -a -o prom --outfile "$TF/pskit_ifconfig.prom"
	"$PSKIT_BIN/iostat" -o prom --outfile "$TF/pskit_iostat.prom"
	"$PSKIT_BIN/procinfo" -o prom --outfile "$TF/pskit_procinfo.prom" "${PIDS[@]}"
	start_node_exporter
	run http_get "http://127.0.0.1:$NE_PORT/metrics"
	assert_success
	grep -q '^node_textfile_scrape_error 0$' <<< "$output" ||
		fail "scrape error: $(grep node_textfile_scrape_error <<< "$output")"
	# three processes, three series: a\xff, a\xfe and the literal text
	local n
	n=$(grep -c '^pskit_procsmem_program_processes{program="a\\\\\(xff\|xfe\|\\\\xff\)"}' <<< "$output")
	[ "$n" -eq 3 ] || fail "$n of 3 a* series: $(grep '^pskit_procsmem_program_processes{program="a' <<< "$output")"
	n=$(grep -c '^pskit_ifconfig_up{ifname="a\\\\x\(ff\|fe\)"}' <<< "$output")
	[ "$n" -eq 2 ] || fail "$n of 2 interfaces: $(grep '^pskit_ifconfig_up' <<< "$output")"
	# no raw control byte reached the files
	! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$TF"/*.prom || fail "a raw control byte"
	# node_exporter, started last, stopped so its log is complete
	local rc=0 ne=${PIDS[-1]}
	kill "$ne"
	wait "$ne" 2>/dev/null || rc=$?
	[ "$rc" -eq 143 ] || [ "$rc" -eq 0 ] || fail "node_exporter exited $rc"
	[ ! -s "$BATS_TEST_TMPDIR/ne.log" ] ||
		fail "node_exporter logged: $(cat "$BATS_TEST_TMPDIR/ne.log")"
}
