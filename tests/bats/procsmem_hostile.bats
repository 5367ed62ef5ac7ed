#!/usr/bin/env bats
# procsmem on hostile /proc trees (issue 9, part 4).  Each test copies the
# captured "basic" fixture to $BATS_TEST_TMPDIR, breaks one file at a time
# (each file of process 100 in turn, and meminfo) and runs the process
# and mapping views in every output format, the user and system views in
# JSON, all under a timeout.  A case passes when it ends with a documented
# status (0, or 1 for a runtime failure: the man page's EXIT STATUS),
# never a signal or a hang, with at most one stderr line per broken file,
# a message whenever the status is not 0, no raw control character in
# text, and structured output that is either absent (a fatal error) or
# complete: a JSON array, TSV rows of the header's width, Prometheus
# lines of the exposition format.

bats_require_minimum_version 1.5.0
load helper
load hostile

PROCSMEM=${PROCSMEM:-$PSKIT_BIN/procsmem}
FILES="100/stat 100/cmdline 100/smaps_rollup 100/smaps meminfo"

setup_file() {
	hostile_garbage "$BATS_FILE_TMPDIR"
}

setup() {
	P=$BATS_TEST_TMPDIR/proc
	FIX=$PSKIT_FIXTURES/procsmem/basic/proc
	ASUSER=()	# the unreadable-files case runs as nobody under root
	OUT=$BATS_TEST_TMPDIR/out
	ERR=$BATS_TEST_TMPDIR/err
}

teardown() {
	[ -z "${NOBODY_DIR-}" ] || rm -rf "$NOBODY_DIR"
}

fresh() {
	rm -rf "$P"
	cp -a "$FIX" "$P"
}

# judge NAME FMT NPROBLEMS: the rules above, on $status, $OUT and $ERR.
# (Plain redirections, not bats' run: hundreds of runs stay fast.)
judge() {
	local name=$1 fmt=$2 nprob=$3 lines
	[ "$status" -lt 124 ] || fail "$name ($fmt): status $status (timeout or signal)"
	case $status in 0 | 1) ;; *) fail "$name ($fmt): status $status" ;; esac
	mapfile -t lines <"$ERR"
	stderr=$(<"$ERR")
	case $stderr in *Sanitizer* | *"runtime error"*) fail "$name ($fmt): $stderr" ;; esac
	[ ${#lines[@]} -le "$nprob" ] ||
		fail "$name ($fmt): ${#lines[@]} stderr lines: $stderr"
	if [ "$status" -ne 0 ] && [ ${#lines[@]} -eq 0 ]; then
		fail "$name ($fmt): status $status without a message"
	fi
	if [ "$status" -eq 0 ] && [ "$fmt" != prom ] && [ ! -s "$OUT" ]; then
		fail "$name ($fmt): status 0 and no output"
	fi
	[ -s "$OUT" ] || return 0
	case $fmt in
	text)
		! LC_ALL=C grep -qaP '[\x00-\x09\x0b-\x1f\x7f]' "$OUT" ||
			fail "$name: raw control character in text output"
		;;
	json)
		# checked in one jq run per batch (jq's start-up is the cost)
		cp "$OUT" "$BATS_TEST_TMPDIR/json.${#JSON_NAMES[@]}"
		JSON_NAMES+=("$name")
		[ -n "$BATCH" ] || flush_json
		;;
	tsv)
		LC_ALL=C awk -F '\t' 'NR == 1 { w = NF; if ($1 !~ /^[a-z]+$/) {
			print "no header"; bad = 1 } }
		    NF != w { print "line " NR ": " NF " fields"; bad = 1 }
		    END { exit bad }' "$OUT" || fail "$name: ragged TSV"
		;;
	prom)
		LC_ALL=C awk '
		    /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* / { next }
		    /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? [-+0-9.eEInfaN]+$/ { next }
		    { print "bad line " NR ": " $0; bad = 1 } END { exit bad }' \
		    "$OUT" || fail "$name: malformed exposition"
		;;
	esac
}

