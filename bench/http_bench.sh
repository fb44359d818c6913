#!/bin/sh
# HTTP benchmark: meetingd against a bare libmicrohttpd server with the same
# daemon flags (bench/ref_server.c), both started here on loopback ports with
# no access log, driven alternately by wrk POSTing one of the project's own
# articles on keep-alive connections. Prints requests/s, p50/p99 latency,
# each server's CPU time per request (user+system/system, in microseconds:
# on a shared machine it moves less than requests/s) and the ratio
# meetingd/reference for every round, the median ratio, and meetingd's peak
# RSS during the 256-connection runs.
#
#   BUILD=build sh bench/http_bench.sh        (make bench-http builds first)
#
# Tuning (environment): BENCH_ROUNDS (3), BENCH_DURATION seconds per run (5),
# BENCH_CONNECTIONS ("32 256"), BENCH_WRK_THREADS (2),
# BENCH_ARTICLE (tests/corpus/own/own-hungyen-btv-hoinghi-12.txt).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
BUILD=${BUILD:-build}
ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-5}
CONNECTIONS=${BENCH_CONNECTIONS:-32 256}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
ARTICLE=${BENCH_ARTICLE:-tests/corpus/own/own-hungyen-btv-hoinghi-12.txt}
MEETINGD=$BUILD/meetingd
REF=$BUILD/ref-server

for f in "$MEETINGD" "$REF"; do
	if [ ! -x "$f" ]; then
		echo "http_bench: $f is missing; run 'make BUILD=$BUILD bench-http'" >&2
		exit 2
	fi
done
if [ ! -r "$ARTICLE" ]; then
	echo "http_bench: cannot read $ARTICLE" >&2
	exit 2
fi
if ! command -v wrk >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "http_bench: installing wrk (Debian package)"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
	else
		echo "http_bench: wrk is missing: apt-get install -y wrk" >&2
		exit 2
	fi
fi

tmp=$(mktemp -d)
mpid=
rpid=
# shellcheck disable=SC2317 # called from the EXIT trap
cleanup() {
	for p in $mpid $rpid; do
		kill "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# wait_port LOG: the port a server printed as "listening on 127.0.0.1:PORT"
wait_port() {
	i=0
	while :; do
		port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$1" | head -n 1)
		if [ -n "$port" ]; then
			echo "$port"
			return 0
		fi
		i=$((i + 1))
		if [ "$i" -gt 100 ]; then
			echo "http_bench: server did not start:" >&2
			cat "$1" >&2
			return 1
		fi
		sleep 0.1
	done
}

# wrk's connections all come from one address: no per-address limit here
"$MEETINGD" serve --bind 127.0.0.1 --port 0 --access-log off --threads 0 \
	--max-client-connections 0 >/dev/null 2>"$tmp/meetingd.log" &
mpid=$!
"$REF" --bind 127.0.0.1 --port 0 --threads 0 2>"$tmp/ref.log" &
rpid=$!
mport=$(wait_port "$tmp/meetingd.log")
rport=$(wait_port "$tmp/ref.log")
murl=http://127.0.0.1:$mport/v1/parse
rurl=http://127.0.0.1:$rport/v1/parse

# the article really parses (not a cheap error answer)
if command -v curl >/dev/null 2>&1; then
	code=$(curl -s -o "$tmp/check.json" -w '%{http_code}' -H 'Content-Type: text/plain; charset=utf-8' \
		--data-binary "@$ARTICLE" "$murl")
	if [ "$code" != 200 ] || ! grep -q '"meetings":\[{' "$tmp/check.json"; then
		echo "http_bench: meetingd answered $code without a meeting for $ARTICLE" >&2
		exit 1
	fi
fi

hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }
# Writing 5 to clear_refs resets the peak (Linux >= 4.0), so the peak read
# after a run belongs to that run; where it cannot, the peak since start.
reset_hwm() { { echo 5 >"/proc/$1/clear_refs"; } 2>/dev/null || true; }

# cpu_ticks PID: the process's user and system time so far, in clock ticks
cpu_ticks() { awk '{ print $14, $15 }' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK 2>/dev/null || echo 100)

