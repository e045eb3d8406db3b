# Shared by bin/epsilon, benchmarks/run and .ci/run: find a JDK 25, build when stale, and the JVM
# flags that run Truffle with the Graal compiler (never the fallback interpreter). Source, don't run.

EPSILON_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EPSILON_DIST="$EPSILON_ROOT/launcher/target/dist"

# Sets JAVA_HOME to a JDK 25: $JAVA_HOME if it is one, else the first under /usr/lib/jvm.
epsilon_find_jdk() {
    local candidate
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25* /usr/lib/jvm/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
        if "$candidate/bin/java" -version 2>&1 | grep -q 'version "25'; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    echo "epsilon: no JDK 25 found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
    return 1
}

# Builds the runnable layout when it is missing or older than any source or POM.
epsilon_ensure_built() {
    local stamp="$EPSILON_DIST/build-stamp"
    # Rebuild also when the checkout moved: jvm.args holds absolute paths.
    if [ -f "$stamp" ] && grep -qF "$EPSILON_DIST/modules" "$EPSILON_DIST/jvm.args" 2>/dev/null && [ -z "$(find "$EPSILON_ROOT/pom.xml" "$EPSILON_ROOT/nfi-adapters" "$EPSILON_ROOT/language" \
            "$EPSILON_ROOT/launcher" \( -path '*/target' -prune \) -o -type f -newer "$stamp" -print -quit 2>/dev/null)" ]; then
        return 0
    fi
    echo "epsilon: building (first use or sources changed) ..." >&2
    local log
    log="$(mktemp)"
    if ! (cd "$EPSILON_ROOT" && mvn -B -q -DskipTests -pl launcher -am install >"$log" 2>&1); then
        cat "$log" >&2
        rm -f "$log"
        echo "epsilon: build failed" >&2
        return 1
    fi
    rm -f "$log"
}

# The java @argfile with the JVM flags of an Epsilon process (written by the launcher build).
EPSILON_JVM_ARGS="$EPSILON_DIST/jvm.args"

# The java command and @argfile of an Epsilon process, in the fastest-starting form there is:
# - a GraalVM JDK compiles Truffle code with its native compiler (libgraal), which starts compiling
#   at once; the compiler jars on the upgrade path would replace it with Graal as Java bytecode,
#   which has to warm itself up first, so such a JDK runs without them;
# - otherwise the runtime the build linked with the compiler inside (dist/runtime), started from
#   the AOT cache the build trained (dist/epsilon.aot): a third of the start-up of the next form.
#   It runs with dist/quick-start.args: the host's code compiled by C1 alone and the serial GC, so
#   the two cores go to Graal, which compiles a hot Lisp function while its caller waits, in two
#   tiers, at call counts above those loading the prelude reaches. EPSILON_TUNING=throughput leaves
#   out both the tuning and the cache (trained under it), for long runs whose Java-side work
#   (reading, macros, hash tables, the path of a callback into Lisp) should get HotSpot's C2;
# - with EPSILON_RUNTIME=jdk (to compare), the JDK with the compiler on the upgrade path.
EPSILON_JAVA=""
EPSILON_JAVA_FLAGS=()
epsilon_select_compiler() {
    EPSILON_JAVA="$JAVA_HOME/bin/java"
    if [ -f "$JAVA_HOME/lib/libjvmcicompiler.so" ]; then
        local args="$EPSILON_DIST/jvm-libgraal.args"
        # The compiler jars go to the module path, where the JDK's own modules of the same names win.
        grep -v -- '--upgrade-module-path' "$EPSILON_DIST/jvm.args" \
            | sed "s|--module-path=$EPSILON_DIST/modules|--module-path=$EPSILON_DIST/modules:$EPSILON_DIST/upgrade|" > "$args"
        EPSILON_JVM_ARGS="$args"
    elif [ "${EPSILON_RUNTIME:-}" != jdk ] && [ -x "$EPSILON_DIST/runtime/bin/java" ]; then
        EPSILON_JAVA="$EPSILON_DIST/runtime/bin/java"
        EPSILON_JVM_ARGS="$EPSILON_DIST/runtime.args"
        # The cache was trained with the quick-start flags, and its training data keeps the host's
        # methods at C1's level: under throughput tuning it would keep them from C2.
        if [ "${EPSILON_TUNING:-}" != throughput ]; then
            EPSILON_JAVA_FLAGS=("-XX:AOTCache=$EPSILON_DIST/epsilon.aot" "@$EPSILON_DIST/quick-start.args")
        fi
    fi
}
