package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.runtime.Complex;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Numbers;
import dev.epsilon.language.runtime.Ratio;
import dev.epsilon.language.runtime.Values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;

/** The rest of the numeric library: division, rounding, transcendental functions, bits, random. */
final class NumberBuiltins {
    private NumberBuiltins() {
    }

    private static final Random RANDOM = new Random(42);

    static void install(Builtins b, EpsilonContext cx) {
        b.cl("/", 1, -1, a -> {
            if (a.length == 1) {
                return divide(1L, a[0]);
            }
            Object acc = a[0];
            for (int i = 1; i < a.length; i++) {
                acc = divide(acc, a[i]);
            }
            return acc;
        });
        b.clFast("FLOOR", 1, 2, a -> fixnumDivide(a, true),
                a -> divide(a, RoundingMode.FLOOR, false, "FLOOR"));
        b.cl("CEILING", 1, 2, a -> divide(a, RoundingMode.CEILING, false, "CEILING"));
        b.clFast("TRUNCATE", 1, 2, a -> fixnumDivide(a, false),
                a -> divide(a, RoundingMode.DOWN, false, "TRUNCATE"));
        b.cl("ROUND", 1, 2, a -> divide(a, RoundingMode.HALF_EVEN, false, "ROUND"));
        b.cl("FFLOOR", 1, 2, a -> divide(a, RoundingMode.FLOOR, true, "FFLOOR"));
        b.cl("FCEILING", 1, 2, a -> divide(a, RoundingMode.CEILING, true, "FCEILING"));
        b.cl("FTRUNCATE", 1, 2, a -> divide(a, RoundingMode.DOWN, true, "FTRUNCATE"));
        b.cl("FROUND", 1, 2, a -> divide(a, RoundingMode.HALF_EVEN, true, "FROUND"));
        b.clFast("MOD", 2, 2, a -> a[0] instanceof Long x && a[1] instanceof Long y && y != 0 ? (Object) Math.floorMod(x, y) : FunctionBuiltin.GENERAL,
                a -> Values.all(divide(a, RoundingMode.FLOOR, false, "MOD"))[1]);
        b.clFast("REM", 2, 2, a -> a[0] instanceof Long x && a[1] instanceof Long y && y != 0 ? (Object) (x % y) : FunctionBuiltin.GENERAL,
                a -> Values.all(divide(a, RoundingMode.DOWN, false, "REM"))[1]);
        b.clFast("ABS", 1, 1, a -> a[0] instanceof Long x && x != Long.MIN_VALUE ? (Object) Math.abs(x) : a[0] instanceof Double d ? (Object) Math.abs(d) : FunctionBuiltin.GENERAL,
                a -> {
            if (a[0] instanceof Complex z) {
                double h = Math.hypot(Arith.toDouble(z.real), Arith.toDouble(z.imag));
                return z.real instanceof Double ? (Object) h : (Object) (float) h;
            }
            return Arith.compare(a[0], 0L, "ABS") < 0 ? Arith.binary(Arith.Op.SUB, 0L, a[0]) : a[0];
        });
        b.cl("COMPLEX", 1, 2, a -> {
            Object re = a[0];
            Object im = a.length > 1 ? a[1] : 0L;
            if (!Numbers.isReal(re)) {
                throw LispError.typeError(re, "REAL", "COMPLEX");
            }
            if (!Numbers.isReal(im)) {
                throw LispError.typeError(im, "REAL", "COMPLEX");
            }
            return Complex.fromParts(re, im);
        });
        b.cl("REALPART", 1, 1, a -> Arith.realPart(number(a[0], "REALPART")));
        b.cl("IMAGPART", 1, 1, a -> Arith.imagPart(number(a[0], "IMAGPART")));
        b.cl("CONJUGATE", 1, 1, a -> a[0] instanceof Complex z
                ? Complex.of(z.real, Arith.binary(Arith.Op.SUB, 0L, z.imag)) : number(a[0], "CONJUGATE"));
        b.cl("PHASE", 1, 1, a -> {
            Object z = number(a[0], "PHASE");
            double p = Math.atan2(Arith.toDouble(Arith.imagPart(z)), Arith.toDouble(Arith.realPart(z)));
            return Arith.realPart(z) instanceof Double ? (Object) p : (Object) (float) p;
        });
        b.clFast("MAX", 1, -1, a -> a.length == 2 && a[0] instanceof Long x && a[1] instanceof Long y ? (Object) Math.max(x, y) : FunctionBuiltin.GENERAL,
                a -> extreme(a, 1));
        b.clFast("MIN", 1, -1, a -> a.length == 2 && a[0] instanceof Long x && a[1] instanceof Long y ? (Object) Math.min(x, y) : FunctionBuiltin.GENERAL,
                a -> extreme(a, -1));
        b.cl("SIGNUM", 1, 1, a -> {
            int s = Arith.compare(a[0], 0L, "SIGNUM");
            if (a[0] instanceof Double) {
                return (double) s;
            }
            if (a[0] instanceof Float) {
                return (float) s;
            }
            return (long) s;
        });
        b.cl("GCD", 0, -1, a -> {
            BigInteger g = BigInteger.ZERO;
            for (Object o : a) {
                g = g.gcd(integer(o, "GCD"));
            }
            return Numbers.normalize(g);
        });
        b.cl("LCM", 0, -1, a -> {
            BigInteger l = BigInteger.ONE;
            for (Object o : a) {
                BigInteger x = integer(o, "LCM").abs();
                if (x.signum() == 0) {
                    return 0L;
                }
                l = l.multiply(x).divide(l.gcd(x));
            }
            return Numbers.normalize(l);
        });
        b.cl("EXPT", 2, 2, a -> expt(a[0], a[1]));
        b.cl("SQRT", 1, 1, a -> {
            double d = Arith.real(a[0], "SQRT");
            if (d < 0) {
                throw LispError.error("ARITHMETIC-ERROR", "SQRT of a negative number " + d + " (complex numbers are not supported)");
            }
            return floatResult(a[0], Math.sqrt(d));
        });
        b.cl("ISQRT", 1, 1, a -> Numbers.normalize(integer(a[0], "ISQRT").sqrt()));
        b.cl("EXP", 1, 1, a -> floatResult(a[0], Math.exp(Arith.real(a[0], "EXP"))));
        b.cl("LOG", 1, 2, a -> {
            double x = Arith.real(a[0], "LOG");
            double r = a.length > 1 ? Math.log(x) / Math.log(Arith.real(a[1], "LOG")) : Math.log(x);
            return a.length > 1 && (a[1] instanceof Double) ? (Object) r : floatResult(a[0], r);
        });
        unary(b, "SIN", Math::sin);
        unary(b, "COS", Math::cos);
        unary(b, "TAN", Math::tan);
        unary(b, "ASIN", Math::asin);
        unary(b, "ACOS", Math::acos);
        unary(b, "SINH", Math::sinh);
        unary(b, "COSH", Math::cosh);
        unary(b, "TANH", Math::tanh);
        b.cl("ATAN", 1, 2, a -> a.length == 2
                ? floatResult(a[0] instanceof Double || a[1] instanceof Double ? 1.0d : a[0], Math.atan2(Arith.real(a[0], "ATAN"), Arith.real(a[1], "ATAN")))
                : floatResult(a[0], Math.atan(Arith.real(a[0], "ATAN"))));
        b.cl("FLOAT", 1, 2, a -> {
            // With a prototype, the prototype's format; without, a float stays as it is.
            if (a.length > 1) {
                return a[1] instanceof Double ? (Object) Arith.real(a[0], "FLOAT") : (Object) (float) Arith.real(a[0], "FLOAT");
            }
            if (a[0] instanceof Double || a[0] instanceof Float) {
                return a[0];
            }
            return (float) Arith.real(a[0], "FLOAT");
        });
        b.cl("RATIONAL", 1, 1, a -> rational(a[0]));
        b.cl("RATIONALIZE", 1, 1, a -> rational(a[0]));
        b.clInlined("NUMERATOR", 1, 1, a -> a[0] instanceof Ratio r ? Numbers.normalize(r.numerator) : a[0]);
        b.clInlined("DENOMINATOR", 1, 1, a -> a[0] instanceof Ratio r ? Numbers.normalize(r.denominator) : (Object) 1L);
        b.clFast("EVENP", 1, 1, a -> a[0] instanceof Long x ? Lisp.bool((x & 1) == 0) : FunctionBuiltin.GENERAL,
                a -> Lisp.bool(!integer(a[0], "EVENP").testBit(0)));
        b.clFast("ODDP", 1, 1, a -> a[0] instanceof Long x ? Lisp.bool((x & 1) != 0) : FunctionBuiltin.GENERAL,
                a -> Lisp.bool(integer(a[0], "ODDP").testBit(0)));
        b.clInlined("FLOATP", 1, 1, a -> Lisp.bool(a[0] instanceof Double || a[0] instanceof Float));
        b.clInlined("RATIONALP", 1, 1, a -> Lisp.bool(Numbers.isInteger(a[0]) || a[0] instanceof Ratio));
        b.clInlined("REALP", 1, 1, a -> Lisp.bool(Numbers.isReal(a[0])));
        b.clInlined("COMPLEXP", 1, 1, a -> Lisp.bool(a[0] instanceof Complex));
        b.clFast("ASH", 2, 2, a -> a[0] instanceof Long x && a[1] instanceof Long n && n < 0 && n > -64 ? (Object) (x >> -n)
                : a[0] instanceof Long x && a[1] instanceof Long n && n >= 0 && n < 63 && Math.abs(x) < (1L << (62 - n)) ? (Object) (x << n) : FunctionBuiltin.GENERAL,
                a -> {
                    BigInteger x = integer(a[0], "ASH");
                    long n = Args.integer(a[1], "ASH");
                    return Numbers.normalize(n >= 0 ? x.shiftLeft((int) n) : x.shiftRight((int) -n));
                });
        b.clFast("LOGAND", 0, -1, a -> a.length == 2 && a[0] instanceof Long x && a[1] instanceof Long y ? (Object) (x & y) : FunctionBuiltin.GENERAL,
                a -> logical(a, -1L, BigInteger::and, "LOGAND"));
        b.clFast("LOGIOR", 0, -1, a -> a.length == 2 && a[0] instanceof Long x && a[1] instanceof Long y ? (Object) (x | y) : FunctionBuiltin.GENERAL,
                a -> logical(a, 0L, BigInteger::or, "LOGIOR"));
        b.clFast("LOGXOR", 0, -1, a -> a.length == 2 && a[0] instanceof Long x && a[1] instanceof Long y ? (Object) (x ^ y) : FunctionBuiltin.GENERAL,
                a -> logical(a, 0L, BigInteger::xor, "LOGXOR"));
        b.cl("LOGNOT", 1, 1, a -> Numbers.normalize(integer(a[0], "LOGNOT").not()));
        b.cl("LOGCOUNT", 1, 1, a -> {
            BigInteger x = integer(a[0], "LOGCOUNT");
            return (long) (x.signum() < 0 ? x.not().bitCount() : x.bitCount());
        });
        b.cl("LOGBITP", 2, 2, a -> Lisp.bool(integer(a[1], "LOGBITP").testBit(Args.index(a[0], "LOGBITP"))));
        b.cl("LOGTEST", 2, 2, a -> Lisp.bool(integer(a[0], "LOGTEST").and(integer(a[1], "LOGTEST")).signum() != 0));
        b.cl("INTEGER-LENGTH", 1, 1, a -> (long) integer(a[0], "INTEGER-LENGTH").bitLength());
        b.cl("RANDOM", 1, 2, a -> random(a[0]));
        b.cl("MAKE-RANDOM-STATE", 0, 1, a -> Lisp.T);
    }

