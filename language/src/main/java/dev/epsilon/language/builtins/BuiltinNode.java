package dev.epsilon.language.builtins;

import com.oracle.truffle.api.nodes.Node;

/** The body of a function written in Java. Receives the Lisp arguments (arity already checked). */
public abstract class BuiltinNode extends Node {
    public abstract Object execute(Object[] args);
}
