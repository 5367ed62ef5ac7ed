#!/usr/bin/env bats
# procsmem against golden text of smem 1.5 on the fixture tests/fixtures/procsmem/basic
# (regenerate both with scripts/golden-procsmem.sh), and differentially against
# /usr/bin/smem -S on the same fixture.  --smaps sums smaps as smem does, so the text
# must be byte-identical; the default rollup mode must agree on USS, RSS and Swap.

load helper
bats_require_minimum_version 1.5.0

setup_file() {
	export PSMEM="${PROCSMEM:-$PSKIT_BIN/procsmem}"
	export FX="$PSKIT_FIXTURES/procsmem/basic"
	export GOLD="$PSKIT_GOLDEN/procsmem"
}

setup() {
	optsets_load "$GOLD/optsets"
}

# The fixture files belong to whoever checked the tree out; the golden text was made
# as root, so its User column says root.
need_root_owner() {
	[ "$(stat -c %u "$FX/proc/100")" -eq 0 ] ||
		skip "fixture not owned by root: the golden User column would differ"
}

@test "golden: --smaps text is byte-identical to smem 1.5 for every option set" {
	need_root_owner
	local name fails=() rc want_rc out=$BATS_TEST_TMPDIR/out
	for name in "${OPTSET_NAMES[@]}"; do
		eval "set -- ${OPTSET[$name]}"
		rc=0
		"$PSMEM" --smaps -S "$FX" "$@" >"$out" 2>/dev/null || rc=$?
		want_rc=0
		[ -f "$GOLD/$name.rc" ] && want_rc=$(cat "$GOLD/$name.rc")
		if [ "$rc" -ne "$want_rc" ] || ! cmp -s "$out" "$GOLD/$name.out"; then
			fails+=("$name (status $rc, want $want_rc)")
		fi
	done
	[ "${#fails[@]}" -eq 0 ] || fail "differs from golden: ${fails[*]}"
}

@test "differential: --smaps equals /usr/bin/smem -S on the fixture" {
	[ -x /usr/bin/smem ] || skip "smem not installed"
	local name fails=() a b ra rb want_rc
	for name in "${OPTSET_NAMES[@]}"; do
		eval "set -- ${OPTSET[$name]}"
		# both tools must exit as smem did for the golden (0 unless a .rc
		# says otherwise): two failing tools print the same nothing
		want_rc=0
		[ -f "$GOLD/$name.rc" ] && want_rc=$(cat "$GOLD/$name.rc")
		ra=0 rb=0
		a=$("$PSMEM" --smaps -S "$FX" "$@" 2>/dev/null) || ra=$?
		b=$(/usr/bin/smem -S "$FX" "$@" 2>/dev/null) || rb=$?
		if [ "$ra" -ne "$want_rc" ] || [ "$rb" -ne "$want_rc" ] ||
		    { [ "$want_rc" -eq 0 ] && [ -z "$a" ]; } || [ "$a" != "$b" ]; then
			fails+=("$name (status $ra, smem $rb, want $want_rc)")
		fi
	done
	[ "${#fails[@]}" -eq 0 ] || fail "differs from smem: ${fails[*]}"
}

@test "rollup mode: USS, RSS and Swap as smem, PSS from smaps_rollup (>= the smaps sum)" {
	need_root_owner
	run "$PSMEM" -S "$FX" -H -c "pid swap uss rss pss"
	assert_success
	ours=$output
	while read -r pid swap uss rss pss; do
		line=$(printf '%s\n' "$ours" | awk -v p="$pid" '$1 == p')
		[ -n "$line" ] || fail "pid $pid missing"
		set -- $line
		[ "$2 $3 $4" = "$swap $uss $rss" ] || fail "pid $pid: $line vs $swap $uss $rss"
		[ "$5" -ge "$pss" ] || fail "pid $pid: rollup pss $5 < smaps pss $pss"
		want=$(awk '/^Pss:/ { print $2 }' "$FX/proc/$pid/smaps_rollup")
		[ "$5" -eq "$want" ] || fail "pid $pid: pss $5, rollup says $want"
	done < <(/usr/bin/smem -S "$FX" -H -c "pid swap uss rss pss" 2>/dev/null ||
		sed 1d "$GOLD/default.out" | awk '{ print $1, $4, $5, $7, $6 }')
}

