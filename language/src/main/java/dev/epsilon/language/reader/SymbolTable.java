package dev.epsilon.language.reader;

import dev.epsilon.language.runtime.Symbol;

/**
 * What the reader needs from the running image: symbol lookup in packages, *features*, the reader
 * variables of the running thread, and a way to run Lisp (#. and reader macros written in Lisp).
 */
public interface SymbolTable {
    /**
     * Interns {@code name} in the package named {@code packageName} (the current package when null).
     * With {@code external}, the symbol must already be external there (the {@code pkg:sym} syntax).
     */
    Symbol intern(String packageName, String name, boolean external);

    Symbol keyword(String name);

    /** A symbol of the core package (QUOTE, FUNCTION) or of the system package (QUASIQUOTE, ...). */
    Symbol core(String name);

    Symbol system(String name);

    /** Whether a feature keyword is on *features*. */
    boolean hasFeature(Symbol feature);

    /** The value of *READTABLE*. */
    Readtable readtable();

    /** *READ-SUPPRESS*, *READ-EVAL* and *READ-BASE* in the running thread. */
    boolean readSuppress();

    boolean readEval();

    int readBase();

    /** Whether *READ-DEFAULT-FLOAT-FORMAT* is DOUBLE-FLOAT (an exponent-less float reads as a double). */
    boolean readDoubleFloats();

    /** Evaluates a form read by #. in the null lexical environment. */
    Object evaluate(Object form);

    /** Calls a Lisp reader macro function; the result is as the function returned it (values included). */
    Object call(Object function, Object... args);
}
