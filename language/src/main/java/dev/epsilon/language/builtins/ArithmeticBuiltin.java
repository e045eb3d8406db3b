package dev.epsilon.language.builtins;

import com.oracle.truffle.api.nodes.Node;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Numbers;

/** {@code + - *} over any number of arguments, folding left with one binary node. */
final class ArithmeticBuiltin extends BuiltinNode {
    private final Arith.Op op;
    @Child private Node binary;

    ArithmeticBuiltin(Arith.Op op) {
        this.op = op;
        this.binary = switch (op) {
            case ADD -> AddNodeGen.create();
            case SUB -> SubNodeGen.create();
            case MUL -> MulNodeGen.create();
        };
    }

    private Object apply(Object a, Object b) {
        return switch (op) {
            case ADD -> ((AddNode) binary).execute(a, b);
            case SUB -> ((SubNode) binary).execute(a, b);
            case MUL -> ((MulNode) binary).execute(a, b);
        };
    }

    @Override
    public Object execute(Object[] args) {
        if (args.length == 0) {
            return op == Arith.Op.MUL ? 1L : 0L;
        }
        if (args.length == 1) {
            if (!Numbers.isNumber(args[0])) {
                throw LispError.typeError(args[0], "NUMBER", op == Arith.Op.ADD ? "+" : op == Arith.Op.SUB ? "-" : "*");
            }
            return op == Arith.Op.SUB ? apply(0L, args[0]) : args[0];
        }
        Object acc = apply(args[0], args[1]);
        for (int i = 2; i < args.length; i++) {
            acc = apply(acc, args[i]);
        }
        return acc;
    }
}
