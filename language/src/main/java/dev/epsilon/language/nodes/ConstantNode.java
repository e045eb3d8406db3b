package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

/** A quoted or self-evaluating datum. */
public final class ConstantNode extends LispNode {
    private final Object value;

    public ConstantNode(Object value) {
        this.value = value;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return value;
    }
}
