# engine-compare: while the old model engine is still in the history, the
# new one must give the same JSON on every input the repository holds (the
# own corpus, the golden cases, the model and compare fuzz seeds, the
# examples, the compare fuzzer's regressions) with the default options,
# --explain --include-text, and UTF-16 and byte offsets, except for the
# deliberate fixes tools/engine_compare.py lists.
# The old engine is the tree of commit ENGINE_OLD_COMMIT, before the
# rewrite, built with its own Makefile in build-old/. Without that commit
# (a tarball, a shallow clone) the check says SKIPPED.
ENGINE_OLD_COMMIT := 1a65850
ENGINE_OLD_BUILD  := build-old
# patterns, expanded by the script (the seeds are too many for one command)
# the articles: compared whatever they hold
ENGINE_COMPARE_INPUTS ?= 'tests/corpus/own/*.txt' 'tests/cases/*/article.txt' \
                         'fuzz/corpus/compare/*' 'examples/*.txt'
# the fuzz seeds: one of a shape a listed text-layer change applies to
# (tools/engine_compare.py SHAPES) is set aside and counted
ENGINE_COMPARE_LENIENT ?= 'fuzz/corpus/model/*' $(wildcard fuzz/regressions/compare/*)

.PHONY: engine-compare engine-old

engine-compare: $(BUILD)/meetingd ## the new model engine against the old one (commit 1a65850) on every in-repo input: the same JSON and errors but for the listed fixes
	@if ! git cat-file -e '$(ENGINE_OLD_COMMIT)^{commit}' 2>/dev/null; then \
	  echo "engine-compare: SKIPPED: no git history (commit $(ENGINE_OLD_COMMIT) not found)"; \
	  exit 0; \
	fi; \
	$(MAKE) --no-print-directory engine-old && \
	python3 tools/engine_compare.py --self-test && \
	python3 tools/engine_compare.py --old $(ENGINE_OLD_BUILD)/meetingd --new $(BUILD)/meetingd \
	  --report $(ENGINE_OLD_BUILD)/engine-compare.txt $(ENGINE_COMPARE_INPUTS) \
	  --lenient $(ENGINE_COMPARE_LENIENT)

# The old tree is fixed, so it is extracted and built once. Its make runs
# without this make's command-line variables and build flags: BUILD, OPT,
# CC or LDFLAGS given for the new engine (make asan, the clang build) are
# not the old engine's.
ENGINE_OLD_MAKE = env -u MAKEFLAGS -u MFLAGS -u CC -u CFLAGS -u LDFLAGS -u OPT -u HARDEN \
                  $(MAKE) -s --no-print-directory -C $(ENGINE_OLD_BUILD)/src -j2

$(ENGINE_OLD_BUILD)/src/.extracted:
	@rm -rf $(ENGINE_OLD_BUILD)/src.tmp && mkdir -p $(ENGINE_OLD_BUILD)/src.tmp
	@git archive $(ENGINE_OLD_COMMIT) | tar -x -C $(ENGINE_OLD_BUILD)/src.tmp
	@touch $(ENGINE_OLD_BUILD)/src.tmp/.extracted
	@rm -rf $(ENGINE_OLD_BUILD)/src && mv $(ENGINE_OLD_BUILD)/src.tmp $(ENGINE_OLD_BUILD)/src
	@echo "engine-old: commit $(ENGINE_OLD_COMMIT) extracted into $(ENGINE_OLD_BUILD)/src"

engine-old: $(ENGINE_OLD_BUILD)/src/.extracted ## extract commit 1a65850 (the old model engine) into build-old/src and build its meetingd there
	@$(ENGINE_OLD_MAKE) BUILD=$(CURDIR)/$(ENGINE_OLD_BUILD) $(CURDIR)/$(ENGINE_OLD_BUILD)/meetingd

# The compare fuzz target's old half (fuzz/fuzz_compare_old.h): the old
# engine's model objects, instrumented as the fuzz build is, with every
# global symbol they define renamed old_ (nm, objcopy --redefine-syms), and
# the shim that calls them, compiled against the old model.h and renamed
# alike; so the old and new engines link into one binary.
ENGINE_OLD_FUZZ := $(ENGINE_OLD_BUILD)/fuzz
$(ENGINE_OLD_FUZZ)/libmodel-old.a: fuzz/fuzz_compare_old.c fuzz/fuzz_compare_old.h \
                                   $(ENGINE_OLD_BUILD)/src/.extracted
	@$(ENGINE_OLD_MAKE) BUILD=$(CURDIR)/$(ENGINE_OLD_FUZZ) CC=$(FUZZ_CC) OPT="$(FUZZ_OPT)" HARDEN= \
	  $(CURDIR)/$(ENGINE_OLD_FUZZ)/libmodel.a
	$(FUZZ_CC) -std=c11 -D_GNU_SOURCE $(FUZZ_OPT) $(WARN) $(PKG_CFLAGS) -I$(ENGINE_OLD_BUILD)/src -I. \
	  -c fuzz/fuzz_compare_old.c -o $(ENGINE_OLD_FUZZ)/old_shim.o
	nm --defined-only -g $(ENGINE_OLD_FUZZ)/libmodel.a | awk 'NF == 3 { print $$3 " old_" $$3 }' | \
	  sort -u > $(ENGINE_OLD_FUZZ)/old.syms
	objcopy --redefine-syms=$(ENGINE_OLD_FUZZ)/old.syms $(ENGINE_OLD_FUZZ)/libmodel.a $@.tmp
	objcopy --redefine-syms=$(ENGINE_OLD_FUZZ)/old.syms $(ENGINE_OLD_FUZZ)/old_shim.o \
	  $(ENGINE_OLD_FUZZ)/old_shim_renamed.o
	ar rs $@.tmp $(ENGINE_OLD_FUZZ)/old_shim_renamed.o
	mv $@.tmp $@
