package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;

/**
 * {@code (sys::%%counted-loop counter limit body...)}, what DOTIMES expands to: runs the body while
 * the fixnum in {@code counter} is below {@code limit}, counting up by one. Both are lexical
 * variables of the running function that the expansion binds and nothing else sees. Because the
 * counter stays below a limit that is itself a fixnum, its increment cannot overflow and is a plain
 * addition: the compiler sees an ordinary counted loop (no overflow check, no GO).
 */
public final class CountedLoopNode extends LispNode {
    @Child private LoopNode loop;

    public CountedLoopNode(int counterSlot, int limitSlot, LispNode body) {
        this.loop = Truffle.getRuntime().createLoopNode(new Step(counterSlot, limitSlot, body));
    }

    @Override
    public Object execute(VirtualFrame frame) {
        loop.execute(frame);
        return Lisp.NIL;
    }

    /** Iterations between two safepoint polls of a compiled loop. */
    private static final int STRIP = 1 << 16;
    /** The largest body (in nodes) that compiled strips copy four times. */
    private static final int UNROLL_MAX_NODES = 24;

    private static final class Step extends Node implements RepeatingNode {
        private final int counterSlot;
        private final int limitSlot;
        @Child private LispNode body;
        /** Whether compiled strips run the body four times per trip; only small bodies are copied. */
        private final boolean unrolled;

        Step(int counterSlot, int limitSlot, LispNode body) {
            this.counterSlot = counterSlot;
            this.limitSlot = limitSlot;
            this.body = body;
            this.unrolled = com.oracle.truffle.api.nodes.NodeUtil.countNodes(body) <= UNROLL_MAX_NODES;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            long i = (Long) FrameSlots.read(frame, counterSlot);   // only this node writes it: a fixnum
            long n = limit(frame);
            if (i >= n) {
                return false;
            }
            if (CompilerDirectives.inInterpreter()) {
                body.execute(frame);   // one iteration per step: the loop node counts them for OSR
                FrameSlots.write(frame, counterSlot, i + 1);   // i < n <= Long.MAX_VALUE
                return true;
            }
            // Compiled: a strip of iterations on an int counter, a loop the compiler knows the
            // trip count of, so it drops the per-iteration safepoint polls; the loop node polls
            // between strips.
            int strip = (int) Math.min(n - i, STRIP);   // 0 <= i < n: no overflow
            int k = 0;
            if (unrolled) {
                // A small body four times per trip: a quarter of the compares, branches and moves
                // of the loop itself per iteration (the compiler here does not unroll it).
                for (; k <= strip - 4; k += 4) {
                    FrameSlots.write(frame, counterSlot, i + k);
                    body.execute(frame);
                    FrameSlots.write(frame, counterSlot, i + k + 1);
                    body.execute(frame);
                    FrameSlots.write(frame, counterSlot, i + k + 2);
                    body.execute(frame);
                    FrameSlots.write(frame, counterSlot, i + k + 3);
                    body.execute(frame);
                }
            }
            for (; k < strip; k++) {
                FrameSlots.write(frame, counterSlot, i + k);
                body.execute(frame);
            }
            FrameSlots.write(frame, counterSlot, i + strip);
            if (CompilerDirectives.hasNextTier()) {
                // The loop node counts this strip as one iteration. Without the rest, a function
                // whose first-tier code runs long loops never reaches the call-and-loop count of
                // the last tier, which inlines the calls in its body.
                LoopNode.reportLoopCount(this, strip - 1);
            }
            return true;
        }

        private long limit(VirtualFrame frame) {
            Object n = FrameSlots.read(frame, limitSlot);
            if (n instanceof Long l) {
                return l;
            }
            CompilerDirectives.transferToInterpreter();
            if (n instanceof java.math.BigInteger b) {
                return b.signum() > 0 ? Long.MAX_VALUE : 0;   // more iterations than anyone waits for (slow: deoptimizes)
            }
            throw Conditions.signalled(this, LispError.typeError(n, "INTEGER", "DOTIMES").at(this));
        }
    }
}
