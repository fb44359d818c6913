#!/bin/bash
# The newcomer's session inside the fresh Debian 12 container of
# deploy/test/newcomer-test.sh (it is not meant to run anywhere else).
#
# /srv/newcomer (read-only) holds the README's blocks as the host extracted
# them (source.sh, serve.sh, examples.sh, test.sh), a bare clone of the
# repository and this script; /srv/out receives the logs and `results`, one
# PASS/FAIL line per step. Runs as root in /root, with no terminal, like a
# script pasted into a root shell.
# the README's blocks are sourced files made at run time
# shellcheck disable=SC1091
set -uo pipefail

in=/srv/newcomer
out=/srv/out
t0=$(date +%s)
elapsed() { echo $(($(date +%s) - $1)); }
ok() {
	echo "PASS  $1" | tee -a "$out/results"
}
ko() {
	echo "FAIL  $1" | tee -a "$out/results"
}
# the last lines of a log, indented, after a failure
show() { tail -n "${2:-40}" "$1" | sed 's/^/    | /'; }
# Not part of the newcomer's machine: keep the .deb files apt downloads in
# the cache the host lends (the slim image's apt hook deletes them).
rm -f /etc/apt/apt.conf.d/docker-clean

had=$(command -v cc gcc make git node npm | tr '\n' ' ')
echo "newcomer: $(. /etc/os-release && echo "$PRETTY_NAME"), $(nproc) cores; of cc gcc make git node npm it has: ${had:-none}"

# ---- the source ---------------------------------------------------------------
# Run as written; the folder it ends in (its `cd meetingd`) is where the
# newcomer goes on.
step=$(date +%s)
cd /root
# shellcheck disable=SC1091
if (set -e && . "$in/source.sh" && pwd >"$out/srcdir") >"$out/source.log" 2>&1; then
	cd "$(cat "$out/srcdir")" || exit 1
	ok "README source block: a clone in $(pwd) at $(git rev-parse --short HEAD) ($(elapsed "$step") s)"
else
	ko "README source block"
	show "$out/source.log"
	exit 1
fi

# ---- the first command, in the background until /healthz answers -----------
# its own session (setsid), so that the stop reaches make and meetingd
step=$(date +%s)
setsid bash -c ". $in/serve.sh" >"$out/serve.log" 2>&1 </dev/null &
serve=$!
up=""
while kill -0 "$serve" 2>/dev/null; do
	if [ "$(curl -sS --max-time 2 http://127.0.0.1:8080/healthz 2>/dev/null)" = '{"status":"ok"}' ]; then
		up=1
		break
	fi
	[ "$(elapsed "$step")" -lt 1800 ] || break
	sleep 1
done
if [ -z "$up" ]; then
	wait "$serve" 2>/dev/null
	st=$?
	ko "README first command: no /healthz within $(elapsed "$step") s (it exited $st):"
	show "$out/serve.log"
	kill -TERM -- -"$serve" 2>/dev/null
	exit 1
fi
ok "README first command: deps installed, built, GET /healthz is {\"status\":\"ok\"} after $(elapsed "$step") s"
echo "newcomer: $(node --version 2>&1 | sed 's/^/node /'), npm $(npm --version 2>&1), $(build/meetingd --version 2>&1)"
case $(node --version 2>/dev/null) in
v18.*) ok "Node.js is Debian 12's $(node --version)" ;;
*) ko "Node.js is not Debian 12's 18: $(node --version 2>&1)" ;;
esac

# ---- the README's examples against it ------------------------------------------
# Every answer printed must be a ParseResult with at least one meeting (the
# examples are meeting reports); they are concatenated JSON documents.
step=$(date +%s)
if (set -e && . "$in/examples.sh") >"$out/examples.out" 2>"$out/examples.err"; then
	if verdict=$(python3 - "$out/examples.out" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
dec, i, n, bad = json.JSONDecoder(), 0, 0, []
while True:
    while i < len(text) and text[i].isspace():
        i += 1
    if i == len(text):
        break
    try:
        doc, i = dec.raw_decode(text, i)
    except ValueError as e:
        bad.append(f"not JSON at byte {i}: {e}")
        break
    n += 1
    if not (isinstance(doc, dict) and doc.get("meetings")):
        bad.append(f"answer {n} has no meeting: {json.dumps(doc, ensure_ascii=False)[:200]}")
print(f"{n} answers, each with a meeting" if n and not bad else "; ".join(bad) or "no answer")
sys.exit(0 if n and not bad else 1)
PY
	); then
		ok "README examples (examples/): $verdict ($(elapsed "$step") s)"
	else
		ko "README examples: $verdict"
		show "$out/examples.out" 10
	fi
else
	ko "README examples: a command failed"
	show "$out/examples.err"
fi

# ---- stop it: SIGTERM to the session, meetingd drains and exits --------------
kill -TERM -- -"$serve" 2>/dev/null
i=0
while kill -0 -- -"$serve" 2>/dev/null && [ $i -lt 30 ]; do
	sleep 1
	i=$((i + 1))
done
if kill -0 -- -"$serve" 2>/dev/null; then
	ko "the server did not stop within 30 s of SIGTERM"
	kill -KILL -- -"$serve" 2>/dev/null
else
	if grep -q 'meetingd: stopped' "$out/serve.log"; then
		ok "SIGTERM: the server drained and stopped in $i s"
	else
		ko "SIGTERM: the server stopped without saying so"
		show "$out/serve.log" 10
	fi
fi
wait "$serve" 2>/dev/null

# ---- Chromium, then the test command -----------------------------------------
step=$(date +%s)
if make web-deps >"$out/web-deps.log" 2>&1; then
	ok "make web-deps: $(chromium --version 2>/dev/null) ($(elapsed "$step") s)"
else
	ko "make web-deps"
	show "$out/web-deps.log"
fi
step=$(date +%s)
echo "newcomer: README test command: $(tr '\n' ';' <"$in/test.sh" | sed 's/;$//')"
# what the test command says of itself: skips, results, summaries
(set -e && . "$in/test.sh") 2>&1 </dev/null | tee "$out/test.log" |
	grep --line-buffered -E 'SKIPPED|^(PASS|FAIL) |: [0-9]+ passed, [0-9]+ failed|Synthesis|^ℹ (pass|fail) |\*\*\*' |
	sed -u 's/^/newcomer: | /'
st=${PIPESTATUS[0]}
if [ "$st" = 0 ]; then
	ok "README test command passed in $(elapsed "$step") s"
else
	ko "README test command exited $st after $(elapsed "$step") s"
	show "$out/test.log" 60
fi
echo "newcomer: $(elapsed "$t0") s in the container"
