package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.runtime.FunctionDesignators;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.Symbol;

/** {@code #'f} for a global function f. */
public final class FunctionRefNode extends LispNode {
    private final Symbol symbol;

    public FunctionRefNode(Symbol symbol) {
        this.symbol = symbol;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        LispFunction f = symbol.function();
        if (f == null) {
            CompilerDirectives.transferToInterpreter();
            throw Conditions.signalled(this, FunctionDesignators.undefined(symbol).at(this));
        }
        return f;
    }
}
