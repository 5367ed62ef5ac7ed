# Shared by the hostile-input and output-fault suites (load hostile).

# The system python starts in ~20 ms; a pyenv shim first in PATH takes 100.
if [ -x /usr/bin/python3 ]; then
	HOSTILE_PY=/usr/bin/python3
else
	HOSTILE_PY=python3
fi

# json_strict [--lines]: stdin is RFC 8259 JSON (no NaN, unlike jq).
json_strict() {
	"$HOSTILE_PY" -I "$PSKIT_ROOT/tests/bats/json_strict.py" "$@"
}

# qrun CMD...: bats' `run --separate-stderr` without its cost (this runs
# hundreds of times): sets status, output and stderr; no lines array.
qrun() {
	"$@" >"$BATS_TEST_TMPDIR/qrun.out" 2>"$BATS_TEST_TMPDIR/qrun.err" && status=0 || status=$?
	output=$(<"$BATS_TEST_TMPDIR/qrun.out")
	stderr=$(<"$BATS_TEST_TMPDIR/qrun.err")
}

# hostile_garbage DIR: DIR/garbage7 and DIR/garbage9, 64 KiB of fixed-seed
# random bytes each: the same garbage on every run.
hostile_garbage() {
	"$HOSTILE_PY" -c 'import random, sys
for seed in (7, 9):
    r = random.Random(seed)
    with open("%s/garbage%d" % (sys.argv[1], seed), "wb") as f:
        f.write(bytes(r.randrange(256) for _ in range(65536)))' "$1"
}

# flush_json: every JSON output saved since the last flush must be one
# complete array.
JSON_NAMES=()
flush_json() {
	local i files=()
	[ ${#JSON_NAMES[@]} -gt 0 ] || return 0
	for i in "${!JSON_NAMES[@]}"; do
		files+=("$BATS_TEST_TMPDIR/json.$i")
	done
	if ! jq -en '[inputs | type == "array"] | all' "${files[@]}" >/dev/null 2>&1; then
		for i in "${!JSON_NAMES[@]}"; do
			jq -e 'type == "array"' "${files[$i]}" >/dev/null 2>&1 ||
				fail "${JSON_NAMES[$i]}: invalid or partial JSON: $(head -c 200 "${files[$i]}")"
		done
	fi
	rm -f "${files[@]}"
	JSON_NAMES=()
}

