package dev.epsilon.language.builtins;

import dev.epsilon.language.runtime.Chars;
import dev.epsilon.language.runtime.Values;

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
        Object result = body.apply(args);
        // Text with characters above U+FFFF becomes a string of code points (see Chars).
        if (result instanceof String s) {
            return Chars.text(s);
        }
        if (result instanceof Values v) {
            Object[] all = Values.all(v);
            for (int i = 0; i < all.length; i++) {
                if (all[i] instanceof String s) {
                    all[i] = Chars.text(s);
                }
            }
        }
        return result;
    }
}
