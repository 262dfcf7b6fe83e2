#!/usr/bin/env bash
# make kernel-test: build the software engine as a Linux module and run the
# kernel's own dmatest on it, under QEMU (TCG) booting Debian's kernel.
#
#  1. installs qemu-system-x86, linux-headers-amd64, busybox-static, cpio,
#     xz-utils from Debian if missing;
#  2. KVER = newest installed headers (never uname -r); downloads the
#     matching linux-image (vmlinuz only) and linux-source (dmatest.c,
#     virt-dma.h, dmaengine.h), cached under build/kmod/;
#  3. builds dmatest.ko and dmakit_soft.ko (kmod/build.sh), the initramfs
#     (kmod/mkinitrd.sh, /init = kmod/init.sh);
#  4. positive run: dmatest in every configuration below; every thread
#     summary must report 0 failures;
#  5. negative control: the same module booted with the engine's fault hook
#     (dmakit_soft.fault_every=N) must make dmatest report failures;
#  6. prints each summary line and, last, "N passed, N failed": the thread
#     summaries of the positive run (a missing one counts as failed), plus
#     one failure if the positive boot had other problems and one if the
#     negative control did not fail as it must. The positive run's summary
#     lines are also left in build/kmod/summaries-positive.txt.
# Exits non-zero on any dmatest failure, kernel warning/oops/taint, missing
# result (hang or panic, bounded by KT_TIMEOUT), or a negative control that
# does not fail.
#
# Env knobs: KT_ITER (500), KT_BUF (65536), KT_NEG_EVERY (7), KT_NEG_ITER
# (100), KT_MEMSET (auto: run if the engine has DMA_MEMSET; 1: require; 0:
# skip), KT_TIMEOUT (per boot, 180 s), KT_SMP (2), KT_SLUB_DEBUG (1),
# KT_MODPARAMS ("nr_channels=4 nr_workers=1": more dmakit_soft parameters
# for both boots), KT_BUILD, KVER, DMAKIT_SOFT_DIR (see common.sh).
set -euo pipefail
. "$(dirname "$0")/common.sh"

KT_ITER=${KT_ITER:-500}
KT_BUF=${KT_BUF:-65536}
KT_NEG_EVERY=${KT_NEG_EVERY:-7}
KT_NEG_ITER=${KT_NEG_ITER:-100}
KT_MEMSET=${KT_MEMSET:-auto}
KT_TIMEOUT=${KT_TIMEOUT:-180}
KT_SMP=${KT_SMP:-2}
KT_SLUB_DEBUG=${KT_SLUB_DEBUG:-1}
MOD=dmakit_soft
DRV=dmakit-soft-dma

# name:type:threads_per_chan:polled. Polled mode runs with one thread per
# channel only: each polled iteration ends with dmaengine_terminate_sync(),
# which would abort a sibling thread's transfers.
POS_CFG="cb1:copy:1:0,cb2:copy:2:0,poll1:copy:1:1"
[ "$KT_MEMSET" = 0 ] || POS_CFG="$POS_CFG,memset1:memset:1:0"
NEG_CFG="fault:copy:1:0"

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
t_start=$(now)

# --- 1. host packages -------------------------------------------------------
pkgs=(qemu-system-x86 linux-headers-amd64 busybox-static cpio xz-utils)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	kt_log "installing ${missing[*]}"
	SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
	$SUDO apt-get -qq update
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get -qq -o DPkg::Lock::Timeout=600 \
		install -y --no-install-recommends "${missing[@]}" >/dev/null
fi
t_install=$(now)

# --- 2. kernel image and sources of the headers' version ---------------------
kt_setup_versions
kt_fetch_kernel
kt_fetch_kdma
t_fetch=$(now)

# --- 3. modules and initramfs ------------------------------------------------
"$KT_REPO/kmod/build.sh"
INITRD=$KT_BUILD/initrd.img
"$KT_REPO/kmod/mkinitrd.sh" "$INITRD" "$KOBJ/dmatest.ko" "$KOBJ/$MOD.ko"
t_build=$(now)

