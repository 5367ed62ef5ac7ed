#!/usr/bin/env bats
# procinfo on hostile /proc trees (issue 9, part 4).  Each test copies the
# captured "sleep" fixture to $BATS_TEST_TMPDIR, breaks one file at a time
# (each per-process file in turn) and runs every output format under a
# timeout.  A case passes when it ends with a documented status (0, 1, 3),
# never a signal or a hang, with at most one stderr line per PID, a
# message whenever the status is not 0, no raw control character in text,
# and complete structured output: a JSON array, TSV rows of the header's
# width, Prometheus lines of the exposition format.

bats_require_minimum_version 1.5.0
load helper
load hostile

PROCINFO=${PROCINFO:-$PSKIT_BIN/procinfo}
PID=18810
# Every file below /proc/PID that procinfo reads, and the system files.
FILES="$PID/stat $PID/status $PID/statm $PID/io $PID/limits $PID/smaps_rollup
$PID/smaps $PID/cmdline $PID/environ $PID/task/$PID/stat stat meminfo
18809/stat 18809/cmdline"

setup_file() {
	hostile_garbage "$BATS_FILE_TMPDIR"
}

setup() {
	P=$BATS_TEST_TMPDIR/proc
	FIX=$PSKIT_FIXTURES/procinfo/sleep/proc
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

# judge NAME FMT NPIDS: the rules above, on $status, $OUT and $ERR.
# (Plain redirections, not bats' run: hundreds of runs stay fast.)
judge() {
	local name=$1 fmt=$2 npids=$3 lines
	[ "$status" -lt 124 ] || fail "$name ($fmt): status $status (timeout or signal)"
	case $status in 0 | 1 | 3) ;; *) fail "$name ($fmt): status $status" ;; esac
	mapfile -t lines <"$ERR"
	stderr=$(<"$ERR")
	case $stderr in *Sanitizer* | *"runtime error"*) fail "$name ($fmt): $stderr" ;; esac
	[ ${#lines[@]} -le "$npids" ] ||
		fail "$name ($fmt): ${#lines[@]} stderr lines: $stderr"
	if [ "$status" -ne 0 ] && [ ${#lines[@]} -eq 0 ]; then
		fail "$name ($fmt): status $status without a message"
	fi
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
		LC_ALL=C awk -F '\t' 'NR == 1 && $0 != "pid\tfield\tindex\tvalue" {
			print "no header"; bad = 1 }
		    NF != 4 { print "line " NR ": " NF " fields"; bad = 1 }
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

# check_case NAME [PID...]: every format on $P (default PID $PID).
check_case() {
	local name=$1 fmt pids
	shift
	pids=("$@")
	[ ${#pids[@]} -gt 0 ] || pids=("$PID")
	for fmt in json text tsv prom; do
		timeout 10 "${ASUSER[@]}" "$PROCINFO" -v --procfs "$P" -o $fmt "${pids[@]}" \
		    >"$OUT" 2>"$ERR" && status=0 || status=$?
		judge "$name" $fmt ${#pids[@]}
	done
}

# each_file KIND: a fresh tree per file of $FILES, that file made KIND
# by mutate, then check_case.  $STATUS_stat and $STDERR_stat keep the
# outcome of the run where PID/stat was broken (the other files only
# leave fields absent).
each_file() {
	local f BATCH=1
	for f in $FILES; do
		fresh
		mutate "$1" "$P/$f"
		check_case "$1 $f"
		if [ "$f" = $PID/stat ]; then
			STATUS_stat=$status
			STDERR_stat=$stderr
		fi
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

@test "procinfo hostile: empty files" {
	each_file empty
	[ "$STATUS_stat" -eq 1 ]
}

@test "procinfo hostile: truncated files" {
	each_file truncated
}

@test "procinfo hostile: files without the final newline" {
	each_file no-newline
	[ "$STATUS_stat" -eq 0 ]
}

@test "procinfo hostile: binary garbage, whole and after a valid prefix" {
	each_file garbage
	each_file prefix-garbage
}

@test "procinfo hostile: numbers at and past 2^64" {
	each_file huge
}

@test "procinfo hostile: negative numbers" {
	each_file negative
}

@test "procinfo hostile: NUL bytes inside files" {
	each_file nul
}

@test "procinfo hostile: directories where files should be" {
	each_file directory
	[ "$STATUS_stat" -eq 1 ]
}

@test "procinfo hostile: symlink loops" {
	each_file loop
	[ "$STATUS_stat" -eq 1 ]
}

@test "procinfo hostile: FIFOs are refused, never waited on" {
	each_file fifo
	[ "$STATUS_stat" -eq 1 ]
	[[ $STDERR_stat == *"stat: not a regular file"* ]]
}

@test "procinfo hostile: /dev/zero links are refused, never read" {
	each_file device
	[ "$STATUS_stat" -eq 1 ]
	[[ $STDERR_stat == *"stat: not a regular file"* ]]
}

@test "procinfo hostile: missing files; a missing stat means no such process" {
	each_file missing
	[ "$STATUS_stat" -eq 3 ]
	[[ $STDERR_stat == *"$PID: no such process"* ]]
}

@test "procinfo hostile: unreadable files (as a normal user)" {
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv >/dev/null ||
			skip "root reads mode-000 files and setpriv(1) is missing"
		ASUSER=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
		"${ASUSER[@]}" true 2>/dev/null || skip "cannot run as nobody"
	fi
	# bats' own directories are private: a tree nobody can walk
	NOBODY_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pskit-procinfo.XXXXXX")
	chmod 755 "$NOBODY_DIR"
	P=$NOBODY_DIR/proc
	each_file unreadable
	[ "$STATUS_stat" -eq 3 ]
	[[ $STDERR_stat == *"$PID: permission denied"* ]]
}

@test "procinfo hostile: 1 MiB comm, cmdline argument, environ value, lines" {
	local mib f s
	mib=$(head -c 1048576 /dev/zero | tr '\0' x)
	fresh
	s=$(<"$FIX/$PID/stat")
	printf '%s\n' "${s/(sleep)/($mib)}" >"$P/$PID/stat"
	printf 'sleep\0%s\0' "$mib" >"$P/$PID/cmdline"
	printf 'A=%s\0%s=1\0' "$mib" "$mib" >"$P/$PID/environ"
	for f in status statm io limits smaps_rollup smaps; do
		{ printf '%s:\t' "$mib"; cat "$FIX/$PID/$f"; } >"$P/$PID/$f"
	done
	printf '00400000-00401000 r-xp 00000000 08:01 1 /%s\n' "$mib" >>"$P/$PID/smaps"
	check_case long-lines
	[ "$status" -eq 0 ]
	run -0 --separate-stderr "$PROCINFO" --procfs "$P" --json $PID
	[ "$(jq -r '.[0].environ.A | length' <<<"$output")" -eq 1048576 ]
	[ "$(jq -r '.[0].cmdline[1] | length' <<<"$output")" -eq 1048576 ]
}

@test "procinfo hostile: NUL bytes and control characters in comm, cmdline, environ" {
	fresh
	sed -i 's/(sleep)/(a\tb\nc\x1b[31md\x00e)/' "$P/$PID/stat"
	printf '/bin/x\x1b]0;pwn\x07\tq\nr\0\xff\xfe--\0\0\0' >"$P/$PID/cmdline"
	printf 'A\0B=\x1b[2J\0=x\0K\x01\xff=v\xfe\0\0C=1\0' >"$P/$PID/environ"
	check_case control
	[ "$status" -eq 0 ]
	run -0 --separate-stderr "$PROCINFO" --procfs "$P" --json $PID
	[ "$(jq -c '.[0] | [.name, .cmdline, .environ]' <<<"$output")" = \
	    '["a\tb\nc\u001b[31md",["/bin/x\u001b]0;pwn\u0007\tq\nr",[255,254,45,45],"",""],{"B":"\u001b[2J","\u00004b01ff":[118,254]}]' ]
}

@test "procinfo hostile: the PID, fd and task entries are not directories" {
	local d
	for d in $PID/fd $PID/task $PID/fd/1 $PID/exe $PID/cwd; do
		fresh
		rm -rf "${P:?}/$d"
		: >"$P/$d"
		check_case "file $d"
		[ "$status" -eq 0 ]
	done
	for d in $PID/fd $PID/task; do
		fresh
		rm -rf "${P:?}/$d"
		mkfifo "$P/$d"
		check_case "fifo $d"
		[ "$status" -eq 0 ]
	done
	fresh
	rm -rf "${P:?}/$PID"
	: >"$P/$PID"
	check_case "file $PID"
	[ "$status" -eq 3 ]
	fresh
	rm -rf "${P:?}/$PID"
	ln -s $PID "$P/$PID"
	check_case "loop $PID"
	[ "$status" -eq 1 ]
}

@test "procinfo hostile: several PIDs, one broken, the others still reported" {
	fresh
	cp -a "$P/$PID" "$P/4242"
	: >"$P/4242/stat"
	check_case several $PID 4242 999999
	[ "$status" -eq 3 ]
	run -3 --separate-stderr "$PROCINFO" --procfs "$P" --json $PID 4242 999999
	[ "$(jq length <<<"$output")" -eq 1 ]
}

@test "procinfo hostile: a /proc without any process" {
	fresh
	rm -rf "${P:?}"/[0-9]*
	check_case empty-proc
	[ "$status" -eq 3 ]
}

@test "procinfo hostile: a /proc with 100,000 PIDs, one parent of them all" {
	local fmt
	python3 "$BATS_TEST_DIRNAME/bigproc.py" "$P" 100000 stat
	for fmt in text tsv json prom; do
		timeout 60 "$PROCINFO" --procfs "$P" -o $fmt 1 >"$OUT" 2>"$ERR" &&
		    status=0 || status=$?
		judge big $fmt 1
		[ "$status" -eq 0 ]
		[ $fmt != json ] || [ "$(jq '.[0].children | length' "$OUT")" -eq 99999 ]
	done
	timeout 60 "$PROCINFO" --procfs "$P" --json 100001 >"$OUT" 2>"$ERR" &&
	    status=0 || status=$?
	judge big-missing json 1
	[ "$status" -eq 3 ]
}
