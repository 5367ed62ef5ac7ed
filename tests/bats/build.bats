#!/usr/bin/env bats
# How the binaries are linked (issue 20 item 1, README "Performance"):
# libbsd and libmd statically where their archives exist, glibc dynamically
# (NSS), everything dynamic with STATIC=0 and on sanitizer builds.

load helper
bats_require_minimum_version 1.5.0

archives() {
	local a
	for a in libbsd.a libmd.a; do
		[ -f "$(${CC:-cc} -print-file-name=$a)" ] || return 1
	done
}

@test "default build: libbsd and libmd static, glibc dynamic" {
	[ "${SANITIZE:-}" != 1 ] || skip "sanitizer builds link dynamically"
	archives || skip "libbsd.a/libmd.a not installed (libbsd-dev ships them)"
	command -v ldd >/dev/null || skip "no ldd"
	local c
	for c in free ifconfig iostat procinfo procsmem winservices; do
		run -0 ldd "$PSKIT_BIN/$c"
		assert_output --partial "libc.so"
		refute_output --partial "libbsd"
		refute_output --partial "libmd"
	done
}

@test "STATIC=0 links libbsd dynamically (make -n shows the link line)" {
	run -0 make -C "$PSKIT_ROOT" -n -B STATIC=0 bin/free
	assert_output --regexp "-o bin/free .*-lbsd"
	refute_output --partial "-Bstatic"
}
