package dev.epsilon.benchmarks;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;

/**
 * abs(int) from Lisp, per optimization level, beside raw Java FFM: a DEFSHARED function, a
 * constant-signature SHARED-CALL (both compiled call sites), a computed-signature SHARED-CALL (the
 * signature cache), and DEFSHARED on the NFI engine. Each invocation is a loop of {@link #CALLS} calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ForeignCallBenchmark {
    static final int CALLS = 10_000;

    private static final String PROGRAM = """
            (defshared c-abs "abs" "libc" :int (x :int))
            (defun defshared-loop (n) (let ((s 0)) (dotimes (i n) (setq s (+ s (c-abs (- i))))) s))
            (defshared (c-abs-not-leaf :leaf nil) "abs" "libc" :int (x :int))
            (defun not-leaf-loop (n) (let ((s 0)) (dotimes (i n) (setq s (+ s (c-abs-not-leaf (- i))))) s))
            (defun shared-call-loop (n)
              (let ((s 0)) (dotimes (i n) (setq s (+ s (shared-call '("abs" "libc") :int '(:int) (- i))))) s))
            (defvar *spec* (list "abs" "libc"))
            (defvar *types* (list :int))
            (defun dynamic-loop (n) (let ((s 0)) (dotimes (i n) (setq s (+ s (shared-call *spec* :int *types* (- i))))) s))
            """;

    private Context ffm;
    private Context nfi;
    private Value defsharedLoop;
    private Value notLeafLoop;
    private MethodHandle absCritical;
    private Value sharedCallLoop;
    private Value dynamicLoop;
    private Value nfiDefsharedLoop;
    private Value manifestLoop;
    private MethodHandle abs;

    @Setup(Level.Trial)
    public void setUp() {
        ffm = Context.newBuilder("epsilon").allowNativeAccess(true).allowIO(org.graalvm.polyglot.io.IOAccess.ALL)
                .option("epsilon.ffi-engine", "ffm").build();   // IO: the manifest is read from a file
        ffm.eval("epsilon", PROGRAM);
        defsharedLoop = ffm.eval("epsilon", "(function defshared-loop)");
        notLeafLoop = ffm.eval("epsilon", "(function not-leaf-loop)");
        sharedCallLoop = ffm.eval("epsilon", "(function shared-call-loop)");
        dynamicLoop = ffm.eval("epsilon", "(function dynamic-loop)");
        try {
            java.nio.file.Path manifest = java.nio.file.Files.createTempFile("abs", ".toml");
            java.nio.file.Files.writeString(manifest, """
                    [[library]]
                    name = "bench"
                    link = "c"
                    [[library.function]]
                    c_name = "abs"
                    lisp_name = "manifest-abs"
                    args = [{ type = "int", pass = "int" }]
                    [library.function.return]
                    type = "int"
                    """);
            ffm.eval("epsilon", "(load-manifest \"" + manifest + "\")");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ffm.eval("epsilon", "(defun manifest-loop (n) (let ((s 0)) (dotimes (i n) (setq s (+ s (manifest-abs (- i))))) s))");
        manifestLoop = ffm.eval("epsilon", "(function manifest-loop)");
        nfi = Context.newBuilder("epsilon").allowNativeAccess(true).option("epsilon.ffi-engine", "nfi").build();
        nfi.eval("epsilon", PROGRAM);
        nfiDefsharedLoop = nfi.eval("epsilon", "(function defshared-loop)");
        Linker linker = Linker.nativeLinker();
        abs = linker.downcallHandle(linker.defaultLookup().find("abs").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        absCritical = linker.downcallHandle(linker.defaultLookup().find("abs").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), Linker.Option.critical(false));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ffm.close();
        nfi.close();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long ffmRaw() throws Throwable {
        long s = 0;
        for (int i = 0; i < CALLS; i++) {
            s += (int) abs.invokeExact(-i);
        }
        return s;
    }

    /** The reference for leaf calls: a raw FFM downcall without the thread-state transition. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long ffmRawCritical() throws Throwable {
        long s = 0;
        for (int i = 0; i < CALLS; i++) {
            s += (int) absCritical.invokeExact(-i);
        }
        return s;
    }

    /** libc's abs is a leaf call: the compiled call is a critical downcall. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long defshared() {
        return defsharedLoop.execute(CALLS).asLong();
    }

    /** The same binding declared :LEAF NIL: an ordinary downcall, for the ffmRaw comparison. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long defsharedNotLeaf() {
        return notLeafLoop.execute(CALLS).asLong();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long sharedCallConstant() {
        return sharedCallLoop.execute(CALLS).asLong();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long sharedCallComputed() {
        return dynamicLoop.execute(CALLS).asLong();
    }

    /** A function a TOML manifest declares: the same compiled call as DEFSHARED. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long manifestDeclared() {
        return manifestLoop.execute(CALLS).asLong();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long defsharedNfiEngine() {
        return nfiDefsharedLoop.execute(CALLS).asLong();
    }
}
