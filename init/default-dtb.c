// SPDX-License-Identifier: GPL-2.0
/*
 * The default board's device tree blob, dts/default.dts compiled by dtc
 * at build time (DMAKIT_DEFAULT_DTB is its path), linked in as data.
 */
#ifndef DMAKIT_DEFAULT_DTB
#error "DMAKIT_DEFAULT_DTB must name the compiled dts/default.dts"
#endif

__asm__(".pushsection .rodata.dmakit_default_dtb, \"a\"\n"
	".balign 8\n"
	".globl dmakit_default_dtb\n"
	".hidden dmakit_default_dtb\n"
	".type dmakit_default_dtb, @object\n"
	"dmakit_default_dtb:\n"
	".incbin \"" DMAKIT_DEFAULT_DTB "\"\n"
	".globl dmakit_default_dtb_end\n"
	".hidden dmakit_default_dtb_end\n"
	"dmakit_default_dtb_end:\n"
	".popsection\n");
