package dev.epsilon.language.builtins;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** Three-way numeric comparison, unboxed for fixnums and doubles. */
public abstract class CompareNode extends Node {
    public abstract int execute(Object a, Object b);

    @Specialization
    static int longs(long a, long b) {
        return Long.compare(a, b);
    }

    @Specialization
    static int doubles(double a, double b) {
        return a == b ? 0 : a < b ? -1 : 1;
    }

    @Fallback
    static int generic(Object a, Object b) {
        return Arith.compare(a, b, "comparison");
    }
}
