package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;

/**
 * A specialized numeric array: (unsigned-byte n), (signed-byte n), single-float, double-float or bit.
 * Its elements live in native memory (an automatic arena: freed with the array), so C can read and
 * write them through a pointer with no copy (WITH-PINNED-ARRAY).
 */
@ExportLibrary(InteropLibrary.class)
public final class NativeArray implements TruffleObject {
    static {
        dev.epsilon.nfi.NativeMemory.prepareAccessHandles();   // so compiled AREF folds every element case
    }

    /** The element types with native storage. */
    public enum Element {
        BIT(1, "BIT"), U8(1, "(UNSIGNED-BYTE 8)"), S8(1, "(SIGNED-BYTE 8)"), U16(2, "(UNSIGNED-BYTE 16)"),
        S16(2, "(SIGNED-BYTE 16)"), U32(4, "(UNSIGNED-BYTE 32)"), S32(4, "(SIGNED-BYTE 32)"),
        U64(8, "(UNSIGNED-BYTE 64)"), S64(8, "(SIGNED-BYTE 64)"), F32(4, "SINGLE-FLOAT"), F64(8, "DOUBLE-FLOAT");

        public final int size;
        public final String lispName;

        Element(int size, String lispName) {
            this.size = size;
            this.lispName = lispName;
        }
    }

    private final Element element;
    private MemorySegment segment;
    private int[] dimensions;
    private int length;
    private int fillPointer;   // -1: none
    private final boolean adjustable;

    public NativeArray(Element element, int[] dimensions, int fillPointer, boolean adjustable) {
        this.element = element;
        this.dimensions = dimensions.clone();
        int total = ArrayDimensions.totalSize(dimensions);
        this.length = total;
        this.segment = Arena.ofAuto().allocate(Math.max(1, (long) total * element.size), 16);
        this.fillPointer = fillPointer;
        this.adjustable = adjustable;
    }

    public Element element() { return element; }

    public MemorySegment segment() { return segment; }

    /** The address of element 0, valid while this array is reachable. */
    public long address() { return segment.address(); }

    public int rank() { return dimensions.length; }

    public int[] dimensions() { return dimensions.clone(); }

    public int totalSize() { return length; }

    public int length() { return fillPointer >= 0 ? fillPointer : length; }

    public boolean hasFillPointer() { return fillPointer >= 0; }

    public boolean isAdjustable() { return adjustable; }

    public int fillPointer() { return fillPointer; }

    public void setFillPointer(int fp) {
        if (fillPointer < 0 || fp < 0 || fp > length) {
            throw LispError.error("SIMPLE-ERROR", "bad fill pointer " + fp);
        }
        fillPointer = fp;
    }

    private void check(int i) {
        if (i < 0 || i >= length) {
            throw LispError.error("SIMPLE-ERROR", "index " + i + " out of bounds for an array of size " + length);
        }
    }

