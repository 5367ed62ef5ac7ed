# POSIX hosts (linux, stub): libbsd in overlay mode for the BSD conveniences.
EXE =
LIBBSD_CFLAGS != $(PKG_CONFIG) --cflags libbsd-overlay 2>/dev/null
LIBBSD_LIBS != $(PKG_CONFIG) --libs libbsd-overlay 2>/dev/null
PLATFORM_CPPFLAGS = $(LIBBSD_CFLAGS) -DLIBBSD_OPENBSD_VIS
PLATFORM_LIBS = $(LIBBSD_LIBS) -lm
