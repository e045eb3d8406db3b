package dev.epsilon.benchmarks;

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
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;

/** STRUCT-REF of an int member in a loop, beside a MemorySegment read of the same field. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StructRefBenchmark extends LispLoopAgainstSegment {
    static final int READS = 10_000;

    @Setup(Level.Trial)
    public void setUp() {
        start("""
                (define-c-struct point (x :int) (y :int))
                (defvar *pt* (let ((p (make-c-struct 'point))) (setf (struct-ref p 'y) 3) p))
                (defun read-loop (n)
                  (let ((pt *pt*) (s 0))
                    (dotimes (i n) (setq s (+ s (struct-ref pt 'y))))
                    s))
                """, 8);
        segment.set(ValueLayout.JAVA_INT, 4, 3);   // struct point { int x; int y; }: y at offset 4
    }

    @Benchmark
    @OperationsPerInvocation(READS)
    public long ffmRaw() {
        long s = 0;
        for (int i = 0; i < READS; i++) {
            s += segment.get(ValueLayout.JAVA_INT, 4);
        }
        return s;
    }

    /** The same reads summed with Lisp's overflow-checked addition (see MemRefBenchmark). */
    @Benchmark
    @OperationsPerInvocation(READS)
    public long ffmRawCheckedSum() {
        long s = 0;
        for (int i = 0; i < READS; i++) {
            s = Math.addExact(s, segment.get(ValueLayout.JAVA_INT, 4));
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(READS)
    public long lispStructRef() {
        return lispLoop.execute(READS).asLong();
    }
}
