package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import java.util.Arrays;

/**
 * A general array of any rank: a vector with a fill pointer or adjustable, or a multi-dimensional
 * array (row-major storage). Simple vectors of element type T are {@link SimpleVector}.
 */
@ExportLibrary(InteropLibrary.class)
public final class LispVector implements TruffleObject {
    private Object[] items;
    private int[] dimensions;
    private int fillPointer;       // -1: none
    private final boolean adjustable;

    public LispVector(int[] dimensions, Object initial, int fillPointer, boolean adjustable) {
        int total = ArrayDimensions.totalSize(dimensions);
        this.items = new Object[total];
        Arrays.fill(items, initial);
        this.dimensions = dimensions.clone();
        this.fillPointer = fillPointer;
        this.adjustable = adjustable;
    }

    public int rank() { return dimensions.length; }

    public int[] dimensions() { return dimensions.clone(); }

    public int totalSize() { return items.length; }

    /** The active length of a vector: its fill pointer, else its size. */
    public int length() { return fillPointer >= 0 ? fillPointer : items.length; }

    public boolean hasFillPointer() { return fillPointer >= 0; }

    public boolean isAdjustable() { return adjustable; }

    public int fillPointer() { return fillPointer; }

    public void setFillPointer(int fp) {
        if (fillPointer < 0 || fp < 0 || fp > items.length) {
            throw LispError.error("SIMPLE-ERROR", "bad fill pointer " + fp);
        }
        fillPointer = fp;
    }

    public Object rowMajor(int i) {
        if (i < 0 || i >= items.length) {
            throw LispError.error("SIMPLE-ERROR", "index " + i + " out of bounds for an array of size " + items.length);
        }
        return items[i];
    }

    public void setRowMajor(int i, Object v) {
        if (i < 0 || i >= items.length) {
            throw LispError.error("SIMPLE-ERROR", "index " + i + " out of bounds for an array of size " + items.length);
        }
        items[i] = v;
    }

    @TruffleBoundary
    public int pushExtend(Object v, int extension) {
        if (fillPointer >= items.length) {
            if (!adjustable) {
                throw LispError.error("SIMPLE-ERROR", "vector is full and not adjustable");
            }
            items = Arrays.copyOf(items, Math.max(items.length + Math.max(1, extension), items.length * 2));
            dimensions = new int[]{items.length};
        }
        items[fillPointer] = v;
        return fillPointer++;
    }

    @TruffleBoundary
    public void adjust(int[] newDims, Object initial) {
        int total = ArrayDimensions.totalSize(newDims);
        int old = items.length;
        items = Arrays.copyOf(items, total);
        if (total > old) {
            Arrays.fill(items, old, total, initial);
        }
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
        return items[(int) index];
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.prin1ToString(this);
    }
}
