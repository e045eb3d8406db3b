package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code (throw tag value)}. */
public final class ThrowNode extends LispNode {
    @Child private LispNode tag;
    @Child private LispNode value;

    public ThrowNode(LispNode tag, LispNode value) {
        this.tag = tag;
        this.value = value;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object t = tag.executePrimary(frame);
        throw new ThrowException(t, value.execute(frame));
    }
}
