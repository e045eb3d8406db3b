package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suite runs on the optimizing Truffle runtime with the Graal compiler, never the fallback. */
class OptimizingRuntimeTest {
    @Test
    void engineIsNotTheFallbackRuntime() {
        String name = Epsilon.engine().getImplementationName();
        assertNotEquals("Interpreted", name, "Truffle fell back to the interpreter-only runtime");
        try (Context cx = Epsilon.context(new ByteArrayOutputStream())) {
            String runtime = cx.eval(Epsilon.ID, "(epsilon.system:truffle-runtime-name)").asString();
            assertEquals(name, runtime);
            assertFalse(runtime.contains("Interpreted"), runtime);
        }
    }

    /**
     * Fixnum arithmetic is unboxed in compiled code: once compiled, a loop of 10^7 generic additions
     * allocates almost nothing (a boxed Long per intermediate value would take some 480 MB).
     */
    @Test
    void compiledFixnumLoopsDoNotBox() {
        try (Context cx = Epsilon.context(new ByteArrayOutputStream())) {
            cx.eval(Epsilon.ID, "(defun sum-loop (n) (let ((s 0)) (dotimes (i n) (setq s (+ s i))) s))");
            org.graalvm.polyglot.Value sumLoop = cx.eval(Epsilon.ID, "(function sum-loop)");
            for (int i = 0; i < 50; i++) {
                sumLoop.execute(1_000_000);   // warm up until compiled
            }
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            assertEquals(49999995000000L, sumLoop.execute(10_000_000).asLong());
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 16_000_000, "a compiled loop of 10^7 additions allocated " + allocated + " bytes");
        }
    }

    /** Compiles a Lisp function at its first call and fails on any compilation problem. */
    @Test
    void lispFunctionsCompile() {
        try (Engine engine = Engine.newBuilder(Epsilon.ID).allowExperimentalOptions(true)
                .option("engine.CompileImmediately", "true")
                .option("engine.BackgroundCompilation", "false")
                .option("engine.CompilationFailureAction", "Throw")
                .option("engine.CompileOnly", "FIB")
                .build();
             Context cx = Context.newBuilder(Epsilon.ID).engine(engine).build()) {
            cx.eval(Epsilon.ID, "(defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))");
            assertEquals(832040, cx.eval(Epsilon.ID, "(fib 30)").asInt());
        }
    }

    /**
     * Builtins that run JDK code compile too (none bails out with "Too deep inlining"): AREF and its
     * SETF on a specialized array, whose other element cases never ran, and RANDOM on a bignum.
     * Read from the compilation log: a bailout leaves the builtin running uncompiled, no exception.
     */
    @Test
    void builtinsOverJdkCodeCompile() {
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        try (Engine engine = Engine.newBuilder(Epsilon.ID).allowExperimentalOptions(true)
                .option("engine.CompileImmediately", "true")
                .option("engine.BackgroundCompilation", "false")
                .option("engine.TraceCompilation", "true")
                .option("engine.CompileOnly", "AREF,%ASET,RANDOM")
                .logHandler(log)
                .build();
             Context cx = Context.newBuilder(Epsilon.ID).engine(engine).build()) {
            assertEquals(5, cx.eval(Epsilon.ID, "(let ((v (make-array 4 :element-type '(signed-byte 32))))"
                    + " (setf (aref v 1) 5) (aref v 1))").asInt());
            assertEquals(true, cx.eval(Epsilon.ID, "(< (random (expt 10 30)) (expt 10 30))").asBoolean());
        }
        String trace = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(trace.contains("opt done"), trace);
        org.junit.jupiter.api.Assertions.assertFalse(trace.contains("opt failed"), trace);
    }
}
