package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/** Evaluates forms in order; the value is the last one's. Never empty: the analyzer uses NIL instead. */
public final class PrognNode extends LispNode {
    @Children private final LispNode[] body;

    public PrognNode(LispNode[] body) {
        this.body = body;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        int last = body.length - 1;
        for (int i = 0; i < last; i++) {
            body[i].execute(frame);
        }
        return body[last].execute(frame);
    }
}
