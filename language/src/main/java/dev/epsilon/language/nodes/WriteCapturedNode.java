package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import dev.epsilon.language.runtime.Cell;

/** Assigns a variable an enclosing function bound; captured assigned variables are always boxed. */
public final class WriteCapturedNode extends LispNode {
    private final int index;
    @Child private LispNode value;

    public WriteCapturedNode(int index, LispNode value) {
        this.index = index;
        this.value = value;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object v = value.executePrimary(frame);
        ((Cell) VariableAccess.closure(frame)[index]).value = v;
        return v;
    }
}
