package dev.epsilon.language.nodes;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** {@code (go tag)}: transfers to the segment after {@code tag} of the tagbody activation it names. */
public final class GoException extends ControlFlowException {
    private static final long serialVersionUID = 1L;

    final Object activation;
    final int segment;

    GoException(Object activation, int segment) {
        this.activation = activation;
        this.segment = segment;
    }
}
