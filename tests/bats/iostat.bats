#!/usr/bin/env bats
# bin/iostat beyond the golden files: pskit options, structured output,
# interval mode endings, errors.  Runs on the fixtures (--procfs/--sysfs).

bats_require_minimum_version 1.5.0
load helper
load iostat_lib

setup() {
	IOSTAT_BIN=$PSKIT_BIN/iostat
	FX=$BATS_TEST_TMPDIR/fx
	cp -r "$PSKIT_FIXTURES/iostat/basic" "$FX"
	ROOTS=(--procfs "$FX/proc" --sysfs "$FX/sys")
}

@test "iostat --help prints the usage to stdout and exits 0" {
	run "$IOSTAT_BIN" --help
	assert_success
	assert_line --index 0 --partial "Usage: "
	assert_output --partial "[ -o JSON ]"
	assert_output --partial "--procfs DIR"
}

@test "iostat --version and -V print the pskit version under the invoked name" {
	run "$IOSTAT_BIN" --version
	assert_success
	assert_output "iostat (pskit) 0.1.0"
	run "$IOSTAT_BIN" -V
	assert_output "iostat (pskit) 0.1.0"
	# issue 15.5: installed as pk-iostat, it says pk-iostat
	ln -s "$IOSTAT_BIN" "$BATS_TEST_TMPDIR/pk-iostat"
	run "$BATS_TEST_TMPDIR/pk-iostat" --version
	assert_output "pk-iostat (pskit) 0.1.0"
	run --separate-stderr "$BATS_TEST_TMPDIR/pk-iostat" -o yaml
	assert_equal "${stderr%%$'\n'*}" "pk-iostat: unknown output format 'yaml'"
}

@test "iostat usage errors exit 1 with sysstat's usage text on stderr" {
	run "$IOSTAT_BIN" -k -m
	assert_failure 1
	assert_line --index 1 "Options are:"
	run "$IOSTAT_BIN" -o XML
	assert_failure 1
	run "$IOSTAT_BIN" -H -d
	assert_failure 1
	run "$IOSTAT_BIN" --dec=3
	assert_failure 1
}

@test "iostat: a bad output format or long option is named, then the usage" {
	run --separate-stderr "$IOSTAT_BIN" -o yaml
	assert_failure 1
	assert_equal "${stderr%%$'\n'*}" "iostat: unknown output format 'yaml'"
	[[ $stderr == *$'\nOptions are:\n'* ]] || fail "no usage: $stderr"
	# option values are case-sensitive: only "JSON" is sysstat's
	run --separate-stderr "$IOSTAT_BIN" -o Json
	assert_failure 1
	assert_equal "${stderr%%$'\n'*}" "iostat: unknown output format 'Json'"
	run --separate-stderr "$IOSTAT_BIN" --jsn
	assert_failure 1
	assert_equal "${stderr%%$'\n'*}" "iostat: unrecognized option '--jsn'"
	[[ $stderr == *$'\nOptions are:\n'* ]] || fail "no usage: $stderr"
}

@test "iostat -o JSON (exactly) is sysstat's JSON document" {
	run "$IOSTAT_BIN" "${ROOTS[@]}" -o JSON -x
	assert_success
	echo "$output" | jq -e '.sysstat.hosts[0].statistics[0].disk[0].disk_device == "sda"'
}

