package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedder's polyglot permissions rule Epsilon on both foreign engines: what a context was not
 * allowed is refused with one catchable Lisp condition, and nothing of it happens.
 */
class PermissionsTest {
    /** Evaluates FORM and answers :DENIED when it signals CONDITION, else what it did. */
    private static String attempt(Context cx, String condition, String form) {
        return cx.eval(Epsilon.ID, "(handler-case (progn " + form + " :done)"
                + " (" + condition + " (e) (if (and (typep e 'error) (search \"not allowed\" (princ-to-string e))) :denied e))"
                + " (error (e) (list :other (type-of e) (princ-to-string e))))").toString();
    }

    private static Context.Builder builder(String engine) {
        return Context.newBuilder(Epsilon.ID).engine(Epsilon.engine()).option("epsilon.ffi-engine", engine)
                .out(new ByteArrayOutputStream()).err(new ByteArrayOutputStream());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nfi"})
    void withoutNativeAccessEveryForeignOperationIsRefused(String engine, @TempDir Path dir) throws Exception {
        Path manifest = dir.resolve("m.toml");
        Files.writeString(manifest, """
                [[library]]
                name = "c"
                link = "c"

                [[library.function]]
                c_name = "abs"
                lisp_name = "c-abs"
                args = [{ type = "int" }]
                [library.function.return]
                type = "int"
                """);
        String[] forms = {
                "(shared-call '(\"getpid\" \"libc\") :int '())",
                "(shared-call \"abs\" :int '(:int) -3)",
                "(progn (defshared my-abs \"abs\" \"libc\" :int (x :int)) (my-abs -3))",
                "(lib-open \"libc.so.6\")",
                "(foreign-alloc :int)",
                "(with-foreign-memory ((p :int)) p)",
                "(foreign-string-alloc \"text\")",
                "(mem-ref (inc-pointer (null-pointer) 4096) :int)",
                "(setf (mem-ref (inc-pointer (null-pointer) 4096) :int) 1)",
                "(foreign-string-to-lisp (make-pointer 4096))",
                "(make-callback (lambda (x) x) :int '(:int))",
                "(with-pinned-array (p (make-array 4 :element-type 'double-float)) p)",
                "(with-pooled-memory (p 64) p)",
                "(load-manifest \"" + manifest + "\")",
        };
        try (Context cx = builder(engine).allowIO(IOAccess.ALL).build()) {
            for (String form : forms) {
                assertEquals(":DENIED", attempt(cx, "native-access-denied", form), form);
            }
            // One condition that is both kinds a handler may look for.
            assertEquals("T", cx.eval(Epsilon.ID, "(handler-case (foreign-alloc :int) (error (e) (and (typep e 'foreign-error)"
                    + " (typep e 'epsilon.system:access-denied))))").toString());
            String message = cx.eval(Epsilon.ID, "(handler-case (shared-call '(\"getpid\" \"libc\") :int '()) (error (e) (princ-to-string e)))").asString();
            assertTrue(message.contains("getpid") && message.contains("libc") && message.contains("allowNativeAccess"), message);
        }
        // The same forms run where native access is allowed: the refusals above are the permission's.
        try (Context cx = builder(engine).allowNativeAccess(true).allowIO(IOAccess.ALL).build()) {
            assertEquals(":DONE", attempt(cx, "native-access-denied", forms[0]));
            assertEquals(":DONE", attempt(cx, "native-access-denied", "(foreign-free (foreign-alloc :int))"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nfi"})
    void withoutIONoFileIsReadOrWritten(String engine, @TempDir Path dir) throws Exception {
        Path existing = dir.resolve("existing.lisp");
        Files.writeString(existing, "(defvar *loaded* t)\n");
        Path fresh = dir.resolve("fresh.txt");
        String[] forms = {
                "(with-open-file (s \"" + existing + "\") (read-line s))",
                "(with-open-file (s \"" + fresh + "\" :direction :output) (print 1 s))",
                "(load \"" + existing + "\")",
                "(probe-file \"" + existing + "\")",
                "(truename \"" + existing + "\")",
                "(directory \"" + dir + "/*.lisp\")",
                "(delete-file \"" + existing + "\")",
                "(rename-file \"" + existing + "\" \"" + fresh + "\")",
                "(ensure-directories-exist \"" + dir + "/sub/x.lisp\")",
                "(compile-file \"" + existing + "\")",
                "(load-manifest \"" + existing + "\")",
        };
        try (Context cx = builder(engine).allowNativeAccess(true).build()) {
            for (String form : forms) {
                assertEquals(":DENIED", attempt(cx, "epsilon.system:file-access-denied", form), form);
            }
            assertEquals("T", cx.eval(Epsilon.ID, "(handler-case (probe-file \"" + existing + "\") (file-error (e) (and (typep e 'epsilon.system:access-denied) t)))").toString());
        }
        assertTrue(Files.exists(existing), "DELETE-FILE or RENAME-FILE reached the file");
        assertFalse(Files.exists(fresh), "OPEN for output created the file");
        assertFalse(Files.exists(dir.resolve("sub")), "ENSURE-DIRECTORIES-EXIST made the directory");
        try (Context cx = builder(engine).allowNativeAccess(true).allowIO(IOAccess.ALL).build()) {
            assertEquals(":DONE", attempt(cx, "epsilon.system:file-access-denied", forms[0]));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nfi"})
    void theProcessEnvironmentIsVisibleOnlyWhenAllowed(String engine) {
        String probe = "(list (epsilon.system:getenv \"PATH\") (epsilon.system:getenv \"EPSILON_GIVEN\"))";
        try (Context cx = builder(engine).environment("EPSILON_GIVEN", "yes").build()) {
            assertEquals("(NIL \"yes\")", cx.eval(Epsilon.ID, probe).toString());
        }
        try (Context cx = builder(engine).allowEnvironmentAccess(EnvironmentAccess.INHERIT).build()) {
            assertEquals(System.getenv("PATH"), cx.eval(Epsilon.ID, probe).getArrayElement(0).asString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nfi"})
    void threadsOnlyWhenAllowed(String engine) {
        String make = "(epsilon.system::%%make-thread (lambda () 1) \"worker\")";
        try (Context cx = builder(engine).build()) {
            assertEquals(":DENIED", attempt(cx, "epsilon.system:access-denied", make));
        }
        try (Context cx = builder(engine).allowCreateThread(true).build()) {
            assertEquals(":DONE", attempt(cx, "epsilon.system:access-denied", "(epsilon.system::%%join-thread " + make + ")"));
        }
    }
}
