package dev.epsilon.language.nodes;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** {@code return-from}: unwinds to the block whose dynamic tag it carries. */
public final class ReturnException extends ControlFlowException {
    private static final long serialVersionUID = 1L;

    final Object tag;
    final Object value;

    ReturnException(Object tag, Object value) {
        this.tag = tag;
        this.value = value;
    }
}
