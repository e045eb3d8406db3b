package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fasls: the system loader writes one per source file on the first load and reads it on the next,
 * in a fresh context; a changed file is loaded from source again together with everything after it;
 * a fasl of another build is never loaded.
 */
class FaslTest {
    private static String run(String program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context cx = Epsilon.context(out)) {
            cx.eval(Epsilon.ID, program);
        } catch (PolyglotException e) {
            return out.toString(StandardCharsets.UTF_8) + "\nERROR: " + e.getMessage();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String loadDemo(Path dir) {
        return run("(require :asdf)\n"
                + "(setf asdf:*user-cache* \"" + dir.resolve("cache") + "/\")\n"
                + "(push \"" + dir + "/\" asdf:*central-registry*)\n"
                + "(let ((*load-verbose* t)) (asdf:load-system \"fasl-demo\"))\n"
                + "(format t \"~&=> ~A~%\" (funcall (find-symbol \"GREET\" :fasl-demo)))\n");
    }

    private static void writeMacros(Path dir, String greeting, Instant modified) throws Exception {
        Path file = dir.resolve("macros.lisp");
        Files.writeString(file, "(defpackage :fasl-demo (:use :common-lisp))\n(in-package :fasl-demo)\n"
                + "(defmacro greeting () \"" + greeting + "\")\n");
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    @Test
    void systemLoaderWritesFaslsThenLoadsThemAndRecompilesWhatAChangeReaches(@TempDir Path dir) throws Exception {
        Instant past = Instant.now().minusSeconds(60);
        Files.writeString(dir.resolve("fasl-demo.asd"),
                "(defsystem \"fasl-demo\" :serial t :components ((:file \"macros\") (:file \"uses\")))\n");
        writeMacros(dir, "hello", past);
        Files.writeString(dir.resolve("uses.lisp"), "(in-package :fasl-demo)\n(defun greet () (greeting))\n");
        Files.setLastModifiedTime(dir.resolve("uses.lisp"), FileTime.from(past));
        Path cached = dir.resolve("cache").resolve(dir.toString().substring(1));

        String first = loadDemo(dir);
        assertTrue(first.contains("; loading #P\"" + dir.resolve("macros.lisp") + "\""), first);
        assertTrue(first.contains("; loading #P\"" + dir.resolve("uses.lisp") + "\""), first);
        assertTrue(first.endsWith("=> hello\n"), first);
        assertTrue(Files.isRegularFile(cached.resolve("macros.efasl")), "no fasl written");
        assertTrue(Files.isRegularFile(cached.resolve("uses.efasl")), "no fasl written");

        String second = loadDemo(dir);
        assertTrue(second.contains("; loading #P\"" + cached.resolve("macros.efasl") + "\""), second);
        assertTrue(second.contains("; loading #P\"" + cached.resolve("uses.efasl") + "\""), second);
        assertFalse(second.contains(".lisp\""), second);
        assertTrue(second.endsWith("=> hello\n"), second);

        // The macro changes: its file and the file that expanded it load from source again.
        writeMacros(dir, "changed", Instant.now().plusSeconds(2));
        Thread.sleep(3000);
        String third = loadDemo(dir);
        assertTrue(third.contains("; loading #P\"" + dir.resolve("macros.lisp") + "\""), third);
        assertTrue(third.contains("; loading #P\"" + dir.resolve("uses.lisp") + "\""), third);
        assertTrue(third.endsWith("=> changed\n"), third);
        String fourth = loadDemo(dir);
        assertFalse(fourth.contains(".lisp\""), fourth);
        assertTrue(fourth.endsWith("=> changed\n"), fourth);

        // A fasl another build wrote is not loaded: the system loader compiles again, LOAD refuses it.
        Path fasl = cached.resolve("uses.efasl");
        byte[] bytes = Files.readAllBytes(fasl);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("epsilon-fasl 1 ", "epsilon-fasl 0 ");
        Files.write(fasl, text.getBytes(StandardCharsets.ISO_8859_1));
        String refused = run("(handler-case (load \"" + fasl + "\") (file-error (e) (format t \"~A\" e)))");
        assertTrue(refused.contains("was compiled by another build of Epsilon"), refused);
        String fifth = loadDemo(dir);
        assertTrue(fifth.contains("; loading #P\"" + dir.resolve("uses.lisp") + "\""), fifth);
        assertTrue(fifth.endsWith("=> changed\n"), fifth);
    }

    @Test
    void aFormWhoseExpansionCannotBeDumpedIsKeptAsWrittenAndALiteralThatCannotFailsTheCompile(@TempDir Path dir)
            throws Exception {
        Path source = dir.resolve("odd.lisp");
        Path fasl = dir.resolve("odd.efasl");
        // The expansion holds a hash table: the fasl keeps the form as written, to expand when loaded.
        Files.writeString(source, "(defmacro table-literal () (make-hash-table))\n"
                + "(defparameter *table* (table-literal))\n");
        String out = run("(print (second (multiple-value-list (compile-file \"" + source + "\" :output-file \"" + fasl + "\"))))\n"
                + "(load \"" + fasl + "\")\n(print (hash-table-p *table*))");
        assertEquals("\nNIL \nT ", out);
        // A hash table read with #. is in the form as written too: no fasl at all, and COMPILE-FILE says so.
        Files.writeString(source, "(defparameter *table* #.(make-hash-table))\n(defparameter *fine* 1)\n");
        Files.delete(fasl);
        String refused = run("(print (multiple-value-list (compile-file \"" + source + "\" :output-file \"" + fasl + "\")))\n"
                + "(print (probe-file \"" + fasl + "\"))");
        assertTrue(refused.contains("(NIL T T)"), refused);
        assertTrue(refused.contains("holds a literal object no fasl can keep"), refused);
        assertTrue(refused.endsWith("\nNIL "), refused);
    }

    @Test
    void aDamagedFaslIsAFileErrorNotACrash(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("whole.lisp");
        Path fasl = dir.resolve("whole.efasl");
        Files.writeString(source, "(defun twice (x) (* 2 x))\n(defparameter *ready* (twice 21))\n");
        run("(compile-file \"" + source + "\" :output-file \"" + fasl + "\")");
        byte[] bytes = Files.readAllBytes(fasl);
        for (int cut : new int[]{12, bytes.length / 2, bytes.length - 1}) {
            Files.write(fasl, java.util.Arrays.copyOf(bytes, cut));
            String out = run("(print (handler-case (progn (load \"" + fasl + "\") :loaded) (file-error (e) (format nil \"~a\" e))))");
            assertTrue(out.contains("the fasl is damaged"), cut + ": " + out);
        }
    }
}
