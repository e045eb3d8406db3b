package dev.epsilon.language.builtins;

import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Numbers;

/** {@code = < > <= >=} over one or more numbers: true when every adjacent pair is in order. */
final class ComparisonBuiltin extends BuiltinNode {
    /** Which three-way results an adjacent pair may have. */
    enum Order { EQUAL, LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL }

    private final Order order;
    private final String name;
    @Child private CompareNode compare = CompareNodeGen.create();

    ComparisonBuiltin(Order order, String name) {
        this.order = order;
        this.name = name;
    }

    @Override
    public Object execute(Object[] args) {
        if (args.length == 1 && !Numbers.isNumber(args[0])) {
            throw LispError.typeError(args[0], "NUMBER", name);
        }
        for (int i = 0; i + 1 < args.length; i++) {
            int c = compare.execute(args[i], args[i + 1]);
            boolean ok = switch (order) {
                case EQUAL -> c == 0;
                case LESS -> c < 0;
                case GREATER -> c > 0;
                case LESS_OR_EQUAL -> c <= 0;
                case GREATER_OR_EQUAL -> c >= 0;
            };
            if (!ok) {
                return Lisp.NIL;
            }
        }
        return Lisp.T;
    }
}
