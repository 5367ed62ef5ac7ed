# Linux: probes over /proc and /sys, libbsd for the BSD conveniences.
include mk/posix.mk

# One line per topic: lib/linux/<topic>.c where it exists, else the stub.
PLATFORM_SRCS = \
	lib/linux/kernel.c \
	lib/linux/re.c \
	lib/linux/cgroup.c \
	lib/stub/svc.c \
	lib/linux/atomic.c \
	lib/linux/cpu.c \
	lib/linux/ctx.c \
	lib/linux/disk.c \
	lib/linux/mem.c \
	lib/linux/net.c \
	lib/linux/netlink.c \
	lib/linux/oserr.c \
	lib/linux/pmem.c \
	lib/linux/proc.c \
	lib/linux/procfd.c \
	lib/linux/psmem.c \
	lib/linux/sys.c \
	lib/linux/time.c
