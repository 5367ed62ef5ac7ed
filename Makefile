# pskit: plain GNU make, no recursion.  PLATFORM picks mk/$(PLATFORM).mk,
# which lists the per-OS probe sources explicitly.

PLATFORM ?= linux
CC ?= cc
AR ?= ar
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
PROG_PREFIX ?= pk-
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
DESTDIR ?=

include mk/$(PLATFORM).mk

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 -Wstrict-prototypes
STD = -std=c11 -D_POSIX_C_SOURCE=200809L
ALL_CPPFLAGS = -Iinclude -Icmd/common $(PLATFORM_CPPFLAGS) $(CPPFLAGS)
ALL_CFLAGS = $(STD) $(WARN) $(SANFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)

ifeq ($(SANITIZE)$(PLATFORM),1linux)
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
endif

COMMANDS = free ifconfig iostat procinfo procsmem winservices

COMMON_SRCS = \
	lib/common/buf.c \
	lib/common/cgname.c \
	lib/common/cgroup.c \
	lib/common/cpustat.c \
	lib/common/diskstats.c \
	lib/common/psdisk.c \
	lib/common/err.c \
	lib/common/esc.c \
	lib/common/iorate.c \
	lib/common/kv.c \
	lib/common/mem.c \
	lib/common/meminfo.c \
	lib/common/net.c \
	lib/common/netaddr.c \
	lib/common/netdev.c \
	lib/common/num.c \
	lib/common/out.c \
	lib/common/pmem.c \
	lib/common/proc.c \
	lib/common/procnet.c \
	lib/common/procparse.c \
	lib/common/procstr.c \
	lib/common/psutilmem.c \
	lib/common/smaps.c \
	lib/common/svc.c \
	lib/common/sysmem.c \
	lib/common/time.c \
	lib/common/xml.c

