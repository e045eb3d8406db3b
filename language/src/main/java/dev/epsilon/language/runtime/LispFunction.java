package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;

/**
 * A Lisp function: a call target plus the values it closed over. Calling convention: argument 0 is
 * the function itself (so the body can reach its closure), Lisp arguments follow.
 */
@ExportLibrary(InteropLibrary.class)
public final class LispFunction implements TruffleObject {
    private final RootCallTarget callTarget;
    private final Object name;
    private final Object[] closure;
    private Object genericFunction;   // the CLOS generic function this function calls, if any

    public LispFunction(RootCallTarget callTarget, Object name, Object[] closure) {
        this.callTarget = callTarget;
        this.name = name;
        this.closure = closure;
    }

    public RootCallTarget callTarget() { return callTarget; }

    public Object name() { return name; }

    public Object[] closure() { return closure; }

    public Object genericFunction() { return genericFunction; }

    public void setGenericFunction(Object g) { this.genericFunction = g; }

    /** Builds the argument array for a call: this function first, then {@code args}. */
    public Object[] frameArguments(Object[] args) {
        Object[] full = new Object[args.length + 1];
        full[0] = this;
        System.arraycopy(args, 0, full, 1, args.length);
        return full;
    }

    /** A call from Java (macroexpansion, apply, interop) outside any compiled call site. */
    @TruffleBoundary
    public Object callUncached(Object... args) {
        return Values.primary(callTarget.call(frameArguments(args)));
    }

    /** Like {@link #callUncached}, but keeping every value (a {@link Values} when there are not exactly one). */
    @TruffleBoundary
    public Object callUncachedAllValues(Object... args) {
        return callTarget.call(frameArguments(args));
    }

    @Override
    @TruffleBoundary
    public String toString() {
        return Printer.prin1ToString(this);
    }

    @ExportMessage
    boolean isExecutable() { return true; }

    @ExportMessage
    static final class Execute {
        @Specialization(guards = "function.callTarget() == cachedTarget", limit = "3")
        static Object cached(LispFunction function, Object[] arguments,
                             @Cached("function.callTarget()") RootCallTarget cachedTarget,
                             @Cached("create(cachedTarget)") DirectCallNode call) {
            return InteropBignum.export(call.call(function.frameArguments(InteropArguments.fromForeign(arguments))));
        }

        @Specialization(replaces = "cached")
        static Object indirect(LispFunction function, Object[] arguments,
                               @Cached IndirectCallNode call) {
            return InteropBignum.export(call.call(function.callTarget(), function.frameArguments(InteropArguments.fromForeign(arguments))));
        }
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.prin1ToString(this);
    }
}