@test "names holding spaces and ')' are kept whole (smem cuts at the first ')')" {
	run "$PSMEM" -S "$FX" -H -c "pid name" -P "hog\) x"
	assert_success
	assert_output "  102 pk hog) x                "
}

@test "kernel threads and zombies are recognised from stat and left out" {
	run "$PSMEM" -S "$FX" -H -c pid
	assert_success
	refute_line --regexp '^ +2 $'
	refute_line --regexp '^ +300 $'
	assert_equal "${#lines[@]}" 3
}

@test "json: one array, documented keys, bytes" {
	command -v jq >/dev/null || skip "jq not installed"
	run "$PSMEM" -S "$FX" --smaps -o json
	assert_success
	run jq -e 'length == 3 and (.[0] | keys_unsorted) ==
	    ["pid","user","command","name","swap","swap_pss","uss","pss","rss","vss","maps"]' \
	    <<<"$output"
	assert_success
	uss=$(awk '/^Private_(Clean|Dirty):/ { s += $2 } END { print s }' \
	    "$FX/proc/100/smaps_rollup")
	run jq -r '.[] | select(.pid == 100) | .uss' < <("$PSMEM" -S "$FX" -o json)
	assert_output "$((uss * 1024))"
}

@test "json: vss and maps are null in rollup mode, numbers with --smaps" {
	command -v jq >/dev/null || skip "jq not installed"
	run jq -r '.[0] | "\(.vss) \(.maps)"' < <("$PSMEM" -S "$FX" --json)
	assert_output "null null"
	run jq -r '.[] | select(.pid == 100) | "\(.vss) \(.maps)"' < <("$PSMEM" -S "$FX" --json --smaps)
	assert_output "$((9204 * 1024)) 14"
}

@test "tsv: header of keys, same column count on every row, -H drops the header" {
	run "$PSMEM" -S "$FX" --tsv
	assert_success
	assert_line --index 0 "$(printf 'pid\tuser\tcommand\tname\tswap\tswap_pss\tuss\tpss\trss\tvss\tmaps')"
	run awk -F'\t' 'NF != 11 { bad++ } END { exit bad }' <<<"$output"
	assert_success
	run "$PSMEM" -S "$FX" --tsv -H
	assert_equal "${#lines[@]}" 3
	run "$PSMEM" -S "$FX" -u -o tsv
	assert_line --index 0 "$(printf 'user\tcount\tswap\tswap_pss\tuss\tpss\trss\tvss')"
	run "$PSMEM" -S "$FX" -w -o tsv
	assert_line --index 0 "$(printf 'area\tused\tcache\tnoncache')"
}

@test "prom: aggregated per program and per user in families of their own, never per pid" {
	run "$PSMEM" -S "$FX" -o prom
	assert_success
	assert_line '# TYPE pskit_procsmem_program_uss_bytes gauge'
	assert_line --regexp '^pskit_procsmem_program_uss_bytes\{program="pkhog"\} [0-9]+$'
	assert_line --regexp '^pskit_procsmem_user_processes\{user="root"\} 3$'
	refute_output --partial 'pid='
	# issue 15 item 3: no family mixes program and user series
	refute_output --regexp 'program="[^"]*",user='
	refute_output --regexp '^pskit_procsmem_(uss|pss|rss|swap)_bytes'
}

@test "-P, -U and -M filter as smem (POSIX extended regular expressions)" {
	run "$PSMEM" -S "$FX" -H -c pid -P 'hog(b|\))'
	assert_success
	assert_equal "${#lines[@]}" 2
	run "$PSMEM" -S "$FX" -H -c pid -U '^nosuchuser$'
	assert_success
	assert_output ""
	run "$PSMEM" -S "$FX" -P '('
	assert_failure 2
}

