package dev.epsilon.nfi;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fast engine, on Java FFM: a downcall handle per (symbol, signature), held by call nodes as a
 * compilation constant, so a compiled call is one native call. Varargs through
 * {@code firstVariadicArg}; errno captured by the linker right after the call.
 */
public final class FfmEngine implements ForeignEngine {
    private static final Linker LINKER = Linker.nativeLinker();

    @Override
    public String name() {
        return "ffm";
    }

    @Override
    @TruffleBoundary
    public NativeLibrary load(Path path, String requestedName) {
        try {
            SymbolLookup lookup = SymbolLookup.libraryLookup(path, Arena.global());
            return new NativeLibrary(requestedName, path, lookup);
        } catch (IllegalArgumentException e) {
            throw new ForeignException(ForeignException.Reason.LIBRARY_NOT_FOUND,
                    "cannot load library " + requestedName + " from " + path + ": " + e.getMessage());
        }
    }

    /** FFM serves every signature the language describes: varargs, structs by value, errno. */
    @Override
    public boolean serves(Signature signature, boolean captureErrno) {
        return true;
    }

    @Override
    @TruffleBoundary
    public ForeignFunction lookup(NativeLibrary library, String symbol, Signature signature, boolean captureErrno) {
        Optional<MemorySegment> address = ((SymbolLookup) library.handle()).find(symbol);
        if (address.isEmpty()) {
            throw new ForeignException(ForeignException.Reason.SYMBOL_NOT_FOUND,
                    "symbol " + symbol + " not found in " + library);
        }
        return function(library, symbol, signature, address.get(), captureErrno);
    }

    @Override
    @TruffleBoundary
    public ForeignFunction atAddress(long address, Signature signature, boolean captureErrno) {
        FunctionPointers.Described d = FunctionPointers.describe(address);
        return function(d.library(), d.symbol(), signature, MemorySegment.ofAddress(address), captureErrno);
    }

    @Override
    @TruffleBoundary
    public long symbolAddress(NativeLibrary library, String symbol) {
        return ((SymbolLookup) library.handle()).find(symbol).orElseThrow(() -> new ForeignException(
                ForeignException.Reason.SYMBOL_NOT_FOUND, "symbol " + symbol + " not found in " + library)).address();
    }

    private static FfmFunction function(NativeLibrary library, String symbol, Signature signature, MemorySegment address,
                                        boolean captureErrno) {
        MethodHandle exact = downcall(address, signature, captureErrno, false);
        MethodHandle direct = null;
        if (LongCarriers.eligible(signature, captureErrno)) {
            direct = LongCarriers.adapt(signature.isVariadic() ? exact : downcall(address, signature, false, true), signature);
        }
        return new FfmFunction(library, symbol, signature, exact, direct, captureErrno);
    }

    /**
     * The linker's handle: parameters and result of the exact Java carrier types; with {@code wide},
     * every integer, bool and pointer as a {@code long} instead. Wide is the same call in the C ABIs
     * we run on (System V x86-64, AArch64 LP64: an integer argument takes a whole register or 8-byte
     * stack slot, and the value we pass is already sign- or zero-extended as C extends it), and its
     * handle needs no conversion step; a narrow result is narrowed by the caller
     * ({@link LongCarriers#fromLong}), since the bits above it in the register are undefined.
     */
    @TruffleBoundary
    static MethodHandle downcall(MemorySegment address, Signature signature, boolean captureErrno, boolean wide) {
        List<MemoryLayout> args = new ArrayList<>();
        for (int i = 0; i < signature.arity(); i++) {
            args.add(signature.argType(i) == CType.STRUCT ? StructLayouts.of(signature.argStruct(i)) : layout(signature.argType(i), wide));
        }
        MemoryLayout result = signature.returnType() == CType.STRUCT ? StructLayouts.of(signature.returnStruct())
                : signature.returnType() == CType.VOID ? null : layout(signature.returnType(), wide);
        FunctionDescriptor fd = result == null
                ? FunctionDescriptor.ofVoid(args.toArray(new MemoryLayout[0]))
                : FunctionDescriptor.of(result, args.toArray(new MemoryLayout[0]));
        List<Linker.Option> options = new ArrayList<>();
        if (signature.isVariadic()) {
            options.add(Linker.Option.firstVariadicArg(signature.fixedCount()));
        }
        if (captureErrno) {
            options.add(Linker.Option.captureCallState("errno"));
        } else if (signature.isLeaf()) {
            // No thread-state transition (a few ns less per call: benchmarks/RESULTS.md). The JVM
            // cannot reach a safepoint during the call, so it must be short and never call back.
            options.add(Linker.Option.critical(false));
        }
        return LINKER.downcallHandle(address, fd, options.toArray(new Linker.Option[0]));
    }

    private static ValueLayout layout(CType t, boolean wide) {
        return wide && t != CType.FLOAT && t != CType.DOUBLE ? ValueLayout.JAVA_LONG : layout(t);
    }

    static ValueLayout layout(CType t) {
        return switch (t) {
            case BOOL -> ValueLayout.JAVA_BOOLEAN;
            case INT8, UINT8 -> ValueLayout.JAVA_BYTE;
            case INT16 -> ValueLayout.JAVA_SHORT;
            case UINT16 -> ValueLayout.JAVA_CHAR;
            case INT32, UINT32 -> ValueLayout.JAVA_INT;
            case INT64, UINT64 -> ValueLayout.JAVA_LONG;
            case FLOAT -> ValueLayout.JAVA_FLOAT;
            case DOUBLE -> ValueLayout.JAVA_DOUBLE;
            case POINTER, C_STRING -> ValueLayout.ADDRESS;
            case VOID, STRUCT -> throw new IllegalArgumentException(t + " has no scalar layout");
        };
    }

    /** The layout of errno in the linker's call-state segment. */
    static final long ERRNO_OFFSET = Linker.Option.captureStateLayout()
            .byteOffset(MemoryLayout.PathElement.groupElement("errno"));
    static final long CALL_STATE_SIZE = Linker.Option.captureStateLayout().byteSize();
}
