package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code (multiple-value-prog1 first forms...)}: the values of the first form. */
public final class MultipleValueProg1Node extends LispNode {
    @Child private LispNode first;
    @Child private LispNode rest;

    public MultipleValueProg1Node(LispNode first, LispNode rest) {
        this.first = first;
        this.rest = rest;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object result = first.execute(frame);
        rest.execute(frame);
        return result;
    }
}
