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

/** MEM-AREF and MEM-REF of an int in a loop, beside a MemorySegment read of the same memory layout. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MemRefBenchmark extends LispLoopAgainstSegment {
    static final int READS = 10_000;
    private org.graalvm.polyglot.Value memRefLoop;
    private org.graalvm.polyglot.Value rawPointerLoop;

    @Setup(Level.Trial)
    public void setUp() {
        start("""
                (defvar *p* (foreign-alloc :int :count 1024 :initial-element 3))
                (defun read-loop (n)
                  (let ((p *p*) (s 0))
                    (dotimes (i n) (setq s (+ s (mem-aref p :int (logand i 1023)))))
                    s))
                (defvar *raw* (make-pointer (pointer-address *p*)))
                (defun raw-pointer-loop (n)
                  (let ((p *raw*) (s 0))
                    (dotimes (i n) (setq s (+ s (mem-aref p :int (logand i 1023)))))
                    s))
                (defun mem-ref-loop (n)
                  (let ((p *p*) (s 0))
                    (dotimes (i n) (setq s (+ s (mem-ref p :int (* 4 (logand i 1023))))))
                    s))
                """, 4 * 1024);
        memRefLoop = context.eval("epsilon", "(function mem-ref-loop)");
        rawPointerLoop = context.eval("epsilon", "(function raw-pointer-loop)");
        for (int i = 0; i < 1024; i++) {
            segment.setAtIndex(ValueLayout.JAVA_INT, i, 3);
        }
    }

    @Benchmark
    @OperationsPerInvocation(READS)
    public long ffmRaw() {
        long s = 0;
        for (int i = 0; i < READS; i++) {
            s += segment.getAtIndex(ValueLayout.JAVA_INT, i & 1023);
        }
        return s;
    }

    /**
     * The same reads summed with Lisp's arithmetic: {@code +} on fixnums checks for overflow (the
     * sum would become a bignum), which {@code s +=} does not, and which keeps C2 from vectorizing.
     */
    @Benchmark
    @OperationsPerInvocation(READS)
    public long ffmRawCheckedSum() {
        long s = 0;
        for (int i = 0; i < READS; i++) {
            s = Math.addExact(s, segment.getAtIndex(ValueLayout.JAVA_INT, i & 1023));
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(READS)
    public long lispMemAref() {
        return lispLoop.execute(READS).asLong();
    }

    /** The same reads with MEM-REF and a byte offset. */
    @Benchmark
    @OperationsPerInvocation(READS)
    public long lispMemRef() {
        return memRefLoop.execute(READS).asLong();
    }

    /**
     * The same reads through a raw pointer (one made from an address, as C hands them out): no
     * block to check, only that the address can be mapped memory at all (issue 15's safety check).
     */
    @Benchmark
    @OperationsPerInvocation(READS)
    public long lispMemArefRawPointer() {
        return rawPointerLoop.execute(READS).asLong();
    }
}
