package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import dev.epsilon.language.runtime.Lisp;

/** {@code (catch tag body...)}. */
public final class CatchNode extends LispNode {
    @Child private LispNode tag;
    @Child private LispNode body;

    public CatchNode(LispNode tag, LispNode body) {
        this.tag = tag;
        this.body = body;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object t = tag.executePrimary(frame);
        try {
            return body.execute(frame);
        } catch (ThrowException e) {
            if (Lisp.eql(e.tag, t)) {
                return e.value;
            }
            throw e;
        }
    }
}
