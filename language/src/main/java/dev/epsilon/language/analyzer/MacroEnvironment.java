package dev.epsilon.language.analyzer;

import com.oracle.truffle.api.interop.TruffleObject;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.Symbol;

/**
 * The lexical environment a macro function receives as its &ENVIRONMENT argument: MACROEXPAND,
 * MACRO-FUNCTION and GET-SETF-EXPANSION consult it for local macros (MACROLET), local functions
 * that shadow global macros (FLET, LABELS) and symbol macros (SYMBOL-MACROLET).
 */
public final class MacroEnvironment implements TruffleObject {
    private final Scope scope;

    MacroEnvironment(Scope scope) {
        this.scope = scope;
    }

    /** The macro function {@code op} names here: a local macro, null under a local function, else the global one. */
    public LispFunction macroFunction(Symbol op) {
        Scope local = scope.lookupOperator(op);
        if (local != null) {
            return local.kind == Scope.Kind.MACRO ? (LispFunction) local.macro : null;
        }
        return op.macro();
    }

    /** Whether {@code s} is a symbol macro here; {@link #symbolMacroExpansion} gives its expansion. */
    public boolean isSymbolMacro(Symbol s) {
        Scope b = scope.lookupVariable(s);
        return b != null && b.kind == Scope.Kind.SYMBOL_MACRO;
    }

    public Object symbolMacroExpansion(Symbol s) {
        return scope.lookupVariable(s).macro;
    }

    /** Whether {@code s} is bound here as a lexical variable (which shadows a global symbol macro). */
    public boolean isLexicalVariable(Symbol s) {
        Scope b = scope.lookupVariable(s);
        return b != null && b.kind == Scope.Kind.VARIABLE;
    }

    @Override
    public String toString() {
        return "#<LEXICAL-ENVIRONMENT>";
    }
}
