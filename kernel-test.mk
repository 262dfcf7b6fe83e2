# Kernel parity: build the software engine as a Linux module and run the
# kernel's own dmatest on it under QEMU. Included by the top-level Makefile.
# See docs/kernel-parity.md.

.PHONY: kernel-test kernel-test-clean

kernel-test:
	bash kmod/kernel-test.sh

# Drops the module build and logs, keeps the cached downloads.
kernel-test-clean:
	rm -rf build/kmod/obj build/kmod/initrd.img build/kmod/console-*.log
