package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code (return-from name value)}. */
public final class ReturnFromNode extends LispNode {
    @Child private LispNode tag;
    @Child private LispNode value;

    public ReturnFromNode(LispNode tag, LispNode value) {
        this.tag = tag;
        this.value = value;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object t = tag.executePrimary(frame);
        throw new ReturnException(t, value.execute(frame));
    }
}