@test "malformed files: one line each on stderr, status 1, the rest still reported" {
	local bad=$PSKIT_FIXTURES/procsmem-bad/malformed
	run --separate-stderr "$PSMEM" -S "$bad" -H -c "pid command"
	assert_equal "$status" 1
	assert_equal "${#stderr_lines[@]}" 2
	assert_equal "${stderr_lines[0]}" "procsmem: parse $bad/proc/100/smaps_rollup"
	assert_equal "${stderr_lines[1]}" "procsmem: parse $bad/proc/101/stat"
	assert_line --index 0 '  102 /tmp/x\033[31m\377\376 arg  '
	assert_line --index 1 --regexp '^  103 x +$'
	run --separate-stderr "$PSMEM" -S "$bad" -q -o json
	assert_equal "$status" 1	# two unreadable processes, as above
	run jq -e 'length == 2' <<<"$output"
	assert_success
}

@test "-w -R: whole KiB where smem prints floats (deliberate fix), same numbers" {
	[ -x /usr/bin/smem ] || skip "smem not installed"
	run "$PSMEM" -S "$FX" -w -t -R 32G
	assert_success
	refute_output --partial ".0"
	ours=$(awk '{ $1 = $1; print }' <<<"$output")
	theirs=$(/usr/bin/smem -S "$FX" -w -t -R 32G | sed -E 's/([0-9])\.0( |$)/\1\2/g' |
		awk '{ $1 = $1; print }')
	assert_equal "$ours" "$theirs"
}

@test "--outfile writes the report atomically, same bytes as stdout" {
	"$PSMEM" -S "$FX" --smaps -t >"$BATS_TEST_TMPDIR/stdout"
	run "$PSMEM" -S "$FX" --smaps -t --outfile "$BATS_TEST_TMPDIR/report"
	assert_success
	assert_output ""
	cmp "$BATS_TEST_TMPDIR/stdout" "$BATS_TEST_TMPDIR/report"
	run "$PSMEM" -S "$FX" -o json --outfile "$BATS_TEST_TMPDIR/report.json"
	assert_success
	run jq -e 'length == 3' "$BATS_TEST_TMPDIR/report.json"
	assert_success
	[ -z "$(ls "$BATS_TEST_TMPDIR" | grep -v -e '^stdout$' -e '^report')" ]
}

@test "deliberate fixes: whole map names, -m avguss, -u vss" {
	run "$PSMEM" -S "$FX" -m -H -c map -M 'hog\) x$'
	assert_success
	assert_output --regexp '/pk hog\) x +$'
	run "$PSMEM" -S "$FX" -m -H -c "map avguss uss pids" -M '^\[heap\]$'
	assert_success
	set -- $output
	assert_equal "$2" "$(($3 / $4))"
	[ -x /usr/bin/smem ] || skip "smem not installed"
	vss=$(/usr/bin/smem -S "$FX" -t -c vss | tail -1)
	run "$PSMEM" -S "$FX" -u -H -c vss
	assert_success
	assert_equal "$output" "$vss"
}

@test "-w -K: the image size from size(1) in whole KiB (smem prints a fraction)" {
	[ -x /usr/bin/smem ] || skip "smem not installed"
	command -v size >/dev/null || skip "size(1) not installed (binutils)"
	run "$PSMEM" -S "$FX" -w -H -K /bin/true
	assert_success
	ours=$(awk '/^kernel image/ { print $3, $4, $5 }' <<<"$output")
	theirs=$(/usr/bin/smem -S "$FX" -w -H -K /bin/true |
		awk '/^kernel image/ { printf "%d %d %d\n", $3, $4, $5 }')
	assert_equal "$ours" "$theirs"
	run --separate-stderr "$PSMEM" -S "$FX" -w -H -K /nonexistent
	assert_success
	assert_line --index 1 --regexp '^kernel image +0 +0 +0 $'
	assert_equal "${stderr_lines[-1]}" \
		"Parameter '/nonexistent' should be an original uncompressed compiled kernel file."
}
