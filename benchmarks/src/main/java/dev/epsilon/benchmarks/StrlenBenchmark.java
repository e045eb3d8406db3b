package dev.epsilon.benchmarks;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;

/**
 * strlen("hello") from Lisp ({@code shared-call} with a constant signature, in a compiled DOTIMES
 * loop) beside the same C call through raw Java FFM. Loops run {@link #CALLS} calls per invocation
 * so the figures are per C call, not per host-to-guest transition.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StrlenBenchmark {
    static final int CALLS = 10_000;
    private static final String TEXT = "hello";

    private Context context;
    private Value lispLoop;
    private Arena arena;
    private MethodHandle strlen;
    private MemorySegment cString;

    @Setup(Level.Trial)
    public void setUp() {
        context = Context.newBuilder("epsilon").allowNativeAccess(true).build();
        context.eval("epsilon", """
                (defun strlen-loop (s n)
                  (let ((sum 0))
                    (dotimes (i n)
                      (setq sum (+ sum (shared-call '("strlen" "libc") :unsigned-long '(:string) s))))
                    sum))
                """);
        lispLoop = context.eval("epsilon", "(function strlen-loop)");
        Linker linker = Linker.nativeLinker();
        strlen = linker.downcallHandle(linker.defaultLookup().find("strlen").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        arena = Arena.ofConfined();
        cString = arena.allocateFrom(TEXT);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
        arena.close();
    }

    /** Lisp: shared-call with a constant signature, the Lisp string converted on every call. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long lispSharedCall() {
        return lispLoop.execute(TEXT, CALLS).asLong();
    }

    /** Raw FFM on a C string made once: the floor of a strlen call from Java. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long ffmRaw() throws Throwable {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += (long) strlen.invokeExact(cString);
        }
        return sum;
    }

    /** Raw FFM converting the Java string on every call, as the Lisp call must. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long ffmWithStringConversion() throws Throwable {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            try (Arena call = Arena.ofConfined()) {
                sum += (long) strlen.invokeExact(call.allocateFrom(TEXT));
            }
        }
        return sum;
    }
}