@test "iostat -o json and --json: pskit records with the tsv keys (issue 15.5)" {
	local tsvkeys
	run "$IOSTAT_BIN" "${ROOTS[@]}" -o tsv
	tsvkeys=$(head -1 <<<"$output" | tr '\t' '\n' | grep -v '^timestamp$' | paste -sd,)
	run "$IOSTAT_BIN" "${ROOTS[@]}" -o json -x
	assert_success
	# a snapshot: an array of records, cpu first, the -x rates per device
	jq -e --arg k "$tsvkeys" 'type == "array" and
	    all(.[]; (keys_unsorted | join(",")) == $k) and
	    .[0].kind == "cpu" and .[0].user_percent == 10.33 and
	    .[1].kind == "device" and .[1].device == "sda" and .[1].tps == 30.5 and
	    (.[1] | has("r_await") and has("util_percent"))' <<<"$output"
	run "$IOSTAT_BIN" "${ROOTS[@]}" --json -c
	assert_success
	jq -e 'length == 1 and .[0].kind == "cpu" and .[0].user_percent == 10.33' <<<"$output"
	# interval mode: one array per sample per line, each record with the
	# sample's timestamp
	run "$IOSTAT_BIN" "${ROOTS[@]}" -o json -d 1 2
	assert_success
	[ "${#lines[@]}" -eq 2 ] || fail "lines: ${#lines[@]}"
	jq -se 'length == 2 and all(.[]; type == "array" and
	    all(.[]; .timestamp > 0 and .kind == "device"))' <<<"$output"
	# -w FILE takes json too
	run "$IOSTAT_BIN" "${ROOTS[@]}" -o json -w "$BATS_TEST_TMPDIR/io.json"
	assert_success
	jq -e '.[0].kind == "cpu"' "$BATS_TEST_TMPDIR/io.json"
}

@test "iostat -o tsv: header, one cpu row and one row per device, same width" {
	run "$IOSTAT_BIN" "${ROOTS[@]}" -o tsv
	assert_success
	assert_line --index 0 --partial $'timestamp\tkind\tdevice\ttps\tr_s'
	assert_line --index 1 --regexp $'^[0-9.]+\tcpu\t\\\\N\t'
	assert_line --index 2 --regexp $'^[0-9.]+\tdevice\tsda\t30.50\t10.00\t'
	[ "$(echo "$output" | awk -F'\t' '{print NF}' | sort -u)" = 32 ]
	run "$IOSTAT_BIN" "${ROOTS[@]}" -o tsv --no-header -d
	assert_line --index 0 --regexp $'\tdevice\tsda\t'
}

@test "iostat -o prom: cumulative psutil counters with _total names" {
	run "$IOSTAT_BIN" "${ROOTS[@]}" -o prom
	assert_success
	assert_line '# TYPE pskit_iostat_read_count_total counter'
	assert_line 'pskit_iostat_read_count_total{device="sda"} 1000'
	assert_line 'pskit_iostat_read_bytes_total{device="sda"} 40960000'
	assert_line 'pskit_iostat_busy_time_seconds_total{device="sda"} 9.000'
	assert_line 'pskit_iostat_read_merged_count_total{device="sda"} 200'
}

@test "iostat --psutil: disk_io_counters(perdisk=True) of every diskstats line" {
	run "$IOSTAT_BIN" "${ROOTS[@]}" --psutil
	assert_success
	assert_line 'sda1: sdiskio(read_count=900, write_count=1800, read_bytes=36864000, write_bytes=73728000, read_time=4500, write_time=11000, read_merged_count=180, write_merged_count=360, busy_time=8000)'
	assert_line --index 2 --partial 'dm-0: sdiskio(read_count=0,'
	run "$IOSTAT_BIN" "${ROOTS[@]}" --psutil -o json
	echo "$output" | jq -e '.[0].read_time == 5 and .[2].device == "dm-0"'
}

# interrupt SIGNAL ARGS...: start iostat ARGS in the background, send
# SIGNAL after 1.3 s (during the second wait), collect output and status.
interrupt() {
	local sig=$1 pid
	shift
	"$IOSTAT_BIN" "${ROOTS[@]}" "$@" >"$BATS_TEST_TMPDIR/out" 2>&1 &
	pid=$!
	sleep 1.3
	kill "-$sig" "$pid"
	status=0
	wait "$pid" || status=$?
	output=$(<"$BATS_TEST_TMPDIR/out")
}

@test "iostat -o JSON interval: SIGINT ends it with a closed document" {
	interrupt INT -o JSON -d 1
	[ "$status" -eq 0 ]
	echo "$output" | jq -e '.sysstat.hosts[0].statistics | length == 2'
}

