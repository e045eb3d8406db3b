package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** A function designator (a function, or a symbol naming a global function) to the function. */
public final class FunctionDesignators {
    private FunctionDesignators() {
    }

    /** The function; an UNDEFINED-FUNCTION or TYPE-ERROR (not yet signalled) otherwise. */
    @TruffleBoundary
    public static LispFunction resolve(Object designator, String where) {
        if (designator instanceof LispFunction f) {
            return f;
        }
        if (designator instanceof Symbol s) {
            if (s.function() != null) {
                return s.function();
            }
            throw undefined(s);
        }
        if (designator instanceof com.oracle.truffle.api.interop.TruffleObject
                && com.oracle.truffle.api.interop.InteropLibrary.getUncached().isExecutable(designator)) {
            // A function of another language or the host (a Java lambda, a ProxyExecutable).
            return dev.epsilon.language.polyglot.HostFunctionRoot.wrap(designator);
        }
        throw LispError.typeError(designator, "(OR FUNCTION SYMBOL)", where);
    }

    /** The report SBCL gives, with the symbol qualified: the same wherever the call was made. */
    @TruffleBoundary
    public static LispError undefined(Symbol s) {
        String what = s.macro() != null ? " is a macro, not a function." : " is undefined.";
        return LispError.error("UNDEFINED-FUNCTION", "The function " + Printer.qualified(s) + what, "NAME", s);
    }
}