# one NAME FMT NPROBLEMS ARGS...: run procsmem once on $P and judge it.
one() {
	local name=$1 fmt=$2 nprob=$3
	shift 3
	timeout 10 "${ASUSER[@]}" "$PROCSMEM" --procfs "$P" -o "$fmt" "$@" >"$OUT" 2>"$ERR" &&
	    status=0 || status=$?
	judge "$name $*" "$fmt" "$nprob"
}

# check_case NAME [NPROBLEMS]: the views and formats on $P.  $STATUS is
# the status of the default view in JSON.
check_case() {
	local name=$1 nprob=${2:-1} fmt outer=${BATCH-}
	local BATCH=1
	for fmt in text tsv prom json; do
		one "$name" $fmt "$nprob" -t -c "pid user name command swap uss pss rss"
	done
	STATUS=$status
	STDERR=$stderr
	for fmt in text tsv json prom; do
		one "$name" $fmt "$nprob" -m -t
	done
	one "$name" text "$nprob" --smaps -c "pid name maps vss uss"
	one "$name" json "$nprob" -u
	one "$name" json "$nprob" -w
	[ -n "$outer" ] || flush_json
}

# each_file KIND: a fresh tree per file of $FILES, that file made KIND
# by mutate, then check_case; $STATUS_file and $STDERR_file keep the
# outcome for file (100/stat -> STATUS_100_stat).
each_file() {
	local f v BATCH=1
	for f in $FILES; do
		fresh
		mutate "$1" "$P/$f"
		check_case "$1 $f"
		v=${f//\//_}
		printf -v "STATUS_$v" %s "$STATUS"
		printf -v "STDERR_$v" %s "$STDERR"
	done
	flush_json
}

mutate() {
	local kind=$1 f=$2 size
	case $kind in
	empty) rm -rf "$f"; : >"$f" ;;
	truncated)
		size=$(stat -c %s "$f")
		truncate -s $((size / 2)) "$f"
		;;
	no-newline)
		[ "$(tail -c 1 "$f" | od -An -tx1)" != " 0a" ] || truncate -s -1 "$f"
		;;
	garbage) cat "$BATS_FILE_TMPDIR/garbage9" >"$f" ;;
	prefix-garbage) { head -c 24 "$FIX/${f#"$P"/}"; cat "$BATS_FILE_TMPDIR/garbage7"; } >"$f" ;;
	huge)
		# 2^64-1, 2^64 and far past it, in turn, for every number
		perl -pi -e 's/\d+/(qw(18446744073709551615 18446744073709551616
		    999999999999999999999999999999))[$i++ % 3]/ge' "$f"
		;;
	negative) sed -E -i 's/(^|[^0-9-])([0-9]+)/\1-\2/g' "$f" ;;
	nul) sed -i 's/[ :=]/&\x00/2' "$f"; printf '\0' >>"$f" ;;
	directory) rm -rf "$f"; mkdir "$f" ;;
	loop) rm -rf "$f"; ln -s "${f##*/}" "$f" ;;
	fifo) rm -rf "$f"; mkfifo "$f" ;;
	device) rm -rf "$f"; ln -s /dev/zero "$f" ;;
	missing) rm -rf "$f" ;;
	unreadable) chmod 000 "$f" ;;
	esac
}

@test "procsmem hostile: empty files" {
	each_file empty
	# an empty stat or smaps_rollup is a process that exited: skipped
	[ "$STATUS_100_stat" -eq 0 ]
	[ "$STATUS_meminfo" -eq 1 ]
}

@test "procsmem hostile: truncated files" {
	each_file truncated
}

@test "procsmem hostile: files without the final newline" {
	each_file no-newline
	[ "$STATUS_100_stat" -eq 0 ]
	[ "$STATUS_100_smaps_rollup" -eq 0 ]
	[ "$STATUS_meminfo" -eq 0 ]
}

@test "procsmem hostile: binary garbage, whole and after a valid prefix" {
	each_file garbage
	[ "$STATUS_100_stat" -eq 1 ]
	[[ $STDERR_100_stat == *"parse $P/100/stat"* ]]
	each_file prefix-garbage
}

@test "procsmem hostile: numbers at and past 2^64" {
	each_file huge
}

