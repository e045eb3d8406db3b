package dev.epsilon.nfi;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** NULL as NFI accepts it for pointer and string arguments: an interop null that is also pointer 0. */
@ExportLibrary(InteropLibrary.class)
final class NfiNull implements TruffleObject {
    static final NfiNull INSTANCE = new NfiNull();

    private NfiNull() {
    }

    @ExportMessage
    boolean isNull() {
        return true;
    }

    @ExportMessage
    boolean isPointer() {
        return true;
    }

    @ExportMessage
    long asPointer() {
        return 0;
    }
}
