#!/bin/sh
# Archive benchmark: `meetingd parse` over a folder of 2,000 article files,
# -j 1 against -j 2 in the same run, and peak RSS for 200 against 2,000
# files (memory must not grow with the archive).
#
#   BUILD=build sh bench/archive_bench.sh     (make bench-archive builds first)
#
# The articles: BENCH_CORPUS (a folder of *.txt), else the dev corpus of
# ../shared/corpus/dev beside the checkout when it is there, else the
# project's own articles (tests/corpus/own, tests/cases); repeated (hard
# links, or copies) up to BENCH_FILES (2000) and BENCH_SMALL (200) files.
# BENCH_ROUNDS (5) rounds, each running -j 1 and -j 2 with the order
# alternating, so that drift on a shared machine does not favour either.
# Reported per run: wall and CPU time (user + system) and peak RSS (wait4);
# then medians. The ratio is articles/s of -j 2 over -j 1 within a round.
# CPU time per article says what -j 2 costs in extra work (locks, copies):
# with other jobs on the machine the wall-clock ratio can fall short while
# the CPU time shows the pipeline itself scales.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
BUILD=${BUILD:-build}
FILES=${BENCH_FILES:-2000}
SMALL=${BENCH_SMALL:-200}
ROUNDS=${BENCH_ROUNDS:-5}
MEETINGD=$BUILD/meetingd
STATS=$BUILD/run-stats

for f in "$MEETINGD" "$STATS"; do
	if [ ! -x "$f" ]; then
		echo "archive_bench: $f is missing; run 'make BUILD=$BUILD bench-archive'" >&2
		exit 2
	fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "${BENCH_CORPUS:-}" ]; then
	src=$BENCH_CORPUS
	what="$BENCH_CORPUS"
elif [ -d "$root/../shared/corpus/dev" ]; then
	src=$root/../shared/corpus/dev
	what="the dev corpus (../shared/corpus/dev)"
else
	src=
	what="the project's own articles (tests/corpus/own, tests/cases)"
fi
: >"$tmp/list"
if [ -n "$src" ]; then
	find "$src" -maxdepth 1 -name '*.txt' -type f | sort >"$tmp/list"
else
	{
		ls tests/corpus/own/*.txt
		ls tests/cases/*/article.txt
	} | sort >"$tmp/list"
fi
n_src=$(wc -l <"$tmp/list" | tr -d ' ')
if [ "$n_src" = 0 ]; then
	echo "archive_bench: no articles in $what" >&2
	exit 2
fi

