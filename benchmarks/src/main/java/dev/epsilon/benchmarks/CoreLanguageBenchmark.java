package dev.epsilon.benchmarks;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The Lisp core against SBCL (benchmarks/sbcl/core.lisp runs the same programs): a self-recursive
 * fib 30, and a DOTIMES loop of 10^8 generic additions. Issue 3 wants each within 3x of SBCL.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoreLanguageBenchmark {
    private Context context;
    private Value fib;
    private Value sumLoop;
    private Value arefSum;
    private Value svrefFill;
    private Value vector;
    private final Object[] javaVector = new Object[1_000_000];

    @Setup(Level.Trial)
    public void setUp() {
        context = Context.newBuilder("epsilon").build();
        context.eval("epsilon", """
                (defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
                (defun sum-loop (n) (let ((s 0)) (dotimes (i n) (setq s (+ s i))) s))
                (defun aref-sum (v) (let ((s 0)) (dotimes (i (length v)) (setq s (+ s (aref v i)))) s))
                (defun svref-fill (v) (dotimes (i (length v) v) (setf (svref v i) i)))
                """);
        vector = context.eval("epsilon", "(make-array 1000000 :initial-element 1)");
        arefSum = context.eval("epsilon", "(function aref-sum)");
        svrefFill = context.eval("epsilon", "(function svref-fill)");
        java.util.Arrays.fill(javaVector, 1L);
        fib = context.eval("epsilon", "(function fib)");
        sumLoop = context.eval("epsilon", "(function sum-loop)");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
    }

    @Benchmark
    public long fib30() {
        return fib.execute(30).asLong();
    }

    /** AREF over a simple vector of 10^6 fixnums; {@link #javaObjectArraySum1e6} is the same loop in Java. */
    @Benchmark
    public long arefSum1e6() {
        return arefSum.execute(vector).asLong();
    }

    @Benchmark
    public Value svrefFill1e6() {
        return svrefFill.execute(vector);
    }

    @Benchmark
    public long javaObjectArraySum1e6() {
        long s = 0;
        for (Object o : javaVector) {
            s += (Long) o;
        }
        return s;
    }

    @Benchmark
    public long dotimes1e8() {
        return sumLoop.execute(100_000_000).asLong();
    }
}
