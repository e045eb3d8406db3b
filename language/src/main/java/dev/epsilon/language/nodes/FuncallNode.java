package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.runtime.FunctionDesignators;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;

/** Calls a function value: {@code funcall}, local functions, {@code ((lambda ...) ...)}. */
public final class FuncallNode extends LispNode {
    @Child private LispNode function;
    @Children private final LispNode[] arguments;
    @Child private DispatchNode dispatch = DispatchNodeGen.create();

    public FuncallNode(LispNode function, LispNode[] arguments) {
        this.function = function;
        this.arguments = arguments;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        LispFunction f = toFunction(function.executePrimary(frame));
        Object[] args = new Object[arguments.length + 1];
        args[0] = f;
        for (int i = 0; i < arguments.length; i++) {
            args[i + 1] = arguments[i].executePrimary(frame);
        }
        return dispatch.execute(f, args);
    }

    private LispFunction toFunction(Object o) {
        if (o instanceof LispFunction f) {
            return f;
        }
        CompilerDirectives.transferToInterpreter();
        try {
            return FunctionDesignators.resolve(o, "FUNCALL");
        } catch (LispError e) {
            throw Conditions.signalled(this, e.at(this));
        }
    }

    @Override
    protected boolean isCall() {
        return true;
    }
}
