# meetingd — build, test and run. `make help` lists the targets.
BUILD    ?= build
CC       ?= cc
PREFIX   ?= /usr/local
DESTDIR  ?=
VERSION  := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
GIT_REV  := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)

PKGS     := libmicrohttpd jansson libutf8proc libxml-2.0
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))

OPT      ?= -O2
HARDEN   := -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CFLAGS   ?=
CFLAGS   += -std=c11 -D_GNU_SOURCE $(OPT) -g $(WARN) $(HARDEN) $(PKG_CFLAGS) \
            -I. -I$(BUILD)/gen -DMEETINGD_VERSION='"$(VERSION)"' -DMEETINGD_REVISION='"$(GIT_REV)"'
LDFLAGS  ?=
LDFLAGS  += -pie -Wl,-z,relro,-z,now
LDLIBS   := $(PKG_LIBS) -lpthread -lm

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

.PHONY: all help deps check test asan bench-model valgrind run install clean format format-check \
        lint-api bench fuzz image image-test proxy-test

all: $(BUILD)/meetingd

help:
	@echo "make            build $(BUILD)/meetingd"
	@echo "make deps       install the Debian packages needed to build and test (root)"
	@echo "make check      what CI runs: clang build, deploy checks, 60 s of each fuzzer,"
	@echo "                the complexity bound,"
	@echo "                make test, then make asan"
	@echo "make test       build and run every test (unit, golden, HTTP, contract)"
	@echo "make asan       the same tests under AddressSanitizer + UBSan"
	@echo "make bench      model throughput (MB/s of the recognisers, the entry point, the HTML path)"
	@echo "make bench-archive  meetingd parse over 2,000 files: -j 2 vs -j 1, peak RSS"
	@echo "make run        build and serve on port 8080"
	@echo "make install    install to \$$(DESTDIR)\$$(PREFIX)/bin"
	@echo "make format     clang-format the C sources"
	@echo "make clean      remove $(BUILD)/"

deps:
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

$(BUILD)/lexgen: tools/lexgen.c $(LEXGEN_SRC) $(BUILD)/gen/chars_table.c model/text/text.h \
                 model/lexicon/lex_hash.h
	$(HOSTCC) -std=c11 -D_GNU_SOURCE -O1 $(WARN) $(PKG_CFLAGS) -I. -o $@ tools/lexgen.c \
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

# the README's test command: every test, then again under ASan + UBSan
check:
	$(MAKE) BUILD=build-clang CC=clang all build-clang/test-suite
	$(MAKE) ci-deploy
	$(MAKE) fuzz-ci
	$(MAKE) complexity
	$(MAKE) test
	$(MAKE) asan

# browser tests first (they skip without Chromium), so that Criterion's
# summary is the last line
WEB_TESTS ?= 1
test: $(BUILD)/meetingd $(BUILD)/test-suite
	@if [ "$(WEB_TESTS)" = 1 ]; then MEETINGD_BIN=$(BUILD)/meetingd sh tests/web/run.sh; fi
	BUILD=$(BUILD) sh tests/run.sh

asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	$(MAKE) BUILD=build-asan OPT="-O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
	  HARDEN= LDFLAGS="-fsanitize=address,undefined" WEB_TESTS=0 test

valgrind: $(BUILD)/meetingd $(BUILD)/test-suite
	BUILD=$(BUILD) MEETINGD_WRAP="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite -q" sh tests/run.sh

$(BUILD)/model-bench: bench/model_bench.c $(BUILD)/libmodel.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libmodel.a $(LDLIBS)

# benchmarks: the model in-process (recognisers and the whole entry point);
# mk/*.mk add more prerequisites to `bench` (the HTTP benchmark)
bench: bench-model

bench-model: $(BUILD)/model-bench
	$(BUILD)/model-bench

run: $(BUILD)/meetingd
	$(BUILD)/meetingd serve

install: $(BUILD)/meetingd
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(BUILD)/meetingd $(DESTDIR)$(PREFIX)/bin/meetingd

format:
	clang-format -i $(MODEL_SRC) $(SERVER_SRC) $(CLI_SRC) $(TEST_SRC) $(wildcard model/*.h model/html/*.h server/*.h handlers/*.h cli/*.h tests/*/*.h)

format-check:
	clang-format --dry-run --Werror $(MODEL_SRC) $(SERVER_SRC) $(CLI_SRC) $(wildcard model/*.h model/html/*.h server/*.h handlers/*.h cli/*.h)

clean:
	rm -rf build build-* 

# more targets (image, proxy-test, web tests, benchmarks, fuzzing) live in mk/*.mk
-include $(sort $(wildcard mk/*.mk))

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