    @TruffleBoundary   // java.util.Random and BigInteger: partial evaluation would inline them until it bails out
    private static Object random(Object limit) {
        if (limit instanceof Long l && l > 0) {
            return (long) (RANDOM.nextDouble() * l);
        }
        if (limit instanceof Double d) {
            return RANDOM.nextDouble() * d;
        }
        if (limit instanceof Float f) {
            return RANDOM.nextFloat() * f;
        }
        if (limit instanceof BigInteger big && big.signum() > 0) {
            return Numbers.normalize(new BigInteger(big.bitLength() + 8, RANDOM).mod(big));
        }
        throw LispError.typeError(limit, "(OR (INTEGER 1) (FLOAT (0.0)))", "RANDOM");
    }

    private interface DoubleFunction {
        double apply(double x);
    }

    private static void unary(Builtins b, String name, DoubleFunction f) {
        b.cl(name, 1, 1, a -> floatResult(a[0], f.apply(Arith.real(a[0], name))));
    }

    /** Irrational results are single floats unless the argument was a double. */
    private static Object floatResult(Object arg, double r) {
        return arg instanceof Double ? (Object) r : (Object) (float) r;
    }

    private static BigInteger integer(Object o, String where) {
        if (Numbers.isInteger(o)) {
            return Numbers.big(o);
        }
        throw LispError.typeError(o, "INTEGER", where);
    }

