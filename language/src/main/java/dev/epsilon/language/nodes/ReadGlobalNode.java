package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.runtime.LispCondition;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;

/** The global (symbol) value of a variable. */
public final class ReadGlobalNode extends LispNode {
    private final Symbol symbol;

    public ReadGlobalNode(Symbol symbol) {
        this.symbol = symbol;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object v = symbol.value(EpsilonLanguage.thread(this));
        if (v == Symbol.UNBOUND) {
            CompilerDirectives.transferToInterpreter();
            throw Conditions.signalled(this, new LispError(new LispCondition("UNBOUND-VARIABLE",
                    "The variable " + Printer.qualified(symbol) + " is unbound.", "NAME", symbol), this, false));
        }
        return v;
    }
}
