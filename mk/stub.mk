# Stub: every probe returns PK_ENOTSUP, so every command links anywhere.
EXE =
LIBBSD_CFLAGS != $(PKG_CONFIG) --cflags libbsd-overlay 2>/dev/null
LIBBSD_LIBS != $(PKG_CONFIG) --libs libbsd-overlay 2>/dev/null
PLATFORM_CPPFLAGS = $(LIBBSD_CFLAGS) -DLIBBSD_OPENBSD_VIS
PLATFORM_LIBS = $(LIBBSD_LIBS) -lm

PLATFORM_SRCS = \
	lib/stub/atomic.c \
	lib/stub/cpu.c \
	lib/stub/ctx.c \
	lib/stub/disk.c \
	lib/stub/mem.c \
	lib/stub/oserr.c
