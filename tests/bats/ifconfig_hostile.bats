#!/usr/bin/env bats
# ifconfig on hostile /proc/net/dev and /proc/net/if_inet6 files: every case
# ends under a timeout with status 0 or 1 and at most one line on stderr,
# never a signal; json parses strictly (no NaN), tsv rows keep the header's
# column count.  The interfaces themselves (flags, addresses) come from the
# machine's own network namespace, so only the shape of the output is judged.

bats_require_minimum_version 1.5.0
load helper
load hostile
load ifconfig_netns

IFC=${IFC:-$PSKIT_BIN/ifconfig}

setup() {
	P=$BATS_TEST_TMPDIR/proc
	mkdir -p "$P/net"
	cp "$PSKIT_FIXTURES/ifconfig/units/proc/net/dev" \
	    "$PSKIT_FIXTURES/ifconfig/units/proc/net/if_inet6" "$P/net/"
	NS=
	RODIR=
}

teardown() {
	[ -z "$NS" ] || netns_del "$NS"
	[ -z "$RODIR" ] || rm -rf "$RODIR"
}

# judge WHAT FMT: the outcome of the last `run` for format FMT.
judge() {
	local nf
	[ "$status" -lt 124 ] || fail "$1 ($2): status $status (timeout or signal)"
	[ "$status" -le 1 ] || fail "$1 ($2): status $status"
	[ "$(printf '%s' "$stderr" | wc -l)" -le 1 ] || fail "$1 ($2): stderr: $stderr"
	[ "$status" -eq 0 ] || [ -n "$stderr" ] || fail "$1 ($2): failed silently"
	case $2 in
	json)	# a failure may leave no output, never half a document
		if [ "$status" -eq 0 ] || [ -n "$output" ]; then
			json_strict <<<"$output" || fail "$1: invalid JSON: ${output:0:300}"
		fi ;;
	tsv)	if [ -n "$output" ]; then
			nf=$(awk -F'\t' '{ print NF }' <<<"$output" | sort -u | wc -l)
			[ "$nf" -eq 1 ] || fail "$1: ragged tsv"
		fi ;;
	esac
}

# check_case WHAT: every format, for each of $ARGSETS (default: -a, -s and a
# named interface).
check_case() {
	local fmt args
	for args in ${ARGSETS:-"-a" "-s" "lo"}; do
		for fmt in text tsv json prom; do
			# shellcheck disable=SC2086  # options are split on purpose
			qrun timeout 10 "$IFC" -o $fmt --procfs "$P" $args
			judge "$1 [$args]" $fmt
		done
	done
}

@test "ifconfig hostile: empty files" {
	: >"$P/net/dev"
	: >"$P/net/if_inet6"
	check_case empty
}

@test "ifconfig hostile: truncated mid-line, no final newline" {
	head -c 300 "$PSKIT_FIXTURES/ifconfig/units/proc/net/dev" >"$P/net/dev"
	printf '00000000000000000000000000000001 01 8' >"$P/net/if_inet6"
	check_case truncated
	printf 'Inter-|' >"$P/net/dev"
	check_case header-only
}

@test "ifconfig hostile: binary garbage" {
	head -c 65536 /dev/urandom >"$P/net/dev"
	head -c 65536 /dev/urandom >"$P/net/if_inet6"
	check_case garbage
}

@test "ifconfig hostile: 1 MiB lines, numbers and names" {
	{
		printf 'Inter-|\n face |bytes compressed\n    lo: '
		head -c 1048576 /dev/zero | tr '\0' 9
		printf ' 1 2 3\n  '
		head -c 1048576 /dev/zero | tr '\0' e
		printf ': 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n'
	} >"$P/net/dev"
	{
		head -c 1048576 /dev/zero | tr '\0' a
		printf ' 01 80 10 80 lo\n00000000000000000000000000000001 01 80 10 80 '
		head -c 1048576 /dev/zero | tr '\0' l
		printf '\n'
	} >"$P/net/if_inet6"
	check_case long
}

@test "ifconfig hostile: numbers at and past 2^64, negative numbers" {
	local M=18446744073709551615 O=18446744073709551616
	printf 'Inter-|\n face |bytes compressed\n    lo: %s %s -1 -%s 99999999999999999999999 0 -0 +0 %s 1 2 3 4 5 6 7\n  eth0: -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1\n' \
	    $M $O $M $M >"$P/net/dev"
	printf 'ffffffffffffffffffffffffffffffff 1ffffffffff ffff -10 80 lo\n00000000000000000000000000000001 -1 -80 -10 -80 lo\n' \
	    >"$P/net/if_inet6"
	check_case huge
}

@test "ifconfig hostile: NUL bytes in names and numbers" {
	printf 'Inter-|\n face |bytes compressed\n  l\0o: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n  eth0: 1\0002 3\n' \
	    >"$P/net/dev"
	printf '00000000000000000000000000000001 01 80 10 80 l\0o\n' >"$P/net/if_inet6"
	check_case nul
}

# plant KIND FILE: replace net/FILE by something that is not a file.
plant() {
	rm -rf "$P/net/$2"
	case $1 in
	dir)	mkdir "$P/net/$2" ;;
	loop)	ln -s "$2" "$P/net/$2" ;;
	fifo)	mkfifo "$P/net/$2" ;;
	zero)	ln -s /dev/zero "$P/net/$2" ;;
	esac
}