@test "procsmem hostile: negative numbers" {
	each_file negative
}

@test "procsmem hostile: NUL bytes inside files" {
	each_file nul
}

@test "procsmem hostile: directories where files should be" {
	each_file directory
	[ "$STATUS_100_stat" -eq 1 ]
	[[ $STDERR_100_stat == *"100/stat: Is a directory"* ]]
}

@test "procsmem hostile: symlink loops" {
	each_file loop
	[ "$STATUS_100_smaps_rollup" -eq 1 ]
	[[ $STDERR_100_smaps_rollup == *"Too many levels of symbolic links"* ]]
}

@test "procsmem hostile: FIFOs are refused, never waited on" {
	each_file fifo
	[ "$STATUS_100_cmdline" -eq 1 ]
	[[ $STDERR_100_cmdline == *"100/cmdline: not a regular file"* ]]
	[ "$STATUS_meminfo" -eq 1 ]
}

@test "procsmem hostile: /dev/zero links are refused, never read" {
	each_file device
	[ "$STATUS_100_smaps_rollup" -eq 1 ]
	[[ $STDERR_100_smaps_rollup == *"100/smaps_rollup: not a regular file"* ]]
}

@test "procsmem hostile: missing files" {
	each_file missing
	# no stat: the process is gone, skipped silently
	[ "$STATUS_100_stat" -eq 0 ]
	[ -z "$STDERR_100_stat" ]
	[ "$STATUS_meminfo" -eq 1 ]
}

@test "procsmem hostile: unreadable files (as a normal user)" {
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv >/dev/null ||
			skip "root reads mode-000 files and setpriv(1) is missing"
		ASUSER=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
		"${ASUSER[@]}" true 2>/dev/null || skip "cannot run as nobody"
	fi
	# bats' own directories are private: a tree nobody can walk
	NOBODY_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pskit-procsmem.XXXXXX")
	chmod 755 "$NOBODY_DIR"
	P=$NOBODY_DIR/proc
	each_file unreadable
	# a process that cannot be read is counted, not fatal
	[ "$STATUS_100_stat" -eq 0 ]
	# exactly "1 process": the plural would read "1 processes"
	[[ $STDERR_100_stat == *": 1 process could not be read (permission denied)"* ]]
	[ "$STATUS_meminfo" -eq 1 ]
	[[ $STDERR_meminfo == *"meminfo: Permission denied"* ]]
}

@test "procsmem hostile: PID entries that are files, FIFOs, loops, devices" {
	local kind
	for kind in empty fifo loop device; do
		fresh
		mutate $kind "$P/100"
		check_case "$kind 100"
	done
}

@test "procsmem hostile: 1 MiB comm, cmdline argument, mapping name, lines" {
	local mib s
	mib=$(head -c 1048576 /dev/zero | tr '\0' x)
	fresh
	s=$(<"$FIX/100/stat")
	printf '%s\n' "${s/(pkhog)/($mib)}" >"$P/100/stat"
	printf 'pkhog\0%s\0' "$mib" >"$P/100/cmdline"
	{ printf '%s: 1 kB\n' "$mib"; cat "$FIX/100/smaps_rollup"; } >"$P/100/smaps_rollup"
	{ cat "$FIX/100/smaps"; printf '7f0000000000-7f0000001000 r--p 00000000 08:01 1 /%s\n' "$mib"
	  printf 'Rss: 4 kB\nPss: 4 kB\nPrivate_Clean: 4 kB\n'; } >"$P/100/smaps"
	{ printf '%s: 1 kB\n' "$mib"; cat "$FIX/meminfo"; } >"$P/meminfo"
	check_case long-lines
	[ "$STATUS" -eq 0 ]
	one long json 0 -c "pid name command" -P pkhog
	# comm is kept to a bounded prefix (the kernel's is 15 bytes)
	jq -e '.[] | select(.pid == 100) | .name | test("^x{15,1024}$")' "$OUT"
	[ "$(jq -r '.[] | select(.pid == 100) | .command | length' "$OUT")" -eq 1048582 ]
	one long json 0 -m
	[ "$(jq '[.[] | select(.map | length == 1048577)] | length' "$OUT")" -eq 1 ]
}

