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

# Benchmarks (not part of `make test`): build with DMAKIT_BUILD_BENCH=ON
# in $(BUILD), then run them; each prints its own ratios.
bench: deps
	@cmake -S . -B $(BUILD) $(CMAKE_OPT) -DDMAKIT_BUILD_BENCH=ON >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)
	@$(BUILD)/raid6bench -s 5 -t 10

install: build
	@cmake --install $(BUILD)

asan:
	@$(MAKE) --no-print-directory test BUILD=build-asan CMAKE_OPT=-DDMAKIT_SANITIZE=asan

tsan:
	@$(MAKE) --no-print-directory test BUILD=build-tsan CMAKE_OPT=-DDMAKIT_SANITIZE=tsan

valgrind: build
	@cd $(BUILD) && ctest --output-on-failure -T memcheck --timeout 900 \
		--overwrite MemoryCheckCommandOptions="--leak-check=full --error-exitcode=1"

clean:
	rm -rf build build-asan build-tsan
