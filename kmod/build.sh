#!/usr/bin/env bash
# Build dmakit_soft.ko and dmatest.ko against the installed kernel headers.
#
#   kmod/build.sh            # outputs in build/kmod/obj/*.ko
#
# Needs linux-headers-$KVER and the extracted drivers/dma sources (fetched
# here if missing). Env: KVER, KT_BUILD, DMAKIT_SOFT_DIR (see common.sh).
set -euo pipefail
. "$(dirname "$0")/common.sh"
kt_setup_versions
kt_fetch_kdma

[ -d "$DMAKIT_SOFT_DIR" ] || kt_die "no driver sources in $DMAKIT_SOFT_DIR"
objs=$(sed -n 's/^dmakit_soft-y *:= *//p' "$KT_REPO/kmod/Kbuild")
for o in $objs; do
	[ -e "$DMAKIT_SOFT_DIR/${o%.o}.c" ] ||
		kt_die "missing $DMAKIT_SOFT_DIR/${o%.o}.c (kmod/Kbuild makes dmakit_soft.ko of: $objs)"
done

# M= must hold the sources, so link them in: nothing is copied, and the
# object list stays in kmod/Kbuild. make judges a link by its target's
# mtime, which says nothing when the links point somewhere else than last
# time: start afresh whenever the source directory or kernel changes.
stamp="$DMAKIT_SOFT_DIR $KVER $KDMA"
[ "$(cat "$KOBJ/.stamp" 2>/dev/null)" = "$stamp" ] || rm -rf "$KOBJ"
mkdir -p "$KOBJ"
printf '%s\n' "$stamp" > "$KOBJ/.stamp"
find "$KOBJ" -maxdepth 1 -type l -delete
ln -s "$KT_REPO/kmod/Kbuild" "$KOBJ/Kbuild"
ln -s "$KDMA/dmatest.c" "$KOBJ/dmatest.c"
for f in "$DMAKIT_SOFT_DIR"/*.c "$DMAKIT_SOFT_DIR"/*.h; do
	[ -e "$f" ] && ln -s "$f" "$KOBJ/$(basename "$f")"
done

kt_log "building modules for $KVER from $DMAKIT_SOFT_DIR (kernel sources $(cat "$KDMA/SOURCE"))"
# (BTF is skipped for lack of vmlinux: harmless, and not worth a line.)
make -s -C "$KDIR" M="$KOBJ" DMAKIT_KDMA="$KDMA" -j"$(nproc)" modules 2>&1 |
	sed '/^Skipping BTF generation/d' >&2
ls "$KOBJ/dmakit_soft.ko" "$KOBJ/dmatest.ko" >/dev/null
