# meetingd — build, test and run. `make help` lists the targets.
BUILD    ?= build
CC       ?= cc
PREFIX   ?= /usr/local
DESTDIR  ?=
VERSION  := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
GIT_REV  := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)

PKGS     := libmicrohttpd jansson libutf8proc libxml-2.0
# pkg-config is asked when a recipe first needs the flags, not when make
# reads this file: `make deps run` installs pkg-config and the libraries
# in its first goal, so a `:=` here would link the second without them.
# Each answer is kept after that first use (the eval), so pkg-config runs
# once per make, not once per object.
pkg_config = $(shell pkg-config $(1) $(PKGS) || echo '?')
pkg_checked = $(if $(filter ?,$(1)),$(error pkg-config cannot find $(PKGS) (see above): install them with 'make deps' (root)),$(1))
PKG_CFLAGS = $(eval PKG_CFLAGS := $(call pkg_checked,$(call pkg_config,--cflags)))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $(call pkg_checked,$(call pkg_config,--libs)))$(PKG_LIBS)

OPT      ?= -O3
HARDEN   := -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CFLAGS   ?=
CFLAGS   += -std=c11 -D_GNU_SOURCE $(OPT) -g $(WARN) $(HARDEN) $(PKG_CFLAGS) \
            -I. -I$(BUILD)/gen -DMEETINGD_VERSION='"$(VERSION)"' -DMEETINGD_REVISION='"$(GIT_REV)"'
LDFLAGS  ?=
LDFLAGS  += -pie -Wl,-z,relro,-z,now
LDLIBS    = $(PKG_LIBS) -lpthread -lm

