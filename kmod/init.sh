#!/bin/sh
# Guest /init (busybox sh) for `make kernel-test`: loads dmatest.ko and the
# engine module, runs dmatest on the engine's channels in each configuration
# named on the kernel command line, prints the kernel log of each run between
# markers, and powers off. The host (kmod/kernel-test.sh) judges the output.
#
# Kernel command line:
#   kt.cfg=NAME:TYPE:THREADS:POLLED[,...]  TYPE is copy or memset
#   kt.iter=N kt.buf=BYTES kt.timeout=MS   dmatest iterations, test_buf_size, timeout
#   kt.mod=dmakit_soft                     module to load (/lib/modules/NAME.ko)
#   kt.drv=dmakit-soft-dma                 its platform driver (picks the channels)
#   dmakit_soft.PARAM=VALUE                passed to insmod (busybox insmod does
#                                          not read /proc/cmdline as modprobe would)
# Output lines for the host all start with "KT ".
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null

arg() {
	for w in $(cat /proc/cmdline); do
		case $w in "kt.$1="*) echo "${w#*=}"; return ;; esac
	done
	echo "$2"
}
modparams() {
	for w in $(cat /proc/cmdline); do
		case $w in "$1".*=*) printf ' %s' "${w#$1.}" ;; esac
	done
}
finish() {
	dmesg -c
	echo "KT TAINT $(cat /proc/sys/kernel/tainted)"
	echo "KT DONE"
	poweroff -f
	sleep 10
}

CFG=$(arg cfg "cb1:copy:1:0")
ITER=$(arg iter 100)
BUF=$(arg buf 16384)
TMO=$(arg timeout 3000)
MOD=$(arg mod dmakit_soft)
DRV=$(arg drv dmakit-soft-dma)
P=/sys/module/dmatest/parameters

echo "KT BEGIN $(uname -r)"
insmod /lib/modules/dmatest.ko || { echo "KT ERROR insmod dmatest"; finish; }
insmod /lib/modules/$MOD.ko $(modparams $MOD) || { echo "KT ERROR insmod $MOD"; finish; }
echo "KT MODULE $MOD$(modparams $MOD)"

# The engine's channels: those whose device is bound to $DRV.
dev=""
nchan=0
for c in /sys/class/dma/dma*chan*; do
	[ -e "$c/device/driver" ] || continue
	[ "$(basename "$(readlink -f "$c/device/driver")")" = "$DRV" ] || continue
	dev=$(basename "$(readlink -f "$c/device")")
	nchan=$((nchan + 1))
done
echo "KT DEVICE $dev $nchan"
[ -n "$dev" ] || { echo "KT ERROR no channel of driver $DRV"; finish; }
dmesg -c

for cfg in $(echo "$CFG" | tr , ' '); do
	IFS=:
	set -- $cfg
	unset IFS
	name=$1 type=$2 threads=$3 polled=$4
	case $type in copy) t=0 ;; memset) t=1 ;; *) echo "KT ERROR bad type $type"; continue ;; esac
	echo "KT CONFIG $name type=$type threads=$threads polled=$polled iterations=$ITER buf=$BUF"
	echo "$ITER" > $P/iterations
	echo "$BUF" > $P/test_buf_size
	echo "$TMO" > $P/timeout
	echo "$threads" > $P/threads_per_chan
	echo "$polled" > $P/polled
	echo "$t" > $P/dmatest
	echo "$dev" > $P/device
	echo "" > $P/channel
	echo 1 > $P/run
	cat $P/wait > /dev/null
	echo 0 > $P/run
	log=$(dmesg -c)
	echo "$log"
	added=0
	for n in $(echo "$log" | sed -n 's/.*dmatest: Added \([0-9]*\) threads.*/\1/p'); do
		added=$((added + n))
	done
	echo "KT THREADS $name $added"
	echo "KT END $name"
done

rmmod "$MOD"
echo "KT RMMOD $MOD $?"
rmmod dmatest
echo "KT LEFTOVER $(ls /sys/class/dma | wc -l)"
finish
