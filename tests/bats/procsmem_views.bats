#!/usr/bin/env bats
# procsmem's extra views (issue 19 items 7, 8).
# --psutil: differential against psutil 5.9.4's scripts/procsmem.py, both run in a
# private PID namespace (unshare -p -f --mount-proc) on processes the test starts and
# stops (tests/bats/procsmem-hog.c, static), so the two runs see the same processes but
# for each tool's own row and the namespace's PID 1 (the launching shell, whose heap
# moves between the runs): those rows are filtered out by PID.
# --pie/--bar: differential against smem 1.5 with matplotlib replaced by a recorder
# (tests/bats/pylab_stub), the SVG read back by tests/bats/chartcmp.py; xmllint and
# rsvg-convert on the documents; hostile names.

load helper
bats_require_minimum_version 1.5.0

SCRIPT=/work/shared/tools/psutil-5.9.4-scripts/procsmem.py
[ -r "$SCRIPT" ] || SCRIPT=$PSKIT_ROOT/../shared/tools/psutil-5.9.4-scripts/procsmem.py

setup_file() {
	export PSMEM="${PROCSMEM:-$PSKIT_BIN/procsmem}"
	export FIX=$PSKIT_FIXTURES/procsmem/basic
}

need_psutil_ns() {
	[ "$(id -u)" -eq 0 ] || skip "needs root (PID and mount namespaces)"
	[ -r "$SCRIPT" ] || skip "psutil's procsmem.py not found"
	/usr/bin/python3 -c 'import psutil; assert psutil.__version__ == "5.9.4"' \
		2>/dev/null || skip "needs Debian's python3-psutil 5.9.4"
	unshare -p -f --mount-proc true 2>/dev/null ||
		skip "unshare -p -f --mount-proc failed: no PID namespaces here"
	local d=$BATS_FILE_TMPDIR
	if [ ! -x "$d/pkhog" ]; then
		cc -static -O1 -o "$d/pkhog" "$BATS_TEST_DIRNAME/procsmem-hog.c" ||
			skip "cannot build a static procsmem-hog"
		mkdir -p "$d/u"
		cp "$d/pkhog" "$d/u/pkhög-ünïcödé-ñame-that-is-rather-long-für-ééééé"
	fi
}

# ns_run MODE [AS...]: run tests/bats/psutil_ns.sh in a new PID namespace.
ns_run() {
	local mode=$1
	shift
	rm -f "$BATS_FILE_TMPDIR"/p[yk].*
	# a UTF-8 locale: both print valid UTF-8 as it is (DESIGN.md "Output")
	LC_ALL=C.UTF-8 AS="$*" SCRIPT=$SCRIPT PSMEM=$PSMEM timeout 120 unshare -p -f --mount-proc \
		"$BATS_TEST_DIRNAME/psutil_ns.sh" "$BATS_FILE_TMPDIR" "$mode"
}

# rows TOOL: its report without PID 1 and without the tools' own rows.
rows() {
	local d=$BATS_FILE_TMPDIR
	awk -v a="$(cat "$d/py.pid")" -v b="$(cat "$d/pk.pid")" \
		'$1 != 1 && $1 != a && $1 != b' "$d/$1.out"
}

@test "psutil: --psutil equals procsmem.py (sizes, zombie, UTF-8 cut at 50)" {
	need_psutil_ns
	ns_run few
	local d=$BATS_FILE_TMPDIR
	assert_equal "$(cat "$d/py.rc") $(cat "$d/pk.rc")" "0 0"
	assert_equal "$(cat "$d/pk.err")" "$(cat "$d/py.err")"
	# header, rule, 5 hogs (the zombie child is not listed)
	assert_equal "$(rows py | wc -l)" 7
	diff <(rows py) <(rows pk) || fail "--psutil differs from procsmem.py"
	# 50 characters end exactly after the five é (50 bytes would end earlier)
	grep -q ' \./pkhög-.*-für-ééééé$' "$d/pk.out" ||
		fail "the UTF-8 command line was not cut at 50 characters"
}

