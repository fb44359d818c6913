# Hardening: fuzzing, the complexity bound and the memory soak.
# Included by the Makefile; see fuzz/README-hardening.md.
#
#   make fuzz FUZZ_SECONDS=N   every libFuzzer target for N seconds each
#                              (make -j2 fuzz runs two at a time)
#   make fuzz-ci               the same, 60 s each, two at a time (make check)
#   make complexity            instructions of `meetingd parse` on 256 and
#                              512 KiB of generated text: ratio <= 2.5
#   make soak                  >= 1,000,000 mixed requests, RSS flat within 10 %

FUZZ_BUILD   ?= build-fuzz
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 1
FUZZ_TARGETS := model json batch dates documents html
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_OPT     := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $(FUZZ_SAN)
# libFuzzer flags: a per-input time limit turns a pathological slowdown
# into a finding too
FUZZ_RUNFLAGS ?= -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
                 -dict=fuzz/meetingd.dict

.PHONY: fuzz fuzz-ci fuzz-build fuzz-objs complexity soak \
        $(addprefix fuzz-run-,$(FUZZ_TARGETS))

# Objects of the instrumented build, made by a sub-make in $(FUZZ_BUILD)
# with the Makefile's own rules; the command line (cli/) stays out: libFuzzer has the main.
fuzz-objs: $(BUILD)/libmodel.a $(BUILD)/libserver.a ## the model and server archives in BUILD (what fuzz-build links against)

$(BUILD)/libserver.a: $(SERVER_OBJ)
	@rm -f $@
	ar rcs $@ $^

fuzz-build: ## build every libFuzzer target in build-fuzz/ (clang, ASan + UBSan)
	$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) OPT="$(FUZZ_OPT)" HARDEN= \
	  LDFLAGS= fuzz-objs
	$(MAKE) --no-print-directory $(addprefix $(FUZZ_BUILD)/fuzz-,$(FUZZ_TARGETS))

# an archive, so that fuzz-batch's own copy of handlers/batch.c wins
$(FUZZ_BUILD)/fuzz-%: fuzz/fuzz_%.c fuzz/fuzz_common.h $(FUZZ_BUILD)/libserver.a \
                      $(FUZZ_BUILD)/libmodel.a
	$(FUZZ_CC) -std=c11 -D_GNU_SOURCE $(FUZZ_OPT) -fsanitize=fuzzer $(WARN) $(PKG_CFLAGS) \
	  -I. -I$(FUZZ_BUILD)/gen -o $@ $< $(FUZZ_BUILD)/libserver.a $(FUZZ_BUILD)/libmodel.a $(PKG_LIBS) -lpthread -lm

fuzz: fuzz-build ## every fuzzer for FUZZ_SECONDS (60) each, FUZZ_JOBS (1) at a time
	$(MAKE) --no-print-directory -j$(FUZZ_JOBS) $(addprefix fuzz-run-,$(FUZZ_TARGETS))

# New inputs go to $(FUZZ_BUILD)/corpus/<target> (seeds stay untouched);
# a crash leaves its input in $(FUZZ_BUILD)/artifacts/<target>/: copy it to
# fuzz/regressions/<target>/ and `make test` replays it from then on.
## fuzz-run-<target>: one fuzzer (model, json, batch, dates, documents, html) for FUZZ_SECONDS, after fuzz-build
$(addprefix fuzz-run-,$(FUZZ_TARGETS)): fuzz-run-%:
	@mkdir -p $(FUZZ_BUILD)/corpus/$* $(FUZZ_BUILD)/artifacts/$*
	@echo "fuzz: $* for $(FUZZ_SECONDS) s, log in $(FUZZ_BUILD)/fuzz-$*.log"
	@$(FUZZ_BUILD)/fuzz-$* $(FUZZ_RUNFLAGS) -max_total_time=$(FUZZ_SECONDS) \
	  -artifact_prefix=$(FUZZ_BUILD)/artifacts/$*/ $(FUZZ_BUILD)/corpus/$* fuzz/corpus/$* \
	  > $(FUZZ_BUILD)/fuzz-$*.log 2>&1 || { tail -60 $(FUZZ_BUILD)/fuzz-$*.log; \
	  echo "fuzz: $* FAILED: input in $(FUZZ_BUILD)/artifacts/$*/"; exit 1; }
	@grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)|Done [0-9]+ runs' \
	  $(FUZZ_BUILD)/fuzz-$*.log | sed 's/^/fuzz: $*: /'

# a smoke run (the seeds and regressions are also replayed by make test;
# long runs are make fuzz): 20 s each, two at a time, one minute on a
# two-core runner; make check runs it twice, outside and inside the
# newcomer's container
fuzz-ci: ## what make check runs: every fuzzer for 20 s, two at a time
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=20 FUZZ_JOBS=2

complexity: $(BUILD)/meetingd ## instructions of a parse on 32 vs 64 KiB of each hostile shape, text and HTML: at most 2.3x, and at most 4x genre text per byte (callgrind)
	BUILD=$(BUILD) sh bench/complexity.sh

$(BUILD)/soak-client: bench/soak_client.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE -O2 -g $(WARN) -o $@ $< -lpthread

soak: $(BUILD)/meetingd $(BUILD)/soak-client ## 1,000,000 mixed requests: every status as expected, RSS flat within 10 %
	BUILD=$(BUILD) sh bench/soak.sh
