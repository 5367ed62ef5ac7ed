# Windows (mingw-w64): Win32 probes where they exist, stubs elsewhere,
# lib/compat for what libbsd gives on Linux.
EXE = .exe
PLATFORM_CPPFLAGS = -Ilib/compat -D__USE_MINGW_ANSI_STDIO=1
# -municode: the CRT calls lib/windows/startup.c's wmain (UTF-8 argv,
# binary stdout), which calls the command's main.
PLATFORM_LIBS = -municode -static -lm
PLATFORM_LIBS += -lpsapi -lntdll -ladvapi32 -liphlpapi

PLATFORM_SRCS = \
	lib/stub/kernel.c \
	lib/stub/re.c \
	lib/stub/cgroup.c \
	lib/compat/err.c \
	lib/compat/progname.c \
	lib/compat/strlcpy.c \
	lib/compat/strtonum.c \
	lib/compat/reallocarray.c \
	lib/compat/signal.c \
	lib/compat/time.c \
	lib/compat/vis.c \
	lib/windows/atomic.c \
	lib/stub/cpu.c \
	lib/stub/ctx.c \
	lib/stub/disk.c \
	lib/windows/mem.c \
	lib/windows/net.c \
	lib/windows/pmem.c \
	lib/windows/oserr.c \
	lib/windows/proc.c \
	lib/stub/procfd.c \
	lib/stub/psmem.c \
	lib/windows/startup.c \
	lib/windows/svc.c \
	lib/windows/wstr.c \
	lib/windows/locale.c \
	lib/windows/sys.c \
	lib/stub/time.c
