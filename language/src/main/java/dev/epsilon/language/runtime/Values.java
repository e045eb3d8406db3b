package dev.epsilon.language.runtime;

/**
 * Multiple values, as {@code (values a b c)} returns them: only forms that pass values through (the
 * last form of a body, a function's result, return-from, throw) carry a Values object; every place
 * that uses a single value takes {@link #primary}. Exactly one value is never wrapped.
 */
public final class Values {
    public static final Values NONE = new Values(new Object[0]);

    private final Object[] values;

    private Values(Object[] values) {
        this.values = values;
    }

    /** The result of {@code (values ...)} with these values. */
    public static Object of(Object[] values) {
        return values.length == 1 ? values[0] : new Values(values);
    }

    public static Object primary(Object o) {
        if (o instanceof Values v) {
            return v.values.length == 0 ? Lisp.NIL : v.values[0];
        }
        return o;
    }

    /** All values of a result, one value when it is not a Values object. */
    public static Object[] all(Object o) {
        return o instanceof Values v ? v.values : new Object[]{o};
    }

    public int count() {
        return values.length;
    }
}
