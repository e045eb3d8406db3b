package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.RootNode;
import dev.epsilon.language.runtime.Values;
import dev.epsilon.language.runtime.ForeignStruct;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.nfi.CType;
import dev.epsilon.nfi.CallbackStub;
import dev.epsilon.nfi.LongCarriers;
import dev.epsilon.nfi.Signature;

/**
 * Where C enters Lisp: the C arguments become Lisp values, the Lisp function runs, its result
 * becomes the C value. One root per Lisp function body and C signature, so the conversions and the
 * function (through a direct call that Truffle inlines) compile as one unit: the pointers a
 * comparator reads never get allocated. Arguments: the LispFunction (closures of one body share
 * the root) and the C argument values: a long[] for a scalar signature, whose first element
 * receives the result (the call returns null, so no result is boxed), else an Object[] of C
 * values, and the call returns the C result.
 */
final class CallbackEntryRoot extends RootNode {
    private final Signature signature;
    @CompilationFinal(dimensions = 1) private final CType[] types;
    private final CType result;
    /** C's arguments come as a long[] and the result goes back in it ({@link CallbackStub#takesLongs}). */
    private final boolean longs;
    @Child private DirectCallNode call;

    CallbackEntryRoot(TruffleLanguage<?> language, RootCallTarget body, Signature signature) {
        super(language);
        this.signature = signature;
        this.types = new CType[signature.arity()];
        for (int i = 0; i < types.length; i++) {
            types[i] = signature.argType(i);
        }
        this.result = signature.returnType();
        this.longs = CallbackStub.takesLongs(signature);
        this.call = DirectCallNode.create(body);
    }

    /**
     * Makes the call target's argument profile invalid before any real call. Truffle checks the
     * profiled type of every argument on each call that comes from Java, in a method HotSpot's
     * compiler does not inline into the upcall: with no profile that check is one compare, and the
     * compiled entry casts its two arguments itself. Two calls of different lengths (which
     * {@link #execute} ignores) are how a profile becomes invalid.
     */
    static void dropArgumentProfile(RootCallTarget entry) {
        entry.call();
        entry.call(NO_CALL);
    }

    private static final Object NO_CALL = new Object();

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] arguments = frame.getArguments();
        if (arguments.length != 2) {
            return null;   // dropArgumentProfile
        }
        LispFunction function = (LispFunction) arguments[0];
        if (longs) {
            long[] carriers = (long[]) arguments[1];
            Object r = Values.primary(call.call(lispArguments(function, carriers)));
            carriers[0] = result == CType.VOID ? 0L : LongCarriers.toLong(result, Marshal.toC(r, result, 0, "callback result"));
            return null;
        }
        Object r = Values.primary(call.call(lispArguments(function, (Object[]) arguments[1])));
        return result == CType.VOID ? null : Marshal.toC(r, result, 0, "callback result");
    }

    @ExplodeLoop
    private Object[] lispArguments(LispFunction function, long[] c) {
        Object[] lisp = new Object[types.length + 1];
        lisp[0] = function;
        for (int i = 0; i < types.length; i++) {
            lisp[i + 1] = Marshal.fromC(LongCarriers.fromLong(types[i], c[i]), types[i]);
        }
        return lisp;
    }

    @ExplodeLoop
    private Object[] lispArguments(LispFunction function, Object[] c) {
        Object[] lisp = new Object[types.length + 1];
        lisp[0] = function;   // the frame-argument layout of LispFunction.frameArguments
        for (int i = 0; i < types.length; i++) {
            lisp[i + 1] = types[i] == CType.STRUCT
                    ? ForeignStruct.at(signature.argStruct(i), (long) c[i], null)
                    : Marshal.fromC(c[i], types[i]);
        }
        return lisp;
    }

    @Override
    public String getName() {
        return "callback " + signature;
    }
}