    private interface BigOp {
        BigInteger apply(BigInteger x, BigInteger y);
    }

    private static Object logical(Object[] a, long identity, BigOp op, String where) {
        BigInteger acc = BigInteger.valueOf(identity);
        for (Object o : a) {
            acc = op.apply(acc, integer(o, where));
        }
        return Numbers.normalize(acc);
    }

    private static Object extreme(Object[] a, int sign) {
        Object best = a[0];
        Arith.compare(best, best, sign > 0 ? "MAX" : "MIN");
        for (int i = 1; i < a.length; i++) {
            if (Arith.compare(a[i], best, sign > 0 ? "MAX" : "MIN") * sign > 0) {
                best = a[i];
            }
        }
        return best;
    }

    private static Object number(Object o, String where) {
        if (!Numbers.isNumber(o)) {
            throw LispError.typeError(o, "NUMBER", where);
        }
        return o;
    }

    static Object divide(Object x, Object y) {
        if (x instanceof Complex || y instanceof Complex) {
            // (a+bi)/(c+di) = ((ac+bd) + (bc-ad)i) / (c^2+d^2)
            Object a = Arith.realPart(x);
            Object b = Arith.imagPart(x);
            Object c = Arith.realPart(y);
            Object d = Arith.imagPart(y);
            Object den = Arith.binary(Arith.Op.ADD, Arith.binary(Arith.Op.MUL, c, c), Arith.binary(Arith.Op.MUL, d, d));
            Object re = Arith.binary(Arith.Op.ADD, Arith.binary(Arith.Op.MUL, a, c), Arith.binary(Arith.Op.MUL, b, d));
            Object im = Arith.binary(Arith.Op.SUB, Arith.binary(Arith.Op.MUL, b, c), Arith.binary(Arith.Op.MUL, a, d));
            return Complex.of(divide(re, den), divide(im, den));
        }
        boolean isFloat = x instanceof Double || y instanceof Double || x instanceof Float || y instanceof Float;
        if (isFloat) {
            double d = Arith.toDouble(y);
            if (d == 0) {
                throw LispError.error("DIVISION-BY-ZERO", "arithmetic error DIVISION-BY-ZERO signalled", "OPERATION", "/");
            }
            double r = Arith.toDouble(x) / d;
            return x instanceof Double || y instanceof Double ? (Object) r : (Object) (float) r;
        }
        BigInteger xn = x instanceof Ratio r ? r.numerator : integer(x, "/");
        BigInteger xd = x instanceof Ratio r ? r.denominator : BigInteger.ONE;
        BigInteger yn = y instanceof Ratio r ? r.numerator : integer(y, "/");
        BigInteger yd = y instanceof Ratio r ? r.denominator : BigInteger.ONE;
        if (yn.signum() == 0) {
            throw LispError.error("DIVISION-BY-ZERO", "arithmetic error DIVISION-BY-ZERO signalled", "OPERATION", "/");
        }
        return Ratio.of(xn.multiply(yd), xd.multiply(yn));
    }

