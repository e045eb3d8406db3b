package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import java.math.BigInteger;

/**
 * A bignum handed to another language or the host: BigInteger is not an interop value, so it
 * crosses as this number (asBigInteger, and asDouble where it fits). Inside Lisp bignums stay
 * BigIntegers; {@link #export} wraps them where values leave.
 */
@ExportLibrary(InteropLibrary.class)
public final class InteropBignum implements TruffleObject {
    private final BigInteger value;

    private InteropBignum(BigInteger value) {
        this.value = value;
    }

    /** A value as it may leave Lisp: bignums wrapped, multiple values as their primary one. */
    public static Object export(Object o) {
        Object v = Values.primary(o);
        return v instanceof BigInteger b ? new InteropBignum(b) : v;
    }

    public BigInteger value() { return value; }

    @ExportMessage
    boolean isNumber() { return true; }

    @ExportMessage
    boolean fitsInByte() { return false; }

    @ExportMessage
    boolean fitsInShort() { return false; }

    @ExportMessage
    boolean fitsInInt() { return false; }

    @ExportMessage
    @TruffleBoundary
    boolean fitsInLong() { return value.bitLength() < 64; }

    @ExportMessage
    boolean fitsInBigInteger() { return true; }

    @ExportMessage
    boolean fitsInFloat() { return false; }

    @ExportMessage
    @TruffleBoundary
    boolean fitsInDouble() { return value.bitLength() <= 53; }

    @ExportMessage
    byte asByte() throws UnsupportedMessageException { throw UnsupportedMessageException.create(); }

    @ExportMessage
    short asShort() throws UnsupportedMessageException { throw UnsupportedMessageException.create(); }

    @ExportMessage
    int asInt() throws UnsupportedMessageException { throw UnsupportedMessageException.create(); }

    @ExportMessage
    @TruffleBoundary
    long asLong() throws UnsupportedMessageException {
        if (value.bitLength() < 64) {
            return value.longValue();
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    BigInteger asBigInteger() { return value; }

    @ExportMessage
    float asFloat() throws UnsupportedMessageException { throw UnsupportedMessageException.create(); }

    @ExportMessage
    @TruffleBoundary
    double asDouble() throws UnsupportedMessageException {
        if (value.bitLength() <= 53) {
            return value.doubleValue();
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return value.toString();
    }
}