BENCH_BODY=$ARTICLE
export BENCH_BODY
# run_wrk URL CONNECTIONS SECONDS: prints "rps p50_ms p99_ms socket_errors non2xx requests"
run_wrk() {
	wrk -t"$WRK_THREADS" -c"$2" -d"$3"s --timeout 10s -s bench/post.lua "$1" >"$tmp/wrk.out" 2>&1 || {
		cat "$tmp/wrk.out" >&2
		return 1
	}
	sed -n 's/^BENCH rps=\([^ ]*\) p50_ms=\([^ ]*\) p99_ms=\([^ ]*\) requests=\([^ ]*\) socket_errors=\([^ ]*\) non2xx=\([^ ]*\)$/\1 \2 \3 \5 \6 \4/p' "$tmp/wrk.out"
}

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
echo "HTTP benchmark: POST /v1/parse with $ARTICLE ($(wc -c <"$ARTICLE" | tr -d ' ') bytes), keep-alive"
echo "  wrk $WRK_THREADS threads, ${DURATION} s per run, $ROUNDS rounds, connections: $CONNECTIONS"
echo "  machine: $(nproc) cores, ${cpu:-unknown CPU}, $(uname -sr); both servers $(sed -n 's/.*threads=\([0-9]*\).*/\1/p' "$tmp/meetingd.log" | head -n 1) threads"
echo "  load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews every number)"
echo "  warm-up: 1 s each"
run_wrk "$rurl" 32 1 >/dev/null
run_wrk "$murl" 32 1 >/dev/null

printf '\n%-5s %-5s %-9s %10s %9s %9s %7s %11s %7s\n' round conns server 'req/s' 'p50 ms' 'p99 ms' errors 'cpu us/req' ratio
: >"$tmp/ratios"
: >"$tmp/rss"
r=1
while [ "$r" -le "$ROUNDS" ]; do
	for c in $CONNECTIONS; do
		# alternate who goes first, so drift (thermal, noisy neighbours)
		# does not always favour the same server
		if [ $((r % 2)) = 1 ]; then order="ref meetingd"; else order="meetingd ref"; fi
		for s in $order; do
			if [ "$s" = ref ]; then url=$rurl pid=$rpid; else url=$murl pid=$mpid; fi
			reset_hwm "$pid"
			t0=$(cpu_ticks "$pid")
			# word splitting wanted: six numbers become $1..$6
			# shellcheck disable=SC2046
			set -- $(run_wrk "$url" "$c" "$DURATION")
			t1=$(cpu_ticks "$pid")
			if [ $# -ne 6 ]; then
				echo "http_bench: wrk printed no result:" >&2
				cat "$tmp/wrk.out" >&2
				exit 1
			fi
			# CPU microseconds per request: user+system/system
			cpu=$(echo "$t0 $t1" | awk -v n="$6" -v t="$TICK" '{ r = n > 0 ? n : 1
				printf "%.0f/%.0f", ($3 + $4 - $1 - $2) * 1e6 / t / r, ($4 - $2) * 1e6 / t / r }')
			if [ "$s" = ref ]; then
				ref_rps=$1 ref_line="$1 $2 $3 $(($4 + $5)) $cpu"
			else
				m_rps=$1 m_line="$1 $2 $3 $(($4 + $5)) $cpu"
			fi
			if [ "$c" -ge 256 ]; then
				echo "$s $(hwm_kb "$pid")" >>"$tmp/rss"
			fi
		done
		ratio=$(awk -v m="$m_rps" -v f="$ref_rps" 'BEGIN { r = 0; if (f + 0 > 0) r = m / f; printf "%.3f", r }')
		echo "$c $ratio" >>"$tmp/ratios"
		# shellcheck disable=SC2086
		printf '%-5s %-5s %-9s %10.0f %9.2f %9.2f %7s %11s\n' "$r" "$c" reference $ref_line
		# shellcheck disable=SC2086
		printf '%-5s %-5s %-9s %10.0f %9.2f %9.2f %7s %11s %7s\n' "$r" "$c" meetingd $m_line "$ratio"
	done
	r=$((r + 1))
done

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
for c in $CONNECTIONS; do
	echo "median ratio meetingd/reference at $c connections: $(awk -v c="$c" '$1 == c { print $2 }' "$tmp/ratios" | median)"
done
echo "median ratio meetingd/reference, all runs: $(awk '{ print $2 }' "$tmp/ratios" | median)"
if [ -s "$tmp/rss" ]; then
	echo "peak RSS (VmHWM) during the 256-connection runs: meetingd" \
		"$(awk '$1 == "meetingd" && $2 > m { m = $2 } END { printf "%.1f MB", m / 1024 }' "$tmp/rss"), reference" \
		"$(awk '$1 == "ref" && $2 > m { m = $2 } END { printf "%.1f MB", m / 1024 }' "$tmp/rss")"
fi
