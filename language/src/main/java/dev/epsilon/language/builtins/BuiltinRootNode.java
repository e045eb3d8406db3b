package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.runtime.JavaFailures;
import dev.epsilon.language.runtime.LispCondition;
import dev.epsilon.language.runtime.LispError;

import java.util.Arrays;

/** The root of a builtin function: checks the argument count, then runs the Java body. */
final class BuiltinRootNode extends RootNode {
    private final String name;
    private final int min;
    private final int max;   // -1: any number
    @Child private BuiltinNode body;

    BuiltinRootNode(TruffleLanguage<?> language, String name, int min, int max, BuiltinNode body) {
        super(language);
        this.name = name;
        this.min = min;
        this.max = max;
        this.body = body;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] all = frame.getArguments();
        int n = all.length - 1;
        if (n < min || (max >= 0 && n > max)) {
            CompilerDirectives.transferToInterpreter();
            String expected = max < 0 ? "at least " + min : min == max ? String.valueOf(min) : min + " to " + max;
            throw Conditions.signalled(this, new LispError(new LispCondition("PROGRAM-ERROR", "invalid number of arguments to "
                    + name + ": " + n + " (expected " + expected + ")"), this, false));
        }
        try {
            return body.execute(Arrays.copyOfRange(all, 1, all.length));
        } catch (LispError e) {
            if (!e.isSignalled()) {
                CompilerDirectives.transferToInterpreter();
                Conditions.signalled(this, e);
            }
            throw e;
        } catch (ClassCastException | ArithmeticException | IndexOutOfBoundsException | NullPointerException | IllegalArgumentException
                 | SecurityException | StackOverflowError | OutOfMemoryError e) {
            // A builtin met a value of a type it does not take: a Lisp error naming the builtin, never a JVM trace.
            CompilerDirectives.transferToInterpreter();
            throw Conditions.signalled(this, JavaFailures.lispError(e, name));
        }
    }

    @Override
    public String getName() {
        return name;
    }

    /** The builtin's name: what compilation traces and the CompileOnly option see. */
    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean isInternal() {
        return false;
    }
}