@test "psutil: more than 86 processes: both print the 86 smallest, same order" {
	need_psutil_ns
	ns_run many
	local d=$BATS_FILE_TMPDIR
	assert_equal "$(cat "$d/py.rc") $(cat "$d/pk.rc")" "0 0"
	assert_equal "$(wc -l <"$d/py.out")" 88
	# equal USS ties keep PID order (Python's stable sort)
	cmp <(rows py) <(rows pk) || fail "$(diff <(rows py) <(rows pk))"
}

@test "psutil: as another user: the same access-denied warning" {
	need_psutil_ns
	command -v setpriv >/dev/null || skip "setpriv not installed"
	ns_run few setpriv --reuid=65534 --regid=65534 --clear-groups
	local d=$BATS_FILE_TMPDIR
	[ "$(cat "$d/py.rc")" -eq 0 ] || skip "nobody cannot run python3 here"
	assert_equal "$(cat "$d/pk.rc")" 0
	assert_equal "$(cat "$d/pk.err")" "$(cat "$d/py.err")"
	[[ "$(cat "$d/pk.err")" =~ ^warning:\ access\ denied\ for\ [0-9]+\ pids$ ]] ||
		fail "no warning: $(cat "$d/pk.err")"
	cmp <(rows py) <(rows pk)
}

# psutil_fixture DIR: a proc root that psutil (PROCFS_PATH) and procsmem --procfs both
# read, one process per stdin line "USS_KB RSS_PAGES UID CMDLINE" (CMDLINE a printf
# format): PSS = 4/3 USS, Private_Hugetlb 2 kB (psutil counts it in USS), Swap USS % 5.
psutil_fixture() {
	local d=$1/proc pid=300 uss rss uid cmd
	mkdir -p "$d"
	printf 'cpu  1 0 1 1 0 0 0 0 0 0\nbtime 1700000000\n' >"$d/stat"
	while read -r uss rss uid cmd; do
		pid=$((pid + 1))
		mkdir "$d/$pid"
		printf '%s (p%s) S 1 %s %s 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 100 9420800 2195 18446744073709551615 4198400 4696497 140722494115328 0 0 0 0 6 0 1 0 0 17 0 0 0 0 0 0 4863640 4887184 555376640 140722494122561 140722494122626 140722494122626 140722494123998 19\n' \
			"$pid" "$pid" "$pid" "$pid" >"$d/$pid/stat"
		printf 'Name:\tp%s\nUid:\t%s\t%s\t%s\t%s\nGid:\t0\t0\t0\t0\n' \
			"$pid" "$uid" "$uid" "$uid" "$uid" >"$d/$pid/status"
		printf '%s %s 0 0 0 0 0\n' "$rss" "$rss" >"$d/$pid/statm"
		printf '00400000-7fff00000000 ---p 00000000 00:00 0 [rollup]\nRss: 0 kB\nPss: %s kB\nPrivate_Clean: 0 kB\nPrivate_Dirty: %s kB\nPrivate_Hugetlb: 2 kB\nSwap: %s kB\n' \
			"$((uss + uss / 3))" "$uss" "$((uss % 5))" >"$d/$pid/smaps_rollup"
		# shellcheck disable=SC2059
		printf "$cmd" >"$d/$pid/cmdline"
	done
}

# psutil_run PROCFS: scripts/procsmem.py with psutil.PROCFS_PATH set.
psutil_run() {
	/usr/bin/python3 -c 'import sys, runpy, psutil
psutil.PROCFS_PATH = sys.argv[1]
sys.argv = [sys.argv[2]]
runpy.run_path(sys.argv[0], run_name="__main__")' "$1" "$SCRIPT"
}

