#!/bin/sh
# Rebuilds the sandbox launcher for both Linux architectures (the binaries are committed, as the
# WebAssembly kernels are: users need no compiler). Needs Debian's clang and lld (tested with
# clang 14): apt-get install -y clang lld. No libc, no build id: the output is reproducible.
# usage: build.sh [OUT_DIR]   (default: next to this script; the unit tests build into a temp folder
# and compare the bytes with the committed binaries)
set -eu
cd "$(dirname "$0")"
out=${1:-.}
for arch in x64:x86_64 arm64:aarch64; do
  name=${arch%%:*}; triple=${arch#*:}-linux-gnu
  clang --target="$triple" -Os -static -nostdlib -ffreestanding -fno-builtin -fno-stack-protector \
    -fno-asynchronous-unwind-tables -fno-unwind-tables -fuse-ld=lld \
    -Wall -Wextra -Werror \
    -Wl,--build-id=none -Wl,-z,norelro -Wl,--strip-all -Wl,-e,_start \
    -o "$out/confine-linux-$name" confine.c
  echo "built $out/confine-linux-$name ($(wc -c < "$out/confine-linux-$name") bytes)"
done
