# Linux: probes over /proc and /sys, libbsd for the BSD conveniences.
EXE =
LIBBSD_CFLAGS != $(PKG_CONFIG) --cflags libbsd-overlay 2>/dev/null
LIBBSD_LIBS != $(PKG_CONFIG) --libs libbsd-overlay 2>/dev/null
PLATFORM_CPPFLAGS = $(LIBBSD_CFLAGS) -DLIBBSD_OPENBSD_VIS
PLATFORM_LIBS = $(LIBBSD_LIBS) -lm

# One line per topic: lib/linux/<topic>.c where it exists, else the stub.
PLATFORM_SRCS = \
	lib/linux/atomic.c \
	lib/linux/cpu.c \
	lib/linux/ctx.c \
	lib/linux/disk.c \
	lib/linux/mem.c \
	lib/linux/oserr.c
