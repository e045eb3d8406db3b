package dev.epsilon.launcher;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/** One line for an uncaught error: condition type and report, then where it happened. The golden-file tests print errors the same way. */
public final class ErrorReport {
    private ErrorReport() {
    }

    public static String oneLine(PolyglotException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.isInternalError()) {
            return "epsilon: internal error: " + message;
        }
        SourceSection where = location(e);
        String at = where == null ? "" : " (at " + where.getSource().getName() + ":" + where.getStartLine() + ")";
        return "Unhandled " + message + at;
    }

    /** The exception's own location, else the innermost guest frame that has one. */
    private static SourceSection location(PolyglotException e) {
        SourceSection s = e.getSourceLocation();
        if (usable(s)) {
            return s;
        }
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && usable(frame.getSourceLocation())) {
                return frame.getSourceLocation();
            }
        }
        return null;
    }

    private static boolean usable(SourceSection s) {
        return s != null && s.isAvailable() && !s.getSource().isInternal();
    }
}