    /** FLOOR's or TRUNCATE's two values for fixnums, else FunctionBuiltin.GENERAL. */
    private static Object fixnumDivide(Object[] a, boolean floor) {
        if (a[0] instanceof Long x) {
            if (a.length == 1) {
                return Values.of(new Object[]{x, 0L});
            }
            if (a[1] instanceof Long y && y != 0 && !(x == Long.MIN_VALUE && y == -1)) {
                long q = floor ? Math.floorDiv(x, y) : x / y;
                return Values.of(new Object[]{q, x - q * y});
            }
        }
        return FunctionBuiltin.GENERAL;
    }

    /** FLOOR and friends: quotient (integer, or float for the F- versions) and remainder. */
    private static Object divide(Object[] a, RoundingMode mode, boolean floatQuotient, String where) {
        Object x = a[0];
        Object y = a.length > 1 ? a[1] : 1L;
        if (x instanceof Long lx && y instanceof Long ly && !floatQuotient) {
            if (ly == 0) {
                throw LispError.error("DIVISION-BY-ZERO", "arithmetic error DIVISION-BY-ZERO signalled", "OPERATION", where);
            }
            long q = switch (mode) {
                case FLOOR -> Math.floorDiv(lx, ly);
                case CEILING -> -Math.floorDiv(-lx, ly);
                case DOWN -> lx / ly;
                default -> roundHalfEven(lx, ly);
            };
            if (!(lx == Long.MIN_VALUE && ly == -1)) {
                return Values.of(new Object[]{q, lx - q * ly});
            }
        }
        boolean isFloat = x instanceof Double || y instanceof Double || x instanceof Float || y instanceof Float;
        if (isFloat) {
            double dx = Arith.toDouble(x);
            double dy = Arith.toDouble(y);
            if (dy == 0) {
                throw LispError.error("DIVISION-BY-ZERO", "arithmetic error DIVISION-BY-ZERO signalled", "OPERATION", where);
            }
            double q = switch (mode) {
                case FLOOR -> Math.floor(dx / dy);
                case CEILING -> Math.ceil(dx / dy);
                case DOWN -> dx / dy < 0 ? Math.ceil(dx / dy) : Math.floor(dx / dy);
                default -> Math.rint(dx / dy);
            };
            boolean dbl = x instanceof Double || y instanceof Double;
            Object rem = dbl ? (Object) (dx - q * dy) : (Object) (float) (dx - q * dy);
            Object quotient = floatQuotient ? (dbl ? (Object) q : (Object) (float) q) : Numbers.normalize(new BigDecimal(q).toBigInteger());
            return Values.of(new Object[]{quotient, rem});
        }
        Object ratio = divide(x, y);
        BigInteger n = ratio instanceof Ratio r ? r.numerator : Numbers.big(ratio);
        BigInteger d = ratio instanceof Ratio r ? r.denominator : BigInteger.ONE;
        BigInteger q = new BigDecimal(n).divide(new BigDecimal(d), 0, mode).toBigIntegerExact();
        Object rem = Arith.binary(Arith.Op.SUB, x, Arith.binary(Arith.Op.MUL, Numbers.normalize(q), y));
        Object quotient = floatQuotient ? (Object) q.floatValue() : Numbers.normalize(q);
        return Values.of(new Object[]{quotient, rem});
    }

