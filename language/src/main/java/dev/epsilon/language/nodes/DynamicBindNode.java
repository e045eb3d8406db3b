package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.runtime.LispThread;
import dev.epsilon.language.runtime.Symbol;

/** A LET binding of a special variable: visible to everything this thread runs until the body exits. */
public final class DynamicBindNode extends LispNode {
    private final Symbol symbol;
    @Child private LispNode value;
    @Child private LispNode body;

    public DynamicBindNode(Symbol symbol, LispNode value, LispNode body) {
        this.symbol = symbol;
        this.value = value;
        this.body = body;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object v = value.executePrimary(frame);
        LispThread thread = EpsilonLanguage.thread(this);
        int index = symbol.dynamicIndex();
        Object saved = thread.dynamicValue(index);
        thread.setDynamicValue(index, v);
        try {
            return body.execute(frame);
        } finally {
            thread.setDynamicValue(index, saved);
        }
    }
}
