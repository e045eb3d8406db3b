package dev.epsilon.language.analyzer;

import dev.epsilon.language.runtime.Symbol;

/**
 * The lexical environment at one point of a program, as a chain: variables, local functions,
 * local macros and blocks, each entry belonging to the function that binds it.
 */
final class Scope {
    enum Kind { VARIABLE, SYMBOL_MACRO, SPECIAL, FUNCTION, MACRO, BLOCK, TAG }

    final Scope next;
    final Kind kind;
    final Symbol name;
    final LexicalVar var;       // VARIABLE, FUNCTION, BLOCK
    final Object macro;         // MACRO: the expander function
    final FunctionScope function;
    final Object tag;           // TAG: a symbol or an integer
    final int segment;          // TAG: the tagbody segment that starts at the tag

    private Scope(Scope next, Kind kind, Symbol name, LexicalVar var, Object macro, FunctionScope function) {
        this(next, kind, name, var, macro, function, null, -1);
    }

    private Scope(Scope next, Kind kind, Symbol name, LexicalVar var, Object macro, FunctionScope function,
                  Object tag, int segment) {
        this.next = next;
        this.kind = kind;
        this.name = name;
        this.var = var;
        this.macro = macro;
        this.function = function;
        this.tag = tag;
        this.segment = segment;
    }

    /** A go tag of a tagbody whose activation identity lives in {@code activation}. */
    Scope bindTag(Object tagName, LexicalVar activation, int segmentIndex) {
        return new Scope(this, Kind.TAG, null, activation, null, function, tagName, segmentIndex);
    }

    Scope lookupTag(Object tagName) {
        for (Scope s = this; s != null; s = s.next) {
            if (s.kind == Kind.TAG && (s.tag == tagName || (s.tag instanceof Long a && tagName instanceof Long b && a.equals(b)))) {
                return s;
            }
        }
        return null;
    }

    /** The outermost scope of a function: no bindings, just the function. */
    static Scope root(FunctionScope function) {
        return new Scope(null, null, null, null, null, function);
    }

    Scope withFunction(FunctionScope f) {
        return new Scope(this, null, null, null, null, f);
    }

    Scope bind(Kind kind, Symbol name, LexicalVar var) {
        return new Scope(this, kind, name, var, null, function);
    }

    Scope bindMacro(Symbol name, Object expander) {
        return new Scope(this, Kind.MACRO, name, null, expander, function);
    }

    /** A local (special x) declaration: references to x in this scope are to its dynamic value. */
    Scope bindSpecial(Symbol name) {
        return new Scope(this, Kind.SPECIAL, name, null, null, function);
    }

    /** A symbol macro: {@code macro} holds the expansion form. */
    Scope bindSymbolMacro(Symbol name, Object expansion) {
        return new Scope(this, Kind.SYMBOL_MACRO, name, null, expansion, function);
    }

    /** The innermost variable or symbol macro named {@code name}. */
    Scope lookupVariable(Symbol name) {
        for (Scope s = this; s != null; s = s.next) {
            if ((s.kind == Kind.VARIABLE || s.kind == Kind.SYMBOL_MACRO || s.kind == Kind.SPECIAL) && s.name == name) {
                return s;
            }
        }
        return null;
    }

    Scope lookup(Kind kind, Symbol name) {
        for (Scope s = this; s != null; s = s.next) {
            if (s.kind == kind && s.name == name) {
                return s;
            }
        }
        return null;
    }

    /** The innermost local function or local macro named {@code name}: either shadows the other. */
    Scope lookupOperator(Symbol name) {
        for (Scope s = this; s != null; s = s.next) {
            if ((s.kind == Kind.FUNCTION || s.kind == Kind.MACRO) && s.name == name) {
                return s;
            }
        }
        return null;
    }
}
