#!/bin/sh
# usage: install-test.sh BUILD_DIR SRC_DIR CC [SANITIZER]
set -e
build=$1 src=$2 cc=$3 sanitize=$4
# A sanitized library needs its runtime linked into the program first:
# a plain program, as pkg-config users build, cannot load it.
[ -z "$sanitize" ] || { echo "skipped: library built with $sanitize"; exit 77; }
command -v pkg-config >/dev/null || { echo "pkg-config missing"; exit 77; }
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib/x86_64-linux-gnu/pkgconfig"
cflags=$(pkg-config --cflags dmakit)
libs=$(pkg-config --libs dmakit)
libdir=$(pkg-config --variable=libdir dmakit)
# A client written from the kernel's client guide, and a provider that
# includes the drivers/dma-private headers the kernel's way.
$cc -std=gnu11 -Wall -Wextra -Werror -o "$prefix/client" "$src/client.c" $cflags $libs
$cc -std=gnu11 -Wall -Wextra -Werror -o "$prefix/provider" "$src/provider.c" $cflags $libs
LD_LIBRARY_PATH="$libdir" "$prefix/client"
LD_LIBRARY_PATH="$libdir" "$prefix/provider"
echo "installed headers and pkg-config work"
