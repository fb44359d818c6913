# Archive benchmark: `meetingd parse` over 2,000 files, -j 1 against -j 2,
# and peak RSS for 200 against 2,000 files (bench/archive_bench.sh). `make
# bench` runs it after the others; BENCH_ROUNDS, BENCH_FILES, BENCH_SMALL
# and BENCH_CORPUS tune it.
.PHONY: bench-archive

bench: bench-archive

$(BUILD)/run-stats: bench/run_stats.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $<

bench-archive: $(BUILD)/meetingd $(BUILD)/run-stats ## meetingd parse over 2,000 files: -j 2 against -j 1, peak RSS
	BUILD=$(BUILD) sh bench/archive_bench.sh
