-- wrk script for bench/http_bench.sh: POST one article (the file named by
-- BENCH_BODY) as text/plain on keep-alive connections, and print one
-- machine-readable line at the end.
local path = os.getenv("BENCH_BODY")
local f = assert(io.open(path, "rb"), "BENCH_BODY: cannot open " .. tostring(path))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format(
		"BENCH rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d socket_errors=%d non2xx=%d\n",
		summary.requests / (summary.duration / 1e6),
		latency:percentile(50) / 1000, latency:percentile(99) / 1000,
		summary.requests, e.connect + e.read + e.write + e.timeout, e.status))
end
