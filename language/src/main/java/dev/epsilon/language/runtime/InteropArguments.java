package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

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
        if (o instanceof Float f) {
            return f;
        }
        if (o instanceof com.oracle.truffle.api.interop.TruffleObject && isForeign(o)) {
            return foreignObject(o);
        }
        return o;
    }

    /** Whether {@code o} belongs to another language or the host (our own values have no language or Epsilon's). */
    private static boolean isForeign(Object o) {
        InteropLibrary lib = InteropLibrary.getUncached(o);
        try {
            return lib.hasLanguage(o) && lib.getLanguage(o) != dev.epsilon.language.EpsilonLanguage.class;
        } catch (UnsupportedMessageException e) {
            return false;
        }
    }

    /**
     * A value of another language or the host in Lisp: null is NIL, booleans, numbers and strings
     * are Lisp's own, an array (a Java array or List, a JavaScript array) is a simple vector of its
     * elements (a copy); anything else stays itself (FUNCALL calls an executable one).
     */
    private static Object foreignObject(Object o) {
        InteropLibrary lib = InteropLibrary.getUncached(o);
        try {
            if (lib.isNull(o)) {
                return Lisp.NIL;
            }
            if (lib.isBoolean(o)) {
                return Lisp.bool(lib.asBoolean(o));
            }
            if (lib.isString(o)) {
                return Chars.text(lib.asString(o));
            }
            if (lib.isNumber(o)) {
                if (lib.fitsInLong(o)) {
                    return lib.asLong(o);
                }
                if (lib.fitsInBigInteger(o)) {
                    return Numbers.normalize(lib.asBigInteger(o));
                }
                if (lib.fitsInDouble(o)) {
                    return lib.asDouble(o);
                }
            }
            if (lib.hasArrayElements(o) && !lib.isExecutable(o)) {
                long n = lib.getArraySize(o);
                if (n > Integer.MAX_VALUE - 8) {
                    throw LispError.error("POLYGLOT-ERROR", "a foreign array of " + n + " elements is too long for a Lisp vector");
                }
                Object[] items = new Object[(int) n];
                for (int i = 0; i < items.length; i++) {
                    items[i] = fromForeign(lib.readArrayElement(o, i));
                }
                return new SimpleVector(items);
            }
        } catch (UnsupportedMessageException | com.oracle.truffle.api.interop.InvalidArrayIndexException e) {
            throw LispError.error("POLYGLOT-ERROR", "cannot bring a foreign value into Lisp: " + e.getMessage());
        }
        return o;
    }
}
