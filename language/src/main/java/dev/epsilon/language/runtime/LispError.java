package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;

/**
 * An error on its way up the Java stack. Handlers run before it unwinds any Lisp frame: errors made
 * in Java are signalled where they are thrown (see Conditions); once signalled, nothing handled it
 * and it travels to the top, running UNWIND-PROTECT cleanups. Its message is "TYPE: report".
 */
@ExportLibrary(InteropLibrary.class)
public final class LispError extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    private Object condition;          // a LispCondition until signalled, then the condition object
    private final String typeName;
    private final String report;
    private final boolean incompleteInput;
    private boolean signalled;

    public LispError(LispCondition condition, Node location, boolean incompleteInput) {
        super(condition.typeName() + ": " + condition.report(), location);
        this.condition = condition;
        this.typeName = condition.typeName();
        this.report = condition.report();
        this.incompleteInput = incompleteInput;
    }

    /** A condition object that was signalled and not handled. */
    public LispError(Object condition, String typeName, String report, Node location) {
        super(typeName + ": " + report, location);
        this.condition = condition;
        this.typeName = typeName;
        this.report = report;
        this.incompleteInput = false;
        this.signalled = true;
    }

    public Object condition() { return condition; }

    /** The same, not yet signalled error, located at {@code node} (where a node reports it). */
    public LispError at(Node node) {
        if (signalled || getLocation() != null || !(condition instanceof LispCondition c)) {
            return this;
        }
        return new LispError(c, node, incompleteInput);
    }

    public String typeName() { return typeName; }

    public String report() { return report; }

    public boolean isSignalled() { return signalled; }

    /** Records the condition object made for this error, and that its handlers have run. */
    public void signalled(Object conditionObject) {
        this.condition = conditionObject;
        this.signalled = true;
    }

    @TruffleBoundary
    public static LispError error(String typeName, String report, Object... initargs) {
        return new LispError(new LispCondition(typeName, report, initargs), null, false);
    }

    @TruffleBoundary
    public static LispError simple(String report) {
        return error("SIMPLE-ERROR", report);
    }

    @TruffleBoundary
    public static LispError typeError(Object datum, String expectedType, String context) {
        return error("TYPE-ERROR", "The value " + Printer.prin1ToString(datum) + " is not of type "
                + expectedType + (context == null ? "" : " (in " + context + ")"), "DATUM", datum);
    }

    @TruffleBoundary
    public static LispError readerError(String report, boolean endOfInput) {
        return new LispError(new LispCondition(endOfInput ? "END-OF-FILE" : "READER-ERROR", report), null, endOfInput);
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return typeName.equals("READER-ERROR") || typeName.equals("END-OF-FILE")
                ? ExceptionType.PARSE_ERROR : ExceptionType.RUNTIME_ERROR;
    }

    @ExportMessage
    boolean isExceptionIncompleteSource() {
        return incompleteInput;
    }
}