@test "psutil: --psutil equals procsmem.py on a fixture (units, users, cmdlines, 86 rows)" {
	[ -r "$SCRIPT" ] || skip "psutil's procsmem.py not found"
	/usr/bin/python3 -c 'import psutil; assert psutil.__version__ == "5.9.4"' \
		2>/dev/null || skip "needs Debian's python3-psutil 5.9.4"
	local d=$BATS_TEST_TMPDIR/pf i list
	list='1 0 0 a\0
1021 1 0 \0
1022 255 65534 sh\0-c\0x\0
1048523 256 4242 /usr/bin/some-rather-long-command\0--with --many args that go past fifty characters\0
1048574 1000 0 chrome --type=renderer --field-trial-handle=1\0
1073741822 262144 0 one arg with spaces\0
1099511627774 0 0 no-nul-at-end
0 5 0 zero-uss-but-hugetlb\0
5 5 0 tie\0
5 5 0 tie2\0'
	psutil_fixture "$d" <<<"$list"
	run psutil_run "$d/proc"
	assert_success
	local want=$output
	run "$PSMEM" --psutil --procfs "$d/proc"
	assert_success
	assert_equal "$output" "$want"
	# more than 86 processes: the 86 smallest
	{ echo "$list"; for i in $(seq 90); do echo "$((i % 7 + 3)) 3 0 small$i\\0"; done; } |
		psutil_fixture "$d/more"
	run psutil_run "$d/more/proc"
	want=$output
	run "$PSMEM" --psutil --procfs "$d/more/proc"
	assert_equal "$output" "$want"
	assert_equal "${#lines[@]}" 88
}

@test "psutil: fixture (-S), -q, --outfile and the refused formats" {
	run --separate-stderr "$PSMEM" --psutil -S "$FIX"
	assert_success
	assert_equal "${lines[0]}" "PID     User        USS     PSS    Swap     RSS Cmdline"
	assert_equal "${#lines[@]}" 2	# no statm in the fixture: not listed
	# smem's view options do not change procsmem.py's report
	psutil_fixture "$BATS_TEST_TMPDIR/o" <<<$'5 5 0 a\\0\n70 1 0 b\\0'
	run "$PSMEM" --psutil --procfs "$BATS_TEST_TMPDIR/o/proc"
	assert_equal "${#lines[@]}" 4
	assert_equal "$("$PSMEM" --psutil --procfs "$BATS_TEST_TMPDIR/o/proc" -u -t -k -r -s uss)" \
		"$output"
	run --separate-stderr "$PSMEM" --psutil -o json
	assert_equal "$status" 2
	assert_equal "$stderr" "procsmem: --psutil prints procsmem.py's text report only (no -o)"
	local f=$BATS_TEST_TMPDIR/out.txt
	run "$PSMEM" --psutil -q --outfile "$f"
	assert_success
	assert_output ""
	assert_equal "$(head -c 7 "$f")" "PID    "
}

# smem with the pylab recorder, and procsmem, on the fixture; compare.
chart_vs_smem() {
	local o=$1 js=$BATS_TEST_TMPDIR/smem.json svg=$BATS_TEST_TMPDIR/chart.svg
	rm -f "$js"
	eval "PYLAB_OUT=$js PYTHONPATH=$BATS_TEST_DIRNAME/pylab_stub /usr/bin/python3 \
		/usr/bin/smem -S '$FIX' -P '^pkhog' $o" >/dev/null ||
		{ echo "smem failed [$o]"; return 1; }
	eval "'$PSMEM' --smaps -S '$FIX' -P '^pkhog' $o" >"$svg" ||
		{ echo "procsmem failed [$o]"; return 1; }
	xmllint --noout "$svg" || { echo "invalid XML [$o]"; return 1; }
	python3 "$BATS_TEST_DIRNAME/chartcmp.py" smem "$svg" "$js" ||
		{ echo "[$o]"; return 1; }
}

@test "charts: --pie and --bar draw what smem draws (matplotlib calls recorded)" {
	[ -x /usr/bin/smem ] || skip "smem not installed"
	local o fails=()
	for o in "--pie name -R 32M" "--pie name" "--pie pid -s uss -R 64M -r" \
	    "--pie name -R 64M" "--pie name -R 256M" "--pie name -R 1G" \
	    "--pie name -R 24M -s rss" "-u --pie user -R 16M" "-m --pie map -R 8M" \
	    "-w --pie area" "--pie name --bar pid -R 32M" "--bar name" \
	    "--bar command -c 'pid uss rss'" "-m --bar map" "-n -u --bar user" \
	    "-w --bar area -c 'area used cache'" "--bar name -r -s uss -k"; do
		chart_vs_smem "$o" || fails+=("$o")
	done
	[ "${#fails[@]}" -eq 0 ] || fail "differs from smem: ${fails[*]}"
}

