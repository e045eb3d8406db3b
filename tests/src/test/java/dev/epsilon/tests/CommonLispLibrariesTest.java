package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The world's Common Lisp, loaded unchanged from Debian's packaged sources (.ci/run installs
 * cl-alexandria, cl-rt, cl-babel, cl-trivial-features) through Epsilon's ASDF.
 */
class CommonLispLibrariesTest {
    private static final Path SOURCES = Path.of("/usr/share/common-lisp/source");

    /**
     * Recorded count: alexandria's suite has 249 tests on SBCL, one of which is read only under
     * #+sbcl; the other 248 must all pass, both with :compiled nil and :compiled t.
     */
    private static final int ALEXANDRIA_TESTS = 248;

    private static String run(String program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context cx = Epsilon.context(out)) {
            cx.eval(Epsilon.ID, program);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void requireSources(String... systems) {
        for (String s : systems) {
            assertTrue(Files.isDirectory(SOURCES.resolve(s)),
                    SOURCES.resolve(s) + " is missing: .ci/run installs Debian's cl-" + s + " package");
        }
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void alexandriaTestSuitePassesThroughAsdfInterpretedAndCompiled() {
        requireSources("alexandria", "rt");
        String out = run("(require :asdf) (asdf:test-system :alexandria)");
        String doing = "Doing " + ALEXANDRIA_TESTS + " pending tests of " + ALEXANDRIA_TESTS + " tests total.";
        assertEquals(2, occurrences(out, doing), out);
        assertEquals(2, occurrences(out, "No tests failed."), out);
    }

    @Test
    void asdfFindsLoadsAndReportsSystems() {
        requireSources("alexandria");
        String out = run("""
                (require :asdf)
                (print (asdf:component-name (asdf:find-system "alexandria")))
                (print (asdf:load-system :alexandria))
                (print (alexandria:flatten '(1 (2 (3)))))
                (print (member "alexandria" (asdf:already-loaded-systems) :test #'string=))
                (print (find-package :asdf-user))
                (print (handler-case (asdf:find-system :no-such-system) (asdf:missing-component () :missing)))
                (print (not (null (member "ASDF" *modules* :test #'string=))))
                """);
        assertEquals("""

                "alexandria"\s
                T\s
                (1 2 3)\s
                ("alexandria")\s
                #<PACKAGE "ASDF-USER">\s
                :MISSING\s
                T\s""", out);
    }
}
