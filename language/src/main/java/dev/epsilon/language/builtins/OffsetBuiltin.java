package dev.epsilon.language.builtins;

/** {@code 1+} and {@code 1-}. */
final class OffsetBuiltin extends BuiltinNode {
    private final long delta;
    @Child private AddNode add = AddNodeGen.create();

    OffsetBuiltin(long delta) {
        this.delta = delta;
    }

    @Override
    public Object execute(Object[] args) {
        return add.execute(args[0], delta);
    }
}
