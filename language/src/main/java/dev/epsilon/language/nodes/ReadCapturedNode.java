package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import dev.epsilon.language.analyzer.LexicalVar;
import dev.epsilon.language.runtime.Cell;

/** Reads a variable an enclosing function bound, through the closure array. */
public final class ReadCapturedNode extends LispNode {
    private final LexicalVar var;
    private final int index;

    public ReadCapturedNode(LexicalVar var, int index) {
        this.var = var;
        this.index = index;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object v = VariableAccess.closure(frame)[index];
        return var.isBoxed() ? ((Cell) v).value : v;
    }
}
