# bash completion for pskit's six commands (installed by make install as
# one file per command name, @PREFIX@ replaced by PROG_PREFIX).
#
# Options are read from the command's own --help, so they never drift
# from the binary; values: output formats, interfaces (ifconfig), block
# devices (iostat), PIDs (procinfo).

# _pskit_opts CMD: the option names CMD's --help lists (cached per CMD).
_pskit_opts()
{
	local var=_pskit_opts_${1//[^a-zA-Z0-9]/_}
	if [[ -z ${!var-} ]]; then
		printf -v "$var" '%s' "$("$1" --help 2>&1 |
		    grep -oE '(^|[][ ,|])--?[a-zA-Z0-9][-a-zA-Z0-9]*' |
		    sed 's/^[][ ,|]//' | grep -E '^(-[a-zA-Z0-9]|--[a-z][-a-z0-9]*)$' |
		    sort -u)"
	fi
	printf '%s\n' "${!var}"
}

_pskit_ifaces()
{
	local d
	for d in /sys/class/net/*; do
		[[ -e $d ]] && printf '%s\n' "${d##*/}"
	done
}

# Block devices as iostat names them: the third column of /proc/diskstats.
_pskit_devices()
{
	[[ -r /proc/diskstats ]] && awk '{ print $3 }' /proc/diskstats
}

_pskit_pids()
{
	local d
	for d in /proc/[0-9]*; do
		printf '%s\n' "${d#/proc/}"
	done
}

# _pskit_complete KIND: the shared logic; KIND names the command's words.
_pskit_complete()
{
	local kind=$1 cur=${COMP_WORDS[COMP_CWORD]} prev=
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()
	case $prev in
	-o | --output)
		COMPREPLY=($(compgen -W 'text tsv json prom' -- "$cur"))
		[[ $kind == iostat ]] && COMPREPLY+=($(compgen -W 'JSON' -- "$cur"))
		return
		;;
	--outfile | --procfs | --sysfs)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	-w)
		# -w is --outfile except in free (wide) and procsmem (system)
		if [[ $kind != free && $kind != procsmem ]]; then
			COMPREPLY=($(compgen -f -- "$cur"))
			return
		fi
		;;
	esac
	case $cur in
	--output=* | -o=*)
		COMPREPLY=($(compgen -P "${cur%%=*}=" -W 'text tsv json prom' -- "${cur#*=}"))
		return
		;;
	-*)
		COMPREPLY=($(compgen -W "$(_pskit_opts "${COMP_WORDS[0]}")" -- "$cur"))
		return
		;;
	esac
	case $kind in
	ifconfig) COMPREPLY=($(compgen -W "$(_pskit_ifaces)" -- "$cur")) ;;
	iostat) COMPREPLY=($(compgen -W "$(_pskit_devices) ALL" -- "$cur")) ;;
	procinfo) COMPREPLY=($(compgen -W "$(_pskit_pids)" -- "$cur")) ;;
	esac
}

_pskit_free() { _pskit_complete free; }
_pskit_ifconfig() { _pskit_complete ifconfig; }
_pskit_iostat() { _pskit_complete iostat; }
_pskit_procinfo() { _pskit_complete procinfo; }
_pskit_procsmem() { _pskit_complete procsmem; }
_pskit_winservices() { _pskit_complete winservices; }

complete -F _pskit_free @PREFIX@free
complete -F _pskit_ifconfig @PREFIX@ifconfig
complete -F _pskit_iostat @PREFIX@iostat
complete -F _pskit_procinfo @PREFIX@procinfo
complete -F _pskit_procsmem @PREFIX@procsmem
complete -F _pskit_winservices @PREFIX@winservices
