#!/bin/sh
# manpage.sh PREFIX FILE: FILE (man/<name>.1 or man/pskit-prom.7) as
# installed with PROG_PREFIX=PREFIX, on stdout.  The one source in man/
# names the bare commands; the installed page names them as the user
# types them: .Dt and .Nm of NAME (so every bare .Nm of SYNOPSIS follows),
# the command that starts each example line of EXAMPLES, and pskit-prom(7)'s
# cross references to the six pages.
set -eu
[ $# -eq 2 ] || { echo "usage: manpage.sh PREFIX FILE" >&2; exit 2; }
prefix=$1
file=$2
[ -z "$prefix" ] && exec cat "$file"
# sub() on the line, not $n =, so the rest of each line keeps its spacing
awk -v p="$prefix" '
BEGIN { c = "(free|ifconfig|iostat|procinfo|procsmem|winservices)" }
/^\.Sh / { sect = substr($0, 5) }
/^\.Dt / && $2 != "PSKIT-PROM" { sub(/^\.Dt /, ".Dt " toupper(p)) }
sect == "NAME" && $0 ~ "^\\.Nm " c "$" { sub(/^\.Nm /, ".Nm " p) }
FILENAME ~ /pskit-prom\.7$/ && $0 ~ "^\\.Xr " c " " { sub(/^\.Xr /, ".Xr " p) }
sect == "EXAMPLES" && $0 ~ "^\\.Dl (\\$ )?" c "( |$)" {
	if ($0 ~ /^\.Dl \$ /) sub(/^\.Dl \$ /, ".Dl $ " p)
	else sub(/^\.Dl /, ".Dl " p)
}
{ print }
' "$file"
