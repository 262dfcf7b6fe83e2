# shellcheck shell=bash
# Shared settings for the kmod/ scripts. Sourced, never run.
#
# Everything is derived from the installed kernel headers, never from
# `uname -r` (the host kernel is not the one we boot). All outputs go under
# $KT_BUILD (default build/kmod, gitignored); downloads are cached there and
# keyed by version, so a second run skips them.

KT_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KT_BUILD=${KT_BUILD:-$KT_REPO/build/kmod}

# The driver sources compiled into dmakit_soft.ko. The object list lives in
# kmod/Kbuild; this is only the directory they come from (override to point
# at an out-of-tree probe with the same file names).
DMAKIT_SOFT_DIR=${DMAKIT_SOFT_DIR:-$KT_REPO/drivers/dma/soft}

kt_log() { printf 'kernel-test: %s\n' "$*" >&2; }
kt_die() { kt_log "error: $*"; exit 1; }

# KVER: newest kernel whose headers are installed (/lib/modules/*/build).
kt_kver() {
	local d v=""
	for d in /lib/modules/*/build; do
		[ -e "$d/Makefile" ] || continue
		v=$(printf '%s\n%s\n' "$v" "$(basename "$(dirname "$d")")" | sed '/^$/d' | sort -V | tail -1)
	done
	[ -n "$v" ] || return 1
	printf '%s\n' "$v"
}

# Set KVER, HVER (Debian version of the headers package), SRCPKG
# (linux-source-X.Y) and the per-version paths.
kt_setup_versions() {
	KVER=${KVER:-$(kt_kver)} || kt_die "no kernel headers under /lib/modules/*/build"
	[ -n "$KVER" ] || kt_die "no kernel headers under /lib/modules/*/build"
	KDIR=/lib/modules/$KVER/build
	HVER=$(dpkg-query -W -f='${Version}' "linux-headers-$KVER" 2>/dev/null) ||
		kt_die "linux-headers-$KVER is not a dpkg package"
	SRCPKG=linux-source-$(printf '%s' "$KVER" | cut -d. -f1,2)
	KT_CACHE=$KT_BUILD/cache
	KDMA=$KT_BUILD/kdma-$HVER           # dmatest.c virt-dma.h dmaengine.h
	VMLINUZ=$KT_BUILD/kernel/vmlinuz-$KVER
	KOBJ=$KT_BUILD/obj                  # M= directory of the module build
}

kt_apt() { apt-get -o APT::Sandbox::User=root -o DPkg::Lock::Timeout=600 "$@"; }

# apt-get download PKG[=VER] into the cache (once); prints the .deb path.
kt_download() {
	local spec=$1 name=${1%%=*} deb
	mkdir -p "$KT_CACHE"
	deb=$(ls "$KT_CACHE/${name}_"*.deb 2>/dev/null | sort -V | tail -1)
	if [ -n "$deb" ] && { [ "$spec" = "$name" ] ||
		[ "$(dpkg-deb -f "$deb" Version)" = "${spec#*=}" ]; }; then
		printf '%s\n' "$deb"; return 0
	fi
	(cd "$KT_CACHE" && kt_apt -qq download "$spec" >&2) || {
		kt_log "apt-get download $spec failed; refreshing package lists"
		kt_apt -qq update >&2 && (cd "$KT_CACHE" && kt_apt -qq download "$spec" >&2)
	} || return 1
	ls "$KT_CACHE/${name}_"*.deb | sort -V | tail -1
}

# The bootable kernel image of the headers' version (no install, no initramfs).
kt_fetch_kernel() {
	[ -s "$VMLINUZ" ] && return 0
	local deb
	deb=$(kt_download "linux-image-$KVER") || kt_die "cannot download linux-image-$KVER"
	mkdir -p "$(dirname "$VMLINUZ")"
	dpkg-deb --fsys-tarfile "$deb" | tar -xO "./boot/vmlinuz-$KVER" > "$VMLINUZ.tmp" &&
		mv "$VMLINUZ.tmp" "$VMLINUZ" || kt_die "no vmlinuz-$KVER in $deb"
}

# dmatest.c and the private drivers/dma headers from linux-source of exactly
# the headers' version (never a copy committed to the repository).
kt_fetch_kdma() {
	[ -s "$KDMA/dmatest.c" ] && [ -s "$KDMA/virt-dma.h" ] && [ -s "$KDMA/dmaengine.h" ] && return 0
	local deb tarball
	deb=$(kt_download "$SRCPKG=$HVER") || {
		kt_log "warning: $SRCPKG=$HVER is not available; using the candidate version"
		deb=$(kt_download "$SRCPKG")
	} || kt_die "cannot download $SRCPKG"
	tarball=$(dpkg-deb -c "$deb" | awk '{print $NF}' | grep -m1 '/linux-source-[0-9.]*\.tar\.xz$') ||
		kt_die "no source tarball in $deb"
	rm -rf "$KDMA.tmp" && mkdir -p "$KDMA.tmp"
	dpkg-deb --fsys-tarfile "$deb" | tar -xO "$tarball" |
		tar -xJ --strip-components=3 -C "$KDMA.tmp" \
			"$(basename "$tarball" .tar.xz)/drivers/dma/"{dmatest.c,virt-dma.h,dmaengine.h} ||
		kt_die "cannot extract drivers/dma sources from $deb"
	printf '%s\n' "$(dpkg-deb -f "$deb" Package)=$(dpkg-deb -f "$deb" Version)" > "$KDMA.tmp/SOURCE"
	rm -rf "$KDMA" && mv "$KDMA.tmp" "$KDMA"
}
