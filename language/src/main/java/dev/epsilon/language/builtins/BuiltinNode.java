package dev.epsilon.language.builtins;

import com.oracle.truffle.api.nodes.Node;

/** The body of a function written in Java. Receives the Lisp arguments (arity already checked). */
public abstract class BuiltinNode extends Node {
    public abstract Object execute(Object[] args);

    /**
     * A fresh copy of this body for a call site to run itself instead of calling the builtin's root
     * (see {@link InlinedBuiltin}), or null when the body is not one to copy: only bodies a few
     * nodes or lines long, which need no frame of their own. Fresh, not cloned: the root's body has
     * specialized for every caller's types, a site's copy specializes for its own.
     */
    BuiltinNode copyForCallSite() {
        return null;
    }
}
