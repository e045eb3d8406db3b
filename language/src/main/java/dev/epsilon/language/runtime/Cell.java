package dev.epsilon.language.runtime;

/** Holds a lexical variable that a closure captured and someone assigns, so both see one value. */
public final class Cell {
    public Object value;

    public Cell(Object value) {
        this.value = value;
    }
}
