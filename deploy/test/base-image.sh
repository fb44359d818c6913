#!/bin/sh
# Make `FROM debian:bookworm-slim` resolve on a machine that has no registry
# access: build a stand-in for the official image with debootstrap from the
# mirror this machine's apt uses, and import it into container storage under
# the official name. Does nothing when the image is already there.
#
#   sh deploy/test/base-image.sh
#
# Environment: STORAGE_OPTS (podman's storage flags, default "--storage-driver
# vfs"; image-test.sh points it at a private store), ROOTFS_CACHE (default
# /var/cache/meetingd-rootfs; the debootstrap result is kept there as a tar so
# a second machine-wide run takes seconds), BASE_IMAGE (default
# docker.io/library/debian:bookworm-slim), SUITE (default bookworm).
#
# The stand-in is "slimmed" like the official image (debuerreotype's slimify:
# no man pages, docs or locales, apt keeps no caches), so the image size this
# project reports is close to what the real base gives.
set -eu

STORAGE_OPTS=${STORAGE_OPTS:---storage-driver vfs}
ROOTFS_CACHE=${ROOTFS_CACHE:-/var/cache/meetingd-rootfs}
BASE_IMAGE=${BASE_IMAGE:-docker.io/library/debian:bookworm-slim}
SUITE=${SUITE:-bookworm}
podman="podman $STORAGE_OPTS"

if $podman image exists "$BASE_IMAGE"; then
	echo "base-image: $BASE_IMAGE present"
	exit 0
fi
if [ "$(id -u)" != 0 ]; then
	echo "base-image: debootstrap needs root" >&2
	exit 1
fi

# The first http(s) URI apt is configured with for a Debian suite, in either
# the deb822 (.sources) or the one-line (.list) format; comments are skipped.
apt_uri() {
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		sed -n 's/^URIs:[[:space:]]*//p' "$f"
	done | tr ' ' '\n'
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		sed -n 's/^[[:space:]]*deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p' "$f"
	done
}
pick() {
	# $1: "security" or "main"
	apt_uri | grep -E '^https?://' | while read -r u; do
		case $1:$u in
		security:*debian-security*) echo "$u" ;;
		main:*debian-security*) ;;
		main:*/debian | main:*/debian/) echo "${u%/}" ;;
		esac
	done | head -n 1
}
MIRROR=${MIRROR:-$(pick main)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY=${SECURITY:-$(pick security)}
SECURITY=${SECURITY:-http://deb.debian.org/debian-security}

arch=$(dpkg --print-architecture)
tarball=$ROOTFS_CACHE/$SUITE-slim-$arch.tar
if [ ! -s "$tarball" ]; then
	command -v debootstrap >/dev/null || {
		echo "base-image: debootstrap is not installed (apt-get install debootstrap)" >&2
		exit 1
	}
	mkdir -p "$ROOTFS_CACHE"
	rootfs=$(mktemp -d "$ROOTFS_CACHE/rootfs.XXXXXX")
	trap 'rm -rf "$rootfs"' EXIT
	echo "base-image: debootstrap --variant=minbase $SUITE from $MIRROR (once; cached in $tarball)"
	start=$(date +%s)
	debootstrap --variant=minbase "$SUITE" "$rootfs" "$MIRROR" >"$rootfs.log" 2>&1 || {
		tail -n 30 "$rootfs.log" >&2
		rm -f "$rootfs.log"
		exit 1
	}
	rm -f "$rootfs.log"

	# what the official image's sources say, on this machine's mirrors
	rm -f "$rootfs/etc/apt/sources.list"
	cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<-SRC
		Types: deb
		URIs: $MIRROR
		Suites: $SUITE $SUITE-updates
		Components: main
		Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

		Types: deb
		URIs: $SECURITY
		Suites: $SUITE-security
		Components: main
		Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
	SRC

	# debuerreotype's slimify and apt settings, as in the official -slim image
	cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker" <<-'CFG'
		path-exclude /usr/share/doc/*
		path-include /usr/share/doc/*/copyright
		path-exclude /usr/share/groff/*
		path-exclude /usr/share/info/*
		path-exclude /usr/share/linda/*
		path-exclude /usr/share/lintian/*
		path-exclude /usr/share/locale/*
		path-include /usr/share/locale/locale.alias
		path-exclude /usr/share/man/*
	CFG
	find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
	find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
	rm -rf "$rootfs/usr/share/groff" "$rootfs/usr/share/info" "$rootfs/usr/share/linda" \
		"$rootfs/usr/share/lintian" "$rootfs/usr/share/man"
	find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias \
		-exec rm -rf {} +
	cat >"$rootfs/etc/apt/apt.conf.d/docker-clean" <<-'CFG'
		DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
		APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
		Dir::Cache::pkgcache "";
		Dir::Cache::srcpkgcache "";
	CFG
	echo 'Acquire::Languages "none";' >"$rootfs/etc/apt/apt.conf.d/docker-no-languages"
	echo 'Acquire::GzipIndexes "true";' >"$rootfs/etc/apt/apt.conf.d/docker-gzip-indexes"
	echo 'Apt::AutoRemove::SuggestsImportant "false";' \
		>"$rootfs/etc/apt/apt.conf.d/docker-autoremove-suggests"
	rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin \
		"$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/log/*.log \
		"$rootfs"/var/log/apt/* "$rootfs"/tmp/* "$rootfs"/var/cache/debconf/*-old
	: >"$rootfs/etc/machine-id"
	# mktemp -d made the root 0700: a non-root container user could not
	# even reach /usr/local/bin
	chmod 0755 "$rootfs"

	# a name of its own, so that two first runs at once (image-test and
	# newcomer-test, or two users) cannot interleave their writes
	tar --numeric-owner -C "$rootfs" -cf "$tarball.tmp.$$" .
	mv "$tarball.tmp.$$" "$tarball"
	rm -rf "$rootfs"
	trap - EXIT
	echo "base-image: rootfs built in $(($(date +%s) - start)) s"
fi

echo "base-image: importing $tarball as $BASE_IMAGE"
importlog=$(mktemp)
$podman import \
	--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
	--change 'CMD ["bash"]' \
	"$tarball" "$BASE_IMAGE" >"$importlog" 2>&1 || {
	cat "$importlog" >&2
	rm -f "$importlog"
	exit 1
}
rm -f "$importlog"
$podman image exists "$BASE_IMAGE"
echo "base-image: $BASE_IMAGE imported"
