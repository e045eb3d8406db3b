package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code (go tag)}. */
public final class GoNode extends LispNode {
    @Child private LispNode activation;
    private final int segment;

    public GoNode(LispNode activation, int segment) {
        this.activation = activation;
        this.segment = segment;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        throw new GoException(activation.executePrimary(frame), segment);
    }
}