# The formatters of single commands (include/pskit/fmt.h): their own
# archive, linked into the commands (and their tests) before libpskit.a,
# so the library proper cannot call them.
FMT_SRCS = $(wildcard lib/fmt/*.c)

# Native builds keep the library where DESIGN.md says; other platforms
# build beside it so a cross build never clobbers the native one.
ifeq ($(PLATFORM),linux)
OBJDIR = obj/linux
LIBA = lib/libpskit.a
FMTA = lib/libpkfmt.a
OUTDIR = bin
else ifeq ($(PLATFORM),windows)
OBJDIR = obj/windows
LIBA = obj/windows/libpskit.a
FMTA = obj/windows/libpkfmt.a
OUTDIR = bin
else
OBJDIR = obj/$(PLATFORM)
LIBA = obj/$(PLATFORM)/libpskit.a
FMTA = obj/$(PLATFORM)/libpkfmt.a
OUTDIR = bin/$(PLATFORM)
endif

LIB_SRCS = $(COMMON_SRCS) $(PLATFORM_SRCS)
LIB_OBJS = $(LIB_SRCS:%.c=$(OBJDIR)/%.o)
FMT_OBJS = $(FMT_SRCS:%.c=$(OBJDIR)/%.o)
CMD_BINS = $(COMMANDS:%=$(OUTDIR)/%$(EXE))

UNIT_SRCS = $(wildcard tests/unit/test_*.c)
FUZZ_SRCS = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BINS = $(FUZZ_SRCS:tests/fuzz/%.c=tests/fuzz/bin/%)
FUZZ_SECONDS ?= 60
FUZZFLAGS = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -g -O1
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=tests/unit/bin/%)

.PHONY: all check unit bats lint demo bench install uninstall clean deps \
	windows fuzz fuzz-smoke fuzz-replay leak leak-build FORCE

all: $(LIBA) $(FMTA) $(CMD_BINS)

# Objects depend on the flags they were built with, so switching compiler,
# CFLAGS or SANITIZE rebuilds everything.
FLAGS_STAMP = $(OBJDIR)/.flags
$(FLAGS_STAMP): FORCE
	@mkdir -p $(@D)
	@echo '$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) $(PLATFORM_LIBS)' | cmp -s - $@ || \
		echo '$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) $(PLATFORM_LIBS)' > $@

FORCE:

$(OBJDIR)/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(LIBA): $(LIB_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

$(FMTA): $(FMT_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $(FMT_OBJS)

# A command is every .c file of cmd/<name>/ (usually just <name>.c) and
# the shared command shell of cmd/common/ (shell.h).
CMD_COMMON_SRCS = $(wildcard cmd/common/*.c)
cmd_objs = $(patsubst %.c,$(OBJDIR)/%.o,$(wildcard cmd/$(1)/*.c) \
	$(CMD_COMMON_SRCS))
cmd_extra_objs = $(filter-out $(OBJDIR)/cmd/$(1)/$(1).o,$(call cmd_objs,$(1)))

# Objects built through pattern chains are kept, not deleted as intermediates.
.SECONDARY:
.SECONDEXPANSION:
$(OUTDIR)/%$(EXE): $$(call cmd_objs,$$*) $(FMTA) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o,$^) $(FMTA) $(LIBA) \
		$(PLATFORM_LIBS) $(LDLIBS)

tests/unit/bin/%: tests/unit/%.c tests/unit/harness.h $(FMTA) $(LIBA) \
    $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -Itests/unit $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ \
		$< $(FMTA) $(LIBA) $(PLATFORM_LIBS) $(LDLIBS)

# ifconfig's field-table test renders through the command's own report.o.
IFC_UNIT_OBJS = $(OBJDIR)/cmd/ifconfig/report.o $(OBJDIR)/cmd/ifconfig/nettools.o
tests/unit/bin/test_ifconfig_fields: tests/unit/test_ifconfig_fields.c \
    tests/unit/harness.h $(IFC_UNIT_OBJS) $(FMTA) $(LIBA) $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -Itests/unit -Icmd/ifconfig $(ALL_CFLAGS) \
		$(ALL_LDFLAGS) -o $@ $< $(IFC_UNIT_OBJS) $(FMTA) $(LIBA) \
		$(PLATFORM_LIBS) $(LDLIBS)

unit: $(UNIT_BINS)

# Leak tests: the library's functions, and each command's main() built
# under another name (for this test binary only) with tests/leak/<cmd>.args.
LEAK_CMDS = $(foreach c,$(COMMANDS),$(if $(wildcard tests/leak/$(c).args),$(c)))
LEAK_BINS = tests/leak/bin/leak_lib $(LEAK_CMDS:%=tests/leak/bin/leak_%)

tests/leak/bin/leak_lib: tests/leak/leak_lib.c tests/leak/leak.h $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBA) \
		$(PLATFORM_LIBS) $(LDLIBS)

tests/leak/bin/%_main.o: cmd/$$*/$$*.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Dmain=$*_main -c -o $@ $<

tests/leak/bin/leak_%: tests/leak/leak_cmd.c tests/leak/leak.h \
    tests/leak/bin/%_main.o $$(call cmd_extra_objs,$$*) $(FMTA) $(LIBA)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) \
		-DCMD_MAIN=$*_main -DCMD_NAME=\"$*\" -o $@ $< \
		$(filter %.o,$^) $(FMTA) $(LIBA) $(PLATFORM_LIBS) $(LDLIBS)

leak-build: $(LEAK_BINS)

# Runs them (check.sh runs them too, so make check only builds them here).
leak: leak-build
	@rc=0; tests/leak/bin/leak_lib || rc=1; \
	for c in $(LEAK_CMDS); do \
		tests/leak/bin/leak_$$c tests/leak/$$c.args 2>&1 || rc=1; \
	done; exit $$rc

# libFuzzer targets are linked with the library sources built alongside
# (once, in obj/fuzz), so the whole parser runs instrumented
# (make fuzz CC=clang).
FUZZ_OBJS = $(LIB_SRCS:%.c=obj/fuzz/%.o) $(FMT_SRCS:%.c=obj/fuzz/%.o)

obj/fuzz/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(STD) $(WARN) $(FUZZFLAGS) -MMD -MP -c -o $@ $<

