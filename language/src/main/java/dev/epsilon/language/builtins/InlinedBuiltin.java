package dev.epsilon.language.builtins;

import com.oracle.truffle.api.nodes.Node;
import dev.epsilon.language.runtime.LispFunction;

/**
 * A small builtin's body copied into a call site that names it (see GlobalCallNode): the site runs
 * it with no call. Interpreted, that skips a call per {@code (+ a b)} or {@code (car x)}; and the
 * builtin's own root no longer counts those calls, so it does not get compiled on its own before
 * the function that calls it (each such compilation is one the caller makes again, inlined). Each
 * copy specializes for its own site. Arity errors and Java failures are the root's, named the same.
 */
public final class InlinedBuiltin extends Node {
    private final BuiltinRootNode root;
    @Child private BuiltinNode body;

    private InlinedBuiltin(BuiltinRootNode root, BuiltinNode body) {
        this.root = root;
        this.body = body;
    }

    /** A copy of F's body for a call site, or null when F is not a builtin to copy. */
    public static InlinedBuiltin of(LispFunction f) {
        if (f.callTarget().getRootNode() instanceof BuiltinRootNode r) {
            BuiltinNode copy = r.bodyForCallSite();
            return copy == null ? null : new InlinedBuiltin(r, copy);
        }
        return null;
    }

    /** Runs the body on the call's arguments (without the function). */
    public Object execute(Object[] args) {
        return root.run(this, body, args);
    }
}
