package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;

/** Calls a function designator (function or symbol) from inside a builtin such as APPLY. */
final class CallFunctionNode extends Node {
    @Child private IndirectCallNode call = IndirectCallNode.create();

    Object call(Object designator, Object[] args, String caller) {
        LispFunction f = designator instanceof LispFunction fn ? fn : resolve(designator, caller);
        return call.call(f.callTarget(), f.frameArguments(args));
    }

    private static LispFunction resolve(Object designator, String caller) {
        CompilerDirectives.transferToInterpreter();
        if (designator instanceof Symbol s) {
            if (s.function() == null) {
                throw LispError.error("UNDEFINED-FUNCTION", "The function " + Printer.qualified(s) + " is undefined.");
            }
            return s.function();
        }
        throw LispError.typeError(designator, "(OR FUNCTION SYMBOL)", caller);
    }
}
