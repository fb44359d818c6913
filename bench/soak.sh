#!/bin/sh
# Memory soak: at least 1,000,000 requests, valid and invalid in a fixed mix
# (bench/soak_client.c: each with the status it must get), on loopback
# against one meetingd. The resident set size is read from /proc after a
# warm-up (allocator arenas and per-thread caches settle in the first few
# thousand requests; the figure right after start is printed too) and
# again at the end: the end may exceed the start by at most 10 %. RSS is
# sampled every 5 s in between and the peak printed.
#
#   BUILD=build sh bench/soak.sh                     (make soak)
#   REQUESTS=1000000 WARMUP=50000 CONNECTIONS=32 GROWTH=10
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in
/*) ;;
*) BUILD=$root/$BUILD ;;
esac
REQUESTS=${REQUESTS:-1000000}
WARMUP=${WARMUP:-50000}
CONNECTIONS=${CONNECTIONS:-32}
GROWTH=${GROWTH:-10}
bin=$BUILD/meetingd
client=$BUILD/soak-client

for f in "$bin" "$client"; do
	[ -x "$f" ] || { echo "soak: $f is missing (make BUILD=${BUILD#"$root"/} soak)" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/meetingd-soak.XXXXXX")
server=
sampler=
cleanup() {
	[ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
	[ -n "$server" ] && kill "$server" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$server/status"; }

# the access log is on, as in production; its lines are discarded
"$bin" serve --port 0 --bind 127.0.0.1 --max-connections 256 >/dev/null 2>"$work/err" &
server=$!
i=0
until port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/err") && [ -n "$port" ]; do
	i=$((i + 1))
	if [ $i -gt 100 ] || ! kill -0 "$server" 2>/dev/null; then
		echo "soak: meetingd did not start:" >&2
		cat "$work/err" >&2
		exit 1
	fi
	sleep 0.1
done
rss0=$(rss)
echo "soak: meetingd pid $server on port $port; RSS after start ${rss0} KiB"

"$client" "$port" "$WARMUP" "$CONNECTIONS" >"$work/warmup.out" || {
	cat "$work/warmup.out"
	echo "soak: the warm-up failed" >&2
	exit 1
}
rss1=$(rss)
echo "soak: after $WARMUP warm-up requests: RSS ${rss1} KiB (the start of the soak)"

(while sleep 5; do rss >>"$work/samples" 2>/dev/null || exit 0; done) &
sampler=$!
start=$(date +%s)
status=0
"$client" "$port" "$REQUESTS" "$CONNECTIONS" || status=$?
kill "$sampler" 2>/dev/null || true
sampler=
rss2=$(rss)
peak=$(sort -n "$work/samples" 2>/dev/null | tail -1)
echo "soak: $REQUESTS requests in $(($(date +%s) - start)) s"
echo "soak: RSS start ${rss1} KiB, end ${rss2} KiB, peak ${peak:-$rss2} KiB (sampled every 5 s)"

kill -TERM "$server"
wait "$server" || { echo "soak: meetingd exited with status $? after SIGTERM" >&2; status=1; }
server=
[ $status -eq 0 ] || { echo "soak: FAILED: wrong answers or broken connections (above)" >&2; exit 1; }
if [ "$rss2" -gt $((rss1 + rss1 * GROWTH / 100)) ]; then
	echo "soak: FAILED: RSS grew by more than ${GROWTH} % ($rss1 -> $rss2 KiB)" >&2
	exit 1
fi
echo "soak: ok: RSS within ${GROWTH} % ($(awk -v a="$rss1" -v b="$rss2" 'BEGIN { printf "%+.1f", (b - a) * 100 / a }') %)"
