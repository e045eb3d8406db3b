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
            long allocated = allocatedBy(() -> assertEquals(49999995000000L, sumLoop.execute(10_000_000).asLong()));
            assertTrue(allocated < 16_000_000, "a compiled loop of 10^7 additions allocated " + allocated + " bytes");
        }
    }

    /**
     * A compiled call of a DEFSHARED function, and a constant SHARED-CALL, pass their fixnum
     * argument unboxed: 10^6 calls of abs on a value computed in the loop allocate almost nothing
     * (a Long per call would be 16 MB or more; that is what a boundary call on the never-taken slow
     * branch of the argument conversion used to cost).
     */
    @Test
    void compiledForeignCallsDoNotBox() {
        // One compilation tier, compiled in the foreground: the code measured is the optimized one.
        try (Engine engine = Engine.newBuilder(Epsilon.ID).allowExperimentalOptions(true)
                .option("engine.MultiTier", "false")
                .option("engine.BackgroundCompilation", "false")
                .option("engine.CompilationFailureAction", "Throw")
                .build();
             Context cx = Context.newBuilder(Epsilon.ID).engine(engine).allowNativeAccess(true).build()) {
            cx.eval(Epsilon.ID, "(defshared c-abs \"abs\" \"libc\" :int (x :int))"
                    + " (defun abs-loop (n) (let ((s 0)) (dotimes (i n) (setq s (+ s (c-abs (- i))))) s))"
                    + " (defun shared-call-loop (n) (let ((s 0))"
                    + "   (dotimes (i n) (setq s (+ s (shared-call '(\"abs\" \"libc\") :int '(:int) (- i))))) s))");
            for (String loop : new String[]{"abs-loop", "shared-call-loop"}) {
                org.graalvm.polyglot.Value f = cx.eval(Epsilon.ID, "(function " + loop + ")");
                for (int i = 0; i < 2000; i++) {
                    f.execute(1000);   // warm up until compiled
                }
                long allocated = allocatedBy(() -> assertEquals(499999500000L, f.execute(1_000_000).asLong()));
                assertTrue(allocated < 4_000_000, "10^6 compiled calls of abs in " + loop + " allocated " + allocated + " bytes");
            }
        }
    }

    /** Bytes this thread allocates while {@code work} runs. */
    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
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
     * Runs BODY in a context whose engine has OPTIONS (name, value, ...) and compilation tracing on;
     * returns the compilation log.
     */
    private static String compilationLog(java.util.function.Consumer<Context> body, String... options) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Engine.Builder builder = Engine.newBuilder(Epsilon.ID).allowExperimentalOptions(true)
                .option("engine.BackgroundCompilation", "false")
                .option("engine.TraceCompilation", "true")
                .logHandler(log);
        for (int i = 0; i < options.length; i += 2) {
            builder.option(options[i], options[i + 1]);
        }
        try (Engine engine = builder.build(); Context cx = Context.newBuilder(Epsilon.ID).engine(engine).build()) {
            body.accept(cx);
        }
        return log.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Builtins that run JDK code compile too (none bails out with "Too deep inlining"): AREF and its
     * SETF on a specialized array, whose other element cases never ran, and RANDOM on a bignum.
     * Read from the compilation log: a bailout leaves the builtin running uncompiled, no exception.
     */
    @Test
    void builtinsOverJdkCodeCompile() {
        String trace = compilationLog(cx -> {
            assertEquals(5, cx.eval(Epsilon.ID, "(let ((v (make-array 4 :element-type '(signed-byte 32))))"
                    + " (setf (aref v 1) 5) (aref v 1))").asInt());
            assertEquals(true, cx.eval(Epsilon.ID, "(< (random (expt 10 30)) (expt 10 30))").asBoolean());
        }, "engine.CompileImmediately", "true", "engine.CompileOnly", "AREF,%%ASET,RANDOM");
        assertTrue(trace.contains("opt done"), trace);
        assertFalse(trace.contains("opt failed"), trace);
    }

    /**
     * Builtins whose Java is a directive interpreter, BigDecimal division or EQUAL hashing compile
     * (their general code is behind a boundary): FORMAT and MOD on a bignum failed with "Too deep
     * inlining" when Graal partially evaluated their Java into the caller.
     */
    @Test
    void builtinsWithLargeJavaBodiesCompile() {
        String trace = compilationLog(cx -> {
            cx.eval(Epsilon.ID, "(defun keys (n) (let ((h (make-hash-table :test 'equal)))"
                    + " (dotimes (i n) (setf (gethash (format nil \"k~d\" (mod i 7)) h) (mod (expt 3 80) (+ i 2))))"
                    + " (hash-table-count h)))");
            assertEquals(7, cx.eval(Epsilon.ID, "(keys 50)").asInt());
            assertEquals("2", cx.eval(Epsilon.ID, "(format nil \"~a\" (mod (expt 2 70) 7))").asString());
        }, "engine.CompileImmediately", "true", "engine.CompileOnly", "FORMAT,MOD,GETHASH,%%PUTHASH,KEYS");
        assertTrue(trace.contains("opt done"), trace);
        assertFalse(trace.contains("opt failed"), trace);
    }

    /**
     * A function whose first-tier code runs long loops reaches the last tier, and there AREF and
     * its SETF on a specialized vector inline at every site of the loop (unrolled, ten of them).
     * First-tier code runs DOTIMES in strips the loop node counts as one iteration each; without
     * reporting the rest, a function compiled while its loops were short stayed in first-tier code,
     * where no call is inlined (copying 10^5 elements took 9 ms instead of 0.2).
     */
    @Test
    void longLoopsReachTheLastTierAndInlineArrayAccess() {
        String trace = compilationLog(cx -> {
            cx.eval(Epsilon.ID, "(defun copy-in (in out n) (dotimes (i n) (setf (aref out i) (aref in i))) out)");
            cx.eval(Epsilon.ID, "(defvar *in* (make-array 100000 :element-type '(signed-byte 32) :initial-element 7))");
            cx.eval(Epsilon.ID, "(defvar *out* (make-array 100000 :element-type '(signed-byte 32)))");
            // Short loops first: the first tier is compiled with a call-and-loop count far below the last tier's.
            cx.eval(Epsilon.ID, "(dotimes (k 600) (copy-in *in* *out* 1))");
            for (int i = 0; i < 20; i++) {
                assertEquals(7, cx.eval(Epsilon.ID, "(aref (copy-in *in* *out* 100000) 99999)").asInt());
            }
        }, "engine.CompileOnly", "COPY-IN", "engine.OSR", "false");
        java.util.regex.Matcher lastTier = java.util.regex.Pattern.compile("opt done .*COPY-IN .*\\|Tier 2\\|.*\\|Inlined +(\\d+)Y +(\\d+)N").matcher(trace);
        assertTrue(lastTier.find(), trace);
        assertEquals("0", lastTier.group(2), trace);
    }

    /**
     * DOTIMES compiled (each test function compiled at its first call, so the counted loop runs its
     * compiled strips, a small body unrolled four times): counts at and around the unroll factor
     * and the strip length, RETURN, tags, a fresh binding per iteration, the count for RESULT, a
     * negative count, a body too big to unroll, nesting, and a count that is not an integer.
     */
    @Test
    void compiledDotimesKeepsItsMeaning() {
        try (Engine engine = Engine.newBuilder(Epsilon.ID).allowExperimentalOptions(true)
                .option("engine.CompileImmediately", "true")
                .option("engine.BackgroundCompilation", "false")
                .option("engine.CompilationFailureAction", "Throw")
                .option("engine.CompileOnly", "SUM-BELOW,FIRST-AT,EVENS,CLOSURES,BIG-BODY,NESTED")
                .build();
             Context cx = Context.newBuilder(Epsilon.ID).engine(engine).build()) {
            cx.eval(Epsilon.ID, """
                    (defun sum-below (n) (let ((s 0)) (dotimes (i n) (setq s (+ s i))) s))
                    (defun first-at (n k) (dotimes (i n :none) (when (= i k) (return i))))
                    (defun evens (n) (let ((c 0)) (dotimes (i n c) (when (oddp i) (go next)) (setq c (+ c 1)) next)))
                    (defun closures (n) (let ((fs nil)) (dotimes (i n) (push (lambda () i) fs)) (mapcar #'funcall fs)))
                    (defun big-body (n)
                      (let ((a 0) (b 0) (c 0))
                        (dotimes (i n (list a b c))
                          (setq a (+ a i)) (setq b (- b i)) (setq c (+ c (* 2 i)))
                          (when (> a 1000000000) (setq a 0)) (when (< b -1000000000) (setq b 0))
                          (setq c (mod c 1000003)))))
                    (defun nested (n) (let ((s 0)) (dotimes (i n) (dotimes (j i) (setq s (+ s 1)))) s))
                    """);
            for (long n : new long[]{0, 1, 3, 4, 5, 7, 8, 9, 65535, 65536, 65537, 200003}) {
                assertEquals(n * (n - 1) / 2, cx.eval(Epsilon.ID, "(sum-below " + n + ")").asLong(), "sum below " + n);
            }
            assertEquals(123457, cx.eval(Epsilon.ID, "(first-at 200000 123457)").asLong());
            assertEquals("NONE", cx.eval(Epsilon.ID, "(symbol-name (first-at 10 10))").asString());
            assertEquals(50001, cx.eval(Epsilon.ID, "(evens 100001)").asLong());
            assertEquals("(5 4 3 2 1 0)", cx.eval(Epsilon.ID, "(prin1-to-string (closures 6))").asString());
            assertEquals(7, cx.eval(Epsilon.ID, "(dotimes (i 7 i))").asLong());
            assertEquals(0, cx.eval(Epsilon.ID, "(dotimes (i -3 i))").asLong());
            assertEquals("(49995000 -49995000 989703)",
                    cx.eval(Epsilon.ID, "(prin1-to-string (big-body 10000))").asString());
            assertEquals(4950, cx.eval(Epsilon.ID, "(nested 100)").asLong());
            assertEquals("TYPE-ERROR", cx.eval(Epsilon.ID,
                    "(handler-case (dotimes (i 2.5) i) (type-error () \"TYPE-ERROR\"))").asString());
        }
    }
}
