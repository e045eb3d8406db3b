package dev.epsilon.language.builtins;

import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Symbol;

/**
 * Reading builtin arguments: typed arguments, integers, optional arguments, keyword arguments. A
 * builtin checks the type of every argument it takes apart, so a wrong argument is a TYPE-ERROR
 * naming the builtin; a Java cast that fails is then a bug of ours and reported as one.
 */
public final class Args {
    private Args() {
    }

    /** {@code o} as a {@code type}, or a TYPE-ERROR: {@code o} is not a {@code lispType} (in {@code where}). */
    public static <T> T as(Object o, Class<T> type, String lispType, String where) {
        if (type.isInstance(o)) {
            return type.cast(o);
        }
        throw LispError.typeError(o, lispType, where);
    }

    static int index(Object o, String where) {
        if (o instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE) {
            return (int) (long) l;
        }
        throw LispError.typeError(o, "(INTEGER 0 " + Integer.MAX_VALUE + ")", where);
    }

    static long integer(Object o, String where) {
        if (o instanceof Long l) {
            return l;
        }
        throw LispError.typeError(o, "FIXNUM", where);
    }

    static Object optional(Object[] a, int i, Object dflt) {
        return i < a.length ? a[i] : dflt;
    }

    /** The value of keyword argument {@code name} among a[from..], or {@code dflt}. */
    static Object key(Object[] a, int from, String name, Object dflt) {
        for (int i = from; i + 1 < a.length; i += 2) {
            if (a[i] instanceof Symbol s && s.isKeyword() && s.name().equals(name)) {
                return a[i + 1];
            }
        }
        return dflt;
    }

    static boolean isTrue(Object o) {
        return o != Lisp.NIL;
    }
}
