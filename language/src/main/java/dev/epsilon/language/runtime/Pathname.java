package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** A pathname; for now its namestring, which is what programs pass to files and C. */
@ExportLibrary(InteropLibrary.class)
public record Pathname(String namestring) implements TruffleObject {
    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.prin1ToString(this);
    }
}
