#!/bin/sh
# Browser tests of the web page: Playwright (playwright-core, pinned in
# package-lock.json) drives Debian's Chromium against the real meetingd.
#
#   MEETINGD_BIN=build/meetingd sh tests/web/run.sh [node --test options]
#
# Skips (exit 0, with a message) when Chromium is not installed: `.ci/run`
# installs it (`apt-get install -y chromium`). Screenshots go to
# tests/web/output/ (MEETINGD_WEB_OUTPUT overrides).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
MEETINGD_BIN=${MEETINGD_BIN:-build/meetingd}
case $MEETINGD_BIN in
/*) ;;
*) MEETINGD_BIN=$root/$MEETINGD_BIN ;;
esac
export CHROMIUM_PATH MEETINGD_BIN

if [ ! -x "$CHROMIUM_PATH" ]; then
	echo "web tests: SKIPPED: $CHROMIUM_PATH is missing (apt-get install -y chromium)"
	exit 0
fi
if [ ! -x "$MEETINGD_BIN" ]; then
	echo "web tests: $MEETINGD_BIN is missing; build it first (make)" >&2
	exit 2
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "web tests: node and npm are needed ('make deps')" >&2
	exit 2
fi

cd "$here"
# reinstall when the lock file changed since the last install
if [ ! -f node_modules/.package-lock.json ] ||
	[ -n "$(find package-lock.json -newer node_modules/.package-lock.json)" ]; then
	echo "web tests: npm ci"
	log=$(mktemp)
	if ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
		cat "$log" >&2
		rm -f "$log"
		exit 1
	fi
	rm -f "$log"
fi

echo "web tests: $("$CHROMIUM_PATH" --version 2>/dev/null || echo chromium), $MEETINGD_BIN"
# node's own runner; its exit status is the tests' verdict
status=0
node --test --test-reporter=spec --test-concurrency=1 "$@" "$here"/*.test.mjs || status=$?
echo "web tests: screenshots in ${MEETINGD_WEB_OUTPUT:-$here/output}/"
exit "$status"
