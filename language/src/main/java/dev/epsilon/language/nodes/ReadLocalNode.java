package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import dev.epsilon.language.analyzer.LexicalVar;
import dev.epsilon.language.runtime.Cell;

/** Reads a variable of the running function. */
public final class ReadLocalNode extends LispNode {
    private final LexicalVar var;

    public ReadLocalNode(LexicalVar var) {
        this.var = var;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        if (var.isBoxed()) {
            return ((Cell) frame.getObject(var.slot())).value;
        }
        return FrameSlots.read(frame, var.slot());
    }
}
