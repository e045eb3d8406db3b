package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * {@code (block name ...)}: each entry makes a fresh tag, stored like a variable so that
 * {@code return-from} in closures finds the right activation of a recursive function.
 */
public final class BlockNode extends LispNode {
    @Child private WriteLocalNode bindTag;
    @Child private LispNode body;

    public BlockNode(WriteLocalNode bindTag, LispNode body) {
        this.bindTag = bindTag;
        this.body = body;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object tag = bindTag.execute(frame);
        try {
            return body.execute(frame);
        } catch (ReturnException e) {
            if (e.tag == tag) {
                return e.value;
            }
            throw e;
        }
    }

    /** The value of a block's tag variable: a new identity per entry. */
    public static final class NewTagNode extends LispNode {
        @Override
        public Object execute(VirtualFrame frame) {
            return new Object();
        }
    }
}
