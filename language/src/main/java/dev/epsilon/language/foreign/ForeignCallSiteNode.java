package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.nodes.LispNode;
import dev.epsilon.language.runtime.ForeignPointer;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispThread;
import dev.epsilon.nfi.CType;
import dev.epsilon.nfi.Errno;
import dev.epsilon.nfi.ForeignCallNode;
import dev.epsilon.nfi.ForeignException;
import dev.epsilon.nfi.ForeignFunction;
import dev.epsilon.nfi.Signature;

/**
 * A {@code shared-call} whose function, library and types are constants at this site (also every
 * DEFSHARED function): resolved once, on first execution; afterwards the arguments are marshalled
 * by type with the loop unrolled, and the engine's call node makes the native call. This is the
 * seed's "compiler macro" and "inline" levels, reached by partial evaluation.
 */
public final class ForeignCallSiteNode extends LispNode {
    private final Object spec;
    private final Object returnType;
    private final Object argTypes;
    private final boolean checkErrno;
    @Children private final LispNode[] arguments;
    @CompilationFinal private ForeignFunction function;
    @CompilationFinal(dimensions = 1) private CType[] types;
    @CompilationFinal private CType resultType;
    /** Per argument: whether it ever needed Marshal's slow path (until then compiled code deoptimizes there). */
    @CompilationFinal(dimensions = 1) private boolean[] slowSeen;
    @Child private ForeignCallNode call;

    public ForeignCallSiteNode(Object spec, Object returnType, Object argTypes, boolean checkErrno, LispNode[] arguments) {
        this.spec = spec;
        this.returnType = returnType;
        this.argTypes = argTypes;
        this.checkErrno = checkErrno;
        this.arguments = arguments;
    }

    LispNode[] argumentNodes() {
        return arguments;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        if (function == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            resolve();
        }
        Object[] c = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object v = arguments[i].executePrimary(frame);
            try {
                Object cv = Marshal.fast(v, types[i]);
                if (cv == Marshal.NO) {
                    if (!slowSeen[i]) {
                        CompilerDirectives.transferToInterpreterAndInvalidate();
                        slowSeen[i] = true;
                    }
                    cv = Marshal.toCSlow(v, function.signature(), i, function.symbol());
                }
                c[i] = cv;
            } catch (LispError e) {
                CompilerDirectives.transferToInterpreter();
                throw Conditions.signalled(this, e.at(this));
            }
        }
        Object result;
        LispThread thread = EpsilonLanguage.thread(this);
        thread.foreignCalls++;
        try {
            result = call.call(c);
        } catch (ForeignException e) {
            CompilerDirectives.transferToInterpreter();
            throw Conditions.signalled(this, ForeignCalls.error(e, "").at(this));
        } finally {
            thread.foreignCalls--;
        }
        if (thread.pendingCallbackExit != null) {
            CompilerDirectives.transferToInterpreter();
            Callbacks.rethrowPending(thread);
        }
        Object lisp = resultType == CType.STRUCT ? returnedStruct(result) : Marshal.fromC(result, resultType);
        if (checkErrno && failed(lisp)) {
            CompilerDirectives.transferToInterpreter();
            throw errnoError();
        }
        return lisp;
    }

    /** A struct returned by value: a view over the memory FFM returned it in, which it keeps alive. */
    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    private Object returnedStruct(Object segment) {
        java.lang.foreign.MemorySegment s = (java.lang.foreign.MemorySegment) segment;
        dev.epsilon.nfi.StructLayout layout = function.signature().returnStruct();
        return dev.epsilon.language.runtime.ForeignStruct.at(layout, s.address(), s);
    }

    private void resolve() {
        try {
            ForeignFunction f = ForeignCalls.resolve(EpsilonLanguage.context(this), spec, returnType, argTypes, checkErrno);
            Signature sig = f.signature();
            if (sig.arity() != arguments.length) {
                throw LispError.error("FOREIGN-ERROR", "wrong number of arguments to " + f + ": "
                        + arguments.length + " given, " + sig.arity() + " expected");
            }
            CType[] t = new CType[sig.arity()];
            for (int i = 0; i < t.length; i++) {
                t[i] = sig.argType(i);
            }
            types = t;
            slowSeen = new boolean[t.length];
            resultType = sig.returnType();
            call = insert(f.createCallNode());
            function = f;
        } catch (LispError e) {
            throw Conditions.signalled(this, e.at(this));
        }
    }

    /** The C convention for failure: -1 from an integer function, NULL from a pointer function. */
    private boolean failed(Object result) {
        if (result instanceof Long l) {
            return l == -1;
        }
        return result instanceof ForeignPointer p && p.isNull();
    }

    private LispError errnoError() {
        int errno = Errno.last();
        String name = function.symbol();
        return Conditions.signalled(this, LispError.error("FOREIGN-ERROR", name + " failed: errno " + errno
                + " (" + ErrnoNames.describe(errno) + ")", "CODE", (long) errno, "FUNCTION", name).at(this));
    }
}
