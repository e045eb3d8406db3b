package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigInteger;
import java.util.Locale;

/** EQUAL and EQUALP, and hash codes consistent with them (for hash tables). */
public final class Equality {
    private Equality() {
    }

    static boolean isString(Object o) {
        return o instanceof String || o instanceof LispString;
    }

    @TruffleBoundary
    public static boolean equal(Object a, Object b) {
        if (Lisp.eql(a, b)) {
            return true;
        }
        if (a instanceof Cons x && b instanceof Cons y) {
            return equal(x.car, y.car) && equal(x.cdr, y.cdr);
        }
        if (isString(a) && isString(b)) {
            return a.toString().equals(b.toString());
        }
        if (a instanceof Pathname x && b instanceof Pathname y) {
            return x.namestring().equals(y.namestring());
        }
        if (a instanceof NativeArray x && b instanceof NativeArray y && x.element() == NativeArray.Element.BIT
                && y.element() == NativeArray.Element.BIT) {
            return sameElements(x, y, false);
        }
        return false;
    }

    @TruffleBoundary
    public static boolean equalp(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (Numbers.isNumber(a) && Numbers.isNumber(b)) {
            return numericallyEqual(a, b);
        }
        if (Chars.isCharacter(a) && Chars.isCharacter(b)) {
            return Chars.downcase(Chars.codeOrMinus(a)) == Chars.downcase(Chars.codeOrMinus(b));
        }
        if (a instanceof Cons x && b instanceof Cons y) {
            return equalp(x.car, y.car) && equalp(x.cdr, y.cdr);
        }
        if (isString(a) && isString(b)) {
            return a.toString().equalsIgnoreCase(b.toString());
        }
        if (Sequences.isVector(a) && Sequences.isVector(b)) {
            return sameElements(a, b, true);
        }
        if (a instanceof dev.epsilon.language.clos.StandardObject x && b instanceof dev.epsilon.language.clos.StandardObject y) {
            if (x.lispClass() != y.lispClass() || x.lispClass().kind() != dev.epsilon.language.clos.LispClass.Kind.STRUCTURE) {
                return false;
            }
            for (int i = 0; i < x.lispClass().slotCount(); i++) {
                if (!equalp(x.slotValue(i), y.slotValue(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof LispHashTable x && b instanceof LispHashTable y) {
            if (x.size() != y.size() || x.test() != y.test()) {
                return false;
            }
            for (Object[] e : x.entries()) {
                Object v = y.get(e[0]);
                if (v == null || !equalp(e[1], v)) {
                    return false;
                }
            }
            return true;
        }
        return equal(a, b);
    }

    private static boolean sameElements(Object a, Object b, boolean equalp) {
        int n = Sequences.length(a);
        if (n != Sequences.length(b)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            Object x = Sequences.elt(a, i);
            Object y = Sequences.elt(b, i);
            if (equalp ? !equalp(x, y) : !equal(x, y)) {
                return false;
            }
        }
        return true;
    }

    private static boolean numericallyEqual(Object a, Object b) {
        if (a instanceof Complex || b instanceof Complex) {
            Object ar = a instanceof Complex z ? z.real : a;
            Object ai = a instanceof Complex z ? z.imag : (Object) 0L;
            Object br = b instanceof Complex z ? z.real : b;
            Object bi = b instanceof Complex z ? z.imag : (Object) 0L;
            return numericallyEqual(ar, br) && numericallyEqual(ai, bi);
        }
        if (Numbers.isInteger(a) && Numbers.isInteger(b)) {
            return Numbers.big(a).equals(Numbers.big(b));
        }
        return toDouble(a) == toDouble(b);
    }

    private static double toDouble(Object o) {
        if (o instanceof Ratio r) {
            return r.doubleValue();
        }
        return o instanceof BigInteger b ? b.doubleValue() : ((Number) o).doubleValue();
    }

    @TruffleBoundary
    public static int hash(Object o, boolean equalp) {
        return hash(o, equalp, 4);
    }

    private static int hash(Object o, boolean equalp, int depth) {
        if (isString(o)) {
            String s = o.toString();
            return equalp ? s.toLowerCase(Locale.ROOT).hashCode() : s.hashCode();
        }
        if (o instanceof Cons c) {
            return depth <= 0 ? 17 : 31 * hash(c.car, equalp, depth - 1) + hash(c.cdr, equalp, depth - 1);
        }
        if (o instanceof Complex z) {
            return equalp ? hash(z.real, true, depth) * 31 + hash(z.imag, true, depth) : z.hashCode();
        }
        if (equalp && Numbers.isNumber(o)) {
            double d = toDouble(o);
            return Double.hashCode(d == 0 ? 0.0 : d);
        }
        if (equalp && Chars.isCharacter(o)) {
            return Chars.downcase(Chars.codeOrMinus(o));   // as EQUALP compares them, characters above U+FFFF too
        }
        if (o instanceof Long || o instanceof Double || o instanceof Float || o instanceof Character || o instanceof WideCharacter || o instanceof BigInteger) {
            return o.hashCode();
        }
        if (o instanceof Pathname p) {
            return p.namestring().hashCode();
        }
        if (equalp && Sequences.isVector(o)) {
            return Sequences.length(o);
        }
        if (equalp && o instanceof dev.epsilon.language.clos.StandardObject s) {
            return s.lispClass().hashCode();
        }
        return System.identityHashCode(o);
    }
}
