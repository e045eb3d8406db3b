package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Java exceptions that Lisp code can provoke (an index or address out of range, a division by zero,
 * the control stack or the heap running out) as the Lisp errors they stand for; any other Java
 * failure (a failed cast, a null) is an INTERNAL-ERROR, a bug of ours. Function and builtin roots
 * convert them where they happen, while the handlers of the code that called them are still in force.
 */
public final class JavaFailures {
    private JavaFailures() {
    }

    @TruffleBoundary
    public static LispError lispError(Throwable e, String where) {
        if (e instanceof StackOverflowError) {
            return LispError.error("STORAGE-CONDITION", "Control stack exhausted (in " + where + ")");
        }
        if (e instanceof OutOfMemoryError) {
            // The allocation that failed did not happen, so there is room to handle this; the
            // largest requests (an array past the JVM's limit) fail before using any memory.
            return LispError.error("STORAGE-CONDITION", "Heap exhausted (in " + where + "): " + e.getMessage());
        }
        if (e instanceof ArithmeticException) {
            return LispError.error("DIVISION-BY-ZERO", "arithmetic error in " + where + ": " + e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return LispError.error("SIMPLE-ERROR", "bad argument to " + where + ": " + e.getMessage());
        }
        if (e instanceof IndexOutOfBoundsException) {
            return LispError.error("SIMPLE-ERROR", "index out of bounds in " + where + ": " + e.getMessage());
        }
        if (e instanceof SecurityException) {
            // Only the embedder's file system throws it here (a context built without allowIO).
            return LispError.error("FILE-ACCESS-DENIED", where + ": file access is not allowed in this context (" + e.getMessage()
                    + "; the embedder did not allow IO)");
        }
        // A failed cast or a null: builtins check the types of their arguments, so this is our bug.
        return LispError.error("INTERNAL-ERROR", "internal error in " + where + ": " + e
                + " (a bug in Epsilon, not in your program: please report it with the form that caused it)");
    }
}
