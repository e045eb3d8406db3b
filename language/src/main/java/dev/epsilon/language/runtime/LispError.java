package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;

/** A Lisp condition signalled as an error and not handled on the way up. Message: "TYPE: report". */
@ExportLibrary(InteropLibrary.class)
public final class LispError extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    private final LispCondition condition;
    private final boolean incompleteInput;

    public LispError(LispCondition condition, Node location, boolean incompleteInput) {
        super(condition.typeName() + ": " + condition.report(), location);
        this.condition = condition;
        this.incompleteInput = incompleteInput;
    }

    public LispCondition condition() { return condition; }

    @TruffleBoundary
    public static LispError error(String typeName, String report) {
        return new LispError(new LispCondition(typeName, report), null, false);
    }

    @TruffleBoundary
    public static LispError simple(String report) {
        return error("SIMPLE-ERROR", report);
    }

    @TruffleBoundary
    public static LispError typeError(Object datum, String expectedType, String context) {
        return error("TYPE-ERROR", "The value " + Printer.prin1ToString(datum) + " is not of type "
                + expectedType + (context == null ? "" : " (in " + context + ")"));
    }

    @TruffleBoundary
    public static LispError readerError(String report, boolean endOfInput) {
        return new LispError(new LispCondition(endOfInput ? "END-OF-FILE" : "READER-ERROR", report), null, endOfInput);
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return condition.typeName().equals("READER-ERROR") || condition.typeName().equals("END-OF-FILE")
                ? ExceptionType.PARSE_ERROR : ExceptionType.RUNTIME_ERROR;
    }

    @ExportMessage
    boolean isExceptionIncompleteSource() {
        return incompleteInput;
    }
}
