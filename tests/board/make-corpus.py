#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Regenerate tests/board/corpus/: malformed boards for test_board_corpus.

Sources (.dts) are written as they are; blobs (.dtb) are made by dtc from
a small valid board, then broken byte by byte.  corpus/EXPECT says for
each file whether dmakit_boot() must succeed ("boot") or fail ("fail").
Run from anywhere: python3 tests/board/make-corpus.py
"""
import os
import struct
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")

HEAD = "/dts-v1/;\n\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n"
SOFT = ("\tdma0: dma-controller {\n\t\tcompatible = \"dmakit,soft-dma\";\n"
        "\t\t#dma-cells = <%s>;\n\t\tdma-channels = <2>;\n"
        "\t\tdmakit,workers = <1>;\n\t};\n")


def board(body, cells="1"):
    return HEAD + SOFT % cells + body + "};\n"


def client(name, props):
    return "\t%s {\n\t\tcompatible = \"dmakit,test-plain\";\n%s\t};\n" % (
        name, "".join("\t\t%s;\n" % p for p in props))


SOURCES = {
    "bad-syntax.dts": ("fail", "/dts-v1/;\n/ { node { ; };\n"),
    "missing-label.dts": ("fail", board(client("c", ["dmas = <&nowhere 0>",
                                                     'dma-names = "rx"']))),
    "duplicate-node.dts": ("fail", board(
        "\tdma-controller@1000 { compatible = \"dmakit,soft-dma\"; "
        "#dma-cells = <1>; reg = <0x1000 0x10>; };\n"
        "\tdma-controller@1000 { compatible = \"dmakit,soft-dma\"; "
        "#dma-cells = <1>; reg = <0x1000 0x10>; };\n")),
    "dangling-dmas.dts": ("boot", board(client("c", [
        "dmas = <0xdead 1>", 'dma-names = "rx"']))),
    "dma-cells-short.dts": ("boot", board(client("c", [
        "dmas = <&dma0>", 'dma-names = "rx"']))),
    "dma-cells-mismatch.dts": ("boot", board(client("c", [
        "dmas = <&dma0 0 1 2>", 'dma-names = "rx"']), cells="3")),
    "dma-cells-huge.dts": ("boot", board(client("c", [
        "dmas = <&dma0 0>", 'dma-names = "rx"']), cells="100")),
    "dma-cells-missing.dts": ("boot", HEAD +
        "\tdma0: dma-controller { compatible = \"dmakit,soft-dma\"; };\n" +
        client("c", ["dmas = <&dma0 0>", 'dma-names = "rx"']) + "};\n"),
    "channel-beyond.dts": ("boot", board(client("c", [
        "dmas = <&dma0 9>, <&dma0 0xffffffff>", 'dma-names = "rx", "tx"']))),
    "dma-names-short.dts": ("boot", board(client("c", [
        "dmas = <&dma0 0>", 'dma-names = "rx", "tx", "aux"']))),
    "dma-names-binary.dts": ("boot", board(client("c", [
        "dmas = <&dma0 0>", "dma-names = [72 78]"]))),
    "dmas-not-controller.dts": ("boot", board(
        "\tplain: plain { compatible = \"dmakit,test-plain\"; };\n" +
        client("c", ["dmas = <&plain 0>", 'dma-names = "rx"']))),
    "controller-disabled.dts": ("boot", HEAD +
        "\tdma0: dma-controller { compatible = \"dmakit,soft-dma\"; "
        "#dma-cells = <1>; status = \"disabled\"; };\n" +
        client("c", ["dmas = <&dma0 0>", 'dma-names = "rx"']) + "};\n"),
    "bad-reg.dts": ("boot", board(
        "\tshort { compatible = \"dmakit,test-plain\"; reg = <0x1000>; };\n"
        "\tzero@2000 { compatible = \"dmakit,test-plain\"; "
        "reg = <0x2000 0x0>; };\n"
        "\twide { compatible = \"simple-bus\"; #address-cells = <9>; "
        "#size-cells = <1>; ranges;\n"
        "\t\tdev@1 { compatible = \"dmakit,test-plain\"; "
        "reg = <0 0 0 0 0 0 0 0 1 0x10>; };\n\t};\n"
        "\tbadranges { compatible = \"simple-bus\"; #address-cells = <1>; "
        "#size-cells = <1>; ranges = <1 2>;\n"
        "\t\tdev@1 { compatible = \"dmakit,test-plain\"; "
        "reg = <1 0x10>; };\n\t};\n")),
    "bad-interrupts.dts": ("boot", board(
        "\tintc: intc { compatible = \"dmakit,intc\"; interrupt-controller; "
        "#interrupt-cells = <2>; };\n"
        "\tnoparent { compatible = \"dmakit,test-plain\"; "
        "interrupts = <1 4>; };\n"
        "\tdangling { compatible = \"dmakit,test-plain\"; "
        "interrupt-parent = <0xbeef>; interrupts = <1 4>; };\n"
        "\tshort { compatible = \"dmakit,test-plain\"; "
        "interrupt-parent = <&intc>; interrupts = <1>; };\n"
        "\tloop1: loop1 { compatible = \"dmakit,test-plain\"; "
        "interrupt-parent = <&loop2>; interrupts = <1 1>; };\n"
        "\tloop2: loop2 { compatible = \"dmakit,test-plain\"; "
        "interrupt-parent = <&loop1>; };\n"
        "\tnotintc: notintc { #interrupt-cells = <1>; };\n"
        "\tnodomain { compatible = \"dmakit,test-plain\"; "
        "interrupt-parent = <&notintc>; interrupts = <3>; };\n"
        "\text { compatible = \"dmakit,test-plain\"; "
        "interrupts-extended = <&intc 1>; };\n")),
    "weird-strings.dts": ("boot", board(
        "\tnumcompat { compatible = <1 2>; status = <0>; };\n"
        "\tunterminated { compatible = [61 62 63]; };\n"
        "\temptycompat { compatible; };\n"
        "\tstatusbad { compatible = \"dmakit,test-plain\"; "
        "status = [6f 6b]; };\n")),
    "deep.dts": ("fail", HEAD + "".join("\tn%d {\n" % i for i in range(70)) +
                 "".join("\t};\n" for _ in range(70)) + "};\n"),
}

BASE = board(
    "\tintc: intc { compatible = \"dmakit,intc\"; interrupt-controller; "
    "#interrupt-cells = <2>; phandle = <0x77>; };\n" +
    "\tother { compatible = \"dmakit,test-plain\"; phandle = <0x78>; };\n" +
    client("c@100", ["reg = <0x100 0x10>", "dmas = <&dma0 0>",
                     'dma-names = "rx"', "interrupt-parent = <&intc>",
                     "interrupts = <1 4>"]))


def dtc(src):
    with tempfile.TemporaryDirectory() as d:
        dts, dtb = os.path.join(d, "b.dts"), os.path.join(d, "b.dtb")
        with open(dts, "w") as f:
            f.write(src)
        subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", dtb,
                        dts], check=True)
        with open(dtb, "rb") as f:
            return bytearray(f.read())


def put32(b, off, val):
    struct.pack_into(">I", b, off, val)


def blobs():
    good = dtc(BASE)
    off_struct = struct.unpack_from(">I", good, 8)[0]
    out = {"valid.dtb": ("boot", bytes(good))}
    out["empty.dtb"] = ("fail", b"")
    out["garbage.dtb"] = ("fail", bytes((i * 37 + 11) & 0xff
                                        for i in range(512)))
    b = bytearray(good)
    put32(b, 0, 0xd00dfeee)
    out["bad-magic.dtb"] = ("fail", bytes(b))
    out["truncated.dtb"] = ("fail", bytes(good[:len(good) // 2]))
    out["header-only.dtb"] = ("fail", bytes(good[:40]))
    b = bytearray(good)
    put32(b, 20, 1)                       # version
    out["bad-version.dtb"] = ("fail", bytes(b))
    b = bytearray(good)
    put32(b, 4, 0xffffffff)               # totalsize
    out["huge-totalsize.dtb"] = ("fail", bytes(b))
    b = bytearray(good)
    put32(b, 12, 0x7ffffff0)              # off_dt_strings
    out["bad-strings-offset.dtb"] = ("fail", bytes(b))
    b = bytearray(good)
    put32(b, off_struct + 8, 0x0000000f)  # a bogus token in the root
    out["bad-token.dtb"] = ("fail", bytes(b))
    b = bytearray(good)
    idx = b.find(struct.pack(">I", 0x78), off_struct)
    while idx >= 0:                       # phandle 0x78 -> 0x77
        prev = struct.unpack_from(">I", b, idx - 8)[0]
        if prev == 4:                     # a property of length 4
            put32(b, idx, 0x77)
            break
        idx = b.find(struct.pack(">I", 0x78), idx + 1)
    out["duplicate-phandle.dtb"] = ("fail", bytes(b))
    b = bytearray(good)
    put32(b, 36, 0xffffff00)              # size_dt_struct
    out["bad-struct-size.dtb"] = ("fail", bytes(b))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    expect = ["# file  expected outcome of dmakit_boot()  (make-corpus.py)"]
    for name, (want, text) in sorted(SOURCES.items()):
        with open(os.path.join(OUT, name), "w") as f:
            f.write("// corpus: %s\n" % want + text)
        expect.append("%s %s" % (name, want))
    for name, (want, data) in sorted(blobs().items()):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        expect.append("%s %s" % (name, want))
    with open(os.path.join(OUT, "EXPECT"), "w") as f:
        f.write("\n".join(expect) + "\n")


if __name__ == "__main__":
    main()
