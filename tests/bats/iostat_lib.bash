# iostat_lib.bash: shared by scripts/golden-iostat.sh and the iostat bats
# files.  Sourced.

IOSTAT_FAKETIME=${IOSTAT_FAKETIME:-@2024-01-15 10:20:30}

# iostat_env [VAR=value...] CMD ARGS...: run CMD in the fixed environment;
# "@SYS@" in ARGS becomes $IOSTAT_SYS (the sys tree the tool reads).
iostat_env() {
	local -a envs=() args=()
	local a
	while [ $# -gt 0 ] && [[ $1 == [A-Z_]*=* ]]; do
		envs+=("$1")
		shift
	done
	for a in "$@"; do
		args+=("${a//@SYS@/${IOSTAT_SYS:-/sys}}")
	done
	# ASan's options pass through: with faketime preloaded it must not
	# insist on coming first (SANITIZE=1 builds)
	env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C TZ=UTC \
		FAKETIME_DONT_FAKE_MONOTONIC=1 \
		${ASAN_OPTIONS:+"ASAN_OPTIONS=$ASAN_OPTIONS"} \
		${UBSAN_OPTIONS:+"UBSAN_OPTIONS=$UBSAN_OPTIONS"} "${envs[@]}" \
		faketime -f "$IOSTAT_FAKETIME" timeout 20 "${args[@]}"
}

# iostat_norm: the banner's release and host name made fixed words.
iostat_norm() {
	sed -e '1s/^Linux [^ ]* ([^)]*) /Linux @RELEASE@ (@HOST@) /' \
		-e 's/^\(\t*"nodename": \)".*",$/\1"@HOST@",/' \
		-e 's/^\(\t*"release": \)".*",$/\1"@RELEASE@",/'
}

# iostat_optsets FIXTURE: "kind|name|envs|options" lines, kind s (snapshot)
# or i (interval): the common sets, the fixture's own, and the interval
# sets (common and the fixture's optsets.interval) when FIXTURE/next exists.
iostat_optsets() {
	local fx=$1 f kind name rest envs w
	local root
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
	for f in "$root/tests/golden/iostat/optsets" "$fx/optsets" \
	    "$root/tests/golden/iostat/optsets.interval" "$fx/optsets.interval"; do
		[ -f "$f" ] || continue
		kind=s
		case $f in *optsets.interval)
			[ -d "$fx/next" ] || continue
			kind=i ;;
		esac
		while read -r name rest; do
			case $name in '' | '#'*) continue ;; esac
			envs=
			while [[ $rest == [A-Z_]*=* ]]; do
				w=${rest%%[[:space:]]*}
				envs="$envs $w"
				rest=${rest#"$w"}
				rest=${rest#"${rest%%[![:space:]]*}"}
			done
			printf '%s|%s|%s|%s\n' "$kind" "$name" "$envs" "$rest"
		done <"$f"
	done
}
