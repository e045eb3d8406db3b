package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
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
        return run(this, body, Arrays.copyOfRange(all, 1, all.length));
    }

    /** Runs BODY, this builtin's or a call site's copy of it, on ARGS: the arity check and the errors. */
    Object run(Node site, BuiltinNode body, Object[] args) {
        int n = args.length;
        if (n < min || (max >= 0 && n > max)) {
            CompilerDirectives.transferToInterpreter();
            String expected = max < 0 ? "at least " + min : min == max ? String.valueOf(min) : min + " to " + max;
            throw Conditions.signalled(site, new LispError(new LispCondition("PROGRAM-ERROR", "invalid number of arguments to "
                    + name + ": " + n + " (expected " + expected + ")"), site, false));
        }
        try {
            return body.execute(args);
        } catch (LispError e) {
            if (e.isSignalled()) {
                throw e;
            }
            CompilerDirectives.transferToInterpreter();
            throw Conditions.signalled(site, locatedAt(site, e));
        } catch (ClassCastException | ArithmeticException | IndexOutOfBoundsException | NullPointerException | IllegalArgumentException
                 | SecurityException | StackOverflowError e) {
            // A builtin met a value of a type it does not take: a Lisp error naming the builtin, never a JVM trace.
            CompilerDirectives.transferToInterpreter();
            throw Conditions.signalled(site, locatedAt(site, JavaFailures.lispError(e, name)));
        }
    }

    /**
     * An error from a call site's copy of the body is located at that call: with no frame of the
     * builtin's own, the innermost frame is the caller's, which the error would otherwise not name.
     * The root's own errors stay unlocated, and reports take the caller's call from the stack.
     */
    private static LispError locatedAt(Node site, LispError e) {
        return site instanceof InlinedBuiltin ? e.at(site) : e;
    }

    /** A copy of the body for a call site to run itself, or null when the body is not one to copy. */
    BuiltinNode bodyForCallSite() {
        return body.copyForCallSite();
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
