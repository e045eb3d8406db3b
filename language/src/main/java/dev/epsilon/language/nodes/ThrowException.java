package dev.epsilon.language.nodes;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** {@code throw}: unwinds to the innermost dynamically enclosing {@code catch} of the same tag. */
public final class ThrowException extends ControlFlowException {
    private static final long serialVersionUID = 1L;

    final Object tag;
    final Object value;

    ThrowException(Object tag, Object value) {
        this.tag = tag;
        this.value = value;
    }

    public Object tag() {
        return tag;
    }
}
