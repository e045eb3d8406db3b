package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code (load-time-value form)}: evaluated once, the first time, then a constant. */
public final class LoadTimeValueNode extends LispNode {
    @Child private LispNode form;
    @CompilationFinal private Object value;

    public LoadTimeValueNode(LispNode form) {
        this.form = form;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        if (value == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            value = form.executePrimary(frame);
        }
        return value;
    }
}
