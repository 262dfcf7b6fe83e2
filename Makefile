# dmakit: the two set-up commands are `make run` and `make test`.
# Both install missing Debian packages when run as root, then build.

BUILD     ?= build
JOBS      ?= $(shell nproc)
CMAKE_OPT ?=
DEB_PKGS  := cmake gcc make pkg-config libfdt-dev device-tree-compiler \
	     libcmocka-dev valgrind

.PHONY: all deps build test run install asan tsan valgrind clean bench

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
	@$(BUILD)/examples/memcpy-offload

install: build
	@cmake --install $(BUILD)

asan:
	@$(MAKE) --no-print-directory test BUILD=build-asan CMAKE_OPT=-DDMAKIT_SANITIZE=asan

tsan:
	@$(MAKE) --no-print-directory test BUILD=build-tsan CMAKE_OPT=-DDMAKIT_SANITIZE=tsan

valgrind: build
	@cd $(BUILD) && ctest --output-on-failure -T memcheck --timeout 900 \
		--overwrite MemoryCheckCommandOptions="--leak-check=full --error-exitcode=1"

# Benchmarks: a Release build of their own; DPDK's dma_skeleton peer is
# measured when libdpdk-dev is installed (never installed from here).
BENCH_ARGS ?=
bench: deps
	@cmake -S . -B build-bench -DDMAKIT_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build build-bench -j$(JOBS) --target dmabench
	@build-bench/bench/dmabench --csv build-bench/dmabench.csv \
		--plot build-bench/dmabench.png $(BENCH_ARGS)

clean:
	rm -rf build build-asan build-tsan build-bench
