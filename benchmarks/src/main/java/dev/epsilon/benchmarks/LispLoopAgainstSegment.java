package dev.epsilon.benchmarks;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The set-up the memory-access benchmarks share: a Lisp program defining READ-LOOP (one access per
 * iteration), and a native segment the Java reference loop reads.
 */
abstract class LispLoopAgainstSegment {
    Context context;
    Value lispLoop;
    Arena arena;
    MemorySegment segment;

    void start(String program, long segmentBytes) {
        context = Context.newBuilder("epsilon").allowNativeAccess(true).build();
        context.eval("epsilon", program);
        lispLoop = context.eval("epsilon", "(function read-loop)");
        arena = Arena.ofConfined();
        segment = arena.allocate(segmentBytes, 8);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
        arena.close();
    }
}
