package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import dev.epsilon.nfi.MemoryBlock;

/**
 * A C pointer. Pointers into memory Epsilon allocated carry their block, so every access through
 * them is checked (freed? in bounds?); pointers that came from C carry none and are only checked
 * against NULL.
 */
@ExportLibrary(InteropLibrary.class)
public final class ForeignPointer implements TruffleObject {
    public static final ForeignPointer NULL = new ForeignPointer(0, null);

    private final long address;
    private final MemoryBlock block;

    public ForeignPointer(long address, MemoryBlock block) {
        this.address = address;
        this.block = block;
    }

    public static ForeignPointer of(long address) {
        // Always a new object, NULL too: code compiled from a call or callback then never merges a
        // shared constant with a fresh pointer, and a pointer that does not escape is never allocated.
        return new ForeignPointer(address, null);
    }

    public long address() { return address; }

    public MemoryBlock block() { return block; }

    @ExportMessage
    public boolean isNull() { return address == 0; }

    /** This pointer moved by {@code offset} bytes, still within (and checked against) the same block. */
    public ForeignPointer plus(long offset) {
        return new ForeignPointer(address + offset, block);
    }

    @Override
    @TruffleBoundary
    public String toString() {
        return "#<FOREIGN-POINTER #X" + Long.toHexString(address).toUpperCase() + ">";
    }

    @ExportMessage
    boolean isPointer() { return true; }

    @ExportMessage
    long asPointer() { return address; }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return toString();
    }
}