# fill DIR COUNT: COUNT files named 00000.txt ..., the articles in turn
fill() {
	mkdir -p "$1"
	awk -v n="$2" -v d="$1" '{ a[NR] = $0 } END {
		for (i = 0; i < n; i++) printf "%s\t%s/%05d.txt\n", a[i % NR + 1], d, i }' "$tmp/list" |
		while IFS="$(printf '\t')" read -r from to; do
			ln "$from" "$to" 2>/dev/null || cp "$from" "$to"
		done
}
fill "$tmp/big" "$FILES"
fill "$tmp/small" "$SMALL"
bytes=$(cat "$tmp/big"/*.txt | wc -c | tr -d ' ')

# run NAME JOBS DIR: one timed run; appends "NAME wall cpu rss" to $tmp/runs
run() {
	"$STATS" "$MEETINGD" parse --quiet -j "$2" -o "$tmp/out.ndjson" "$3" 2>"$tmp/stats" || true
	# word splitting wanted: five numbers become $2..$6
	# shellcheck disable=SC2046
	set -- "$1" $(tail -n 1 "$tmp/stats")
	if [ $# -ne 6 ] || [ "$6" -gt 1 ]; then
		echo "archive_bench: meetingd parse failed:" >&2
		cat "$tmp/stats" >&2
		exit 1
	fi
	echo "$1 $2 $(awk -v u="$3" -v s="$4" 'BEGIN { printf "%.3f", u + s }') $5" >>"$tmp/runs"
}

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
echo "Archive benchmark: meetingd parse -j 1 / -j 2 over $FILES files ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB)"
echo "  articles: $n_src from $what, repeated"
echo "  machine: $(nproc) cores, ${cpu:-unknown CPU}, $(uname -sr)"
echo "  load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews wall time)"

# warm-up: the page cache and the binary
"$MEETINGD" parse --quiet -j 2 -o "$tmp/out.ndjson" "$tmp/big" || true
lines=$(wc -l <"$tmp/out.ndjson" | tr -d ' ')
failed=$(grep -c '"type":"https://meetingd.dev/problems/' "$tmp/out.ndjson" || true)
echo "  check: $lines result lines for $FILES files, $failed problem lines"
if [ "$lines" != "$FILES" ]; then
	echo "archive_bench: expected $FILES lines" >&2
	exit 1
fi

: >"$tmp/runs"
printf '\n%-5s %-4s %8s %8s %10s %12s %9s\n' round jobs 'wall s' 'cpu s' 'articles/s' 'cpu ms/art' 'RSS MB'
r=1
while [ "$r" -le "$ROUNDS" ]; do
	if [ $((r % 2)) = 1 ]; then order="1 2"; else order="2 1"; fi
	: >"$tmp/runs"
	for j in $order; do
		run "j$j" "$j" "$tmp/big"
	done
	for j in 1 2; do
		awk -v r="$r" -v j="$j" -v n="$FILES" '$1 == "j" j {
			printf "%-5s %-4s %8.3f %8.3f %10.1f %12.3f %9.1f\n", r, j, $2, $3, n / $2, 1000 * $3 / n, $4 / 1024 }' "$tmp/runs"
	done
	awk -v n="$FILES" '{ w[$1] = $2; c[$1] = $3; m[$1] = $4 } END {
		printf "%s %s %s %s %s %s\n", w["j1"] / w["j2"], (c["j1"] / n) / (c["j2"] / n), n / w["j1"], n / w["j2"], c["j2"] / w["j2"], m["j2"] }' \
		"$tmp/runs" >>"$tmp/rounds"
	run small 2 "$tmp/small"
	awk '$1 == "small" { print $4 }' "$tmp/runs" >>"$tmp/rss_small"
	r=$((r + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio=$(awk '{ print $1 }' "$tmp/rounds" | median)
cpu_ratio=$(awk '{ print $2 }' "$tmp/rounds" | median)
a1=$(awk '{ print $3 }' "$tmp/rounds" | median)
a2=$(awk '{ print $4 }' "$tmp/rounds" | median)
busy=$(awk '{ print $5 }' "$tmp/rounds" | median)
rss_big=$(awk '{ print $6 }' "$tmp/rounds" | median)
rss_small=$(median <"$tmp/rss_small")
echo
echo "median articles/s: -j 1 $a1, -j 2 $a2"
echo "median ratio -j 2 / -j 1 (articles/s, same round): $ratio (target >= 1.8: $(awk -v r="$ratio" 'BEGIN { print (r >= 1.8 ? "met" : "NOT met") }'))"
echo "median CPU per article -j 1 / -j 2: $cpu_ratio (1.0: -j 2 does no extra work); -j 2 kept $busy cores busy"
echo "peak RSS (-j 2): $SMALL files $(awk -v k="$rss_small" 'BEGIN { printf "%.1f", k / 1024 }') MB," \
	"$FILES files $(awk -v k="$rss_big" 'BEGIN { printf "%.1f", k / 1024 }') MB" \
	"($(awk -v a="$rss_small" -v b="$rss_big" 'BEGIN { printf "%+.1f", 100 * (b - a) / a }') %;" \
	"target within 10 %: $(awk -v a="$rss_small" -v b="$rss_big" 'BEGIN { d = (b - a) / a; if (d < 0) d = -d; print (d <= 0.10 ? "met" : "NOT met") }'))"
