#!/usr/bin/env bats
# free: options, messages, exit statuses, formats and output faults.
# Messages are compared with procps' own where /usr/bin/free can produce
# them; fixture numbers are covered by free_golden.bats and free_diff.bats.

bats_require_minimum_version 1.5.0
load helper

FREE=${FREE:-$PSKIT_BIN/free}
F1=$PSKIT_FIXTURES/free/f1/proc

setup() {
	export LC_ALL=C
}

# ref_vs_ours ARGS...: procps and pskit give the same stdout, the same first
# stderr line and the same exit status.
ref_vs_ours() {
	[ -x /usr/bin/free ] || skip "procps free not installed"
	# the same argv[0], which getopt puts in its messages
	run --separate-stderr bash -c 'exec -a free "$0" "$@"' /usr/bin/free "$@"
	local rs=$status ro=$output re=${stderr%%$'\n'*}
	run --separate-stderr bash -c 'exec -a free "$0" "$@"' "$FREE" "$@"
	[ "$status" -eq "$rs" ] || fail "status $status, procps $rs for $*"
	[ "$output" = "$ro" ] || fail "stdout differs for $*"
	[ "${stderr%%$'\n'*}" = "$re" ] || fail "stderr '${stderr%%$'\n'*}', procps '$re'"
}

@test "free: messages and statuses of bad options match procps" {
	for args in "-x" "extra" "-b -k" "--kilo --mega" "-s abc" "-s ''" \
	    "-s 0" "-s -1" "-s 1.2.3" "-s 1e3" "-s 0.0000001" "-c 0" \
	    "-c abc" "-c -1" "-c 1x" "-c 99999999999999999999" "-c 2147483648" \
	    "--human=3" "--nosuch" "--seconds"; do
		eval "ref_vs_ours $args"
	done
}

@test "free: the empty -c argument gets procps' message" {
	run --separate-stderr "$FREE" -c ''
	[ "$status" -eq 1 ]
	[ "$stderr" = "free: failed to parse count argument: '': No such file or directory" ]
}

@test "free: --help matches procps' usage for every procps option" {
	[ -x /usr/bin/free ] || skip "procps free not installed"
	run "$FREE" --help
	assert_success
	local ours=$output
	run /usr/bin/free --help
	# every line of procps' usage is in ours, in the same order
	local IFS=$'\n' line rest=$ours
	for line in $output; do
		case $rest in
		*"$line"*) rest=${rest#*"$line"} ;;
		*) fail "missing or out of order: $line" ;;
		esac
	done
}

