package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** Brings values from other languages or the host into Lisp representation. */
public final class InteropArguments {
    private InteropArguments() {
    }

    @TruffleBoundary
    public static Object[] fromForeign(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = fromForeign(args[i]);
        }
        return out;
    }

    @TruffleBoundary
    public static Object fromForeign(Object o) {
        if (o instanceof Integer i) {
            return (long) i;
        }
        if (o instanceof Short s) {
            return (long) s;
        }
        if (o instanceof Byte b) {
            return (long) b;
        }
        if (o instanceof Boolean b) {
            return Lisp.bool(b);
        }
        return o;
    }
}