MODEL_SRC   := $(sort $(wildcard model/*.c model/*/*.c))
SERVER_SRC  := $(sort $(wildcard server/*.c handlers/*.c))
CLI_SRC     := $(sort $(wildcard cli/*.c))
LEXICONS    := $(sort $(wildcard model/lexicon/*.tsv))
WEB_FILES   := $(sort $(wildcard web/*.html web/*.css web/*.js))
GEN_SRC     := $(BUILD)/gen/embedded_files.c \
               $(BUILD)/gen/chars_table.c $(BUILD)/gen/lexicon_tables.c
HOSTCC      ?= cc

MODEL_OBJ   := $(MODEL_SRC:%.c=$(BUILD)/obj/%.o) \
               $(BUILD)/obj/gen/chars_table.o $(BUILD)/obj/gen/lexicon_tables.o
SERVER_OBJ  := $(SERVER_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/embedded_files.o
CLI_OBJ     := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC    := $(sort $(wildcard tests/unit/*.c tests/http/*.c tests/cases/*.c tests/cli/*.c))
TEST_OBJ    := $(TEST_SRC:%.c=$(BUILD)/obj/%.o)

.PHONY: all help help-check deps check test asan bench-ipb bench-model valgrind run install clean format \
        format-check bench

all: $(BUILD)/meetingd ## build build/meetingd (the default goal; BUILD=dir elsewhere, CC=clang)

# `make help` prints every target that carries a `## description` on its
# rule line, in the order of Makefile and mk/*.mk; a `## NAME: description`
# line documents a family of targets (fuzz-run-<target>). `make help-check`
# (part of `make check`) fails when a .PHONY target has none.
HELP_FILES = Makefile $(sort $(wildcard mk/*.mk))
help: ## this list
	@echo "meetingd $(VERSION): make [TARGET] [VAR=value ...]"
	@awk '/^## [A-Za-z0-9_<>.-]+: / { sub(/^## /, ""); n = index($$0, ": "); \
	    printf "  make %-18s %s\n", substr($$0, 1, n - 1), substr($$0, n + 2); next } \
	  /^[A-Za-z0-9_.-]+:.*## / { n = index($$0, ":"); d = $$0; sub(/^[^#]*## /, "", d); \
	    printf "  make %-18s %s\n", substr($$0, 1, n - 1), d }' $(HELP_FILES)

help-check: ## fail when a .PHONY target is missing from `make help`
	@phony=$$($(MAKE) --no-print-directory -pRrq -f $(firstword $(MAKEFILE_LIST)) \
	    help-check-no-such-target 2>/dev/null | sed -n 's/^\.PHONY: //p' | tr ' ' '\n' | sort -u); \
	listed=$$($(MAKE) --no-print-directory help | awk '$$1 == "make" { print $$2 }'); \
	missing=""; \
	for t in $$phony; do \
	  found=; \
	  for l in $$listed; do \
	    case $$t in $$(echo "$$l" | sed 's/<[^>]*>/*/g')) found=1; break ;; esac; \
	  done; \
	  [ -n "$$found" ] || missing="$$missing $$t"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "help-check: FAIL: no '## description' for:$$missing"; exit 1; \
	fi; \
	echo "help-check: PASS: all $$(echo $$phony | wc -w) .PHONY targets are in make help"

deps: ## install the Debian packages to build and test: compilers, libraries, Node.js 18 and npm, valgrind (root)
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	  build-essential clang pkg-config libmicrohttpd-dev libjansson-dev \
	  libutf8proc-dev libxml2-dev libcriterion-dev curl ca-certificates git python3 \
	  clang-format valgrind libclang-rt-14-dev tmux
	command -v node >/dev/null && command -v npm >/dev/null || \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm

# The vocabulary compiler (tools/lexgen*.c) runs on the build machine: the
# character table first, then the lexicons tokenized with the model's own
# tokenizer (model/text/scan.c).
LEXGEN_SRC := model/text/scan.c model/text/arena.c model/text/chars.c model/text/budget.c model/mem.c

$(BUILD)/lexgen-chars: tools/lexgen_chars.c model/text/chars.h
	@mkdir -p $(@D)
	$(HOSTCC) -std=c11 -D_GNU_SOURCE -O1 $(WARN) $(PKG_CFLAGS) -I. -o $@ $< $(PKG_LIBS)

$(BUILD)/gen/chars_table.c: $(BUILD)/lexgen-chars
	@mkdir -p $(@D)
	$(BUILD)/lexgen-chars > $@.tmp && mv $@.tmp $@

$(BUILD)/lexgen: tools/lexgen.c tools/lexgen_write.c tools/lexgen.h $(LEXGEN_SRC) $(BUILD)/gen/chars_table.c model/text/text.h model/text/scan_loop.h \
                 model/lexicon/lex_hash.h model/tag/cls_bits.h
	$(HOSTCC) -std=c11 -D_GNU_SOURCE -O1 $(WARN) $(PKG_CFLAGS) -I. -o $@ tools/lexgen.c tools/lexgen_write.c \
	  $(LEXGEN_SRC) $(BUILD)/gen/chars_table.c $(PKG_LIBS)

# lexicon_ids.h is rewritten only when an id changes, so a TSV edit that
# adds no word and no lexicon rebuilds the tables alone
$(BUILD)/gen/lexicon_tables.c: $(BUILD)/lexgen $(LEXICONS)
	@mkdir -p $(@D)
	$(BUILD)/lexgen $(BUILD)/gen $(LEXICONS)
# written by the same run, only when it changes; the empty recipe makes make
# look at it again after the run
$(BUILD)/gen/lexicon_ids.h: $(BUILD)/gen/lexicon_tables.c ;

$(MODEL_OBJ) $(SERVER_OBJ) $(CLI_OBJ) $(TEST_OBJ): | $(BUILD)/gen/lexicon_ids.h $(BUILD)/gen/chars_table.c

$(BUILD)/gen/embedded_files.c: openapi.yaml $(WEB_FILES) tools/embed.sh
	@mkdir -p $(@D)
	sh tools/embed.sh files openapi.yaml $(WEB_FILES) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libmodel.a: $(MODEL_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/meetingd: $(CLI_OBJ) $(SERVER_OBJ) $(BUILD)/libmodel.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(SERVER_OBJ) $(BUILD)/libmodel.a $(LDLIBS)

# server/wire.c (the gate's request framing) is pure and unit-tested too
$(BUILD)/test-suite: $(TEST_OBJ) $(BUILD)/obj/server/wire.o $(BUILD)/libmodel.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(TEST_OBJ) $(BUILD)/obj/server/wire.o $(BUILD)/libmodel.a $(LDLIBS) $(shell pkg-config --libs criterion)

# The README's test command: every test this machine can run, then the C
# tests again under ASan + UBSan. It installs no system package: `make
# deps` (and `make deploy-deps`, `make web-deps` for the optional parts)
# do that, and a check whose tools are missing says SKIPPED with the reason.
# Its builds use every core (JOBS, the core count; make run's too): they
# are most of its time, and make check runs twice in CI (outside and inside the
# newcomer's container). Each step still runs its tests one after another.
JOBS ?= $(shell nproc 2>/dev/null || echo 1)
check: ## the README's test command (what CI runs): help-check, clang build, ci-deploy, newcomer-test, fuzz-ci, complexity, test, asan; installs nothing
	$(MAKE) --no-print-directory help-check
	$(MAKE) -j$(JOBS) BUILD=build-clang CC=clang all build-clang/test-suite
	$(MAKE) ci-deploy
	$(MAKE) newcomer-test
	$(MAKE) -j$(JOBS) fuzz-build
	$(MAKE) fuzz-ci
	$(MAKE) -j$(JOBS) all $(BUILD)/test-suite
	$(MAKE) complexity
	$(MAKE) test
	$(MAKE) -j$(JOBS) BUILD=build-asan OPT="$(ASAN_OPT)" HARDEN= LDFLAGS="$(ASAN_LD)" \
	  build-asan/meetingd build-asan/test-suite
	$(MAKE) asan

# browser tests first (they skip without Chromium), so that Criterion's
# summary is the last line
WEB_TESTS ?= 1
test: $(BUILD)/meetingd $(BUILD)/test-suite ## every test: browser (when Chromium is installed), unit, golden, HTTP, contract
	@if [ "$(WEB_TESTS)" = 1 ]; then MEETINGD_BIN=$(BUILD)/meetingd sh tests/web/run.sh; fi
	BUILD=$(BUILD) sh tests/run.sh

ASAN_OPT := -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
ASAN_LD  := -fsanitize=address,undefined
asan: ## the C tests again under AddressSanitizer + UBSan (build-asan/)
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	$(MAKE) BUILD=build-asan OPT="$(ASAN_OPT)" HARDEN= LDFLAGS="$(ASAN_LD)" WEB_TESTS=0 test

valgrind: $(BUILD)/meetingd $(BUILD)/test-suite ## the C tests with every server under valgrind memcheck
	BUILD=$(BUILD) MEETINGD_WRAP="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite -q" sh tests/run.sh

$(BUILD)/model-bench: bench/model_bench.c $(BUILD)/libmodel.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libmodel.a $(LDLIBS)

# benchmarks: the model in-process (recognisers and the whole entry point);
# mk/*.mk add more prerequisites to `bench` (the HTTP benchmark)
bench: bench-ipb bench-model ## the benchmarks: bench-ipb, bench-model, bench-archive, then bench-http

bench-ipb: $(BUILD)/meetingd ## the model's instructions per input byte (callgrind, net of a one-word article) over tests/corpus/own
	BUILD=$(BUILD) sh bench/ipb.sh

bench-model: $(BUILD)/model-bench ## model throughput in-process (MB/s of the recognisers, the entry point, the HTML path)
	$(BUILD)/model-bench

run: ## build (on every core) and serve on port 8080 (Ctrl+C stops it)
	$(MAKE) --no-print-directory -j$(JOBS) all
	$(BUILD)/meetingd serve

install: $(BUILD)/meetingd ## install the binary to DESTDIR/PREFIX/bin (PREFIX=/usr/local)
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(BUILD)/meetingd $(DESTDIR)$(PREFIX)/bin/meetingd

format: ## clang-format the C sources in place
	clang-format -i $(MODEL_SRC) $(SERVER_SRC) $(CLI_SRC) $(TEST_SRC) $(wildcard model/*.h model/*/*.h server/*.h handlers/*.h cli/*.h tests/*/*.h)

format-check: ## fail when a C source is not clang-formatted
	clang-format --dry-run --Werror $(MODEL_SRC) $(SERVER_SRC) $(CLI_SRC) $(wildcard model/*.h model/*/*.h server/*.h handlers/*.h cli/*.h)

clean: ## remove build/ and build-*/
	rm -rf build build-* 

# more targets (image, proxy-test, web tests, benchmarks, fuzzing) live in mk/*.mk
-include $(sort $(wildcard mk/*.mk))

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
