package dev.epsilon.nfi;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Handles adapted so that every argument and the result travel as a {@code long}: integers
 * widened, floats and doubles as their raw bits, pointers as addresses. A compiled downcall then
 * invokes its handle with a fixed-shape {@code invokeExact(long, ...)}: no argument array and no
 * boxes escape into the out-of-line method handle call, which a spreading (Object[]) handle costs
 * on every call (signatures with structs by value or errno capture keep the spreading handle).
 * Upcalls of scalar signatures use the other direction ({@link #fromLongs}).
 */
public final class LongCarriers {
    /** Arities {@link FfmFunction} has a fixed-shape invocation for. */
    static final int MAX_ARITY = 8;

    private static final MethodHandle TO_BOOLEAN;
    private static final MethodHandle TO_FLOAT;
    private static final MethodHandle TO_DOUBLE;
    private static final MethodHandle TO_SEGMENT;
    private static final MethodHandle FROM_FLOAT;
    private static final MethodHandle FROM_DOUBLE;
    private static final MethodHandle FROM_SEGMENT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TO_BOOLEAN = lookup.findStatic(LongCarriers.class, "toBoolean", MethodType.methodType(boolean.class, long.class));
            TO_FLOAT = lookup.findStatic(LongCarriers.class, "toFloat", MethodType.methodType(float.class, long.class));
            TO_DOUBLE = lookup.findStatic(Double.class, "longBitsToDouble", MethodType.methodType(double.class, long.class));
            TO_SEGMENT = lookup.findStatic(MemorySegment.class, "ofAddress", MethodType.methodType(MemorySegment.class, long.class));
            FROM_FLOAT = lookup.findStatic(LongCarriers.class, "fromFloat", MethodType.methodType(long.class, float.class));
            FROM_DOUBLE = lookup.findStatic(Double.class, "doubleToRawLongBits", MethodType.methodType(long.class, double.class));
            FROM_SEGMENT = lookup.findVirtual(MemorySegment.class, "address", MethodType.methodType(long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private LongCarriers() {
    }

    static boolean eligible(Signature signature, boolean captureErrno) {
        if (captureErrno || signature.arity() > MAX_ARITY || signature.returnType() == CType.STRUCT) {
            return false;
        }
        for (int i = 0; i < signature.arity(); i++) {
            if (signature.argType(i) == CType.STRUCT) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code downcall} (exact or wide carriers of {@code signature}, see {@link FfmEngine#downcall})
     * as a handle of type (long...) -> long, or (long...) -> void for a void function.
     */
    static MethodHandle adapt(MethodHandle downcall, Signature signature) {
        MethodHandle h = downcall;
        MethodType carriers = downcall.type();
        for (int i = 0; i < signature.arity(); i++) {
            Class<?> c = carriers.parameterType(i);
            MethodHandle filter = c == boolean.class ? TO_BOOLEAN : c == float.class ? TO_FLOAT
                    : c == double.class ? TO_DOUBLE : c == MemorySegment.class ? TO_SEGMENT : null;
            if (filter != null) {   // else an integer: widened or narrowed by the cast below
                h = MethodHandles.filterArguments(h, i, filter);
            }
        }
        Class<?> r = carriers.returnType();
        MethodHandle filter = r == float.class ? FROM_FLOAT : r == double.class ? FROM_DOUBLE
                : r == MemorySegment.class ? FROM_SEGMENT : null;
        if (filter != null) {   // else void, or an integer or bool: widened by the cast below
            h = MethodHandles.filterReturnValue(h, filter);
        }
        MethodType longs = MethodType.methodType(signature.returnType() == CType.VOID ? void.class : long.class,
                java.util.Collections.nCopies(signature.arity(), long.class));
        // Identity for a wide handle's integers; a widening or narrowing step for an exact one's.
        return h.type().equals(longs) ? h : MethodHandles.explicitCastArguments(h, longs);
    }

    /**
     * The other direction, for upcalls: {@code target} of type (long...) -> long as a handle of
     * {@code carriers}, the exact Java types of a callback's C signature.
     */
    static MethodHandle fromLongs(MethodHandle target, Signature signature, MethodType carriers) {
        MethodHandle h = target;
        for (int i = 0; i < signature.arity(); i++) {
            MethodHandle filter = switch (signature.argType(i)) {
                case FLOAT -> FROM_FLOAT;
                case DOUBLE -> FROM_DOUBLE;
                case POINTER, C_STRING -> carriers.parameterType(i) == MemorySegment.class ? FROM_SEGMENT : null;
                default -> null;   // integers and bool: widened by the cast below
            };
            if (filter != null) {
                h = MethodHandles.filterArguments(h, i, filter);
            }
        }
        h = switch (signature.returnType()) {
            case VOID -> MethodHandles.dropReturn(h);
            case BOOL -> MethodHandles.filterReturnValue(h, TO_BOOLEAN);
            case FLOAT -> MethodHandles.filterReturnValue(h, TO_FLOAT);
            case DOUBLE -> MethodHandles.filterReturnValue(h, TO_DOUBLE);
            case POINTER, C_STRING -> carriers.returnType() == MemorySegment.class
                    ? MethodHandles.filterReturnValue(h, TO_SEGMENT) : h;
            default -> h;   // integers: narrowed by the cast below
        };
        return MethodHandles.explicitCastArguments(h, carriers);
    }

    /** The long a value travels as ({@link ForeignEngine}'s representation in, bits out). */
    public static long toLong(CType t, Object v) {
        return switch (t) {
            case FLOAT -> Float.floatToRawIntBits((Float) v);
            case DOUBLE -> Double.doubleToRawLongBits((Double) v);
            default -> (long) v;   // integers, bool (0 or 1) and pointers (addresses)
        };
    }

    /** The engine-neutral value a long carries (a result, or a callback's argument); strings are read by the caller. */
    public static Object fromLong(CType t, long r) {
        return switch (t) {
            case VOID -> null;
            case BOOL -> (r & 0xFF) != 0 ? 1L : 0L;   // C's _Bool is the low byte
            case INT8, UINT8 -> (long) (byte) r;
            case INT16 -> (long) (short) r;
            case UINT16 -> (long) (char) r;
            case INT32, UINT32 -> (long) (int) r;
            case FLOAT -> Float.intBitsToFloat((int) r);
            case DOUBLE -> Double.longBitsToDouble(r);
            default -> r;   // INT64, UINT64, POINTER
        };
    }

    private static boolean toBoolean(long l) {
        return l != 0;
    }

    private static float toFloat(long l) {
        return Float.intBitsToFloat((int) l);
    }

    private static long fromFloat(float f) {
        return Float.floatToRawIntBits(f);
    }
}