@test "iostat -o JSON interval: SIGTERM, SIGHUP close the document, exit 128+signal" {
	# sysstat defines a status only for SIGINT; TERM and HUP re-raise
	interrupt TERM -o JSON -x 1 100
	[ "$status" -eq 143 ]
	echo "$output" | jq -e '.sysstat.hosts[0].statistics | length == 2'
	interrupt HUP -o JSON -x 1 100
	[ "$status" -eq 129 ]
	echo "$output" | jq -e '.sysstat.hosts[0].statistics | length == 2'
}

@test "iostat text interval: SIGINT ends after the current sample, exit 130" {
	interrupt INT -d 1
	[ "$status" -eq 130 ]
	[ "$(grep -c '^Device' <<<"$output")" -eq 2 ]
}

@test "iostat interval count: exactly count reports, -y skips the first" {
	run "$IOSTAT_BIN" "${ROOTS[@]}" -d 1 2
	assert_success
	[ "$(grep -c '^Device' <<<"$output")" -eq 2 ]
	run "$IOSTAT_BIN" "${ROOTS[@]}" -d -y 1 1
	[ "$(grep -c '^Device' <<<"$output")" -eq 1 ]
	run "$IOSTAT_BIN" "${ROOTS[@]}" -o tsv -d 1 2
	[ "$(grep -c $'\tdevice\tsda\t' <<<"$output")" -eq 2 ]
}

@test "iostat: a failed write to stdout is an error" {
	[ -w /dev/full ] || skip "no /dev/full"
	run "$IOSTAT_BIN" "${ROOTS[@]}" -x
	run sh -c '"$0" "$@" >/dev/full' "$IOSTAT_BIN" "${ROOTS[@]}" -x
	assert_failure 1
	assert_output --partial "write error"
}

@test "iostat: unreadable /proc/uptime or /proc/stat exits 2 like sysstat" {
	rm "$FX/proc/uptime"
	run "$IOSTAT_BIN" "${ROOTS[@]}"
	assert_failure 2
	assert_line "Cannot read $FX/proc/uptime"
	cp "$PSKIT_FIXTURES/iostat/basic/proc/uptime" "$FX/proc/"
	rm "$FX/proc/stat"
	run "$IOSTAT_BIN" "${ROOTS[@]}"
	assert_failure 2
	assert_line "Cannot open $FX/proc/stat: No such file or directory"
}

@test "iostat: malformed stat files never crash" {
	printf 'garbage\n' >"$FX/sys/block/sda/stat"
	printf '' >"$FX/sys/block/dm-0/stat"
	printf 'cpu\n' >"$FX/proc/stat"
	printf '1 2 x\n\n 8 0\n' >"$FX/proc/diskstats"
	run "$IOSTAT_BIN" "${ROOTS[@]}" -x ALL
	assert_success
	assert_line --regexp '^sda +0\.00'
	run "$IOSTAT_BIN" "${ROOTS[@]}" -p ALL -o JSON
	assert_success
}

@test "iostat: the stub platform says not supported" {
	[ -x "$PSKIT_BIN/stub/iostat" ] || skip "no stub build (make PLATFORM=stub)"
	run "$PSKIT_BIN/stub/iostat"
	assert_failure 1
	assert_output --partial "not supported on this system"
}

@test "iostat -w FILE: each structured sample replaces FILE atomically" {
	run "$IOSTAT_BIN" "${ROOTS[@]}" -o prom -w "$BATS_TEST_TMPDIR/io.prom" -d 1 2
	assert_success
	assert_output ""
	run grep -c '^# TYPE' "$BATS_TEST_TMPDIR/io.prom"
	assert_output 10
	run "$IOSTAT_BIN" "${ROOTS[@]}" --psutil -o json --outfile "$BATS_TEST_TMPDIR/io.json"
	assert_success
	jq -e 'length == 3' "$BATS_TEST_TMPDIR/io.json"
	run "$IOSTAT_BIN" "${ROOTS[@]}" -w "$BATS_TEST_TMPDIR/x"
	assert_failure 1
	[ ! -e "$BATS_TEST_TMPDIR/x" ]
}
