package dev.epsilon.nfi;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * A symbol bound to a signature by FFM. Arguments arrive in the engine-neutral representation
 * (see {@link ForeignEngine}) and are boxed as the exact carrier types the handle takes.
 */
final class FfmFunction extends ForeignFunction {
    private final MethodHandle handle;
    /** The same function as (long...) -> long ({@link LongCarriers}), or null where it does not apply. */
    private final MethodHandle direct;
    private final boolean captureErrno;
    private final CType[] argTypes;

    /**
     * @param downcall the linker's handle, with the exact carrier types of {@code signature}
     * @param direct   the same call as (long...) -> long or (long...) -> void, or null
     */
    FfmFunction(NativeLibrary library, String symbol, Signature signature, MethodHandle downcall, MethodHandle direct,
                boolean captureErrno) {
        super(library, symbol, signature);
        int n = downcall.type().parameterCount();
        this.handle = downcall.asType(java.lang.invoke.MethodType.genericMethodType(n)).asSpreader(Object[].class, n);
        this.direct = direct;
        this.captureErrno = captureErrno;
        this.argTypes = new CType[signature.arity()];
        for (int i = 0; i < argTypes.length; i++) {
            argTypes[i] = signature.argType(i);
        }
    }

    @Override
    public ForeignCallNode createCallNode() {
        return new CallNode(this);
    }

    @Override
    @TruffleBoundary
    public Object callUncached(Object[] cArguments) {
        return call(cArguments);
    }

    @Override
    public boolean capturesErrno() {
        return captureErrno;
    }

    private Object call(Object[] cArguments) {
        return call(handle, direct, captureErrno, argTypes, signature().returnType(), signature(), cArguments, this);
    }

    /**
     * One call. Everything that decides how is passed in from the call node's compilation-constant
     * fields, so partial evaluation folds it. Through the direct handle when there is one; else
     * (structs by value, errno capture, more than 8 arguments) the arguments are boxed as the exact
     * carriers the spreading handle takes.
     */
    @ExplodeLoop
    static Object call(MethodHandle handle, MethodHandle direct, boolean captureErrno, CType[] argTypes, CType returnType,
                       Signature signature, Object[] cArguments, FfmFunction function) {
        if (direct != null) {
            return callDirect(direct, argTypes, returnType, cArguments, function);
        }
        boolean structResult = returnType == CType.STRUCT;
        int offset = (captureErrno ? 1 : 0) + (structResult ? 1 : 0);
        Object[] args = new Object[argTypes.length + offset];
        Scratch scratch = null;
        long mark = 0;
        for (int i = 0; i < argTypes.length; i++) {
            Object a = cArguments[i];
            if (argTypes[i] == CType.C_STRING) {
                if (scratch == null && a instanceof String) {
                    scratch = Scratch.get();
                    mark = scratch.mark();
                }
                args[i + offset] = a == null ? MemorySegment.NULL : a instanceof MemorySegment placed ? placed
                        : MemorySegment.ofAddress(scratch.cStringAddress((String) a));
            } else if (argTypes[i] == CType.STRUCT) {
                args[i + offset] = structArgument((long) a, signature.argStruct(i));
            } else {
                args[i + offset] = carrier(argTypes[i], a);
            }
        }
        if (structResult) {
            args[0] = resultAllocator();
        }
        if (captureErrno) {
            args[structResult ? 1 : 0] = callState();
        }
        Object result;
        try {
            result = handle.invokeExact(args);
        } catch (Throwable t) {
            throw callFailed(function, t);
        } finally {
            if (scratch != null) {
                scratch.release(mark);
            }
        }
        if (captureErrno) {
            recordErrno();
        }
        return fromCarrier(returnType, result);
    }