@test "ifconfig hostile: directory, symlink loop, FIFO, /dev/zero as net/dev" {
	local kind ARGSETS="-a lo"
	for kind in dir loop fifo zero; do
		plant $kind dev
		check_case "$kind dev"
		# net-tools: warns "Limited output" and lists what SIOCGIFCONF gives
		run --separate-stderr timeout 10 "$IFC" -a --procfs "$P"
		assert_success
		[[ $stderr == "Warning: cannot open $P/net/dev ("*"). Limited output." ]] ||
		    fail "$kind: stderr: $stderr"
	done
}

@test "ifconfig hostile: directory, symlink loop, FIFO, /dev/zero as if_inet6" {
	local kind fmt ARGSETS="-a lo"
	for kind in dir loop fifo zero; do
		plant $kind if_inet6
		check_case "$kind if_inet6"
		# one warning naming the file; text still lists every interface,
		# a structured report without the source fails (issue 18.7)
		for fmt in text json; do
			run --separate-stderr timeout 10 "$IFC" -a -o $fmt --procfs "$P"
			[[ $stderr == "ifconfig: "*"$P/net/if_inet6: "* ]] ||
			    fail "$kind ($fmt): stderr: $stderr"
			if [ $fmt = text ]; then
				assert_success
				assert_output --partial lo
			else
				[ "$status" -eq 1 ] || fail "$kind ($fmt): status $status"
				[ -z "$output" ] || fail "$kind ($fmt): printed ${output:0:200}"
			fi
		done
	done
}

# world_dir: a fresh directory that the user nobody may enter.
world_dir() {
	RODIR=$(mktemp -d "${TMPDIR:-/tmp}/pskit-hostile.XXXXXX")
	chmod 755 "$RODIR"
}

@test "ifconfig hostile: unreadable files (mode 000, as a normal user)" {
	local -a asuser=()
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv >/dev/null ||
		    skip "root reads mode-000 files and setpriv(1) is missing"
		asuser=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
		"${asuser[@]}" true 2>/dev/null || skip "cannot run as nobody"
	fi
	world_dir
	mkdir -p "$RODIR/proc/net"
	cp "$P/net/dev" "$P/net/if_inet6" "$RODIR/proc/net/"
	chmod 755 "$RODIR/proc" "$RODIR/proc/net"
	chmod 000 "$RODIR/proc/net/if_inet6"
	# issue 18.7: a structured report without a source it needs fails
	# (status 1, nothing printed) instead of passing for a whole one;
	# text keeps net-tools' behaviour
	run --separate-stderr timeout 10 "${asuser[@]}" "$IFC" -a -o json --procfs "$RODIR/proc"
	judge "if_inet6 000" json
	[ "$status" -eq 1 ] || fail "if_inet6 000: status $status"
	[ -z "$output" ] || fail "if_inet6 000: printed ${output:0:200}"
	[[ $stderr == *"if_inet6: Permission denied" ]] || fail "stderr: $stderr"
	run --separate-stderr timeout 10 "${asuser[@]}" "$IFC" -a --procfs "$RODIR/proc"
	assert_success
	chmod 644 "$RODIR/proc/net/if_inet6"
	chmod 000 "$RODIR/proc/net/dev"
	run --separate-stderr timeout 10 "${asuser[@]}" "$IFC" -a -o tsv --procfs "$RODIR/proc"
	judge "dev 000" tsv
	[ "$status" -eq 1 ] || fail "dev 000: status $status"
	[[ $stderr == *"(Permission denied). Limited output." ]] || fail "stderr: $stderr"
}

@test "ifconfig hostile: 10,000 names in net/dev that the kernel does not know" {
	python3 - "$P/net" <<-'EOF'
	import sys
	d = sys.argv[1]
	with open(d + "/dev", "w") as f:
	    f.write("Inter-|\n face |bytes compressed\n")
	    for i in range(10000):
	        f.write("ghost%d: %d 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n" % (i, i))
	with open(d + "/if_inet6", "w") as f:
	    for i in range(10000):
	        f.write("%032x 05 40 20 80 ghost%d\n" % (i, i))
	EOF
	check_case ghosts
	run --separate-stderr timeout 10 "$IFC" -a --procfs "$P"
	assert_success
	refute_output --partial ghost
}

@test "ifconfig hostile: 2,000 interfaces in a network namespace, as net-tools" {
	local why i
	why=$(netns_check)
	[ -z "$why" ] || skip "$why"
	NS=pskit-hostile-$$
	ip netns add "$NS"
	for i in $(seq 0 999); do
		echo "link add v$i type veth peer name w$i"
	done | ip -n "$NS" -batch - || skip "cannot create 1,000 veth pairs"
	for i in $(seq 0 999); do
		echo "addr add 10.$((i / 250)).$((i % 250)).1/24 dev v$i"
		echo "link set v$i up"
	done | ip -n "$NS" -batch -
	same_as_nettools "$NS" -a
	same_as_nettools "$NS" -s
	run --separate-stderr timeout 20 ip netns exec "$NS" "$IFC" -a -o json
	judge "2000 json" json
	[ "$(jq length <<<"$output")" -eq 2001 ] || fail "json: $(jq length <<<"$output") interfaces"
	run --separate-stderr timeout 20 ip netns exec "$NS" "$IFC" -a -o tsv
	judge "2000 tsv" tsv
	[ "${#lines[@]}" -eq 2002 ] || fail "tsv: ${#lines[@]} lines"
	run --separate-stderr timeout 20 ip netns exec "$NS" "$IFC" -a -o prom
	judge "2000 prom" prom
	assert_success
}
