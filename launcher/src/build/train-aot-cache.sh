#!/usr/bin/env bash
# Trains the AOT cache (JDK 25, JEPs 483, 514, 515) that bin/epsilon passes with -XX:AOTCache: one
# run of aot-training.lisp on the linked runtime (link-runtime.sh) with bin/epsilon's default flags,
# recording the classes it loads and links and the method profiles HotSpot collects. The cache
# belongs to that runtime and its jars, so the build makes it again whenever it links the runtime.
#
#   train-aot-cache.sh RUNTIME CACHE TRAINING_PROGRAM ARGS_FILE...
set -euo pipefail
runtime="$1" cache="$2" program="$3"
shift 3
args=()
for file in "$@"; do
    args+=("@$file")
done
rm -f "$cache"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! "$runtime/bin/java" "-XX:AOTCacheOutput=$cache" "${args[@]}" \
        -m dev.epsilon.launcher/dev.epsilon.launcher.EpsilonLauncher "$program" >"$log" 2>&1 \
        || [ ! -f "$cache" ]; then
    cat "$log" >&2
    echo "train-aot-cache: the training run failed" >&2
    exit 1
fi
echo "train-aot-cache: $(du -h "$cache" | cut -f1) in $cache"
