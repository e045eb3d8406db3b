package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CFFI's own test suite, loaded unchanged from Debian's cl-cffi sources (.ci/run installs it) and
 * run through Epsilon's ASDF: the real CFFI front end on Epsilon's CFFI-SYS backend. The build
 * compiles the suite's C libraries (tests/native/build.sh) into target/native/cffi.
 */
class CffiTestSuiteTest {
    private static final Path SOURCES = Path.of("/usr/share/common-lisp/source/cl-cffi/tests");

    /**
     * Recorded: 327 tests are defined without grovel.lisp and test-asdf.lisp (CFFI-GROVEL does not
     * load on Epsilon yet; SBCL defines 332). Of those, 324 pass, in both modes. The failures are
     * the three CFFI marks as expected to fail (FSBV.WFO, FSBV.MAKEPAIR.1/2), which SBCL fails too.
     */
    private static final int DEFINED = 327;
    private static final int PASSING = 324;

    @Test
    void cffiSuitePassesTheRecordedCountInterpretedAndCompiled() {
        assertTrue(Files.isDirectory(SOURCES), SOURCES + " is missing: .ci/run installs Debian's cl-cffi package");
        Path libraries = Epsilon.fixtureDir().resolve("cffi");
        assertTrue(Files.isRegularFile(libraries.resolve("libtest.so")), "the build compiles CFFI's test libraries into " + libraries);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context cx = Epsilon.context(out)) {
            cx.eval(Epsilon.ID, "(require :asdf)"
                    + "(setf epsilon.foreign:*library-search-paths* (list \"" + libraries + "/\"))"
                    + "(asdf:test-system :cffi-tests)");
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(2, occurrences(text, "Doing " + DEFINED + " pending tests of " + DEFINED + " tests total."), text);
        List<Integer> failed = new ArrayList<>();
        Matcher m = Pattern.compile("(\\d+) out of " + DEFINED + " total tests failed").matcher(text);
        while (m.find()) {
            failed.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(List.of(DEFINED - PASSING, DEFINED - PASSING), failed, text);
        for (String name : new String[]{"FSBV.WFO", "FSBV.MAKEPAIR.1", "FSBV.MAKEPAIR.2"}) {
            assertTrue(text.contains("Test " + name + " failed"), name + "\n" + text);
        }
        assertEquals(2, occurrences(text, "No unexpected failures."), text);
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
