package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.Chars;
import dev.epsilon.language.runtime.Values;

/**
 * A builtin whose body is a plain Java function of its arguments.
 *
 * <p>The body runs behind a boundary: Graal compiles it as Java, apart from the Lisp code that
 * calls it. Partially evaluating every builtin's Java into its callers made compilations slow
 * (FORMAT's interpreter, a hash table's EQUAL hashing, BigDecimal division) or fail outright on
 * recursion, which cost seconds of a short program's run. Two exceptions keep their speed in
 * compiled Lisp: a body small enough to be worth inlining is made with {@link #inlined}, and a
 * builtin with a common cheap case (fixnum arguments) gets a fast path with {@link #withFastPath},
 * inlined, that answers {@link #GENERAL} for what the boundary's general code must handle.
 */
public final class FunctionBuiltin extends BuiltinNode {
    /** The Java code of a builtin. */
    @FunctionalInterface
    public interface Body {
        Object apply(Object[] args);
    }

    /** A fast path's answer when the arguments need the general code. */
    public static final Object GENERAL = new Object();

    private final Body fast;        // inlined, may answer GENERAL; null when there is none
    private final Body general;
    private final boolean generalInlined;

    public FunctionBuiltin(Body body) {
        this(null, body, false);
    }

    private FunctionBuiltin(Body fast, Body general, boolean generalInlined) {
        this.fast = fast;
        this.general = general;
        this.generalInlined = generalInlined;
    }

    /** A builtin whose whole body is compiled into its callers: only for a few lines of code. */
    public static FunctionBuiltin inlined(Body body) {
        return new FunctionBuiltin(null, body, true);
    }

    /** A builtin with an inlined fast path and its general code behind the boundary. */
    public static FunctionBuiltin withFastPath(Body fast, Body general) {
        return new FunctionBuiltin(fast, general, false);
    }

    @Override
    public Object execute(Object[] args) {
        if (fast != null) {
            Object result = fast.apply(args);
            if (result != GENERAL) {
                return result;
            }
        }
        return generalInlined ? asLispText(general.apply(args)) : applyGeneral(args);
    }

    @TruffleBoundary(transferToInterpreterOnException = false)
    private Object applyGeneral(Object[] args) {
        return asLispText(general.apply(args));
    }

    /** Text with characters above U+FFFF becomes a string of code points (see Chars). */
    private static Object asLispText(Object result) {
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
