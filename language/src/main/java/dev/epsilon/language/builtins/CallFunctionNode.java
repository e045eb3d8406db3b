package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;
import dev.epsilon.language.runtime.FunctionDesignators;
import dev.epsilon.language.runtime.LispFunction;

/** Calls a function designator (function or symbol) from inside a builtin such as APPLY. */
final class CallFunctionNode extends Node {
    @Child private IndirectCallNode call = IndirectCallNode.create();

    Object call(Object designator, Object[] args, String caller) {
        LispFunction f = designator instanceof LispFunction fn ? fn : resolve(designator, caller);
        return call.call(f.callTarget(), f.frameArguments(args));
    }

    private static LispFunction resolve(Object designator, String caller) {
        CompilerDirectives.transferToInterpreter();
        return FunctionDesignators.resolve(designator, caller);
    }
}
