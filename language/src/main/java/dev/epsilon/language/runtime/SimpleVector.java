package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** A simple general vector, as {@code #(1 2 3)} reads. */
@ExportLibrary(InteropLibrary.class)
public final class SimpleVector implements TruffleObject {
    public final Object[] items;

    public SimpleVector(Object[] items) {
        this.items = items;
    }

    @ExportMessage
    boolean hasArrayElements() { return true; }

    @ExportMessage
    long getArraySize() { return items.length; }

    @ExportMessage
    boolean isArrayElementReadable(long index) { return index >= 0 && index < items.length; }

    @ExportMessage
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (index < 0 || index >= items.length) {
            throw InvalidArrayIndexException.create(index);
        }
        return InteropBignum.export(items[(int) index]);
    }

    @Override
    @TruffleBoundary
    public String toString() {
        return Printer.prin1ToString(this);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.prin1ToString(this);
    }
}
