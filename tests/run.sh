#!/bin/sh
# Run every test: lint the API contract, start the contract validator, then
# the Criterion suite (unit, golden cases, HTTP tests that check each live
# response against openapi.yaml through the validator).
#
#   BUILD=build sh tests/run.sh [criterion options, e.g. --filter 'http/*']
#
# `make test` builds $BUILD/meetingd and $BUILD/test-suite first.
# MEETINGD_WRAP, when set, prefixes the suite (e.g. a valgrind command line).
# Criterion's summary is the last thing printed; the validator's statistics go
# to $BUILD/contract-stats.json and its log to $BUILD/contract-validator.log.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in
/*) ;;
*) BUILD=$root/$BUILD ;;
esac
MEETINGD_WRAP=${MEETINGD_WRAP:-}
contract=$root/tests/contract
redocly=$contract/node_modules/.bin/redocly
# Tests must not phone home or nag.
REDOCLY_TELEMETRY=off
REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export REDOCLY_TELEMETRY REDOCLY_SUPPRESS_UPDATE_NOTICE

for f in "$BUILD/meetingd" "$BUILD/test-suite"; do
	if [ ! -x "$f" ]; then
		echo "run.sh: $f is missing; run 'make BUILD=${BUILD#"$root"/} test'" >&2
		exit 2
	fi
done
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "run.sh: node and npm are needed for the contract tests ('make deps')" >&2
	exit 2
fi

log=$BUILD/contract-tools.log
: >"$log"

# Print the captured output of a failed step, then fail.
fail() {
	echo "run.sh: $1 failed:" >&2
	cat "$log" >&2
	exit 1
}

# (a) contract tools, reinstalled when the lock file changed since the last install
cd "$contract"
if [ ! -f node_modules/.package-lock.json ] ||
	[ -n "$(find package-lock.json -newer node_modules/.package-lock.json)" ]; then
	echo "contract: npm ci"
	npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1 || fail "npm ci"
fi

# (a2) every npm package of the three lock files runs on Debian 12's Node 18
# (npm only warns, and not at all on a machine with a newer Node)
echo "contract: npm engines accept Debian 12's Node"
node "$contract/engines.mjs" >"$log" 2>&1 || fail "the npm engines check"

# (b) lint (redocly.yaml in this folder makes warnings errors too)
echo "contract: redocly lint openapi.yaml"
"$redocly" lint "$root/openapi.yaml" >"$log" 2>&1 || fail "redocly lint"

# (c) bundle to one JSON document for the validator
echo "contract: redocly bundle -> ${BUILD#"$root"/}/openapi.json"
"$redocly" bundle "$root/openapi.yaml" -o "$BUILD/openapi.json" --ext json >"$log" 2>&1 ||
	fail "redocly bundle"

# (d) the validator, on a free port it picks itself
portfile=$BUILD/contract-port
stats=$BUILD/contract-stats.json
rm -f "$portfile" "$stats"
node "$contract/validator.mjs" "$BUILD/openapi.json" 0 "$portfile" "$stats" \
	>"$BUILD/contract-validator.log" 2>&1 &
validator=$!

# shellcheck disable=SC2317 # called from the EXIT trap
stop_validator() {
	if [ -n "$validator" ]; then
		kill "$validator" 2>/dev/null || true
		wait "$validator" 2>/dev/null || true
		validator=
	fi
}
trap stop_validator EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 141' PIPE
trap 'exit 143' TERM

i=0
while [ ! -s "$portfile" ]; do
	if ! kill -0 "$validator" 2>/dev/null; then
		echo "run.sh: the contract validator exited:" >&2
		cat "$BUILD/contract-validator.log" >&2
		exit 1
	fi
	i=$((i + 1))
	if [ "$i" -gt 300 ]; then
		echo "run.sh: the contract validator did not start within 30 s" >&2
		exit 1
	fi
	sleep 0.1
done
port=$(cat "$portfile")
echo "contract: validator on 127.0.0.1:$port"

# (e) the suite; nothing is printed after it
cd "$root"
status=0
# MEETINGD_WRAP is split into words on purpose: it is a command line.
# shellcheck disable=SC2086
MEETINGD_BIN=$BUILD/meetingd \
	MEETINGD_CONTRACT_URL=http://127.0.0.1:$port/validate \
	$MEETINGD_WRAP "$BUILD/test-suite" "$@" || status=$?

# (f) the EXIT trap stops the validator, which writes $stats
exit "$status"
