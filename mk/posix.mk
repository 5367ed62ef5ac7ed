# POSIX hosts (linux, stub): libbsd in overlay mode for the BSD conveniences.
EXE =
LIBBSD_CFLAGS != $(PKG_CONFIG) --cflags libbsd-overlay 2>/dev/null
LIBBSD_LIBS != $(PKG_CONFIG) --libs libbsd-overlay 2>/dev/null
PLATFORM_CPPFLAGS = $(LIBBSD_CFLAGS) -DLIBBSD_OPENBSD_VIS
PLATFORM_LIBS = $(LIBBSD_LIBS) -lm

# libbsd and libmd linked statically where their archives exist (Debian's
# libbsd-dev ships them): two fewer shared objects to map at every start.
# glibc stays dynamic, so user names still resolve through NSS.  STATIC=0,
# SANITIZE=1 and the fuzzers link everything dynamically.
STATIC ?= 1
LIBBSD_A != $(CC) -print-file-name=libbsd.a 2>/dev/null
LIBMD_A != $(CC) -print-file-name=libmd.a 2>/dev/null
ifeq ($(STATIC)$(SANITIZE),1)
ifneq ($(wildcard $(LIBBSD_A)),)
ifneq ($(wildcard $(LIBMD_A)),)
ifeq ($(filter fuzz fuzz-smoke fuzz-replay,$(MAKECMDGOALS)),)
PLATFORM_LIBS = -Wl,-Bstatic -lbsd -lmd -Wl,-Bdynamic -lm
endif
endif
endif
endif
