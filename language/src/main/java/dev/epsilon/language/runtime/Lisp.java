package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.List;

/** The two symbols the runtime needs everywhere, and small list helpers for Java code. */
public final class Lisp {
    private Lisp() {
    }

    /** NIL is both a symbol and the empty list; its home package is set when COMMON-LISP is made. */
    public static final Symbol NIL = new Symbol("NIL", null);
    public static final Symbol T = new Symbol("T", null);

    static {
        NIL.setValue(NIL);
        NIL.setConstant(true);
        T.setValue(T);
        T.setConstant(true);
    }

    public static Object bool(boolean b) {
        return b ? T : NIL;
    }

    public static boolean isTrue(Object o) {
        return o != NIL;
    }

    /** EQL: identity, or the same number of the same type, or the same character. */
    public static boolean eql(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Long || a instanceof Double || a instanceof Float || a instanceof Character
                || a instanceof WideCharacter || a instanceof java.math.BigInteger) {
            return a.equals(b);
        }
        if (a instanceof Ratio x && b instanceof Ratio y) {
            return x.numerator.equals(y.numerator) && x.denominator.equals(y.denominator);
        }
        if (a instanceof Complex x) {
            return x.equals(b);
        }
        return false;
    }

    public static Object list(Object... items) {
        Object result = NIL;
        for (int i = items.length - 1; i >= 0; i--) {
            result = new Cons(items[i], result);
        }
        return result;
    }

    @TruffleBoundary
    public static Object fromList(List<?> items, Object tail) {
        Object result = tail;
        for (int i = items.size() - 1; i >= 0; i--) {
            result = new Cons(items.get(i), result);
        }
        return result;
    }

    /** The elements of a proper list; signals if {@code list} is not one. */
    @TruffleBoundary
    public static List<Object> toJavaList(Object list) {
        List<Object> out = new ArrayList<>();
        Object o = list;
        while (o instanceof Cons c) {
            out.add(c.car);
            o = c.cdr;
        }
        if (o != NIL) {
            throw LispError.typeError(list, "LIST", "a proper list");
        }
        return out;
    }

    public static Object car(Object o) {
        if (o instanceof Cons c) {
            return c.car;
        }
        if (o == NIL) {
            return NIL;
        }
        throw LispError.typeError(o, "LIST", "CAR");
    }

    public static Object cdr(Object o) {
        if (o instanceof Cons c) {
            return c.cdr;
        }
        if (o == NIL) {
            return NIL;
        }
        throw LispError.typeError(o, "LIST", "CDR");
    }

    public static int length(Object list) {
        int n = 0;
        for (Object o = list; o instanceof Cons c; o = c.cdr) {
            n++;
        }
        return n;
    }
}
