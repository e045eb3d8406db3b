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
 * array (row-major storage), or an array displaced to another (MAKE-ARRAY :DISPLACED-TO), whose
 * elements are the target's from an offset on: it has no storage of its own, and reads and writes
 * go to the target. Simple vectors of element type T are {@link SimpleVector}.
 */
@ExportLibrary(InteropLibrary.class)
public final class LispVector implements TruffleObject {
    private Object[] items;
    private int[] dimensions;
    private int fillPointer;       // -1: none
    private final boolean adjustable;
    /** The array this one's elements live in, or null; and where in its row-major order they start. */
    private Object displacedTo;
    private int displacedOffset;
    /** Row-major element access on any array: how a displaced array reaches its target. */
    public interface ElementAccess {
        Object get(Object array, int index);

        void set(Object array, int index, Object value);
    }

    private ElementAccess access;

    public LispVector(int[] dimensions, Object initial, int fillPointer, boolean adjustable) {
        int total = ArrayDimensions.totalSize(dimensions);
        this.items = new Object[total];
        Arrays.fill(items, initial);
        this.dimensions = dimensions.clone();
        this.fillPointer = fillPointer;
        this.adjustable = adjustable;
    }

    /** An array over TARGET's elements from row-major index OFFSET on (the caller checked they fit). */
    public static LispVector displaced(int[] dimensions, Object target, int offset, int fillPointer, boolean adjustable,
                                       ElementAccess access) {
        LispVector v = new LispVector(new int[]{0}, null, fillPointer, adjustable);
        v.dimensions = dimensions.clone();
        v.displacedTo = target;
        v.displacedOffset = offset;
        v.access = access;
        return v;
    }

    /** The target of a displaced array, or null. */
    public Object displacedTo() { return displacedTo; }

    public int displacedOffset() { return displacedOffset; }

    public int rank() { return dimensions.length; }

    public int[] dimensions() { return dimensions.clone(); }

    public int totalSize() { return displacedTo == null ? items.length : ArrayDimensions.totalSize(dimensions); }

    /** The active length of a vector: its fill pointer, else its size. */
    public int length() { return fillPointer >= 0 ? fillPointer : totalSize(); }

    public boolean hasFillPointer() { return fillPointer >= 0; }

    public boolean isAdjustable() { return adjustable; }

    public int fillPointer() { return fillPointer; }

    public void setFillPointer(int fp) {
        if (fillPointer < 0 || fp < 0 || fp > totalSize()) {
            throw LispError.error("SIMPLE-ERROR", "bad fill pointer " + fp);
        }
        fillPointer = fp;
    }

    public Object rowMajor(int i) {
        checkIndex(i);
        return displacedTo == null ? items[i] : displacedGet(i);
    }

    // Displaced access may chain through arrays displaced to arrays: kept out of partial
    // evaluation, which would otherwise inline the recursion without end.
    @TruffleBoundary
    private Object displacedGet(int i) {
        return access.get(displacedTo, displacedOffset + i);
    }

    @TruffleBoundary
    private void displacedSet(int i, Object v) {
        access.set(displacedTo, displacedOffset + i, v);
    }

    public void setRowMajor(int i, Object v) {
        checkIndex(i);
        if (displacedTo == null) {
            items[i] = v;
        } else {
            displacedSet(i, v);
        }
    }

    private void checkIndex(int i) {
        int size = totalSize();
        if (i < 0 || i >= size) {
            throw LispError.error("SIMPLE-ERROR", "index " + i + " out of bounds for an array of size " + size);
        }
    }

    /** A displaced array that is adjusted or grown takes its elements into storage of its own. */
    private void undisplace() {
        if (displacedTo != null) {
            Object[] own = new Object[totalSize()];
            for (int i = 0; i < own.length; i++) {
                own[i] = rowMajor(i);
            }
            items = own;
            displacedTo = null;
            access = null;
        }
    }

    @TruffleBoundary
    public int pushExtend(Object v, int extension) {
        undisplace();
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
        undisplace();
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
        return InteropBignum.export(rowMajor((int) index));
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.prin1ToString(this);
    }
}
