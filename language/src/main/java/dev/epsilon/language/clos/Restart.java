package dev.epsilon.language.clos;

import com.oracle.truffle.api.interop.TruffleObject;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;

/** A restart established by RESTART-CASE (or WITH-SIMPLE-RESTART): invoking it transfers control. */
public record Restart(Symbol name, LispFunction function, Object report, Object condition) implements TruffleObject {
    @Override
    public String toString() {
        return "#<RESTART " + Printer.qualified(name) + ">";
    }
}
