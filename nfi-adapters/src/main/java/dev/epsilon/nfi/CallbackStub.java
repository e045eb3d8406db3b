package dev.epsilon.nfi;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A C function pointer that calls a {@link CallbackTarget}: an FFM upcall stub in an arena of its
 * own, so {@link #free} returns its memory. A stub can be re-bound to another target of the same
 * signature ({@link #bind}), which is how callbacks are made in microseconds from a pool: the JDK
 * takes tens of microseconds to make and free a stub.
 */
public final class CallbackStub {
    private static final MethodHandle DISPATCH;
    private static final MethodHandle DISPATCH_LONGS;
    /** dispatch0 .. dispatch6: the arities most callbacks have, with no argument array. */
    private static final MethodHandle[] DISPATCH_ARITY = new MethodHandle[CallbackTarget.FIXED_ARITY + 1];

    static {
        try {
            DISPATCH = MethodHandles.lookup().findVirtual(CallbackStub.class, "dispatch",
                    MethodType.methodType(Object.class, Object[].class));
            DISPATCH_LONGS = MethodHandles.lookup().findVirtual(CallbackStub.class, "dispatchLongs",
                    MethodType.methodType(long.class, long[].class));
            for (int n = 0; n < DISPATCH_ARITY.length; n++) {
                DISPATCH_ARITY[n] = MethodHandles.lookup().findVirtual(CallbackStub.class, "dispatch" + n,
                        MethodType.methodType(long.class, java.util.Collections.nCopies(n, long.class)));
            }
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile CallbackTarget target;
    private final Signature signature;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment stub;
    private volatile boolean freed;

    @TruffleBoundary
    public CallbackStub(CallbackTarget target, Signature signature) {
        if (signature.isVariadic()) {
            throw new ForeignException(ForeignException.Reason.BAD_SIGNATURE, "a callback cannot be variadic: " + signature);
        }
        this.target = target;
        this.signature = signature;
        MemoryLayout[] args = new MemoryLayout[signature.arity()];
        for (int i = 0; i < args.length; i++) {
            args[i] = signature.argType(i) == CType.STRUCT ? StructLayouts.of(signature.argStruct(i)) : carrierLayout(signature.argType(i));
        }
        MemoryLayout result = signature.returnType() == CType.STRUCT ? StructLayouts.of(signature.returnStruct())
                : signature.returnType() == CType.VOID ? null : carrierLayout(signature.returnType());
        FunctionDescriptor fd = result == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(result, args);
        MethodHandle handle = takesLongs(signature)
                ? LongCarriers.fromLongs(args.length < DISPATCH_ARITY.length ? DISPATCH_ARITY[args.length].bindTo(this)
                        : DISPATCH_LONGS.bindTo(this).asCollector(long[].class, args.length), signature, fd.toMethodType())
                : DISPATCH.bindTo(this).asCollector(Object[].class, args.length).asType(fd.toMethodType());
        this.stub = Linker.nativeLinker().upcallStub(handle, fd, arena);
        this.block = MemoryBlock.view(stub.address(), 1, this);
    }

    private volatile MemoryBlock block;

    /** Marks pointers to this binding of the stub: freed with it, so passing a freed callback to C is caught. */
    public MemoryBlock block() {
        return block;
    }

    /** Points the stub at a new target (a pooled stub handed out again); a fresh block marks its pointers. */
    public void bind(CallbackTarget newTarget) {
        this.target = newTarget;
        this.block = MemoryBlock.view(stub.address(), 1, this);
    }

    /** Ends the current binding: its pointers read as freed, and C calling it reaches {@code orphan}. */
    public void unbind(CallbackTarget orphan) {
        block.markFreed();
        this.target = orphan;
    }

    /** The C function pointer. */
    public long address() {
        return stub.address();
    }

    public Signature signature() {
        return signature;
    }

    public boolean isFreed() {
        return freed;
    }

    /** Frees the stub's memory; C must not call the pointer afterwards. */
    @TruffleBoundary
    public void free() {
        if (freed) {
            throw new ForeignException(ForeignException.Reason.DOUBLE_FREE, "callback at 0x" + Long.toHexString(address()) + " freed twice");
        }
        freed = true;
        if (!block.isFreed()) {
            block.markFreed();
        }
        arena.close();
    }

    /**
     * A pointer crosses as a 64-bit integer: the same register in the C ABIs we run on (System V
     * x86-64, AArch64 LP64), and no MemorySegment is allocated per call for C to hand over an address.
     */
    private static MemoryLayout carrierLayout(CType t) {
        return t == CType.POINTER && POINTER_AS_LONG ? ValueLayout.JAVA_LONG : FfmEngine.layout(t);
    }

    private static final boolean POINTER_AS_LONG = ValueLayout.ADDRESS.byteSize() == 8;

    /**
     * Whether C's arguments and result reach the target as longs ({@link CallbackTarget#invokeLongs}):
     * scalars and pointers, no structs by value and no C strings.
     */
    public static boolean takesLongs(Signature signature) {
        if (signature.returnType() == CType.STRUCT || signature.returnType() == CType.C_STRING) {
            return false;
        }
        for (int i = 0; i < signature.arity(); i++) {
            if (signature.argType(i) == CType.STRUCT || signature.argType(i) == CType.C_STRING) {
                return false;
            }
        }
        return true;
    }

    /** Runs on the C caller's thread for a {@link #takesLongs} signature of more than six arguments. */
    @SuppressWarnings("unused")
    private long dispatchLongs(long[] carriers) {
        return target.invokeLongs(carriers);
    }

    // Runs on the C caller's thread: the arguments stay in registers up to the target, which
    // keeps them where it likes (see CallbackTarget#invokeLongs); missing ones are zero.
    @SuppressWarnings("unused")
    private long dispatch0() {
        return target.invokeLongs(0, 0, 0, 0, 0, 0);
    }

    @SuppressWarnings("unused")
    private long dispatch1(long a) {
        return target.invokeLongs(a, 0, 0, 0, 0, 0);
    }

    @SuppressWarnings("unused")
    private long dispatch2(long a, long b) {
        return target.invokeLongs(a, b, 0, 0, 0, 0);
    }

    @SuppressWarnings("unused")
    private long dispatch3(long a, long b, long c) {
        return target.invokeLongs(a, b, c, 0, 0, 0);
    }

    @SuppressWarnings("unused")
    private long dispatch4(long a, long b, long c, long d) {
        return target.invokeLongs(a, b, c, d, 0, 0);
    }

    @SuppressWarnings("unused")
    private long dispatch5(long a, long b, long c, long d, long e) {
        return target.invokeLongs(a, b, c, d, e, 0);
    }

    @SuppressWarnings("unused")
    private long dispatch6(long a, long b, long c, long d, long e, long f) {
        return target.invokeLongs(a, b, c, d, e, f);
    }

    /** Runs on the C caller's thread: C carriers in, target called, result as the exact carrier C expects. */
    @SuppressWarnings("unused")
    private Object dispatch(Object[] carriers) {
        Object r;
        try {
            for (int i = 0; i < carriers.length; i++) {   // in place: the array is this call's own
                carriers[i] = fromCarrier(signature.argType(i), carriers[i]);
            }
            r = target.invoke(carriers);
        } catch (ForeignException e) {
            r = target.reject(e);   // an argument that cannot be read (a wild char*): nothing may unwind into C
        }
        if (signature.returnType() == CType.STRUCT) {
            // The struct's bytes, copied out by the upcall stub; a zeroed one when the callback failed.
            long size = signature.returnStruct().size();
            return r == null ? Arena.ofAuto().allocate(size) : MemorySegment.ofAddress((long) r).reinterpret(size);
        }
        return toCarrier(signature.returnType(), r);
    }

    private static Object fromCarrier(CType t, Object v) {
        return switch (t) {
            case BOOL -> ((Boolean) v) ? 1L : 0L;
            case INT8, UINT8 -> (long) (Byte) v;
            case INT16 -> (long) (Short) v;
            case UINT16 -> (long) (Character) v;
            case INT32, UINT32 -> (long) (Integer) v;
            case POINTER -> v instanceof MemorySegment s ? s.address() : v;   // a long on 64-bit (carrierLayout)
            case C_STRING -> CStrings.utf8(((MemorySegment) v).address());
            case STRUCT -> ((MemorySegment) v).address();   // a view, valid while the callback runs
            default -> v;
        };
    }

    private static Object toCarrier(CType t, Object r) {
        return switch (t) {
            case VOID -> null;
            case BOOL -> r != null && (long) r != 0;
            case INT8, UINT8 -> (byte) (long) (r == null ? 0L : r);
            case INT16 -> (short) (long) (r == null ? 0L : r);
            case UINT16 -> (char) (long) (r == null ? 0L : r);
            case INT32, UINT32 -> (int) (long) (r == null ? 0L : r);
            case INT64, UINT64 -> r == null ? 0L : r;
            case FLOAT -> r == null ? 0.0f : r;
            case DOUBLE -> r == null ? 0.0d : r;
            case POINTER -> POINTER_AS_LONG ? (r == null ? 0L : r) : MemorySegment.ofAddress(r == null ? 0L : (long) r);
            case C_STRING -> MemorySegment.ofAddress(r == null ? 0L : (long) r);
            case STRUCT -> throw new IllegalStateException("struct results are copied in dispatch");
        };
    }
}