    private static long roundHalfEven(long x, long y) {
        return new BigDecimal(x).divide(new BigDecimal(y), 0, RoundingMode.HALF_EVEN).longValue();
    }

    private static Object expt(Object base, Object power) {
        if (power instanceof Long p && (Numbers.isInteger(base) || base instanceof Ratio)) {
            if (p >= 0) {
                if (base instanceof Ratio r) {
                    return Ratio.of(r.numerator.pow((int) (long) p), r.denominator.pow((int) (long) p));
                }
                return Numbers.normalize(Numbers.big(base).pow((int) (long) p));
            }
            return divide(1L, expt(base, -p));
        }
        if (power instanceof Long p && (base instanceof Double || base instanceof Float)) {
            return floatResult(base, Math.pow(Arith.real(base, "EXPT"), p));
        }
        double r = Math.pow(Arith.real(base, "EXPT"), Arith.real(power, "EXPT"));
        return base instanceof Double || power instanceof Double ? (Object) r : (Object) (float) r;
    }

    private static Object rational(Object o) {
        if (o instanceof Double || o instanceof Float) {
            BigDecimal d = new BigDecimal(Arith.toDouble(o));
            BigInteger unscaled = d.unscaledValue();
            int scale = d.scale();
            return scale > 0 ? Ratio.of(unscaled, BigInteger.TEN.pow(scale)) : Numbers.normalize(d.toBigInteger());
        }
        return o;
    }

}
