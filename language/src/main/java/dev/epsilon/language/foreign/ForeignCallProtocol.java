package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.ForeignPointer;
import dev.epsilon.language.runtime.ForeignStruct;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispThread;
import dev.epsilon.nfi.CType;
import dev.epsilon.nfi.Errno;
import dev.epsilon.nfi.ForeignCallNode;
import dev.epsilon.nfi.ForeignException;
import dev.epsilon.nfi.ForeignFunction;
import dev.epsilon.nfi.MappedPages;
import dev.epsilon.nfi.ReturnedStruct;

/**
 * The steps of every foreign call, whichever path makes it: a constant call site
 * ({@link ForeignCallSiteNode}, also every DEFSHARED function), a computed SHARED-CALL
 * ({@link SharedCallBuiltin}) and a trampoline (GET-OR-CREATE-TRAMPOLINE). Each path only decides
 * how it finds the function and whether it keeps a call node; what happens around the call is here,
 * once, so the paths give the same results and the same conditions:
 * <ol>
 * <li>{@link #checkArity}: the argument count against the signature;
 * <li>{@link #argument} (or {@link #arguments}): each Lisp value to its C form (the fast cases inline, the rest in Marshal);
 * <li>{@link #invoke}: the call, counted on the thread (a callback that C runs on another thread
 *     finds who is waiting for it), a failure of the foreign layer as a Lisp condition; afterwards
 *     what is known of the memory map is stale ({@link MappedPages});
 * <li>{@link #result}: an exit a callback held is taken, the result becomes a Lisp value (a struct
 *     returned by value a view that keeps its memory), and with errno checking a -1 or NULL result
 *     signals FOREIGN-ERROR with the errno.
 * </ol>
 */
public final class ForeignCallProtocol {
    private ForeignCallProtocol() {
    }

    public static void checkArity(ForeignFunction f, int given) {
        if (given != f.signature().arity()) {
            CompilerDirectives.transferToInterpreter();
            throw LispError.error("FOREIGN-ERROR", "wrong number of arguments to " + f + ": " + given
                    + " given, " + f.signature().arity() + " expected");
        }
    }

    /**
     * Argument {@code i}, of C type {@code t}, in C form: the common cases without a call out of
     * compiled code. A constant site passes {@code t} from its compilation-final types, so the
     * conversion folds to the one case, and its profile {@code slowSeen} (compilation-final, or
     * null): until argument {@code i} first needs the slow path, compiled code deoptimizes there.
     */
    public static Object argument(ForeignFunction f, CType t, int i, Object value, boolean[] slowSeen) {
        if (t == CType.POINTER && f.signature().isLeaf() && value instanceof ForeignPointer p && p.block() != null
                && p.block().owner() instanceof dev.epsilon.nfi.CallbackStub) {
            // A leaf call runs without the thread-state transition a callback needs to enter Java.
            CompilerDirectives.transferToInterpreter();
            throw LispError.error("FOREIGN-ERROR", f.symbol() + " is a leaf call (" + f.signature()
                    + "): it cannot take a callback, which C would call back into Lisp (declare the binding without :LEAF)");
        }
        Object c = Marshal.fast(value, t);
        if (c != Marshal.NO) {
            return c;
        }
        if (slowSeen != null && !slowSeen[i]) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            slowSeen[i] = true;
        }
        return Marshal.toCSlow(value, f.signature(), i, f.symbol());
    }

    /** The arguments {@code from} on of a Lisp call, in C form (the paths without a per-site profile). */
    @TruffleBoundary
    public static Object[] arguments(ForeignFunction f, Object[] lisp, int from) {
        checkArity(f, lisp.length - from);
        Object[] c = new Object[lisp.length - from];
        for (int i = 0; i < c.length; i++) {
            c[i] = argument(f, f.signature().argType(i), i, lisp[i + from], null);
        }
        return c;
    }

    /** Makes the call through {@code node}, or uncached when {@code node} is null. */
    public static Object invoke(LispThread thread, ForeignFunction f, ForeignCallNode node, Object[] c) {
        thread.foreignCalls++;
        try {
            return node != null ? node.call(c) : f.callUncached(c);
        } catch (ForeignException e) {
            CompilerDirectives.transferToInterpreter();
            throw failed(e, f);
        } finally {
            thread.foreignCalls--;
            MappedPages.mayHaveChanged();   // C may have unmapped memory a raw pointer points into
        }
    }

    /** The condition for a failure the foreign layer reported during a call of {@code f}, naming f. */
    @TruffleBoundary
    private static LispError failed(ForeignException e, ForeignFunction f) {
        return ForeignCalls.error(e, e.getMessage().contains(f.symbol()) ? "" : " (in a call of " + f + ")");
    }

    /** The Lisp result of a call that returned {@code c}. */
    public static Object result(LispThread thread, ForeignFunction f, Object c, boolean checkErrno) {
        if (thread.pendingCallbackExit != null) {
            CompilerDirectives.transferToInterpreter();
            Callbacks.rethrowPending(thread);
        }
        CType t = f.signature().returnType();
        Object lisp = t == CType.STRUCT ? returnedStruct(f, (ReturnedStruct) c) : Marshal.fromC(c, t);
        if (checkErrno && failed(lisp)) {
            CompilerDirectives.transferToInterpreter();
            throw errnoError(f);
        }
        return lisp;
    }

    @TruffleBoundary
    private static Object returnedStruct(ForeignFunction f, ReturnedStruct s) {
        return ForeignStruct.at(f.signature().returnStruct(), s.address(), s.owner());
    }

    /** The C convention for failure: -1 from an integer function, NULL from a pointer function. */
    private static boolean failed(Object result) {
        if (result instanceof Long l) {
            return l == -1;
        }
        return result instanceof ForeignPointer p && p.isNull();
    }

    @TruffleBoundary
    private static LispError errnoError(ForeignFunction f) {
        int errno = Errno.last();
        String name = f.symbol();
        return LispError.error("FOREIGN-ERROR", name + " failed: errno " + errno + " (" + ErrnoNames.describe(errno) + ")",
                "CODE", (long) errno, "FUNCTION", name);
    }
}
