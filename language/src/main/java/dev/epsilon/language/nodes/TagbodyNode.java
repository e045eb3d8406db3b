package dev.epsilon.language.nodes;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;
import dev.epsilon.language.runtime.Lisp;

/**
 * {@code (tagbody ...)}: statements split into segments at each tag. A {@code go} restarts the
 * segment loop at its tag's segment; the loop is a Truffle LoopNode, so long-running tagbody loops
 * (and every DO, DOTIMES, LOOP built on them) get on-stack replacement.
 */
public final class TagbodyNode extends LispNode {
    @Child private WriteLocalNode bindActivation;
    @Child private LoopNode loop;
    private final int segmentSlot;

    /**
     * @param activationSlot where {@code bindActivation} stores this entry's identity (never boxed:
     *                       closures only read it)
     * @param segmentSlot    the next segment to run, an int
     */
    public TagbodyNode(WriteLocalNode bindActivation, int activationSlot, LispNode[][] segments, int segmentSlot) {
        this.bindActivation = bindActivation;
        this.segmentSlot = segmentSlot;
        this.loop = Truffle.getRuntime().createLoopNode(new Segments(segments, activationSlot, segmentSlot));
    }

    @Override
    public Object execute(VirtualFrame frame) {
        bindActivation.execute(frame);
        frame.setInt(segmentSlot, 0);
        loop.execute(frame);
        return Lisp.NIL;
    }

    private static final class Segments extends Node implements RepeatingNode {
        @Children private final SegmentNode[] segments;
        private final int activationSlot;
        private final int segmentSlot;

        Segments(LispNode[][] segments, int activationSlot, int segmentSlot) {
            this.activationSlot = activationSlot;
            this.segments = new SegmentNode[segments.length];
            for (int i = 0; i < segments.length; i++) {
                this.segments[i] = new SegmentNode(segments[i]);
            }
            this.segmentSlot = segmentSlot;
        }

        /** Runs from the current segment to the end; true (go on) when a GO to this tagbody happened. */
        @Override
        @ExplodeLoop
        public boolean executeRepeating(VirtualFrame frame) {
            int from = frame.getInt(segmentSlot);
            try {
                for (int i = 0; i < segments.length; i++) {
                    if (i >= from) {
                        segments[i].execute(frame);
                    }
                }
                return false;
            } catch (GoException e) {
                if (e.activation != frame.getObject(activationSlot)) {
                    throw e;
                }
                frame.setInt(segmentSlot, e.segment);
                return true;
            }
        }
    }

    private static final class SegmentNode extends Node {
        @Children private final LispNode[] statements;

        SegmentNode(LispNode[] statements) {
            this.statements = statements;
        }

        @ExplodeLoop
        void execute(VirtualFrame frame) {
            for (LispNode s : statements) {
                s.execute(frame);
            }
        }
    }
}
