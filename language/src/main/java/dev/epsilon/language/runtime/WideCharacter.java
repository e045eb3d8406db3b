package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A Lisp character outside the Basic Multilingual Plane (code point above U+FFFF), which a Java
 * {@code char} cannot hold. Characters of the BMP stay {@link Character}; {@link Chars} treats both
 * alike. Compared by value (EQ and EQL included), as characters are immediate in other Lisps.
 */
@ExportLibrary(com.oracle.truffle.api.interop.InteropLibrary.class)
public final class WideCharacter implements TruffleObject {
    private final int codePoint;

    WideCharacter(int codePoint) {
        this.codePoint = codePoint;
    }

    public int codePoint() {
        return codePoint;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WideCharacter w && w.codePoint == codePoint;
    }

    @Override
    public int hashCode() {
        return codePoint;
    }

    @Override
    @TruffleBoundary
    public String toString() {
        return Character.toString(codePoint);
    }

    @ExportMessage
    boolean isString() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    String asString() {
        return toString();
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.prin1ToString(this);
    }
}
