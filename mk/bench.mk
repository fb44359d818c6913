# HTTP benchmark: meetingd against a bare libmicrohttpd reference server,
# both driven by wrk (bench/http_bench.sh). `make bench` runs it after the
# model benchmark; BENCH_ROUNDS, BENCH_DURATION, BENCH_CONNECTIONS tune it.
.PHONY: bench-http

bench: bench-http

$(BUILD)/ref-server: bench/ref_server.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(shell pkg-config --libs libmicrohttpd) -lpthread

bench-http: $(BUILD)/meetingd $(BUILD)/ref-server ## meetingd vs a bare libmicrohttpd server under wrk (installs wrk as root when missing)
	BUILD=$(BUILD) sh bench/http_bench.sh
