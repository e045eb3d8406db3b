package dev.epsilon.language.runtime;

/**
 * A condition described in Java where no Lisp object can be made yet (deep in a builtin): its type
 * name, its report, and initargs for the slots (:datum, :expected-type, :name ...). It becomes an
 * instance of its condition class when it is signalled.
 */
public final class LispCondition {
    private final String typeName;
    private final String report;
    private final Object[] initargs;

    public LispCondition(String typeName, String report, Object... initargs) {
        this.typeName = typeName;
        this.report = report;
        this.initargs = initargs;
    }

    public String typeName() { return typeName; }

    public String report() { return report; }

    /** Alternating initarg names (as keyword names, without the colon) and values. */
    public Object[] initargs() { return initargs; }

    @Override
    public String toString() {
        return "#<" + typeName + " \"" + report + "\">";
    }
}