# --- 4/5. boots --------------------------------------------------------------
# boot NAME CMDLINE...: console log in $KT_BUILD/console-NAME.log
boot() {
	local name=$1; shift
	local log=$KT_BUILD/console-$name.log append rc=0
	append="console=ttyS0 loglevel=5 panic=-1 oops=panic panic_on_warn=1"
	[ "$KT_SLUB_DEBUG" = 0 ] || append="$append slub_debug=FZPU"
	append="$append kt.mod=$MOD kt.drv=$DRV kt.timeout=3000"
	for p in ${KT_MODPARAMS:-}; do append="$append $MOD.$p"; done
	append="$append $*"
	kt_log "booting $KVER under QEMU TCG ($name): $*"
	timeout -k 5 "$KT_TIMEOUT" qemu-system-x86_64 -accel tcg -cpu max \
		-smp "$KT_SMP" -m 512 -nodefaults -no-user-config -display none \
		-no-reboot -serial stdio -monitor none \
		-kernel "$VMLINUZ" -initrd "$INITRD" -append "$append" \
		< /dev/null > "$log" 2>&1 || rc=$?
	# The serial console has CRLF line endings.
	sed -i 's/\r$//' "$log"
	[ $rc = 124 ] && echo "KT TIMEOUT $KT_TIMEOUT" >> "$log"
	return 0
}

boot positive "kt.cfg=$POS_CFG kt.iter=$KT_ITER kt.buf=$KT_BUF"
t_pos=$(now)
boot negative "$MOD.fault_every=$KT_NEG_EVERY kt.cfg=$NEG_CFG kt.iter=$KT_NEG_ITER kt.buf=$KT_BUF"
t_neg=$(now)

# --- 6. verdict ----------------------------------------------------------------
# judge LOG MODE ITER: prints the summaries and problems, then a last line
# "@ passed failed problems taint summaries_with_failures".
judge() {
	awk -v mode="$2" -v iter="$3" -v memset="$KT_MEMSET" '
	function problem(s) { np++; print "  PROBLEM: " s }
	{
		l = $0
		sub(/^\[ *[0-9]+\.[0-9]+\] /, "", l)
	}
	l ~ /^KT DEVICE / { split(l, f, " "); nchan = f[4]; next }
	l ~ /^KT MODULE / { print "  module: " substr(l, 11); next }
	l ~ /^KT CONFIG / {
		split(l, f, " "); cfg = f[3]; ncfg++; order[ncfg] = cfg
		split(f[5], t, "="); thr[cfg] = t[2]; in_cfg = 1
		print "== " substr(l, 11); next
	}
	l ~ /^KT THREADS / { split(l, f, " "); added[f[3]] = f[4]; next }
	l ~ /^KT END / { ended[cfg] = 1; in_cfg = 0; next }
	l ~ /^KT RMMOD / { split(l, f, " "); rmmod = f[4]; next }
	l ~ /^KT LEFTOVER / { split(l, f, " "); leftover = f[3]; next }
	l ~ /^KT TAINT / { split(l, f, " "); taint = f[3]; next }
	l ~ /^KT DONE/ { done = 1; next }
	l ~ /^KT TIMEOUT / { problem("no result: QEMU killed after " substr(l, 12) " s (hang?)"); next }
	l ~ /^KT ERROR / { problem("guest: " substr(l, 10)); next }
	in_cfg && l ~ /^dmatest: [^ ]*: summary [0-9]+ tests, [0-9]+ failures / {
		print "  " l
		n = split(l, f, " ")
		tests = f[4] + 0; fails = f[6] + 0; ret = f[n]; gsub(/[()]/, "", ret)
		nsum[cfg]++; allsum++
		if (fails > 0) withfail++
		if (fails > 0 || ret != 0 || tests != iter) bad[cfg]++
		else good[cfg]++
		next
	}
	l ~ /(^|[] ])(WARNING:|BUG[: ]|Oops|Kernel panic|general protection fault|Call Trace:|watchdog: BUG|blocked for more than|detected stall|list_(add|del) corruption|UBSAN:|dma_sync_wait: timeout)/ {
		if (!(l in seenwarn)) { seenwarn[l] = 1; nwarn++; if (nwarn <= 20) warn[nwarn] = l }
	}
	END {
		for (i = 1; i <= nwarn && i <= 20; i++) problem("kernel: " warn[i])
		if (!done) problem("no result: the guest did not finish (hang, panic or oops)")
		if (nchan == "") nchan = 0
		for (i = 1; i <= ncfg; i++) {
			c = order[i]; want = nchan * thr[c]
			if (!ended[c]) problem(c ": did not finish")
			if (c ~ /^memset/ && added[c] == 0 && memset != "1" && ended[c]) {
				print "  (" c " skipped: the engine offers no DMA_MEMSET channel)"
				continue
			}
			if (added[c] != want) problem(c ": dmatest added " added[c] + 0 " threads, expected " want)
			if (nsum[c] + 0 < want) problem(c ": " want - nsum[c] " thread summaries missing")
			passed += good[c]; failed += bad[c]
			if (nsum[c] + 0 < want) failed += want - nsum[c]
		}
		if (done && rmmod != 0) problem("rmmod failed (" rmmod ")")
		if (done && leftover != 0) problem(leftover " DMA channels left in /sys/class/dma after rmmod")
		printf "@ %d %d %d %d %d %d\n", passed, failed, np, taint + 0, allsum, withfail
	}' "$1"
}

