# dmakit: the two set-up commands are `make run` and `make test`.
# Both install missing Debian packages when run as root, then build.

BUILD     ?= build
JOBS      ?= $(shell nproc)
CMAKE_OPT ?=
DEB_PKGS  := cmake gcc make pkg-config libfdt-dev device-tree-compiler \
	     valgrind

FUZZ_PKGS := clang libclang-rt-14-dev
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := fuzz_cmdline fuzz_kstrto fuzz_chan_ops fuzz_dtb \
		fuzz_dmatest_cli fuzz_dmakit_cli

.PHONY: all deps build test run install asan tsan valgrind fuzz clean bench

# make kernel-test: the soft engine as a Linux module under the kernel's dmatest.
include kernel-test.mk

all: build

# Install what is missing (only as root; otherwise say what is missing).
deps:
	@missing=$$(for p in $(DEB_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing: $$missing"; \
			apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				-o DPkg::Lock::Timeout=600 $$missing >/dev/null; \
		else \
			echo "missing Debian packages (run as root to install): $$missing"; \
		fi; \
	fi

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_OPT) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS) --timeout 300

run: build
	@$(BUILD)/tools/dmatest --dmatest 2 --iterations 1000

install: build
	@cmake --install $(BUILD)

asan:
	@$(MAKE) --no-print-directory test BUILD=build-asan CMAKE_OPT=-DDMAKIT_SANITIZE=asan

tsan:
	@$(MAKE) --no-print-directory test BUILD=build-tsan CMAKE_OPT=-DDMAKIT_SANITIZE=tsan

# CTest's memcheck without include(CTest): name the checker explicitly.
valgrind: build
	@cd $(BUILD) && ctest --output-on-failure -T memcheck --timeout 900 \
		--overwrite MemoryCheckCommand=$$(command -v valgrind) \
		--overwrite MemoryCheckCommandOptions="--leak-check=full --error-exitcode=1"

# libFuzzer (clang): each target FUZZ_SECONDS, growing build-fuzz/corpus
# from fuzz/corpus and tests/fuzz-regressions; a crasher lands in
# build-fuzz/crashes/ and fails the run (keep it under
# tests/fuzz-regressions/<target>/ once fixed).
fuzz:
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(FUZZ_PKGS)"
	@CC=clang cmake -S . -B build-fuzz -DDMAKIT_SANITIZE=fuzz >/dev/null
	@cmake --build build-fuzz -j$(JOBS) --target $(FUZZ_TARGETS)
	@mkdir -p build-fuzz/crashes
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build-fuzz/corpus/$$t; \
		dirs="build-fuzz/corpus/$$t fuzz/corpus/$$t"; \
		[ -d tests/fuzz-regressions/$$t ] && dirs="$$dirs tests/fuzz-regressions/$$t"; \
		[ -d build-fuzz/fuzz-seeds/$$t ] && dirs="$$dirs build-fuzz/fuzz-seeds/$$t"; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		build-fuzz/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=60 \
			-print_final_stats=1 -artifact_prefix=build-fuzz/crashes/$$t- \
			$$dirs 2>build-fuzz/$$t.log || { tail -40 build-fuzz/$$t.log; exit 1; }; \
		grep '^Done' build-fuzz/$$t.log; \
		echo "corpus: $$(ls build-fuzz/corpus/$$t | wc -l) inputs"; \
	done

# Benchmarks: a Release build of their own.  dmabench measures the soft
# engine (and DPDK's dma_skeleton peer when libdpdk-dev is installed, never
# installed from here); raid6bench the RAID-6/XOR kernels.
BENCH_ARGS ?=
bench: deps
	@cmake -S . -B build-bench -DDMAKIT_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build build-bench -j$(JOBS) --target dmabench raid6bench
	@build-bench/bench/dmabench --csv build-bench/dmabench.csv \
		--plot build-bench/dmabench.png $(BENCH_ARGS)
	@build-bench/raid6bench -s 5 -t 10

clean:
	rm -rf build build-asan build-tsan build-fuzz build-bench
