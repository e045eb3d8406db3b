package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import dev.epsilon.language.analyzer.LexicalVar;
import dev.epsilon.language.runtime.Cell;

/**
 * Assigns ({@code setq}) or initializes (a binding form) a variable of the running function. A new
 * binding of a boxed variable makes a fresh Cell, so closures made in earlier iterations keep theirs.
 */
public final class WriteLocalNode extends LispNode {
    private final LexicalVar var;
    private final boolean binding;
    @Child private LispNode value;

    public WriteLocalNode(LexicalVar var, LispNode value, boolean binding) {
        this.var = var;
        this.value = value;
        this.binding = binding;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object v = value.executePrimary(frame);
        if (!var.isBoxed()) {
            FrameSlots.write(frame, var.slot(), v);
        } else if (binding) {
            frame.setObject(var.slot(), new Cell(v));
        } else {
            ((Cell) frame.getObject(var.slot())).value = v;
        }
        return v;
    }
}
