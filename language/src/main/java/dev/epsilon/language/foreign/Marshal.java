package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Numbers;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Ratio;
import dev.epsilon.nfi.CType;

import java.math.BigInteger;

/** Lisp values to the foreign layer's C representation and back, with range checks, never truncating. */
public final class Marshal {
    private Marshal() {
    }

    public static Object toC(Object v, CType t, int index, String function) {
        switch (t.kind()) {
            case SIGNED:
            case UNSIGNED:
                if (t == CType.BOOL) {
                    return v == Lisp.NIL ? 0L : 1L;
                }
                if (v instanceof Long l && fits(l, t)) {
                    return l;
                }
                return integerSlow(v, t, index, function);
            case FLOATING:
                if (t == CType.DOUBLE && v instanceof Double) {
                    return v;
                }
                return floatSlow(v, t, index, function);
            case POINTER:
                if (t == CType.C_STRING) {
                    if (v instanceof String) {
                        return v;
                    }
                    if (v == Lisp.NIL) {
                        return null;
                    }
                    throw badArgument(v, "a string", index, function);
                }
                if (v instanceof Long l && l >= 0) {
                    return l;
                }
                if (v == Lisp.NIL) {
                    return 0L;
                }
                throw badArgument(v, "a pointer", index, function);
            default:
                throw badArgument(v, "a value", index, function);
        }
    }

    private static boolean fits(long l, CType t) {
        int bits = t.size() * 8;
        if (t.kind() == CType.Kind.SIGNED) {
            return bits == 64 || (l >= -(1L << (bits - 1)) && l < (1L << (bits - 1)));
        }
        return l >= 0 && (bits == 64 || l < (1L << bits));
    }

    @TruffleBoundary
    private static Object integerSlow(Object v, CType t, int index, String function) {
        if (v instanceof BigInteger b && t == CType.UINT64 && b.signum() >= 0 && b.bitLength() <= 64) {
            return b.longValue();
        }
        if (!Numbers.isInteger(v)) {
            throw badArgument(v, "an integer (" + t.cName() + ")", index, function);
        }
        throw LispError.error("FOREIGN-ERROR", "argument " + (index + 1) + " of " + function + ": " + Printer.prin1ToString(v)
                + " is out of range for " + t.cName());
    }

    @TruffleBoundary
    private static Object floatSlow(Object v, CType t, int index, String function) {
        double d;
        if (v instanceof Double x) {
            d = x;
        } else if (v instanceof Float f) {
            d = f;
        } else if (v instanceof Long l) {
            d = l;
        } else if (v instanceof BigInteger b) {
            d = b.doubleValue();
        } else if (v instanceof Ratio r) {
            d = new java.math.BigDecimal(r.numerator).divide(new java.math.BigDecimal(r.denominator), java.math.MathContext.DECIMAL64).doubleValue();
        } else {
            throw badArgument(v, "a real number (" + t.cName() + ")", index, function);
        }
        return t == CType.FLOAT ? (Object) (float) d : (Object) d;
    }

    @TruffleBoundary
    private static LispError badArgument(Object v, String expected, int index, String function) {
        return LispError.error("FOREIGN-ERROR", "argument " + (index + 1) + " of " + function + ": "
                + Printer.prin1ToString(v) + " is not " + expected);
    }

    public static Object fromC(Object c, CType t) {
        switch (t) {
            case VOID:
                return Lisp.NIL;
            case BOOL:
                return Lisp.bool((long) c != 0);
            case INT8:
                return (long) (byte) (long) c;
            case INT16:
                return (long) (short) (long) c;
            case INT32:
                return (long) (int) (long) c;
            case INT64:
                return c;
            case UINT8:
                return (long) c & 0xFFL;
            case UINT16:
                return (long) c & 0xFFFFL;
            case UINT32:
                return (long) c & 0xFFFF_FFFFL;
            case UINT64: {
                long l = (long) c;
                return l >= 0 ? (Object) l : unsigned64(l);
            }
            case C_STRING:
                return c == null ? Lisp.NIL : c;
            default:
                return c;
        }
    }

    @TruffleBoundary
    private static Object unsigned64(long l) {
        return new BigInteger(Long.toUnsignedString(l));
    }
}
