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
