// SPDX-License-Identifier: GPL-2.0
/*
 * test_raid6_tables - the GF(2^8) tables equal the kernel's mktables
 * output, recomputed here by shift-and-xor, plus spot values.
 */
#include "raid6_test.h"

int main(void)
{
	u8 exp[256], log[256], inv[256];
	int a, b, i;

	/* Spot values known from the kernel's lib/raid6/tables.c */
	CHECK(raid6_gfexp[0] == 0x01, "gfexp[0] = %#x", raid6_gfexp[0]);
	CHECK(raid6_gfexp[1] == 0x02, "gfexp[1] = %#x", raid6_gfexp[1]);
	CHECK(raid6_gfexp[7] == 0x80, "gfexp[7] = %#x", raid6_gfexp[7]);
	CHECK(raid6_gfexp[8] == 0x1d, "gfexp[8] = %#x", raid6_gfexp[8]);
	CHECK(raid6_gfexp[254] == 0x8e, "gfexp[254] = %#x", raid6_gfexp[254]);
	CHECK(raid6_gfexp[255] == 0x00, "gfexp[255] = %#x", raid6_gfexp[255]);
	CHECK(raid6_gflog[0] == 0xff, "gflog[0] = %#x", raid6_gflog[0]);
	CHECK(raid6_gflog[1] == 0, "gflog[1] = %#x", raid6_gflog[1]);
	CHECK(raid6_gflog[2] == 1, "gflog[2] = %#x", raid6_gflog[2]);
	CHECK(raid6_gflog[0x1d] == 8, "gflog[0x1d] = %#x", raid6_gflog[0x1d]);
	CHECK(raid6_gfinv[0] == 0, "gfinv[0] = %#x", raid6_gfinv[0]);
	CHECK(raid6_gfinv[1] == 1, "gfinv[1] = %#x", raid6_gfinv[1]);
	CHECK(raid6_gfinv[2] == 0x8e, "gfinv[2] = %#x", raid6_gfinv[2]);
	CHECK(raid6_gfexi[0] == 0, "gfexi[0] = %#x", raid6_gfexi[0]);
	CHECK(raid6_gfexi[255] == 1, "gfexi[255] = %#x", raid6_gfexi[255]);
	CHECK(raid6_gfmul[2][0x80] == 0x1d, "gfmul[2][0x80] = %#x",
	      raid6_gfmul[2][0x80]);
	CHECK(raid6_gfmul[0x53][0xca] == ref_gfmul(0x53, 0xca),
	      "gfmul[0x53][0xca] = %#x, reference %#x",
	      raid6_gfmul[0x53][0xca], ref_gfmul(0x53, 0xca));
	CHECK(ref_gfmul(0x53, 0xca) == 0x8f, "reference 0x53*0xca = %#x",
	      ref_gfmul(0x53, 0xca));

	/* Full tables, rebuilt by the kernel's rules */
	for (a = 0; a < 256; a++)
		for (b = 0; b < 256; b++)
			CHECK(raid6_gfmul[a][b] == ref_gfmul(a, b),
			      "gfmul[%#x][%#x] = %#x, want %#x", a, b,
			      raid6_gfmul[a][b], ref_gfmul(a, b));
	for (a = 0; a < 256; a++) {
		for (i = 0; i < 16; i++) {
			CHECK(raid6_vgfmul[a][i] == ref_gfmul(a, i),
			      "vgfmul[%#x][%d]", a, i);
			CHECK(raid6_vgfmul[a][16 + i] == ref_gfmul(a, i << 4),
			      "vgfmul[%#x][%d]", a, 16 + i);
		}
	}
	for (i = 0; i < 255; i++)
		exp[i] = ref_gfpow2(i);
	exp[255] = 0;	/* not a real entry */
	memset(log, 0xff, sizeof(log));
	for (i = 254; i >= 0; i--)
		log[exp[i]] = i;
	for (a = 0; a < 256; a++) {
		inv[a] = 0;
		for (b = 1; b < 256 && a; b++)
			if (ref_gfmul(a, b) == 1)
				inv[a] = b;
	}
	for (i = 0; i < 256; i++) {
		CHECK(raid6_gfexp[i] == exp[i], "gfexp[%d] = %#x, want %#x", i,
		      raid6_gfexp[i], exp[i]);
		CHECK(raid6_gflog[i] == log[i], "gflog[%d] = %#x, want %#x", i,
		      raid6_gflog[i], log[i]);
		CHECK(raid6_gfinv[i] == inv[i], "gfinv[%d] = %#x, want %#x", i,
		      raid6_gfinv[i], inv[i]);
		CHECK(raid6_gfexi[i] == inv[exp[i] ^ 1],
		      "gfexi[%d] = %#x, want %#x", i, raid6_gfexi[i],
		      inv[exp[i] ^ 1]);
	}

	/* Alignment the vector code and the kernel ABI rely on */
	CHECK(((uintptr_t)raid6_gfmul & 255) == 0, "raid6_gfmul misaligned");
	CHECK(((uintptr_t)raid6_vgfmul & 255) == 0, "raid6_vgfmul misaligned");
	for (i = 0; i < RAID6_ZERO_PAGE_SIZE; i++)
		CHECK(raid6_empty_zero_page[i] == 0, "zero page byte %d", i);

	return test_result("test_raid6_tables");
}