# fold_fixture DIR: a proc root for -S with one process per size below (kB of
# Rss = Pss = Private_Dirty), chosen so that smem's pie folds slices by both of its
# rules (cumulative under 2% of -R 100M, and single ones under 0.5%).
fold_fixture() {
	local d=$1/proc pid=200 kb
	mkdir -p "$d"
	cp "$FIX/proc/meminfo" "$d/meminfo"
	for kb in 50000 20000 3000 500 500 500 400 400 300 200 100 100 0; do
		pid=$((pid + 1))
		mkdir "$d/$pid"
		printf '%s (pkhog%s) S 1 %s %s 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 1 0 0\n' \
			"$pid" "$pid" "$pid" "$pid" >"$d/$pid/stat"
		printf 'pkhog%s\0' "$pid" >"$d/$pid/cmdline"
		printf '00400000-00401000 rw-p 00000000 00:00 0 \nSize: %s kB\nRss: %s kB\nPss: %s kB\nShared_Clean: 0 kB\nShared_Dirty: 0 kB\nPrivate_Clean: 0 kB\nPrivate_Dirty: %s kB\nReferenced: %s kB\nSwap: 0 kB\n' \
			"$kb" "$kb" "$kb" "$kb" "$kb" >"$d/$pid/smaps"
	done
}

@test "charts: the pie folds small slices into other as smem does" {
	[ -x /usr/bin/smem ] || skip "smem not installed"
	local o fails=()
	fold_fixture "$BATS_TEST_TMPDIR/fold"
	FIX=$BATS_TEST_TMPDIR/fold
	for o in "--pie name -R 100M" "--pie name -R 20M" "--pie pid -R 1G -s rss" "--pie name -R 1M" \
	    "--pie name -R 60M -r" "--bar name -R 100M"; do
		chart_vs_smem "$o" || fails+=("$o")
	done
	[ "${#fails[@]}" -eq 0 ] || fail "differs from smem: ${fails[*]}"
	"$PSMEM" -S "$FIX" --smaps --pie name -R 100M | grep -q 'data-label="other" data-value="3000"' ||
		fail "no other slice of 3000 kB"
}

@test "charts: labels and values match -o tsv of the same run" {
	local svg=$BATS_TEST_TMPDIR/c.svg tsv=$BATS_TEST_TMPDIR/c.tsv
	"$PSMEM" -S "$FIX" --pie name -R 96M >"$svg"
	"$PSMEM" -S "$FIX" -o tsv -R 96M >"$tsv"
	run python3 "$BATS_TEST_DIRNAME/chartcmp.py" tsv "$svg" "$tsv" name pss 98304
	assert_success
	# and one slice is folded into "other" here, so the fold is checked too
	grep -q 'data-label="other"' "$svg" || fail "no other slice"
	"$PSMEM" -S "$FIX" --bar name -s uss -c "pid uss pss rss swap" >"$svg"
	"$PSMEM" -S "$FIX" -s uss -o tsv >"$tsv"
	run python3 "$BATS_TEST_DIRNAME/chartcmp.py" tsv "$svg" "$tsv" name uss 0
	assert_success
	assert_equal "$(grep -c 'class="bar"' "$svg")" 12
}

@test "charts: the documents validate (xmllint) and render (rsvg-convert)" {
	command -v xmllint >/dev/null || skip "xmllint not installed (libxml2-utils)"
	command -v rsvg-convert >/dev/null || skip "rsvg-convert not installed (librsvg2-bin)"
	local f=$BATS_TEST_TMPDIR/c.svg o
	for o in "--pie name -R 32M" "--bar command" "-u --pie user" "-m --bar map"; do
		rm -f "$f" "$f.png"
		eval "'$PSMEM' -S '$FIX' $o --outfile '$f'"
		xmllint --noout "$f" || fail "invalid [$o]"
		rsvg-convert -o "$f.png" "$f" || fail "does not render [$o]"
		[ "$(head -c 4 "$f.png" | od -An -c | tr -d ' ')" = '211PNG' ] ||
			fail "not a PNG [$o]"
	done
	# --cgroup's last text line is not written after a chart
	if "$PSMEM" --cgroup -q >/dev/null 2>&1; then
		"$PSMEM" --cgroup -q --pie name >"$f"
		xmllint --noout "$f" || fail "--cgroup --pie: invalid"
	fi
}

