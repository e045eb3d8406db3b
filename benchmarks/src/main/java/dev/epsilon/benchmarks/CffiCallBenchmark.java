package dev.epsilon.benchmarks;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
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

import java.util.concurrent.TimeUnit;

/**
 * abs(int) through the real CFFI front end (Debian's cl-cffi, loaded by Epsilon's ASDF) on
 * Epsilon's CFFI-SYS, beside Epsilon's own DEFSHARED in the same context: a DEFCFUN function and a
 * constant-signature FOREIGN-FUNCALL, each in a loop of {@link #CALLS} calls. The target is
 * CFFI within 1.2x of DEFSHARED.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CffiCallBenchmark {
    static final int CALLS = 10_000;

    private static final String PROGRAM = """
            (require :asdf)
            (asdf:load-system :cffi)
            (defshared c-abs "abs" "libc" :int (x :int))
            (defun defshared-loop (n) (let ((s 0)) (dotimes (i n) (setq s (+ s (c-abs (- i))))) s))
            (cffi:defcfun ("abs" cffi-abs) :int (x :int))
            (defun defcfun-loop (n) (let ((s 0)) (dotimes (i n) (setq s (+ s (cffi-abs (- i))))) s))
            (defun foreign-funcall-loop (n)
              (let ((s 0)) (dotimes (i n) (setq s (+ s (cffi:foreign-funcall "abs" :int (- i) :int)))) s))
            """;

    private Context context;
    private Value defsharedLoop;
    private Value defcfunLoop;
    private Value foreignFuncallLoop;

    @Setup(Level.Trial)
    public void setUp() {
        context = Context.newBuilder("epsilon").allowNativeAccess(true).allowIO(IOAccess.ALL)
                .allowEnvironmentAccess(org.graalvm.polyglot.EnvironmentAccess.INHERIT).build();
        context.eval("epsilon", PROGRAM);
        defsharedLoop = context.eval("epsilon", "(function defshared-loop)");
        defcfunLoop = context.eval("epsilon", "(function defcfun-loop)");
        foreignFuncallLoop = context.eval("epsilon", "(function foreign-funcall-loop)");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long defshared() {
        return defsharedLoop.execute(CALLS).asLong();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long cffiDefcfun() {
        return defcfunLoop.execute(CALLS).asLong();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long cffiForeignFuncall() {
        return foreignFuncallLoop.execute(CALLS).asLong();
    }
}