tests/fuzz/bin/%: tests/fuzz/%.c $(FUZZ_OBJS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(STD) $(WARN) $(FUZZFLAGS) -o $@ $< $(FUZZ_OBJS) \
		$(PLATFORM_LIBS)

fuzz: $(FUZZ_BINS)

# Every target once over each seed of tests/fuzz/<target>.seeds (make check).
fuzz-replay: fuzz
	@sh tests/fuzz/replay.sh

# Each fuzzer for FUZZ_SECONDS, its corpus seeded from its own seed list.
fuzz-smoke: fuzz
	@for f in $(FUZZ_BINS); do \
		n=$${f##*/}; mkdir -p tests/fuzz/corpus/$$n; \
		cp $$(sh tests/fuzz/seeds.sh $$n) tests/fuzz/corpus/$$n/ 2>/dev/null; \
		if $$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
		    tests/fuzz/corpus/$$n > tests/fuzz/bin/$$n.log 2>&1; then \
			grep number_of_executed_units tests/fuzz/bin/$$n.log | \
				sed "s|^|$$n: |"; \
		else \
			tail -40 tests/fuzz/bin/$$n.log; echo "$$n: FAILED"; exit 1; \
		fi; \
	done

# Everything that can run here; ends with "N passed, N failed".
check:
	@sh scripts/deps.sh test || echo "make check: could not install every test dependency; the tests that need them will skip" >&2
	@$(MAKE) --no-print-directory all unit leak-build
	@SANITIZE=$(SANITIZE) sh scripts/check.sh

lint:
	mandoc -Tlint -Wwarning man/*.1 man/*.7

demo:
	@sh scripts/deps.sh build
	@$(MAKE) --no-print-directory all
	@for c in $(COMMANDS); do printf '\n$$ %s\n' "$$c"; ./bin/$$c || true; done

bench: all
	@sh bench/run.sh

deps:
	@sh scripts/deps.sh all

windows:
	$(MAKE) PLATFORM=windows CC=x86_64-w64-mingw32-gcc AR=x86_64-w64-mingw32-ar

# Man pages and completions name the installed commands ($(PROG_PREFIX)free):
# rendered here from the one source in man/ and completions/.
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(ZSHCOMPDIR)
	sh scripts/manpage.sh '$(PROG_PREFIX)' man/pskit-prom.7 > \
		$(DESTDIR)$(MANDIR)/man7/pskit-prom.7
	chmod 0644 $(DESTDIR)$(MANDIR)/man7/pskit-prom.7
	sed 's/@PREFIX@/$(PROG_PREFIX)/g' completions/_pskit > \
		$(DESTDIR)$(ZSHCOMPDIR)/_pskit
	chmod 0644 $(DESTDIR)$(ZSHCOMPDIR)/_pskit
	for c in $(COMMANDS); do \
		install -m 0755 $(OUTDIR)/$$c$(EXE) \
			$(DESTDIR)$(BINDIR)/$(PROG_PREFIX)$$c$(EXE) && \
		sh scripts/manpage.sh '$(PROG_PREFIX)' man/$$c.1 > \
			$(DESTDIR)$(MANDIR)/man1/$(PROG_PREFIX)$$c.1 && \
		chmod 0644 $(DESTDIR)$(MANDIR)/man1/$(PROG_PREFIX)$$c.1 && \
		sed 's/@PREFIX@/$(PROG_PREFIX)/g' completions/pskit.bash > \
			$(DESTDIR)$(BASHCOMPDIR)/$(PROG_PREFIX)$$c && \
		chmod 0644 $(DESTDIR)$(BASHCOMPDIR)/$(PROG_PREFIX)$$c || exit 1; \
	done

uninstall:
	for c in $(COMMANDS); do \
		rm -f $(DESTDIR)$(BINDIR)/$(PROG_PREFIX)$$c$(EXE) \
			$(DESTDIR)$(MANDIR)/man1/$(PROG_PREFIX)$$c.1 \
			$(DESTDIR)$(BASHCOMPDIR)/$(PROG_PREFIX)$$c; \
	done
	rm -f $(DESTDIR)$(MANDIR)/man7/pskit-prom.7 $(DESTDIR)$(ZSHCOMPDIR)/_pskit

clean:
	rm -rf obj bin lib/libpskit.a lib/libpkfmt.a tests/unit/bin \
		tests/leak/bin tests/fuzz/bin tests/fuzz/corpus

-include $(LIB_OBJS:.o=.d) $(FMT_OBJS:.o=.d) $(wildcard obj/fuzz/lib/*/*.d) \
	$(foreach c,$(COMMANDS),$(patsubst %.o,%.d,$(call cmd_objs,$(c))))
