# Windows (mingw-w64): Win32 probes where they exist, stubs elsewhere,
# lib/compat for what libbsd gives on Linux.
EXE = .exe
PLATFORM_CPPFLAGS = -Ilib/compat -D__USE_MINGW_ANSI_STDIO=1
PLATFORM_LIBS = -static -lm

PLATFORM_SRCS = \
	lib/compat/err.c \
	lib/compat/strlcpy.c \
	lib/compat/strtonum.c \
	lib/compat/reallocarray.c \
	lib/stub/atomic.c \
	lib/stub/cpu.c \
	lib/stub/ctx.c \
	lib/stub/disk.c \
	lib/stub/mem.c \
	lib/windows/oserr.c
