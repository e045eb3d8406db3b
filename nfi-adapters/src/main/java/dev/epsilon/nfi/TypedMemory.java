package dev.epsilon.nfi;

import java.lang.foreign.ValueLayout;

/**
 * Loads and stores of C scalars at addresses the caller has already checked, in the neutral
 * representation of {@link ForeignEngine}: integers as {@code long} (sign- or zero-extended from
 * their width; a {@code uint64_t} as its raw bits, a bool as 0 or 1, a pointer as its address),
 * {@code float} and {@code double}. The one place the language reads and writes C memory, for
 * MEM-REF, STRUCT-REF and the elements of specialized arrays alike. Unaligned: C memory may be.
 */
public final class TypedMemory {
    private TypedMemory() {
    }

    /** The integer, bool or pointer of type {@code t} at {@code at}. */
    public static long loadInteger(CType t, long at) {
        return switch (t) {
            case INT8 -> NativeMemory.ALL.get(ValueLayout.JAVA_BYTE, at);
            case BOOL, UINT8 -> NativeMemory.ALL.get(ValueLayout.JAVA_BYTE, at) & 0xFF;
            case INT16 -> NativeMemory.ALL.get(ValueLayout.JAVA_SHORT_UNALIGNED, at);
            case UINT16 -> NativeMemory.ALL.get(ValueLayout.JAVA_SHORT_UNALIGNED, at) & 0xFFFF;
            case INT32 -> NativeMemory.ALL.get(ValueLayout.JAVA_INT_UNALIGNED, at);
            case UINT32 -> NativeMemory.ALL.get(ValueLayout.JAVA_INT_UNALIGNED, at) & 0xFFFF_FFFFL;
            case INT64, UINT64, POINTER, C_STRING -> NativeMemory.ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, at);
            default -> throw new IllegalArgumentException(t + " is not an integer type");
        };
    }

    public static float loadFloat(long at) {
        return NativeMemory.ALL.get(ValueLayout.JAVA_FLOAT_UNALIGNED, at);
    }

    public static double loadDouble(long at) {
        return NativeMemory.ALL.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, at);
    }

    /** Stores the low {@code t.size()} bytes of {@code value}; the caller has range-checked it. */
    public static void storeInteger(CType t, long at, long value) {
        switch (t.size()) {
            case 1 -> NativeMemory.ALL.set(ValueLayout.JAVA_BYTE, at, (byte) value);
            case 2 -> NativeMemory.ALL.set(ValueLayout.JAVA_SHORT_UNALIGNED, at, (short) value);
            case 4 -> NativeMemory.ALL.set(ValueLayout.JAVA_INT_UNALIGNED, at, (int) value);
            case 8 -> NativeMemory.ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, at, value);
            default -> throw new IllegalArgumentException(t + " is not an integer type");
        }
    }

    public static void storeFloat(long at, float value) {
        NativeMemory.ALL.set(ValueLayout.JAVA_FLOAT_UNALIGNED, at, value);
    }

    public static void storeDouble(long at, double value) {
        NativeMemory.ALL.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, at, value);
    }
}
