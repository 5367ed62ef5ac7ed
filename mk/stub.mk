# Stub: every probe returns PK_ENOTSUP, so every command links anywhere.
include mk/posix.mk

PLATFORM_SRCS = \
	lib/stub/kernel.c \
	lib/stub/re.c \
	lib/stub/cgroup.c \
	lib/stub/svc.c \
	lib/stub/atomic.c \
	lib/stub/cpu.c \
	lib/stub/ctx.c \
	lib/stub/disk.c \
	lib/stub/mem.c \
	lib/stub/net.c \
	lib/stub/netlink.c \
	lib/stub/oserr.c \
	lib/stub/pmem.c \
	lib/stub/proc.c \
	lib/stub/procfd.c \
	lib/stub/psmem.c \
	lib/stub/sys.c \
	lib/stub/time.c
