package dev.epsilon.language.builtins;

/** A builtin whose body is a plain Java function of its arguments. */
public final class FunctionBuiltin extends BuiltinNode {
    /** The Java code of a builtin. */
    @FunctionalInterface
    public interface Body {
        Object apply(Object[] args);
    }

    private final Body body;

    public FunctionBuiltin(Body body) {
        this.body = body;
    }

    @Override
    public Object execute(Object[] args) {
        return body.apply(args);
    }
}
