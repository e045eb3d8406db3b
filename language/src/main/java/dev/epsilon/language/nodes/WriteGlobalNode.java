package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.runtime.Symbol;

/** Sets the global (symbol) value of a variable. */
public final class WriteGlobalNode extends LispNode {
    private final Symbol symbol;
    @Child private LispNode value;

    public WriteGlobalNode(Symbol symbol, LispNode value) {
        this.symbol = symbol;
        this.value = value;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object v = value.executePrimary(frame);
        symbol.setValue(EpsilonLanguage.thread(this), v);
        return v;
    }
}
