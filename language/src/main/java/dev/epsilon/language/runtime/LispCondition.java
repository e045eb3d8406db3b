package dev.epsilon.language.runtime;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A condition object: its type name (a condition class such as SIMPLE-ERROR) and its report text.
 * The full condition system (define-condition, handlers, restarts) builds on this.
 */
@ExportLibrary(InteropLibrary.class)
public final class LispCondition implements TruffleObject {
    private final String typeName;
    private final String report;

    public LispCondition(String typeName, String report) {
        this.typeName = typeName;
        this.report = report;
    }

    public String typeName() { return typeName; }

    public String report() { return report; }

    @Override
    public String toString() {
        return "#<" + typeName + " \"" + report + "\">";
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return toString();
    }
}