status=0
# Taint bits that mean trouble: B(5) bad page/slab, D(7) oops, W(9) warning,
# L(14) soft lockup, M(4) machine check. (O and E, out-of-tree and unsigned
# modules, are expected.)
taint_bad() { [ $(($1 & (1 << 4 | 1 << 5 | 1 << 7 | 1 << 9 | 1 << 14))) -ne 0 ]; }

echo "kernel-test: $KVER, $(cat "$KDMA/SOURCE"), driver sources $DMAKIT_SOFT_DIR"
echo "--- positive run: $KT_ITER iterations, test_buf_size=$KT_BUF (console: $KT_BUILD/console-positive.log)"
out=$(judge "$KT_BUILD/console-positive.log" positive "$KT_ITER")
printf '%s\n' "$out" | grep -v '^@'
# The bare summary lines, for comparing with the user-space dmatest's.
printf '%s\n' "$out" | sed -n 's/^  \(dmatest: [^ ]*: summary \)/\1/p' > "$KT_BUILD/summaries-positive.txt"
read -r _ passed failed problems taint _ _ <<< "$(printf '%s\n' "$out" | grep '^@')"
if taint_bad "$taint"; then echo "  PROBLEM: kernel tainted ($taint)"; problems=$((problems + 1)); fi
# One driver source: kernel/host differences live behind the seam only.
for f in $(grep -l '__KERNEL__' "$DMAKIT_SOFT_DIR"/*.[ch] 2>/dev/null || true); do
	case $(basename "$f") in soft-seam*) continue ;; esac
	echo "  PROBLEM: $f tests __KERNEL__; only the seam (soft-seam*) may"
	problems=$((problems + 1))
done
if [ "$problems" != 0 ]; then
	echo "positive run: FAILED: $problems problems (counted as one more failure)"
	failed=$((failed + 1))
fi
[ "$failed" = 0 ] && [ "$passed" -gt 0 ] || status=1

echo "--- negative control: $MOD.fault_every=$KT_NEG_EVERY must make dmatest fail (console: $KT_BUILD/console-negative.log)"
out=$(judge "$KT_BUILD/console-negative.log" negative "$KT_NEG_ITER")
printf '%s\n' "$out" | grep -v '^@'
read -r _ _ _ nproblems ntaint nsum nwithfail <<< "$(printf '%s\n' "$out" | grep '^@')"
if taint_bad "$ntaint"; then echo "  PROBLEM: kernel tainted ($ntaint)"; nproblems=$((nproblems + 1)); fi
if [ "$nproblems" = 0 ] && [ "$nwithfail" -gt 0 ]; then
	echo "negative control: OK, $nwithfail of $nsum thread summaries reported failures, as expected"
else
	echo "negative control: FAILED: $nwithfail of $nsum thread summaries reported failures (expected > 0), $nproblems problems (counted as one more failure)"
	failed=$((failed + 1))
	status=1
fi

# Same driver source, same shapes: the user-space dmatest against this run.
if [ -x "$KT_REPO/build/tools/dmatest" ]; then
	echo "--- line shapes: user-space dmatest against this run's kernel lines"
	if ! cat "$KT_BUILD/console-positive.log" "$KT_BUILD/console-negative.log" |
	     sh "$KT_REPO/tests/dmatest/kernel-shapes.sh" "$KT_REPO/build/tools/dmatest" /dev/stdin; then
		failed=$((failed + 1))
		status=1
	fi
else
	echo "--- line shapes: skipped (no build/tools/dmatest: run make test first)"
fi

echo "timing: install $(secs "$t_start" "$t_install")s, fetch $(secs "$t_install" "$t_fetch")s," \
	"build+initrd $(secs "$t_fetch" "$t_build")s, positive boot $(secs "$t_build" "$t_pos")s," \
	"negative boot $(secs "$t_pos" "$t_neg")s, total $(secs "$t_start" "$t_neg")s"
echo "$passed passed, $failed failed"
exit $status
