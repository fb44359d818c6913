#!/bin/sh
# make newcomer-test: the README's Quick start, followed to the letter on a
# fresh Debian 12, as a newcomer would.
#
#   sh deploy/test/newcomer-test.sh        (root; podman, runc, git)
#
# (1) The README's blocks marked `<!-- newcomer-test: NAME -->` are taken
#     from README.md as they are written: `source` (get the source),
#     `serve` (the first command: install, build, serve), `examples` (the
#     "Using it" commands) and `test` (the test command). The text and the
#     test cannot drift apart.
# (2) A fresh root file system: minbase bookworm from Debian's mirror, the
#     same stand-in for debian:bookworm-slim that image-test uses, cached by
#     deploy/test/base-image.sh in /var/cache/meetingd-rootfs, imported into
#     a private, throw-away container store.
# (3) A container of it runs deploy/test/newcomer-inner.sh: the `source`
#     block with this repository's committed HEAD as <repository URL>, the
#     `serve` command in the background until /healthz answers, the
#     `examples` block against it (every answer a ParseResult with a
#     meeting), a SIGTERM stop, `make web-deps` (Chromium), and the `test`
#     command. Inside, the deploy checks that need a container engine say
#     SKIPPED (there is none), and so does this test.
#
# Only Debian's packages and the npm registry are used: Node.js is Debian's
# 18, whatever this machine runs. What the container downloads is kept for
# the next run in /var/cache/meetingd-newcomer (NEWCOMER_CACHE): apt's .deb
# files and npm's cache, used by one run at a time (a second run at the same
# moment downloads afresh). Certificate authorities this machine adds to
# Debian's (/usr/local/share/ca-certificates, e.g. an intercepting proxy's)
# are lent to the container read-only, or its downloads would fail here
# where a newcomer's would not. The container has its own network namespace:
# the `serve` command's port 8080 is the container's, not this machine's.
#
# Prints PASS/FAIL per step and a summary; the logs are kept in
# $BUILD/newcomer-test/. SKIPPED (exit 0) where it cannot run: not root, or
# podman, runc or git missing (make image-deps, make deps).
# $podman is a command line: split on purpose
# shellcheck disable=SC2086
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$root/$BUILD ;; esac
ROOTFS_CACHE=${ROOTFS_CACHE:-/var/cache/meetingd-rootfs}
NEWCOMER_CACHE=${NEWCOMER_CACHE:-/var/cache/meetingd-newcomer}
# the whole container run, installs and the full test command included
NEWCOMER_TIMEOUT=${NEWCOMER_TIMEOUT:-3000}
IMAGE=docker.io/library/debian:bookworm-slim
t0=$(date +%s)
elapsed() { echo $(($(date +%s) - $1)); }

skip() {
	echo "newcomer-test: SKIPPED: $1"
	exit 0
}
[ "$(id -u)" = 0 ] || skip "not root (podman and debootstrap need root here)"
for tool in podman runc git; do
	command -v $tool >/dev/null 2>&1 || skip "$tool is not installed (make image-deps, make deps)"
done
arch=$(dpkg --print-architecture)
if [ ! -s "$ROOTFS_CACHE/bookworm-slim-$arch.tar" ] && ! command -v debootstrap >/dev/null 2>&1; then
	skip "debootstrap is not installed and no root file system is cached (make image-deps)"
fi

# ---- (1) the README's blocks ---------------------------------------------------
# block NAME: the lines of the first ``` fence after `<!-- newcomer-test: NAME`
block() {
	awk -v name="$1" '
		index($0, "<!-- newcomer-test: " name " ") == 1 || $0 == "<!-- newcomer-test: " name " -->" { want = 1; next }
		want && !open && /^```/ { open = 1; next }
		open && /^```/ { exit }
		open { print }
	' README.md
}
logs=$BUILD/newcomer-test
rm -rf "$logs"
mkdir -p "$logs"
work=$(mktemp -d /tmp/meetingd-newcomer.XXXXXX)
chmod 0755 "$work"
for name in source serve examples test; do
	block $name >"$work/$name.sh"
	if [ ! -s "$work/$name.sh" ]; then
		echo "newcomer-test: FAIL: README.md has no \`<!-- newcomer-test: $name -->\` block"
		rm -rf "$work"
		exit 1
	fi
done
if ! grep -q '<repository URL>' "$work/source.sh"; then
	echo "newcomer-test: FAIL: the README's source block names no <repository URL> to clone"
	rm -rf "$work"
	exit 1