    public Object get(int i) {
        check(i);
        long off = (long) i * element.size;
        return switch (element) {
            case BIT, U8 -> (long) (segment.get(ValueLayout.JAVA_BYTE, off) & 0xFF);
            case S8 -> (long) segment.get(ValueLayout.JAVA_BYTE, off);
            case U16 -> (long) (segment.get(ValueLayout.JAVA_SHORT_UNALIGNED, off) & 0xFFFF);
            case S16 -> (long) segment.get(ValueLayout.JAVA_SHORT_UNALIGNED, off);
            case U32 -> segment.get(ValueLayout.JAVA_INT_UNALIGNED, off) & 0xFFFF_FFFFL;
            case S32 -> (long) segment.get(ValueLayout.JAVA_INT_UNALIGNED, off);
            case S64 -> segment.get(ValueLayout.JAVA_LONG_UNALIGNED, off);
            case U64 -> unsigned(segment.get(ValueLayout.JAVA_LONG_UNALIGNED, off));
            case F32 -> segment.get(ValueLayout.JAVA_FLOAT_UNALIGNED, off);
            case F64 -> segment.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, off);
        };
    }

    @TruffleBoundary
    private static Object unsigned(long l) {
        return l >= 0 ? (Object) l : new BigInteger(Long.toUnsignedString(l));
    }

    public void set(int i, Object v) {
        check(i);
        long off = (long) i * element.size;
        switch (element) {
            case F32 -> segment.set(ValueLayout.JAVA_FLOAT_UNALIGNED, off, (float) real(v));
            case F64 -> segment.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, off, real(v));
            default -> {
                long l = integer(v);
                switch (element.size) {
                    case 1 -> segment.set(ValueLayout.JAVA_BYTE, off, (byte) l);
                    case 2 -> segment.set(ValueLayout.JAVA_SHORT_UNALIGNED, off, (short) l);
                    case 4 -> segment.set(ValueLayout.JAVA_INT_UNALIGNED, off, (int) l);
                    default -> segment.set(ValueLayout.JAVA_LONG_UNALIGNED, off, l);
                }
            }
        }
    }

    /** The integer, checked against the element type's range: never a silent truncation. */
    private long integer(Object v) {
        if (v instanceof BigInteger b && element == Element.U64 && b.signum() >= 0 && b.bitLength() <= 64) {
            return b.longValue();
        }
        if (!(v instanceof Long l)) {
            throw LispError.typeError(v, element.lispName, "array store");
        }
        boolean ok = switch (element) {
            case BIT -> l == 0 || l == 1;
            case U8 -> l >= 0 && l <= 0xFF;
            case S8 -> l >= Byte.MIN_VALUE && l <= Byte.MAX_VALUE;
            case U16 -> l >= 0 && l <= 0xFFFF;
            case S16 -> l >= Short.MIN_VALUE && l <= Short.MAX_VALUE;
            case U32 -> l >= 0 && l <= 0xFFFF_FFFFL;
            case S32 -> l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE;
            case U64 -> l >= 0;
            default -> true;
        };
        if (!ok) {
            throw LispError.typeError(v, element.lispName, "array store");
        }
        return l;
    }

    private double real(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Float f) {
            return f;
        }
        if (element == Element.F32 ? v instanceof Long : false) {
            throw LispError.typeError(v, element.lispName, "array store");
        }
        throw LispError.typeError(v, element.lispName, "array store");
    }

    @TruffleBoundary
    public int pushExtend(Object v, int extension) {
        if (fillPointer >= length) {
            if (!adjustable) {
                throw LispError.error("SIMPLE-ERROR", "vector is full and not adjustable");
            }
            adjust(new int[]{Math.max(length + Math.max(1, extension), length * 2)});
        }
        set(fillPointer, v);
        return fillPointer++;
    }

    /** Gives the array a new size, keeping its elements (a new native block: old pointers go stale). */
    @TruffleBoundary
    public void adjust(int[] newDims) {
        int total = ArrayDimensions.totalSize(newDims);
        MemorySegment grown = Arena.ofAuto().allocate(Math.max(1, (long) total * element.size), 16);
        grown.copyFrom(segment.asSlice(0, Math.min(segment.byteSize(), (long) total * element.size)));
        segment = grown;
        length = total;
        dimensions = newDims.clone();
        if (fillPointer > total) {
            fillPointer = total;
        }
    }

    @Override
    @TruffleBoundary
    public String toString() {
        return Printer.prin1ToString(this);
    }

    @ExportMessage
    boolean hasArrayElements() { return dimensions.length == 1; }

    @ExportMessage
    long getArraySize() { return length(); }

    @ExportMessage
    boolean isArrayElementReadable(long index) { return index >= 0 && index < length(); }

    @ExportMessage
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (index < 0 || index >= length()) {
            throw InvalidArrayIndexException.create(index);
        }
        return get((int) index);
    }

    @ExportMessage
    boolean isPointer() { return true; }

    @ExportMessage
    long asPointer() { return address(); }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.prin1ToString(this);
    }
}
