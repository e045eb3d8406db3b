package dev.epsilon.language.reader;

import dev.epsilon.language.runtime.Symbol;

/** What the reader needs from the running image: symbol lookup in packages, and *features*. */
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
}
