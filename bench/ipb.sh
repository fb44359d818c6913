#!/bin/sh
# Instructions per input byte of `meetingd parse` (the model and its JSON
# out), counted by valgrind's callgrind, which is exact where a timing is
# noisy: the instructions of each article (every *.txt in ARTICLES, one
# process each) minus those of a one-word article (process start-up and
# the tables' first use), summed and divided by the articles' bytes.
#
#   BUILD=build sh bench/ipb.sh      (make bench-ipb builds first)
#
# ARTICLES (default tests/corpus/own): a folder of articles to measure.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
BUILD=${BUILD:-build}
ARTICLES=${ARTICLES:-tests/corpus/own}
MEETINGD=$BUILD/meetingd

if [ ! -x "$MEETINGD" ]; then
	echo "ipb: $MEETINGD is missing; run 'make BUILD=$BUILD bench-ipb'" >&2
	exit 2
fi
if ! command -v valgrind >/dev/null 2>&1; then
	echo "ipb: SKIPPED: valgrind is not installed (make deps installs it)"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

count() {
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$MEETINGD" parse "$1" \
		2>"$tmp/log" >/dev/null || {
		cat "$tmp/log" >&2
		echo "ipb: meetingd parse $1 failed" >&2
		exit 1
	}
	awk '/Collected/ { print $4 }' "$tmp/log"
}

printf 'họp\n' >"$tmp/one.txt"
base=$(count "$tmp/one.txt")
if [ -z "$base" ]; then
	echo "ipb: SKIPPED: callgrind cannot read this build's debug information" \
		"(use a gcc build)"
	exit 0
fi
total=0
bytes=0
n=0
for f in "$ARTICLES"/*.txt; do
	c=$(count "$f")
	b=$(wc -c <"$f")
	total=$((total + c - base))
	bytes=$((bytes + b))
	n=$((n + 1))
done
if [ "$bytes" -eq 0 ]; then
	echo "ipb: no articles in $ARTICLES" >&2
	exit 2
fi
awk -v t="$total" -v b="$bytes" -v n="$n" -v base="$base" 'BEGIN {
	printf "ipb: %d articles, %d bytes: %.0f instructions per input byte ", n, b, t / b
	printf "(callgrind, net of a one-word article: %d instructions)\n", base
}'
