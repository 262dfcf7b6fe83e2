#!/usr/bin/env bash
# Make the guest initramfs: busybox (static), kmod/init.sh as /init, and the
# given modules (debug info stripped) in /lib/modules.
#
#   kmod/mkinitrd.sh OUT.img MODULE.ko...
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 OUT.img MODULE.ko..." >&2; exit 2; }
out=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
busybox=$(command -v busybox) || { echo "mkinitrd: install busybox-static" >&2; exit 1; }

root=$(mktemp -d "${out%/*}/initrd-root.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,dev,proc,sys,tmp,lib/modules}
cp "$busybox" "$root/bin/busybox"
# busybox --list includes "busybox" itself: linking it would replace the
# binary with a symlink loop (init then fails with -ELOOP).
for applet in $("$root/bin/busybox" --list); do
	[ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
install -m 0755 "$here/init.sh" "$root/init"
for ko in "$@"; do
	strip --strip-debug -o "$root/lib/modules/$(basename "$ko")" "$ko"
done
(cd "$root" && find . | cpio -o -H newc --quiet) | gzip -1 > "$out.tmp"
mv "$out.tmp" "$out"
