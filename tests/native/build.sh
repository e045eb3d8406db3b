#!/usr/bin/env bash
# Compiles the C fixture library that the FFI tests call: build.sh OUTPUT_DIR
set -euo pipefail
out="${1:?output directory}"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
if ! command -v gcc >/dev/null; then
    echo "tests/native/build.sh: gcc is required to build the C fixture library" >&2
    exit 1
fi
gcc -std=gnu11 -O2 -Wall -Wextra -Werror -shared -fPIC -pthread \
    -o "$out/libepsilon-fixture.so" "$here"/*.c -ldl

# CFFI's own test libraries, from Debian's cl-cffi sources when installed: its suite loads them
# from this directory (CffiTestSuiteTest binds *default-pathname-defaults* here).
cffi_tests=/usr/share/common-lisp/source/cl-cffi/tests
if [ -d "$cffi_tests" ]; then
    mkdir -p "$out/cffi"
    for lib in libtest libtest2 libfsbv; do
        gcc -std=c99 -O2 -w -shared -fPIC -o "$out/cffi/$lib.so" "$cffi_tests/$lib.c" -lm
    done
fi