    /** One call through the (long...) -> long handle: the arguments stay in registers. */
    @ExplodeLoop
    private static Object callDirect(MethodHandle direct, CType[] argTypes, CType returnType, Object[] cArguments,
                                     FfmFunction function) {
        long[] a = new long[argTypes.length];
        Scratch scratch = null;
        long mark = 0;
        for (int i = 0; i < argTypes.length; i++) {
            if (argTypes[i] == CType.C_STRING) {
                if (scratch == null && cArguments[i] instanceof String) {
                    scratch = Scratch.get();
                    mark = scratch.mark();
                }
                a[i] = cArguments[i] == null ? 0L : cArguments[i] instanceof MemorySegment placed ? placed.address()
                        : scratch.cStringAddress((String) cArguments[i]);
            } else {
                a[i] = LongCarriers.toLong(argTypes[i], cArguments[i]);
            }
        }
        long r = 0;
        try {
            if (returnType == CType.VOID) {
                switch (a.length) {
                    case 0 -> direct.invokeExact();
                    case 1 -> direct.invokeExact(a[0]);
                    case 2 -> direct.invokeExact(a[0], a[1]);
                    case 3 -> direct.invokeExact(a[0], a[1], a[2]);
                    case 4 -> direct.invokeExact(a[0], a[1], a[2], a[3]);
                    case 5 -> direct.invokeExact(a[0], a[1], a[2], a[3], a[4]);
                    case 6 -> direct.invokeExact(a[0], a[1], a[2], a[3], a[4], a[5]);
                    case 7 -> direct.invokeExact(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
                    case 8 -> direct.invokeExact(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
                    default -> throw new IllegalStateException("no fixed-shape call for " + a.length + " arguments");
                }
            } else {
                r = switch (a.length) {
                    case 0 -> (long) direct.invokeExact();
                    case 1 -> (long) direct.invokeExact(a[0]);
                    case 2 -> (long) direct.invokeExact(a[0], a[1]);
                    case 3 -> (long) direct.invokeExact(a[0], a[1], a[2]);
                    case 4 -> (long) direct.invokeExact(a[0], a[1], a[2], a[3]);
                    case 5 -> (long) direct.invokeExact(a[0], a[1], a[2], a[3], a[4]);
                    case 6 -> (long) direct.invokeExact(a[0], a[1], a[2], a[3], a[4], a[5]);
                    case 7 -> (long) direct.invokeExact(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
                    case 8 -> (long) direct.invokeExact(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
                    default -> throw new IllegalStateException("no fixed-shape call for " + a.length + " arguments");
                };
            }
        } catch (Throwable t) {
            throw callFailed(function, t);
        } finally {
            if (scratch != null) {
                scratch.release(mark);
            }
        }
        return returnType == CType.C_STRING ? CStrings.utf8(r) : LongCarriers.fromLong(returnType, r);
    }

    private static ForeignException callFailed(FfmFunction function, Throwable t) {
        CompilerDirectives.transferToInterpreter();
        return new ForeignException(ForeignException.Reason.CALL_FAILED, "call of " + function + " failed: " + t);
    }

    /** The struct's bytes where the pointer says, as the segment the downcall copies by value. */
    @TruffleBoundary
    private static MemorySegment structArgument(long address, StructLayout layout) {
        return MemorySegment.ofAddress(address).reinterpret(layout.size());
    }

    /** A returned struct lands in memory the garbage collector frees with the segment. */
    @TruffleBoundary
    private static java.lang.foreign.SegmentAllocator resultAllocator() {
        return java.lang.foreign.Arena.ofAuto();
    }

    @TruffleBoundary
    private static MemorySegment callState() {
        return Scratch.get().callState();
    }

    @TruffleBoundary
    private static void recordErrno() {
        Scratch.get().recordErrno();
    }

    private static Object carrier(CType t, Object v) {
        long l;
        switch (t) {
            case FLOAT:
                return v;
            case DOUBLE:
                return v;
            case POINTER:
                return MemorySegment.ofAddress((long) v);
            case BOOL:
                return (long) v != 0;
            default:
                l = (long) v;
        }
        return switch (t) {
            case INT8, UINT8 -> (byte) l;
            case INT16 -> (short) l;
            case UINT16 -> (char) l;
            case INT32, UINT32 -> (int) l;
            default -> l;
        };
    }

    private static Object fromCarrier(CType t, Object r) {
        return switch (t) {
            case VOID -> null;
            case BOOL -> ((Boolean) r) ? 1L : 0L;
            case INT8, UINT8 -> (long) (byte) r;
            case INT16 -> (long) (short) r;
            case UINT16 -> (long) (char) r;
            case INT32, UINT32 -> (long) (int) r;
            case INT64, UINT64 -> r;
            case FLOAT, DOUBLE -> r;
            case POINTER -> ((MemorySegment) r).address();
            case C_STRING -> CStrings.utf8(((MemorySegment) r).address());
            case STRUCT -> new ReturnedStruct(((MemorySegment) r).address(), r);   // the segment owns the bytes
        };
    }

    /** Executes the bound FFM handle; handle and types are constants of the compiled call. */
    static final class CallNode extends ForeignCallNode {
        private final FfmFunction function;
        private final MethodHandle handle;
        private final MethodHandle direct;
        private final boolean captureErrno;
        @CompilationFinal(dimensions = 1) private final CType[] argTypes;
        private final CType returnType;
        private final Signature signature;

        /**
         * A leaf call's C strings, one per argument position: the string last passed there and its
         * NUL-terminated copy in native memory. A loop that passes the same (immutable) String
         * again and again reaches C with no conversion at all. Only for leaves, whose C code reads
         * its string arguments and keeps no pointer to them past the call.
         */
        private final PlacedString[] placed;
        private final String[] lastSeen;
        private final boolean leafStrings;

        private record PlacedString(String text, MemorySegment copy) {
        }

        CallNode(FfmFunction function) {
            this.signature = function.signature();
            this.function = function;
            this.handle = function.handle;
            this.direct = function.direct;
            this.captureErrno = function.captureErrno;
            this.argTypes = function.argTypes;
            this.returnType = function.signature().returnType();
            boolean strings = false;
            for (CType t : argTypes) {
                strings |= t == CType.C_STRING;
            }
            this.leafStrings = strings && signature.isLeaf();
            this.placed = leafStrings ? new PlacedString[argTypes.length] : null;
            this.lastSeen = leafStrings ? new String[argTypes.length] : null;
        }

        @Override
        public Object call(Object[] cArguments) {
            if (leafStrings) {
                placeStrings(cArguments);
            }
            return FfmFunction.call(handle, direct, captureErrno, argTypes, returnType, signature, cArguments, function);
        }

        /** Replaces a string seen at its position in the call before by its cached native copy. */
        @ExplodeLoop
        private void placeStrings(Object[] cArguments) {
            for (int i = 0; i < argTypes.length; i++) {
                if (argTypes[i] == CType.C_STRING && cArguments[i] instanceof String s) {
                    PlacedString p = placed[i];   // one read: a pair other threads may replace whole
                    if (p != null && p.text() == s) {
                        cArguments[i] = p.copy();
                    } else {
                        remember(i, s);
                    }
                }
            }
        }

        /** Copies a string to native memory once it comes twice in a row (not for strings that change every call). */
        @TruffleBoundary
        private void remember(int i, String s) {
            if (lastSeen[i] == s) {
                java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofAuto();   // freed when the copy is dropped
                placed[i] = new PlacedString(s, arena.allocateFrom(s));
            } else {
                lastSeen[i] = s;
            }
        }
    }

    static long errnoOf(MemorySegment state) {
        return state.get(ValueLayout.JAVA_INT, FfmEngine.ERRNO_OFFSET);
    }
}
