package dev.epsilon.nfi;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * An address as NFI accepts it: a pointer argument, a string argument's NULL (an interop null that
 * is also pointer 0), or the target a signature is bound to for a call through a function pointer.
 */
@ExportLibrary(InteropLibrary.class)
final class NfiPointer implements TruffleObject {
    static final NfiPointer NULL = new NfiPointer(0);

    private final long address;

    NfiPointer(long address) {
        this.address = address;
    }

    @ExportMessage
    boolean isNull() {
        return address == 0;
    }

    @ExportMessage
    boolean isPointer() {
        return true;
    }

    @ExportMessage
    long asPointer() {
        return address;
    }
}