fi
sed -i 's|<repository URL>|/srv/newcomer/meetingd.git|g' "$work/source.sh"
for name in source serve test; do
	echo "newcomer-test: README $name: $(tr '\n' ';' <"$work/$name.sh" | sed 's/;$//; s/;/; /g')"
done

# the committed HEAD, as a clone would see it; local changes are not in it
rev=$(git rev-parse --short HEAD)
git clone -q --bare --single-branch "$root" "$work/meetingd.git"
git -C "$work/meetingd.git" symbolic-ref HEAD >/dev/null 2>&1 ||
	git -C "$work/meetingd.git" update-ref HEAD "$(git rev-parse HEAD)"
dirty=""
[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || dirty=" (uncommitted changes are not tested)"
echo "newcomer-test: repository at $rev$dirty"
cp deploy/test/newcomer-inner.sh "$work/inner.sh"
mkdir -p "$work/out"

# ---- (2) a private store and the fresh root file system -----------------------
if [ -z "${NEWCOMER_STORE_DIR:-}" ]; then
	NEWCOMER_STORE_DIR=/var/tmp
	shm_free_kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR==2 {print $4}')
	# the container grows by ~2 GB of packages and builds (vfs copies it all)
	if [ "${shm_free_kb:-0}" -gt 8388608 ]; then
		NEWCOMER_STORE_DIR=/dev/shm
	fi
fi
store=$(mktemp -d "$NEWCOMER_STORE_DIR/meetingd-newcomer-store.XXXXXX")
STORAGE_OPTS="--storage-driver vfs --root $store/root --runroot $store/run"
export STORAGE_OPTS
podman="podman $STORAGE_OPTS --runtime runc"
ctr=meetingd-newcomer-$$
cleanup() {
	status=$?
	$podman rm -a -f -t 0 >/dev/null 2>&1 || true
	$podman rmi -a -f >/dev/null 2>&1 || true
	rm -rf "$store" "$work"
	exit $status
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

step=$(date +%s)
ROOTFS_CACHE=$ROOTFS_CACHE sh deploy/test/base-image.sh
echo "newcomer-test: fresh bookworm root ready in $(elapsed "$step") s (store in $store)"

# ---- (3) the newcomer's session --------------------------------------------------
mounts="-v $work:/srv/newcomer:ro -v $work/out:/srv/out"
mkdir -p "$NEWCOMER_CACHE"
exec 9>"$NEWCOMER_CACHE/lock"
if flock -n 9; then
	mkdir -p "$NEWCOMER_CACHE/apt-archives/partial" "$NEWCOMER_CACHE/npm"
	mounts="$mounts -v $NEWCOMER_CACHE/apt-archives:/var/cache/apt/archives -v $NEWCOMER_CACHE/npm:/root/.npm"
	echo "newcomer-test: download cache $NEWCOMER_CACHE ($(du -sm "$NEWCOMER_CACHE" | cut -f1) MB)"
else
	echo "newcomer-test: the download cache is in use by another run: downloading afresh"
fi
if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
	mounts="$mounts -v /usr/local/share/ca-certificates:/usr/local/share/ca-certificates:ro"
fi
step=$(date +%s)
status=0
# --shm-size: Chromium's shared memory (podman's default is 64 MB)
timeout -k 30 "$NEWCOMER_TIMEOUT" $podman run --rm --name "$ctr" \
	--ulimit nofile=20000:20000 --ulimit nproc=32768:32768 --shm-size 1g \
	$mounts -w /root "$IMAGE" bash /srv/newcomer/inner.sh || status=$?
exec 9>&-
cp -r "$work/out/." "$logs/" 2>/dev/null || true
[ $status = 124 ] && echo "FAIL  the container run ended at the ${NEWCOMER_TIMEOUT} s limit" >>"$logs/results"

pass=$(grep -c '^PASS' "$logs/results" 2>/dev/null || true)
fail=$(grep -c '^FAIL' "$logs/results" 2>/dev/null || true)
if [ "$status" != 0 ] && [ "${fail:-0}" = 0 ]; then
	echo "FAIL  the container run exited $status" >>"$logs/results"
	fail=1
fi
echo
echo "newcomer-test: $(elapsed "$t0") s ($(elapsed "$step") s in the container); logs in ${logs#"$root"/}/"
echo "newcomer-test: ${pass:-0} passed, ${fail:-0} failed"
if [ "${fail:-0}" != 0 ] || [ "${pass:-0}" = 0 ]; then
	echo "newcomer-test: FAIL"
	grep '^FAIL' "$logs/results" 2>/dev/null | sed 's/^FAIL */  - /'
	exit 1
fi
echo "newcomer-test: PASS"
