package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import java.math.BigInteger;

/**
 * An exact non-integer rational, always in lowest terms with a positive denominator. To other
 * languages it is a number that fits a double (or float) only when that holds it exactly, as 1/2.
 */
@ExportLibrary(InteropLibrary.class)
public final class Ratio implements TruffleObject {
    public final BigInteger numerator;
    public final BigInteger denominator;

    private Ratio(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** The rational n/d in canonical form: an integer (Long or BigInteger) when d divides n. */
    @TruffleBoundary
    public static Object of(BigInteger n, BigInteger d) {
        if (d.signum() == 0) {
            throw LispError.error("DIVISION-BY-ZERO", "arithmetic error DIVISION-BY-ZERO signalled");
        }
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        BigInteger g = n.gcd(d);
        if (!g.equals(BigInteger.ONE)) {
            n = n.divide(g);
            d = d.divide(g);
        }
        if (d.equals(BigInteger.ONE)) {
            return Numbers.normalize(n);
        }
        return new Ratio(n, d);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }

    /** The nearest double, from an exact decimal division (numerator and denominator may be beyond a double). */
    @TruffleBoundary
    public double doubleValue() {
        return new java.math.BigDecimal(numerator).divide(new java.math.BigDecimal(denominator), java.math.MathContext.DECIMAL64).doubleValue();
    }

    /** Whether the double nearest this ratio is exactly it. */
    @TruffleBoundary
    private boolean exactIn(double d) {
        return !Double.isInfinite(d) && new java.math.BigDecimal(d).multiply(new java.math.BigDecimal(denominator))
                .compareTo(new java.math.BigDecimal(numerator)) == 0;
    }

    @ExportMessage
    boolean isNumber() { return true; }

    @ExportMessage
    boolean fitsInByte() { return false; }

    @ExportMessage
    boolean fitsInShort() { return false; }

    @ExportMessage
    boolean fitsInInt() { return false; }

    @ExportMessage
    boolean fitsInLong() { return false; }

    @ExportMessage
    boolean fitsInBigInteger() { return false; }

    @ExportMessage
    @TruffleBoundary
    boolean fitsInFloat() { return exactIn((float) doubleValue()); }

    @ExportMessage
    @TruffleBoundary
    boolean fitsInDouble() { return exactIn(doubleValue()); }

    @ExportMessage
    byte asByte() throws UnsupportedMessageException { throw UnsupportedMessageException.create(); }

    @ExportMessage
    short asShort() throws UnsupportedMessageException { throw UnsupportedMessageException.create(); }

    @ExportMessage
    int asInt() throws UnsupportedMessageException { throw UnsupportedMessageException.create(); }

    @ExportMessage
    long asLong() throws UnsupportedMessageException { throw UnsupportedMessageException.create(); }

    @ExportMessage
    BigInteger asBigInteger() throws UnsupportedMessageException { throw UnsupportedMessageException.create(); }

    @ExportMessage
    @TruffleBoundary
    float asFloat() throws UnsupportedMessageException {
        if (!fitsInFloat()) {
            throw UnsupportedMessageException.create();
        }
        return (float) doubleValue();
    }

    @ExportMessage
    @TruffleBoundary
    double asDouble() throws UnsupportedMessageException {
        if (!fitsInDouble()) {
            throw UnsupportedMessageException.create();
        }
        return doubleValue();
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return toString();
    }
}
