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
 * the root) and the C argument values.
 */
final class CallbackEntryRoot extends RootNode {
    private final Signature signature;
    @CompilationFinal(dimensions = 1) private final CType[] types;
    private final CType result;
    /** C's arguments come as a long[] and the result goes back as a long ({@link CallbackStub#takesLongs}). */
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

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] arguments = frame.getArguments();
        LispFunction function = (LispFunction) arguments[0];
        Object[] lisp = longs ? lispArguments(function, (long[]) arguments[1]) : lispArguments(function, (Object[]) arguments[1]);
        Object r = Values.primary(call.call(lisp));
        if (result == CType.VOID) {
            return longs ? (Object) 0L : null;
        }
        Object c = Marshal.toC(r, result, 0, "callback result");
        return longs ? (Object) LongCarriers.toLong(result, c) : c;
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
