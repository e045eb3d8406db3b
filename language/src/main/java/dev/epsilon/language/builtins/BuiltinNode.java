package dev.epsilon.language.builtins;

import com.oracle.truffle.api.nodes.Node;

/** The body of a function written in Java. Receives the Lisp arguments (arity already checked). */
public abstract class BuiltinNode extends Node {
    public abstract Object execute(Object[] args);

    /**
     * Whether a call site may run a copy of this body itself instead of calling the builtin's
     * root (see {@link InlinedBuiltin}): bodies a few nodes or lines long, which need no frame of
     * their own.
     */
    boolean inlinableAtCallSites() {
        return false;
    }
}
