package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.TruffleObject;

import java.math.BigInteger;

/** An exact non-integer rational, always in lowest terms with a positive denominator. */
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
}
