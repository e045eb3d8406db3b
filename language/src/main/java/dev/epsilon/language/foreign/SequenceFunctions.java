package dev.epsilon.language.foreign;

import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.Symbol;

/** Function designators as the foreign functions take them. */
final class SequenceFunctions {
    private SequenceFunctions() {
    }

    static LispFunction function(Object designator) {
        if (designator instanceof LispFunction f) {
            return f;
        }
        if (designator instanceof Symbol s && s.function() != null) {
            return s.function();
        }
        throw LispError.typeError(designator, "(OR FUNCTION SYMBOL)", "MAKE-CALLBACK");
    }
}
