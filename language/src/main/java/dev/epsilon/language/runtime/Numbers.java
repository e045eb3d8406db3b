package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigInteger;

/** Canonical integer representation: a {@code long} when it fits, else a {@code BigInteger}. */
public final class Numbers {
    private Numbers() {
    }

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @TruffleBoundary
    public static Object normalize(BigInteger b) {
        if (b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0) {
            return b.longValue();
        }
        return b;
    }

    @TruffleBoundary
    public static BigInteger big(Object integer) {
        return integer instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) integer;
    }

    public static boolean isInteger(Object o) {
        return o instanceof Long || o instanceof BigInteger;
    }

    public static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof BigInteger || o instanceof Double || o instanceof Float || o instanceof Ratio
                || o instanceof Complex;
    }

    /** A real number (every number but a complex). */
    public static boolean isReal(Object o) {
        return o instanceof Long || o instanceof BigInteger || o instanceof Double || o instanceof Float || o instanceof Ratio;
    }
}
