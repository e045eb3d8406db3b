package dev.epsilon.language.clos;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Printer;

import java.util.List;

/**
 * What CALL-NEXT-METHOD continues with in one invocation: the remaining methods, the original
 * arguments, and (for :around methods) the rest of the effective method after the last around.
 */
public final class MethodChain {
    private final GenericFunction generic;
    private final List<LispMethod> methods;
    private final int next;
    private final Object[] args;
    private final EffectiveMethod afterArounds;

    MethodChain(GenericFunction generic, List<LispMethod> methods, int next, Object[] args, EffectiveMethod afterArounds) {
        this.generic = generic;
        this.methods = methods;
        this.next = next;
        this.args = args;
        this.afterArounds = afterArounds;
    }

    public boolean hasNext() {
        return next < methods.size() || afterArounds != null;
    }

    /** Calls the next method with {@code newArgs}, or the original arguments when null. */
    @TruffleBoundary
    public Object callNext(Object[] newArgs) {
        Object[] a = newArgs == null ? args : newArgs;
        if (next < methods.size()) {
            return EffectiveMethod.invoke(methods.get(next), new MethodChain(generic, methods, next + 1, a, afterArounds), a);
        }
        if (afterArounds != null) {
            return afterArounds.runWithoutArounds(a);
        }
        throw LispError.error("SIMPLE-ERROR", "no next method for " + Printer.prin1ToString(generic.name())
                + " with arguments " + Printer.prin1ToString(dev.epsilon.language.runtime.Lisp.list(a)));
    }
}
