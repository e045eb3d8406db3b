package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import dev.epsilon.nfi.CType;
import dev.epsilon.nfi.TypedMemory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
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

    /** The element types with native storage, each stored as one C type. */
    public enum Element {
        BIT(CType.UINT8, "BIT"), U8(CType.UINT8, "(UNSIGNED-BYTE 8)"), S8(CType.INT8, "(SIGNED-BYTE 8)"),
        U16(CType.UINT16, "(UNSIGNED-BYTE 16)"), S16(CType.INT16, "(SIGNED-BYTE 16)"),
        U32(CType.UINT32, "(UNSIGNED-BYTE 32)"), S32(CType.INT32, "(SIGNED-BYTE 32)"),
        U64(CType.UINT64, "(UNSIGNED-BYTE 64)"), S64(CType.INT64, "(SIGNED-BYTE 64)"),
        F32(CType.FLOAT, "SINGLE-FLOAT"), F64(CType.DOUBLE, "DOUBLE-FLOAT");

        public final CType storage;
        public final int size;
        public final String lispName;

        Element(CType storage, String lispName) {
            this.storage = storage;
            this.size = storage.size();
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
        return get(element, i);
    }

    /**
     * {@link #get(int)} with this array's element type given: a compiled site that knows it (a
     * constant) reads with one load, without dispatching on the element type.
     */
    public Object get(Element element, int i) {
        check(i);
        long at = address() + (long) i * element.size;
        Object v = switch (element) {
            case F32 -> TypedMemory.loadFloat(at);
            case F64 -> TypedMemory.loadDouble(at);
            case U64 -> unsigned(TypedMemory.loadInteger(CType.UINT64, at));
            default -> TypedMemory.loadInteger(element.storage, at);
        };
        Reference.reachabilityFence(this);   // the memory lives as long as this array
        return v;
    }

    @TruffleBoundary
    private static Object unsigned(long l) {
        return l >= 0 ? (Object) l : new BigInteger(Long.toUnsignedString(l));
    }

    public void set(int i, Object v) {
        set(element, i, v);
    }

    /** {@link #set(int, Object)} with this array's element type given (see {@link #get(Element, int)}). */
    public void set(Element element, int i, Object v) {
        check(i);
        long at = address() + (long) i * element.size;
        switch (element) {
            case F32 -> TypedMemory.storeFloat(at, (float) real(element, v));
            case F64 -> TypedMemory.storeDouble(at, real(element, v));
            default -> TypedMemory.storeInteger(element.storage, at, integer(element, v));
        }
        Reference.reachabilityFence(this);
    }

    /** The integer, checked against the element type's range: never a silent truncation. */
    private static long integer(Element element, Object v) {
        if (v instanceof BigInteger b && element == Element.U64 && b.signum() >= 0 && b.bitLength() <= 64) {
            return b.longValue();
        }
        if (!(v instanceof Long l)) {
            throw LispError.typeError(v, element.lispName, "array store");
        }
        boolean ok = element == Element.BIT ? l == 0 || l == 1 : element.storage.holds(l);
        if (!ok) {
            throw LispError.typeError(v, element.lispName, "array store");
        }
        return l;
    }

    private static double real(Element element, Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Float f) {
            return f;
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
