#!/bin/sh
# tools/dmatest from the outside: bad input gives one clear line on
# stderr and exit status 2; a good run prints the kernel's lines and
# "N passed, N failed" and exits 0.
DMATEST=$1
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
fail=0

bad() {	# bad <expected stderr regex> <args...>
	re=$1; shift
	timeout 60 "$DMATEST" "$@" >"$out" 2>"$err"
	rc=$?
	if [ $rc -ne 2 ]; then
		echo "FAIL: dmatest $*: exit $rc, expected 2"; fail=1
	elif [ "$(wc -l <"$err")" -ne 1 ] || ! grep -Eq "$re" "$err"; then
		echo "FAIL: dmatest $*: stderr is not one line matching '$re':"
		cat "$err"; fail=1
	elif grep -q 'summary' "$out"; then
		echo "FAIL: dmatest $*: ran a test"; fail=1
	fi
}

bad '^dmatest: channel=nosuch: no such DMA channel$' --channel nosuch
bad '^dmatest: device=nosuch: no such DMA device$' --device nosuch
bad '^dmatest: test_buf_size must not be 0$' --test_buf_size 0
bad '^dmatest: threads_per_chan must not be 0$' --threads_per_chan=0
bad '^dmatest: 16384-byte buffer too small for 1048576-byte alignment$' --alignment 20
bad '^dmatest: 16384-byte transfer size must be lower than 16384-buffer size$' --transfer_size 16384
bad '^dmatest: 100-byte transfer size must be lower than 64-buffer size$' --transfer_size 100 --test_buf_size 64
bad '^dmatest: xor_sources=0 out of range' --xor_sources 0
bad '^dmatest: xor_sources=1000 out of range' --xor_sources 1000
bad '^dmatest: pq_sources=999 out of range' --pq_sources 999
bad '^dmatest: timeout=-7: ' --timeout -7
bad '^dmatest: dmatest=3: must be 0' --dmatest 3
bad '^dmatest: unknown option --bogus' --bogus
bad '^dmatest: unknown option -x' -x
bad '^dmatest: option --iterations needs a value$' --iterations
bad "^dmatest: invalid --iterations value 'ten'" --iterations ten
bad "^dmatest: invalid --test_buf_size value '-1'" --test_buf_size=-1
bad "^dmatest: invalid --polled value 'maybe'" --polled=maybe
bad "^dmatest: --channel name .* too long" --channel dma0chan0dma0chan0dma0chan0
bad "^dmatest: unexpected argument 'run'" run
bad 'board' --board /nonexistent/board.dtb

# --help
"$DMATEST" --help >"$out" 2>"$err" && grep -q -- '--test_buf_size' "$out" ||
	{ echo "FAIL: --help"; fail=1; }

# --list: the kernel's test_list lines
"$DMATEST" --list --dmatest 2 --threads_per_chan 2 >"$out" 2>"$err"
rc=$?
if [ $rc -ne 0 ] || ! grep -Eq '^dmatest: [0-9]+ threads using dma0chan0$' "$out" ||
   grep -q summary "$out"; then
	echo "FAIL: --list (exit $rc)"; cat "$out" "$err"; fail=1
fi

# A good run: memcpy and memset on every channel.
"$DMATEST" --dmatest 2 --iterations 50 >"$out" 2>"$err"
rc=$?
nsum=$(grep -Ec '^dmatest: dma[0-9]+chan[0-9]+-(copy|set|xor|pq)0: summary 50 tests, 0 failures [0-9]+\.[0-9]{2} iops [0-9]+ KB/s \(0\)$' "$out")
nthr=$(grep -Ec '^dmatest: Started ' "$out")
if [ $rc -ne 0 ] || [ "$nsum" -lt 2 ] || [ -s "$err" ] ||
   ! tail -n 1 "$out" | grep -Eq "^$nsum passed, 0 failed$"; then
	echo "FAIL: good run (exit $rc, $nsum summaries, $nthr channels)"
	cat "$out" "$err"; fail=1
fi

# Verbose result lines, polled, fixed size: one thread on the channel,
# so the engine without XOR/PQ (xor and pq threads would share it).
DMAKIT_CMDLINE=dmakit_soft.raid=0 \
"$DMATEST" --channel dma0chan0 --iterations 3 --polled --verbose \
	--transfer_size 256 --norandom >"$out" 2>"$err"
rc=$?
n=$(grep -Ec "^dmatest: dma0chan0-copy0: result #[1-3]: 'test passed' with src_off=0x0 dst_off=0x0 len=0x100 \(0\)$" "$out")
if [ $rc -ne 0 ] || [ "$n" -ne 3 ] || ! tail -n 1 "$out" | grep -q '^1 passed, 0 failed$'; then
	echo "FAIL: verbose polled run (exit $rc, $n result lines)"
	cat "$out" "$err"; fail=1
fi

# Not a TTY: no progress output on stderr even for a longer run.
"$DMATEST" --iterations 0 --channel dma0chan0 >"$out" 2>"$err" &
pid=$!
sleep 1.5
kill -INT $pid
wait $pid
rc=$?
if [ $rc -ne 0 ] || [ -s "$err" ] ||
   ! grep -Eq '^dmatest: dma0chan0-copy0: summary [1-9][0-9]* tests, 0 failures' "$out" ||
   ! tail -n 1 "$out" | grep -Eq '^[1-9][0-9]* passed, 0 failed$'; then
	echo "FAIL: infinite run stopped by SIGINT (exit $rc)"
	cat "$out" "$err"; fail=1
fi

[ $fail -eq 0 ] && echo "dmatest CLI: ok"
exit $fail
