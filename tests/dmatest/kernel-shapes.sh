#!/bin/sh
# The user-space dmatest and the kernel's dmatest, run on the same driver
# source (drivers/dma/soft), print lines of the same shape.
#
# usage: kernel-shapes.sh DMATEST KERNEL_LINES_FILE
# KERNEL_LINES_FILE holds lines the kernel printed (tests/dmatest/
# kernel-lines.txt, or a fresh console log from make kernel-test).  The
# user-space tool runs the same configurations: callbacks, and the same
# fault_every negative control.  Every kind of kernel line (summary,
# result, mismatch, Added, Started) must appear, in the same shape, in the
# user-space output, and the other way round.
dmatest=$1 klines=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A line's shape: numbers, hex values and rates abstracted away.
shape() {
	grep -aE '^dmatest: (dma[0-9]+chan[0-9]+-|Added |Started )' |
	sed -E 's/[0-9]+\.[0-9]{2} iops/F iops/; s/0x[0-9a-f]+/H/g;
		s/Expected [0-9a-f]{2}, got [0-9a-f]{2}/Expected B, got B/;
		s/[0-9]+/N/g' | sort -u
}

tr -d '\r' <"$klines" | sed 's/^\[ *[0-9.]*\] //' | shape >"$tmp/kernel"
export DMAKIT_CMDLINE="dmakit_soft.raid=0"
"$dmatest" --device dma-controller --iterations 50 --test_buf_size 65536 \
	>"$tmp/user.out" 2>&1
"$dmatest" --device dma-controller --iterations 50 --test_buf_size 65536 \
	--dmatest 1 >>"$tmp/user.out" 2>&1
DMAKIT_CMDLINE="dmakit_soft.raid=0 dmakit_soft.fault_every=7" \
"$dmatest" --device dma-controller --iterations 50 --test_buf_size 65536 \
	>>"$tmp/user.out" 2>&1
shape <"$tmp/user.out" >"$tmp/user"

if ! [ -s "$tmp/kernel" ]; then
	echo "FAIL: no dmatest lines in $klines"
	exit 1
fi
# Compare the kinds both sides print; the user side's 'errors suppressed'
# lines and the like need not appear in a short kernel sample.
only_k=$(comm -23 "$tmp/kernel" "$tmp/user")
only_u=$(comm -13 "$tmp/kernel" "$tmp/user" | grep -E 'summary|result #|Added|Started' || true)
if [ -n "$only_k" ] || [ -n "$only_u" ]; then
	echo "FAIL: line shapes differ"
	[ -n "$only_k" ] && printf 'kernel only:\n%s\n' "$only_k"
	[ -n "$only_u" ] && printf 'user-space only:\n%s\n' "$only_u"
	exit 1
fi
echo "kernel and user-space dmatest lines have the same shapes ($(wc -l <"$tmp/kernel") kinds)"
