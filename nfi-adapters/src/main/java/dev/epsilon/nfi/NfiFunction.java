package dev.epsilon.nfi;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/** A symbol bound to a signature by NFI: an executable interop object. */
final class NfiFunction extends ForeignFunction {
    private final Object bound;

    NfiFunction(NativeLibrary library, String symbol, Signature signature, Object bound) {
        super(library, symbol, signature);
        this.bound = bound;
    }

    @Override
    public ForeignCallNode createCallNode() {
        return new CallNode(this);
    }

    @Override
    @TruffleBoundary
    public Object callUncached(Object[] cArguments) {
        return call(this, InteropLibrary.getUncached(), InteropLibrary.getUncached(), cArguments);
    }

    @ExplodeLoop
    private static Object call(NfiFunction function, InteropLibrary callInterop, InteropLibrary resultInterop, Object[] cArguments) {
        // Interop has no Java null: a NULL C string crosses as NFI's null object.
        for (int i = 0; i < cArguments.length; i++) {
            if (cArguments[i] == null) {
                cArguments[i] = NfiPointer.NULL;
            }
        }
        Object result;
        try {
            result = callInterop.execute(function.bound, cArguments);
        } catch (InteropException e) {
            CompilerDirectives.transferToInterpreter();
            throw new ForeignException(ForeignException.Reason.CALL_FAILED,
                    "call of " + function + " failed: " + e.getMessage());
        }
        try {
            return normalize(function.signature().returnType(), result, resultInterop);
        } catch (UnsupportedMessageException e) {
            CompilerDirectives.transferToInterpreter();
            throw new ForeignException(ForeignException.Reason.CALL_FAILED,
                    "unexpected result from " + function + ": " + e.getMessage());
        }
    }

    /** NFI's result objects in the engine-neutral representation (see {@link ForeignEngine}). */
    private static Object normalize(CType t, Object r, InteropLibrary interop) throws UnsupportedMessageException {
        switch (t.kind()) {
            case VOID:
                return null;
            case SIGNED:
            case UNSIGNED:
                return interop.asLong(r);
            case FLOATING:
                return t == CType.FLOAT ? (Object) interop.asFloat(r) : (Object) interop.asDouble(r);
            default:
                if (t == CType.C_STRING) {
                    long address = interop.isPointer(r) ? interop.asPointer(r) : interop.asLong(r);
                    return CStrings.utf8(address);
                }
                return interop.isPointer(r) ? interop.asPointer(r) : interop.asLong(r);
        }
    }

    /** Executes the bound NFI function with cached interop libraries. */
    static final class CallNode extends ForeignCallNode {
        private final NfiFunction function;
        @Child private InteropLibrary callInterop;
        @Child private InteropLibrary resultInterop = InteropLibrary.getFactory().createDispatched(2);

        CallNode(NfiFunction function) {
            this.function = function;
            this.callInterop = InteropLibrary.getFactory().create(function.bound);
        }

        @Override
        public Object call(Object[] cArguments) {
            return NfiFunction.call(function, callInterop, resultInterop, cArguments);
        }
    }
}
