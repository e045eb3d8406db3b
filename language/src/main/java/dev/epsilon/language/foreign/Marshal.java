package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.Chars;
import dev.epsilon.language.runtime.ForeignPointer;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispString;
import dev.epsilon.language.runtime.NativeArray;
import dev.epsilon.language.runtime.Numbers;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Ratio;
import dev.epsilon.nfi.CType;

import java.math.BigInteger;

/**
 * Lisp values to the foreign layer's C representation and back, with range checks, never
 * truncating. A value the built-in conversions do not take goes through CONVERT-TO-FOREIGN (users
 * add methods), then is converted again.
 */
public final class Marshal {
    private Marshal() {
    }

    /** CONVERT-TO-FOREIGN for one value and C type; returns null when no user method applies. */
    public interface Converter {
        Object convert(Object value, CType type);
    }

    /** Marks "no built-in conversion" (not an error yet: a user converter may apply). */
    public static final Object NO = new Object();

    public static Object toC(Object v, CType t, int index, String function) {
        Object c = fast(v, t);
        return c != NO ? c : toCSlow(v, t, index, function);
    }

    /**
     * The common conversions, calling nothing compiled code cannot inline, or {@link #NO}. A call
     * site that has never needed {@link #toCSlow} compiles to this alone: a value that is only
     * converted here (a fixnum computed in the loop) then never needs to be allocated.
     */
    public static Object fast(Object v, CType t) {
        switch (t.kind()) {
            case SIGNED:
            case UNSIGNED:
                if (t == CType.BOOL) {
                    return v == Lisp.NIL || (v instanceof Long l && l == 0) ? 0L : 1L;
                }
                return v instanceof Long l && t.holds(l) ? l : NO;
            case FLOATING:
                return (t == CType.DOUBLE && v instanceof Double) || (t == CType.FLOAT && v instanceof Float) ? v : NO;
            case POINTER:
                if (t == CType.C_STRING) {
                    return v instanceof String ? v : v instanceof LispString s ? s.toString() : NO;
                }
                if (v instanceof ForeignPointer p) {
                    return p.block() != null && p.block().isFreed() ? NO : (Object) p.address();
                }
                if (v instanceof NativeArray a) {
                    return a.address();
                }
                if (v instanceof Long l && l >= 0) {
                    return l;
                }
                return v == Lisp.NIL ? (Object) 0L : NO;
            default:
                return NO;
        }
    }

    /** Argument {@code index} of a call with {@code signature}: a struct by value must be of the declared type. */
    @TruffleBoundary
    public static Object toCSlow(Object v, dev.epsilon.nfi.Signature signature, int index, String function) {
        if (signature.argType(index) == CType.STRUCT && v instanceof dev.epsilon.language.runtime.ForeignStruct s) {
            dev.epsilon.nfi.StructLayout expected = signature.argStruct(index);
            if (!sameLayout(s.layout(), expected)) {
                throw LispError.error("FOREIGN-ERROR", "argument " + (index + 1) + " of " + function + ": "
                        + Printer.prin1ToString(v) + " is not a " + (expected.isUnion() ? "union " : "struct ")
                        + expected.name(), "FUNCTION", function);
            }
        }
        return toCSlow(v, signature.argType(index), index, function);
    }

    /** The same C type: the layout itself, or one defined again under the same name with the same shape. */
    private static boolean sameLayout(dev.epsilon.nfi.StructLayout a, dev.epsilon.nfi.StructLayout b) {
        return a == b || (a.name().equals(b.name()) && a.isUnion() == b.isUnion() && a.size() == b.size()
                && a.alignment() == b.alignment());
    }

    /** Every other conversion, and the conditions for values that have none. */
    @TruffleBoundary
    public static Object toCSlow(Object v, CType t, int index, String function) {
        Object c = direct(v, t, index, function);
        return c != NO ? c : converted(v, t, index, function);
    }

    /** {@link #fast}, then what it leaves: other numbers, NULL strings, freed pointers, structs. */
    private static Object direct(Object v, CType t, int index, String function) {
        Object c = fast(v, t);
        if (c != NO) {
            return c;
        }
        switch (t.kind()) {
            case SIGNED:
            case UNSIGNED:
                return integerSlow(v, t, index, function);
            case FLOATING:
                return floatSlow(v, t);
            case POINTER:
                if (t == CType.C_STRING) {
                    return NO;   // NIL too, as in CFFI: a C function given NULL for a string may crash
                }
                if (v instanceof ForeignPointer p) {   // fast refused it: it points into freed memory
                    throw freed(p, index, function);
                }
                return v instanceof dev.epsilon.language.runtime.ForeignStruct s ? (Object) s.base().address() : NO;
            case AGGREGATE:
                // By value: the struct's memory, which the engine copies into the call.
                return v instanceof dev.epsilon.language.runtime.ForeignStruct s ? (Object) s.base().address() : NO;
            default:
                return NO;
        }
    }

    @TruffleBoundary
    private static LispError freed(ForeignPointer p, int index, String function) {
        return LispError.error("FOREIGN-MEMORY-ERROR", "argument " + (index + 1) + " of " + function + ": " + p
                + " points into freed memory (a freed allocation or callback)", "FUNCTION", function);
    }

    @TruffleBoundary
    private static Object converted(Object v, CType t, int index, String function) {
        Object u = dev.epsilon.language.EpsilonLanguage.context(null).foreignRegistry().converter().convert(v, t);
        if (u != null && u != v) {
            Object c = direct(u, t, index, function);
            if (c != NO) {
                return c;
            }
        }
        throw LispError.error("FOREIGN-ERROR", "argument " + (index + 1) + " of " + function + ": "
                + Printer.prin1ToString(v) + " is not " + expected(t), "FUNCTION", function);
    }

    private static String expected(CType t) {
        return switch (t.kind()) {
            case SIGNED, UNSIGNED -> "an integer (" + t.cName() + ")";
            case FLOATING -> "a real number (" + t.cName() + ")";
            case AGGREGATE -> "a C struct";
            default -> t == CType.C_STRING ? "a string (declare the argument :pointer to pass NULL)" : "a pointer";
        };
    }

    @TruffleBoundary
    private static Object integerSlow(Object v, CType t, int index, String function) {
        if (v instanceof BigInteger b && t == CType.UINT64 && b.signum() >= 0 && b.bitLength() <= 64) {
            return b.longValue();
        }
        if (v instanceof Character ch && t.holds(ch)) {
            return (long) ch;
        }
        if (!Numbers.isInteger(v)) {
            return NO;
        }
        throw LispError.error("FOREIGN-ERROR", "argument " + (index + 1) + " of " + function + ": " + Printer.prin1ToString(v)
                + " is out of range for " + t.cName(), "FUNCTION", function);
    }

    @TruffleBoundary
    private static Object floatSlow(Object v, CType t) {
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
            d = r.doubleValue();
        } else {
            return NO;
        }
        return t == CType.FLOAT ? (Object) (float) d : (Object) d;
    }

    /** An address given as an integer. */
    public static long toLong(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        throw LispError.typeError(o, "INTEGER", "an address");
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
                return c == null ? Lisp.NIL : c instanceof String s ? Chars.text(s) : c;
            case POINTER:
                return ForeignPointer.of((long) c);
            default:
                return c;
        }
    }

    @TruffleBoundary
    private static Object unsigned64(long l) {
        return new BigInteger(Long.toUnsignedString(l));
    }
}
