package dev.epsilon.language.analyzer;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import dev.epsilon.language.runtime.Symbol;

/**
 * A lexical binding found by analysis: a variable, or a hidden one such as a block's exit tag. Its
 * storage is a frame slot of its home function. Whether it lives in a {@link
 * dev.epsilon.language.runtime.Cell} is decided only when the whole top-level form has been analyzed
 * (captured by a closure and assigned somewhere), before any of its nodes run; nodes read the flag
 * as a compilation constant.
 */
public final class LexicalVar {
    private final Symbol name;
    private final FunctionScope home;
    private final int slot;
    private boolean captured;
    private boolean referenced;
    private boolean assigned;
    @CompilationFinal private boolean boxed;

    LexicalVar(Symbol name, FunctionScope home, int slot) {
        this.name = name;
        this.home = home;
        this.slot = slot;
    }

    public Symbol name() { return name; }

    public FunctionScope home() { return home; }

    public int slot() { return slot; }

    void markCaptured() {
        captured = true;
        boxed = captured && assigned;
    }

    void markAssigned() {
        assigned = true;
        boxed = captured && assigned;
    }

    /** Notes a use that needs the variable to exist at run time (a block's tag). */
    void markReferenced() { referenced = true; }

    boolean isReferenced() { return referenced; }

    /** True when the slot (and each closure copy) holds a Cell rather than the value itself. */
    public boolean isBoxed() { return boxed; }

    @Override
    public String toString() {
        return name.name() + (boxed ? "[boxed]" : "");
    }
}
