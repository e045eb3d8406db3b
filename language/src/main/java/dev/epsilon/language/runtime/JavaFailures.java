package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Java exceptions that Lisp code can provoke (a value of the wrong type reaching Java code, an index
 * or address out of range, a division by zero, the control stack running out) as the Lisp errors
 * they stand for. Function and builtin roots convert them where they happen, while the handlers of
 * the code that called them are still in force.
 */
public final class JavaFailures {
    private JavaFailures() {
    }

    @TruffleBoundary
    public static LispError lispError(Throwable e, String where) {
        if (e instanceof StackOverflowError) {
            return LispError.error("STORAGE-CONDITION", "Control stack exhausted (in " + where + ")");
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
        return LispError.error("TYPE-ERROR", "wrong type of argument to " + where
                + (e.getMessage() == null ? "" : " (" + e.getMessage().replaceAll("class [a-z.]+\\.", "") + ")"));
    }
}
