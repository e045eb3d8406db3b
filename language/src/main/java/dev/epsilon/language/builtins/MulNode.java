package dev.epsilon.language.builtins;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** Binary {@code *}: fixnums unboxed until they overflow, then the generic tower. */
public abstract class MulNode extends Node {
    public abstract Object execute(Object a, Object b);

    @Specialization(rewriteOn = ArithmeticException.class)
    static long longs(long a, long b) {
        return Math.multiplyExact(a, b);
    }

    @Specialization
    static double doubles(double a, double b) {
        return a * b;
    }

    @Fallback
    static Object generic(Object a, Object b) {
        return Arith.binary(Arith.Op.MUL, a, b);
    }
}
