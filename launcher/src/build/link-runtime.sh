#!/usr/bin/env bash
# Links the Java runtime that bin/epsilon starts: the JDK's own modules that Epsilon needs, the Graal
# compiler from Maven in place of the JDK's (which has no Truffle support), and Epsilon's modules
# with Truffle and the tools, so that nothing is resolved from a module path at start-up.
#
# Why not the JDK as it is, with the compiler on --upgrade-module-path? The JDK turns class-data
# sharing off for any process started with that option, and refuses to make an AOT cache for one.
# With the compiler linked into the image, neither option is needed, so the build can train an AOT
# cache (train-aot-cache.sh) and every start loads its classes already parsed and linked.
#
# A JDK 25 usually ships without jmods files (JEP 493), and jlink linking from the running image
# takes the JDK's own jdk.graal.compiler before any on --module-path. So the JDK modules are
# unpacked from lib/modules and packed again as jmods, with java.base recording the hashes of the
# new ones. Nothing of this is downloaded; it needs only the JDK's jimage, jmod and jlink.
#
#   link-runtime.sh JDK JMODS_DIR UPGRADE_DIR MODULES_DIR OUTPUT_DIR
# The JDK's modules, repacked, stay in JMODS_DIR while the JDK is the same; the link itself runs
# every time, as Epsilon's jars in MODULES_DIR change with every build.
set -euo pipefail
jdk="$1" jmods="$2" upgrade="$3" application="$4" out="$5"

# What dev.epsilon.*, Truffle and the compiler require, plus what a user debugging a process
# reaches for (jcmd and jstack attach, a JDWP agent) and the extra charsets external formats name.
modules=(java.base java.logging java.management java.sql java.transaction.xa java.xml
         jdk.internal.vm.ci jdk.management jdk.unsupported jdk.charsets jdk.zipfs
         jdk.attach jdk.internal.jvmstat jdk.jdwp.agent)

# The JDK modules, unpacked from lib/modules and packed again as jmods in $jmods.
repack_jdk_modules() {
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    pattern="$(IFS='|'; echo "${modules[*]}" | sed 's/\./\\./g')"
    "$jdk/bin/jimage" extract --dir "$work/classes" --include "regex:/($pattern)/.*" "$jdk/lib/modules"

    # Native libraries and launchers, each in the module that loads it.
    natives() {
        local module="$1"; shift
        local file
        for file in "$@"; do
            if [ -e "$jdk/lib/$file" ]; then
                mkdir -p "$work/libs/$module/$(dirname "$file")"
                cp -L "$jdk/lib/$file" "$work/libs/$module/$file"
            fi
        done
    }
    natives java.base libjava.so libjimage.so libjli.so libjsig.so libnet.so libnio.so libverify.so \
        libzip.so libsyslookup.so libsimdsort.so libjsvml.so server/libjvm.so server/libjsig.so \
        jvm.cfg jexec jspawnhelper jrt-fs.jar tzdb.dat classlist $(cd "$jdk/lib" && ls security/*)
    natives java.management libmanagement.so
    natives jdk.management libmanagement_ext.so
    natives jdk.attach libattach.so
    natives jdk.jdwp.agent libjdwp.so libdt_socket.so
    mkdir -p "$work/bin" "$jmods"
    cp "$jdk/bin/java" "$work/bin/"

    pack() {
        local module="$1"; shift
        local legal=()
        [ -d "$jdk/legal/$module" ] && legal=(--legal-notices "$jdk/legal/$module")
        "$jdk/bin/jmod" create --class-path "$work/classes/$module" --libs "$work/libs/$module" \
            "${legal[@]}" "$@" "$jmods/$module.jmod"
    }
    for module in "${modules[@]}"; do
        mkdir -p "$work/libs/$module"
        [ "$module" = java.base ] || pack "$module"
    done
    # java.base last: it records the hashes of the modules tied to it, which are the new jmods now.
    pack java.base --cmds "$work/bin" --config "$jdk/conf" --module-path "$jmods" \
        --hash-modules '^(java|jdk)[.].*'
}

stamp="$(cat "$jdk/release"; echo "${modules[*]}")"
if [ ! -f "$jmods/epsilon-stamp" ] || [ "$(cat "$jmods/epsilon-stamp")" != "$stamp" ]; then
    echo "link-runtime: repacking the modules of $jdk in $jmods"
    rm -rf "$jmods"
    repack_jdk_modules
    echo "$stamp" > "$jmods/epsilon-stamp"
fi

rm -rf "$out"
# Every module on the path is linked: the JDK's, the compiler and Epsilon's with Truffle. The plugin
# generate-jli-classes is off: the unpacked java.base already holds the classes it would generate.
"$jdk/bin/jlink" --module-path "$jmods:$upgrade:$application" --add-modules ALL-MODULE-PATH \
    --disable-plugin generate-jli-classes --generate-cds-archive --output "$out"