@test "free: the man page SYNOPSIS and --help name the same options" {
	run "$FREE" --help
	assert_success
	local help=$output syn line o found
	syn=$(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$PSKIT_ROOT/man/free.1" |
		sed 's/\\-/-/g')
	# every usage line has one of its options in the SYNOPSIS
	while IFS= read -r line; do
		case $line in " -"*|"     --"*) ;; *) continue ;; esac
		found=0
		for o in $(printf '%s\n' "$line" | grep -o -- '--*[A-Za-z][a-z-]*' | head -2); do
			o=${o#-}
			if [[ $syn == *"Fl $o"* ]] || [[ $o == -* && $syn == *" $o"* ]] || { [ ${#o} -eq 1 ] && [[ $syn == *"Fl bkmghltvw"* ]] && [[ bkmghltvw == *"$o"* ]]; }; then
				found=1
			fi
		done
		[ $found -eq 1 ] || fail "not in SYNOPSIS: $line"
	done <<< "$help"
	# every SYNOPSIS flag is in the usage
	for o in $(printf '%s\n' "$syn" | grep -o 'Fl -[a-z-]*' | sed 's/^Fl //'); do
		[[ $help == *" -$o"* ]] || fail "-$o of SYNOPSIS not in --help"
	done
}

@test "free: -V and --version print the pskit version" {
	run "$FREE" -V
	assert_success
	assert_output --regexp '^free \(pskit\) [0-9]+\.[0-9]+\.[0-9]+$'
	run "$FREE" --version
	assert_output --regexp '^free \(pskit\) '
}

@test "free: a write error is reported and exits 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	for fmt in text tsv json prom; do
		run --separate-stderr "$FREE" --procfs "$F1" -o $fmt
		run --separate-stderr sh -c "'$FREE' --procfs '$F1' -o $fmt > /dev/full"
		[ "$status" -eq 1 ] || fail "$fmt: status $status"
		[ "$stderr" = "free: write error" ] || fail "$fmt: $stderr"
	done
}

@test "free: a closed stdout does not crash" {
	run --separate-stderr sh -c "'$FREE' --procfs '$F1' >&-"
	[ "$status" -eq 1 ]
	[ "$stderr" = "free: write error" ]
}

@test "free: | head ends quietly" {
	run --separate-stderr bash -c "'$FREE' --procfs '$F1' -s 0.01 | head -1"
	assert_success
	[ -z "$stderr" ]
	assert_output --partial "total"
}

@test "free: missing meminfo" {
	local d=$BATS_TEST_TMPDIR/proc
	mkdir -p "$d"
	run --separate-stderr "$FREE" --procfs "$d"
	[ "$status" -eq 1 ]
	[ "$stderr" = "free: Memory information file $d/meminfo does not exist" ]
	[ -z "$output" ]
}

@test "free: missing procfs root" {
	run --separate-stderr "$FREE" --procfs "$BATS_TEST_TMPDIR/nope"
	[ "$status" -eq 1 ]
	[[ $stderr == "free: open $BATS_TEST_TMPDIR/nope: No such file or directory" ]]
}

@test "free: empty and directory meminfo" {
	local d=$BATS_TEST_TMPDIR/proc
	mkdir -p "$d"
	: > "$d/meminfo"
	run --separate-stderr "$FREE" --procfs "$d"
	[ "$status" -eq 1 ]
	[ "$stderr" = "free: Unable to create meminfo structure" ]
	rm "$d/meminfo"; mkdir "$d/meminfo"
	run --separate-stderr "$FREE" --procfs "$d"
	[ "$status" -eq 1 ]
	[ "$stderr" = "free: Unable to create meminfo structure" ]
	# unreadable: free_hostile.bats, run as a normal user
}

@test "free: PSKIT_PROCFS selects the root, --procfs wins over it" {
	run env PSKIT_PROCFS="$F1" "$FREE" -t
	assert_success
	assert_line --index 3 --regexp '^Total: +12255500 +'
	run env PSKIT_PROCFS=/nonexistent "$FREE" --procfs "$F1"
	assert_success
}

@test "free: every fixture gives valid JSON and TSV with the header's column count" {
	command -v jq >/dev/null || skip "jq not installed"
	local d n
	for d in "$PSKIT_FIXTURES"/free/*/proc; do
		for opts in "" "-ltv" "-c 2 -s 0.01"; do
			run "$FREE" --procfs "$d" -o json $opts
			assert_success
			printf '%s\n' "$output" | jq -e . >/dev/null ||
				fail "invalid JSON: $d $opts"
			run "$FREE" --procfs "$d" -o tsv $opts
			assert_success
			n=$(printf '%s\n' "$output" | awk -F'\t' '
				NR == 1 { n = NF } NF != n { bad = 1 } END { print bad + 0 }')
			[ "$n" -eq 0 ] || fail "ragged TSV: $d $opts"
		done
	done
}

@test "free: tsv is bytes whatever the unit option, absent values are \\N" {
	run "$FREE" --procfs "$F1" -o tsv -g -ltv
	assert_success
	assert_line --index 0 "$(printf 'type\ttotal\tused\tfree\tshared\tbuffers\tcache\tbuff_cache\tavailable\tscope')"
	# MemTotal 8061200 kB; used = total - MemFree (no MemAvailable)
	assert_line --index 1 "$(printf 'mem\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\thost' \
		$((8061200*1024)) $(((8061200-512300)*1024)) $((512300*1024)) \
		$((131072*1024)) $((204800*1024)) $(((3145728+300000)*1024)) \
		$(((204800+3145728+300000)*1024)) $((512300*1024)))"
	assert_line --index 4 "$(printf 'swap\t%d\t%d\t%d\t\\N\t\\N\t\\N\t\\N\t\\N\thost' \
		$((4194300*1024)) $(((4194300-4000000)*1024)) $((4000000*1024)))"
	run "$FREE" --procfs "$F1" --tsv --no-header
	refute_line --partial "type"
}

@test "free: json keys and null for a missing Shmem" {
	command -v jq >/dev/null || skip "jq not installed"
	local d=$BATS_TEST_TMPDIR/proc
	mkdir -p "$d"
	printf 'MemTotal: 1000 kB\nMemFree: 400 kB\n' > "$d/meminfo"
	run "$FREE" --procfs "$d" --json
	assert_success
	run jq -c '.[0] | [.type, .total, .shared, .available]' <<< "$output"
	assert_output '["mem",1024000,null,409600]'
}

@test "free: prom has HELP and TYPE for every metric and a type label" {
	run "$FREE" --procfs "$F1" -o prom -t
	assert_success
	local m
	for m in total used free shared buffers cache buff_cache available; do
		assert_line "# TYPE pskit_free_${m}_bytes gauge"
		assert_line --regexp "^# HELP pskit_free_${m}_bytes .+"
	done
	assert_line "pskit_free_total_bytes{type=\"total\",scope=\"host\"} $(((8061200+4194300)*1024))"
	assert_line --regexp '^pskit_free_last_success_timestamp_seconds [0-9]+\.[0-9]{3}$'
	refute_output --partial "timestamp\":"
}

@test "free: -o accepts any case, rejects unknown formats" {
	run "$FREE" --procfs "$F1" -o JSON
	assert_success
	run --separate-stderr "$FREE" --procfs "$F1" -o xml
	[ "$status" -eq 1 ]
	[[ $stderr == *"unknown output format 'xml'"* ]]
}

@test "free: interval json is one array per sample, every record timestamped" {
	command -v jq >/dev/null || skip "jq not installed"
	run "$FREE" --procfs "$F1" -o json -c 3 -s 0.01
	assert_success
	[ "${#lines[@]}" -eq 3 ]
	for l in "${lines[@]}"; do
		jq -e 'type == "array" and length == 2 and
		    all(.[]; (.timestamp | type) == "number" and .timestamp > 0)' <<< "$l" >/dev/null ||
			fail "bad sample: $l"
	done
}

@test "free: --json -c 1 is the snapshot's array with timestamps, no wrapper" {
	command -v jq >/dev/null || skip "jq not installed"
	local snap
	snap=$("$FREE" --procfs "$F1" --json | jq -c 'map(keys_unsorted)')
	run "$FREE" --procfs "$F1" --json -c 1
	assert_success
	[ "${#lines[@]}" -eq 1 ]
	run jq -c 'map(keys_unsorted - ["timestamp"])' <<< "$output"
	assert_output "$snap"
	run "$FREE" --procfs "$F1" --json -c 1
	jq -e 'type == "array" and all(.[]; .timestamp > 0)' <<< "$output" >/dev/null ||
		fail "not an array of timestamped records: $output"
	# jq -c '.[]' reads a snapshot and a stream alike
	run bash -c '"$0" --procfs "$1" --json -c 2 -s 0.01 | jq -c ".[]" | wc -l' "$FREE" "$F1"
	assert_output 4
}

@test "free: SIGTERM, SIGINT, SIGHUP in an interval leave only complete JSON lines, exit 128+signal" {
	command -v jq >/dev/null || skip "jq not installed"
	local out=$BATS_TEST_TMPDIR/out sig
	declare -A want=([HUP]=129 [INT]=130 [TERM]=143)
	for sig in TERM INT HUP; do
		"$FREE" --procfs "$F1" -s 0.2 -o json > "$out" &
		local pid=$!
		sleep 0.7
		kill -s $sig $pid
		local rc=0
		wait $pid || rc=$?
		[ "$rc" -eq "${want[$sig]}" ] || fail "SIG$sig: status $rc"
		[ "$(wc -l < "$out")" -ge 2 ] || fail "SIG$sig: too few samples"
		while IFS= read -r l; do
			jq -e . <<< "$l" >/dev/null || fail "SIG$sig: broken line: $l"
		done < "$out"
		[ "$(tail -c 1 "$out" | od -An -c | tr -d ' ')" = '\n' ] || fail "no final newline"
	done
}

@test "free: --outfile replaces the file atomically and keeps it on error" {
	local f=$BATS_TEST_TMPDIR/free.prom
	echo old > "$f"
	run "$FREE" --procfs "$F1" -o prom --outfile "$f"
	assert_success
	[ -z "$output" ]
	grep -q '^pskit_free_total_bytes{type="mem",scope="host"} ' "$f"
	[ "$(stat -c %a "$f")" = 644 ]
	ls -A "$BATS_TEST_TMPDIR" | grep -q '^\.free\.prom\.' && fail "temporary file left"
	# a failing run (no meminfo) leaves the old file
	cp "$f" "$f.want"
	run "$FREE" --procfs "$BATS_TEST_TMPDIR" -o prom --outfile "$f"
	[ "$status" -eq 1 ]
	cmp "$f" "$f.want"
	# a directory that cannot take the temporary file
	run --separate-stderr "$FREE" --procfs "$F1" --outfile "$BATS_TEST_TMPDIR/no/such/dir/x"
	[ "$status" -eq 1 ]
	[[ $stderr == "free: create $BATS_TEST_TMPDIR/no/such/dir/.x."* ]]
}

@test "free: --outfile in an interval holds the latest sample" {
	local f=$BATS_TEST_TMPDIR/free.json
	run "$FREE" --procfs "$F1" -o json -c 2 -s 0.01 --outfile "$f"
	assert_success
	jq -e 'length == 2' "$f" >/dev/null
}

@test "free: text -c blocks are separated by one blank line, none at the end" {
	run "$FREE" --procfs "$F1" -c 2 -s 0.01
	assert_success
	[ "${#lines[@]}" -eq 6 ] || [ "$(printf '%s\n' "$output" | grep -c '^$')" -eq 1 ]
	run sh -c "'$FREE' --procfs '$F1' -c 2 -s 0.01 | tail -c 1 | od -An -c"
	[ "$(echo $output)" = '\n' ]
}

@test "free: the stub platform builds and says it is not supported" {
	[ -x "$PSKIT_ROOT/bin/stub/free" ] || skip "make PLATFORM=stub not built"
	run --separate-stderr "$PSKIT_ROOT/bin/stub/free"
	[ "$status" -eq 1 ]
	[ "$stderr" = "free: not supported on this system" ]
}

@test "free: make install honours DESTDIR, PREFIX and PROG_PREFIX" {
	local d=$BATS_TEST_TMPDIR/dest
	run make -s -C "$PSKIT_ROOT" install DESTDIR="$d" PREFIX=/opt/pk
	assert_success
	[ -x "$d/opt/pk/bin/pk-free" ]
	[ -f "$d/opt/pk/share/man/man1/pk-free.1" ]
	run make -s -C "$PSKIT_ROOT" install DESTDIR="$d" PREFIX=/usr PROG_PREFIX=
	[ -x "$d/usr/bin/free" ]
	run make -s -C "$PSKIT_ROOT" uninstall DESTDIR="$d" PREFIX=/opt/pk
	assert_success
	[ ! -e "$d/opt/pk/bin/pk-free" ]
}
