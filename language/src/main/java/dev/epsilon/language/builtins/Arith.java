package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.Complex;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Numbers;
import dev.epsilon.language.runtime.Ratio;

import java.math.BigInteger;

/**
 * The numeric tower's slow path: integers (long, BigInteger), ratios, single and double floats, with
 * CL's float contagion. Compiled code takes the long and double fast paths of the arithmetic nodes.
 */
final class Arith {
    private Arith() {
    }

    enum Op { ADD, SUB, MUL }

    private enum Rank { INTEGER, RATIO, SINGLE, DOUBLE }

    private static Rank rank(Object o, String op) {
        if (o instanceof Long || o instanceof BigInteger) {
            return Rank.INTEGER;
        }
        if (o instanceof Ratio) {
            return Rank.RATIO;
        }
        if (o instanceof Float) {
            return Rank.SINGLE;
        }
        if (o instanceof Double) {
            return Rank.DOUBLE;
        }
        throw LispError.typeError(o, "NUMBER", op);
    }

    /** A real argument of builtin {@code where} as a double, or a TYPE-ERROR naming it. */
    static double real(Object o, String where) {
        if (!Numbers.isReal(o)) {
            throw LispError.typeError(o, "REAL", where);
        }
        return toDouble(o);
    }

    static double toDouble(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof BigInteger b) {
            return b.doubleValue();
        }
        if (o instanceof Ratio r) {
            return r.doubleValue();
        }
        return ((Number) o).doubleValue();
    }

    private static BigInteger num(Object o) {
        return o instanceof Ratio r ? r.numerator : Numbers.big(o);
    }

    private static BigInteger den(Object o) {
        return o instanceof Ratio r ? r.denominator : BigInteger.ONE;
    }

    static Object realPart(Object o) {
        return o instanceof Complex z ? z.real : o;
    }

    static Object imagPart(Object o) {
        return o instanceof Complex z ? z.imag : (o instanceof Double ? (Object) 0.0d : o instanceof Float ? (Object) 0.0f : (Object) 0L);
    }

    /** Complex arithmetic on the parts: (a+bi)(c+di) = (ac-bd) + (ad+bc)i. */
    private static Object complexBinary(Op op, Object x, Object y) {
        Object a = realPart(x);
        Object b = imagPart(x);
        Object c = realPart(y);
        Object d = imagPart(y);
        return switch (op) {
            case ADD -> Complex.of(binary(Op.ADD, a, c), binary(Op.ADD, b, d));
            case SUB -> Complex.of(binary(Op.SUB, a, c), binary(Op.SUB, b, d));
            case MUL -> Complex.of(binary(Op.SUB, binary(Op.MUL, a, c), binary(Op.MUL, b, d)),
                    binary(Op.ADD, binary(Op.MUL, a, d), binary(Op.MUL, b, c)));
        };
    }

    @TruffleBoundary
    static Object binary(Op op, Object a, Object b) {
        if (a instanceof Complex || b instanceof Complex) {
            if (!Numbers.isNumber(a) || !Numbers.isNumber(b)) {
                throw LispError.typeError(Numbers.isNumber(a) ? b : a, "NUMBER", op == Op.ADD ? "+" : op == Op.SUB ? "-" : "*");
            }
            return complexBinary(op, a, b);
        }
        String name = op == Op.ADD ? "+" : op == Op.SUB ? "-" : "*";
        Rank r = rank(a, name).compareTo(rank(b, name)) >= 0 ? rank(a, name) : rank(b, name);
        switch (r) {
            case DOUBLE: {
                double x = toDouble(a);
                double y = toDouble(b);
                return op == Op.ADD ? x + y : op == Op.SUB ? x - y : x * y;
            }
            case SINGLE: {
                float x = (float) toDouble(a);
                float y = (float) toDouble(b);
                return op == Op.ADD ? x + y : op == Op.SUB ? x - y : x * y;
            }
            case RATIO: {
                BigInteger an = num(a);
                BigInteger ad = den(a);
                BigInteger bn = num(b);
                BigInteger bd = den(b);
                return switch (op) {
                    case ADD -> Ratio.of(an.multiply(bd).add(bn.multiply(ad)), ad.multiply(bd));
                    case SUB -> Ratio.of(an.multiply(bd).subtract(bn.multiply(ad)), ad.multiply(bd));
                    case MUL -> Ratio.of(an.multiply(bn), ad.multiply(bd));
                };
            }
            default: {
                BigInteger x = Numbers.big(a);
                BigInteger y = Numbers.big(b);
                return Numbers.normalize(op == Op.ADD ? x.add(y) : op == Op.SUB ? x.subtract(y) : x.multiply(y));
            }
        }
    }

    /** Numeric comparison: negative, zero or positive. */
    @TruffleBoundary
    static int compare(Object a, Object b, String op) {
        if ((a instanceof Complex || b instanceof Complex) && Numbers.isNumber(a) && Numbers.isNumber(b)) {
            // Only equality is defined on complex numbers: 0 when both parts are =, else nonzero.
            return compare(realPart(a), realPart(b), op) == 0 && compare(imagPart(a), imagPart(b), op) == 0 ? 0 : 1;
        }
        Rank ra = rank(a, op);
        Rank rb = rank(b, op);
        if (ra == Rank.INTEGER && rb == Rank.INTEGER) {
            return Numbers.big(a).compareTo(Numbers.big(b));
        }
        if (ra.compareTo(Rank.RATIO) <= 0 && rb.compareTo(Rank.RATIO) <= 0) {
            return num(a).multiply(den(b)).compareTo(num(b).multiply(den(a)));
        }
        return Double.compare(toDouble(a), toDouble(b)) == 0 ? 0 : toDouble(a) < toDouble(b) ? -1 : 1;
    }
}
