package dev.epsilon.nfi;

/**
 * A failure the foreign layer detected (missing library or symbol, unsupported signature, bad value).
 * Languages translate it into their own error type; the message names what was looked for.
 */
public final class ForeignException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, so a language can map it to a specific condition type. */
    public enum Reason {
        LIBRARY_NOT_FOUND, SYMBOL_NOT_FOUND, BAD_SIGNATURE, BAD_ARGUMENT, CALL_FAILED,
        NULL_POINTER, USE_AFTER_FREE, OUT_OF_BOUNDS, DOUBLE_FREE, BAD_ADDRESS
    }

    private final Reason reason;

    public ForeignException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
