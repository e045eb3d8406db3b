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
