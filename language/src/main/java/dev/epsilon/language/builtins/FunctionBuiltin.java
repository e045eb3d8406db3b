package dev.epsilon.language.builtins;

/** A builtin whose body is a plain Java function of its arguments. */
final class FunctionBuiltin extends BuiltinNode {
    /** The Java code of a builtin. */
    @FunctionalInterface
    interface Body {
        Object apply(Object[] args);
    }

    private final Body body;

    FunctionBuiltin(Body body) {
        this.body = body;
    }

    @Override
    public Object execute(Object[] args) {
        return body.apply(args);
    }
}
