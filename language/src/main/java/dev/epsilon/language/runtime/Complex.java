package dev.epsilon.language.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

/**
 * A complex number: real and imaginary parts of the same kind (both rational, both single floats or
 * both double floats). A rational complex with a zero imaginary part is its real part
 * ({@link #of}), as CL's canonicalization rule requires.
 */
public final class Complex implements TruffleObject {
    public final Object real;
    public final Object imag;

    private Complex(Object real, Object imag) {
        this.real = real;
        this.imag = imag;
    }

    /** The canonical number with these parts: the real part alone when the parts are rational and the imaginary part is 0. */
    public static Object of(Object real, Object imag) {
        if (isRational(real) && isRational(imag)) {
            if (imag instanceof Long l && l == 0) {
                return real;
            }
            return new Complex(real, imag);
        }
        return ofFloats(real, imag);
    }

    /**
     * What COMPLEX and {@code #C} make of two reals: a complex of floats when either part is a
     * float (even with a zero imaginary part), else the canonical rational number.
     */
    public static Object fromParts(Object real, Object imag) {
        boolean floats = real instanceof Double || real instanceof Float || imag instanceof Double || imag instanceof Float;
        return floats ? ofFloats(real, imag) : of(real, imag);
    }

    /** A complex of floats, both parts in the wider float format (float contagion). */
    private static Complex ofFloats(Object real, Object imag) {
        boolean dbl = real instanceof Double || imag instanceof Double;
        return new Complex(toFloat(real, dbl), toFloat(imag, dbl));
    }

    private static boolean isRational(Object o) {
        return o instanceof Long || o instanceof java.math.BigInteger || o instanceof Ratio;
    }

    private static Object toFloat(Object o, boolean dbl) {
        double d = o instanceof Ratio r ? r.doubleValue() : ((Number) o).doubleValue();
        return dbl ? (Object) d : (Object) (float) d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Complex c && Lisp.eql(real, c.real) && Lisp.eql(imag, c.imag);
    }

    @Override
    public int hashCode() {
        return real.hashCode() * 31 + imag.hashCode();
    }

    @Override
    public String toString() {
        return "#C(" + Printer.prin1ToString(real) + " " + Printer.prin1ToString(imag) + ")";
    }
}
