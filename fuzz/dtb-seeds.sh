#!/bin/sh
# Seeds for fuzz_dtb: every board source of the tree compiled by dtc
# (those dtc refuses are skipped: tests/board/corpus has some on purpose),
# and the hand-made blobs of tests/board/corpus.  usage: dtb-seeds.sh DTC SRCDIR OUTDIR
dtc=$1 src=$2 out=$3
mkdir -p "$out" || exit 1
for f in "$src"/dts/*.dts "$src"/tests/*.dts "$src"/tests/*/*.dts \
	 "$src"/tests/board/corpus/*.dts; do
	[ -f "$f" ] || continue
	name=$(echo "${f#$src/}" | tr / -)
	"$dtc" -q -I dts -O dtb -o "$out/${name%.dts}.dtb" "$f" 2>/dev/null ||
		rm -f "$out/${name%.dts}.dtb"
done
cp "$src"/tests/board/corpus/*.dtb "$out"/
exit 0