@test "charts: hostile names and command lines give well-formed XML" {
	command -v xmllint >/dev/null || skip "xmllint not installed (libxml2-utils)"
	local d=$BATS_TEST_TMPDIR/h svg=$BATS_TEST_TMPDIR/h.svg o
	cp -r "$FIX" "$d"
	# comm with markup, quotes, a control byte, invalid UTF-8, U+FFFE, a C1
	printf '100 (<a&b>"q'"'"'\001\377\357\277\276\302\205) S 1 100 100 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 1 0 0\n' \
		>"$d/proc/100/stat"
	printf '</svg>\0&amp;\0\033[31m\0\300\200\355\240\200\0' >"$d/proc/101/cmdline"
	for o in "--pie name -R 16M" "--bar name" "--pie command -R 16M" "--bar command"; do
		eval "'$PSMEM' -S '$d' $o" >"$svg" || fail "failed [$o]"
		xmllint --noout "$svg" || fail "not well-formed [$o]"
		iconv -f UTF-8 -t UTF-8 "$svg" >/dev/null || fail "not UTF-8 [$o]"
	done
	# the label reads back as the text view shows the name, with octal escapes
	"$PSMEM" -S "$d" --bar name >"$svg"
	run python3 -c 'import sys, xml.etree.ElementTree as E
r = E.parse(sys.argv[1]).getroot()
print(sorted({b.get("data-label") for b in r.iter("{http://www.w3.org/2000/svg}rect")
    if b.get("class") == "bar"})[0])' "$svg"
	assert_output '<a&b>"q'"'"'\001\377\357\277\276\302\205'
}

@test "charts: smem's errors and no-ops" {
	[ -x /usr/bin/smem ] || skip "smem not installed"
	local a b
	# an unknown FIELD is an unknown column, as in smem (exit 255)
	run "$PSMEM" -S "$FIX" --pie nosuch
	a=$output
	assert_equal "$status" 255
	run /usr/bin/smem -S "$FIX" --pie nosuch
	assert_equal "$status" 255
	assert_equal "$a" "$output"
	# an empty FIELD is no chart: the table
	a=$("$PSMEM" --smaps -S "$FIX" --pie '' -P '^pkhog')
	b=$(/usr/bin/smem -S "$FIX" --pie '' -P '^pkhog')
	assert_equal "$a" "$b"
	run --separate-stderr "$PSMEM" -S "$FIX" --pie name -o tsv
	assert_equal "$status" 2
	run --separate-stderr "$PSMEM" -S "$FIX" --pie name -s name
	assert_equal "$status" 2
	assert_equal "$stderr" "procsmem: --pie: the sort field 'name' is not a number"
}

@test "views: a failed write is 'write error', exit 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	local o
	for o in "--psutil -q" "-S $FIX --pie name" "-S $FIX --bar name"; do
		run --separate-stderr sh -c "\"\$0\" $o >/dev/full" "$PSMEM"
		assert_equal "$status" 1
		assert_equal "$stderr" "procsmem: write error"
	done
}

@test "psutil: each file of a process is opened once (strace)" {
	command -v strace >/dev/null || skip "strace not installed"
	local d=$BATS_TEST_TMPDIR/st f
	psutil_fixture "$d" <<<$'5 5 0 a\\0\n70 1 0 b\\0\n9 1 0 c\\0'
	strace -f -e trace=openat -o "$d/trace" "$PSMEM" --psutil --procfs "$d/proc" >/dev/null ||
		skip "strace cannot trace here"
	for f in smaps_rollup statm status cmdline; do
		assert_equal "$f $(grep -c "openat([0-9]*, \"$f\"" "$d/trace")" "$f 3"
	done
}
