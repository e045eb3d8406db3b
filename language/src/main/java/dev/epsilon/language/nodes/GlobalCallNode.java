package dev.epsilon.language.nodes;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.runtime.FunctionDesignators;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.Symbol;

/**
 * {@code (f args...)} for a global function f. The function cell is cached under the symbol's
 * assumption: compiled code calls the cached function directly until f is redefined.
 */
public final class GlobalCallNode extends LispNode {
    private final Symbol symbol;
    @Children private final LispNode[] arguments;
    @Child private DispatchNode dispatch = DispatchNodeGen.create();
    @CompilationFinal private LispFunction cachedFunction;
    @CompilationFinal private Assumption cachedStable;

    public GlobalCallNode(Symbol symbol, LispNode[] arguments) {
        this.symbol = symbol;
        this.arguments = arguments;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        LispFunction function = function();
        Object[] args = new Object[arguments.length + 1];
        args[0] = function;
        for (int i = 0; i < arguments.length; i++) {
            args[i + 1] = arguments[i].executePrimary(frame);
        }
        return dispatch.execute(function, args);
    }

    private LispFunction function() {
        Assumption stable = cachedStable;
        if (stable != null && stable.isValid()) {
            return cachedFunction;
        }
        CompilerDirectives.transferToInterpreterAndInvalidate();
        Assumption now = symbol.functionStable();
        LispFunction f = symbol.function();
        if (f == null) {
            throw Conditions.signalled(this, FunctionDesignators.undefined(symbol).at(this));
        }
        cachedFunction = f;
        cachedStable = now;
        return f;
    }

    @Override
    protected boolean isCall() {
        return true;
    }
}