@test "procsmem hostile: NUL bytes and control characters in comm and cmdline" {
	fresh
	sed -i 's/(pkhog)/(a\tb\nc\x1b[31md\x00e)/' "$P/100/stat"
	printf '/bin/x\x1b]0;pwn\x07\tq\nr\0\xff\xfe--\0' >"$P/100/cmdline"
	check_case control 0
	[ "$STATUS" -eq 0 ]
	one control json 0 -c "pid name command"
	[ "$(jq -c '.[] | select(.pid == 100) | [.name, .command]' "$OUT")" = \
	    '["a\tb\nc\u001b[31md",[47,98,105,110,47,120,27,93,48,59,112,119,110,7,9,113,10,114,32,255,254,45,45]]' ]
	one control text 0 -c "pid name"
	grep -qF 'a\011b\012c\033[31md' "$OUT"
}

@test "procsmem hostile: every process broken at once" {
	local d
	fresh
	for d in "$P"/[0-9]*; do
		cat "$BATS_FILE_TMPDIR/garbage9" >"$d/stat"
	done
	# one line per process that could not be parsed
	check_case all-broken 5
	[ "$STATUS" -eq 1 ]
}

@test "procsmem hostile: a /proc without any process" {
	fresh
	rm -rf "${P:?}"/[0-9]*
	check_case empty-proc 0
	[ "$STATUS" -eq 0 ]
	one empty-proc json 0
	[ "$(jq length "$OUT")" -eq 0 ]
}

@test "procsmem hostile: 2^64 kB in each of 3,000 processes: sums held, never negative" {
	local o
	python3 "$BATS_TEST_DIRNAME/bigproc.py" "$P" 3000
	# in place: every PID's smaps_rollup is this file (hard or symbolic link)
	printf '%s\n' 'Rss: 18446744073709551615 kB' 'Pss: 18446744073709551616 kB' \
	    'Private_Clean: 18446744073709551615 kB' 'Private_Dirty: -1 kB' \
	    'Private_Hugetlb: 99999999999999999999 kB' 'Swap: 18446744073709551615 kB' \
	    >"$P/.shared/smaps_rollup"
	for o in "-t" "-t -u" "-t -p" "-t -k" "--hugetlb -t"; do
		one huge-sums text 0 $o
		[ "$status" -eq 0 ]
		! grep -qE '(^| )-[0-9]' "$OUT" || fail "huge-sums $o: negative: $(tail -1 "$OUT")"
	done
	for o in "" "-u" "--hugetlb -u"; do
		one huge-sums json 0 $o
		flush_json
		jq -e '[.. | numbers | select(. < 0)] | length == 0' "$OUT"
	done
	one huge-sums prom 0
	! grep -qE ' -[0-9]' "$OUT"
}

@test "procsmem hostile: a /proc with 100,000 PIDs (20,000 under ASan)" {
	# ASan checks the scan's growth steps, which 20,000 PIDs take as
	# 100,000 do; the plain build runs the whole size
	local fmt n=100000
	[ "${SANITIZE:-}" != 1 ] || n=20000
	python3 "$BATS_TEST_DIRNAME/bigproc.py" "$P" $n
	for fmt in text tsv json prom; do
		timeout 60 "$PROCSMEM" --procfs "$P" -o $fmt -t >"$OUT" 2>"$ERR" &&
		    status=0 || status=$?
		judge big $fmt 0
		[ "$status" -eq 0 ]
		case $fmt in
		text) [ "$(wc -l <"$OUT")" -eq $((n + 3)) ] ;;	# header, rule, totals
		# -t in tsv/json: a last record of kind "total" (issue 15.7)
		tsv) [ "$(wc -l <"$OUT")" -eq $((n + 2)) ] ;;
		json) [ "$(jq length "$OUT")" -eq $((n + 1)) ] ;;
		esac
	done
	timeout 60 "$PROCSMEM" --procfs "$P" -o json -u >"$OUT" 2>"$ERR" &&
	    status=0 || status=$?
	judge big-users json 0
	[ "$(jq '.[0].count' "$OUT")" -eq $n ]
}
