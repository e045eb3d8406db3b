package dev.epsilon.nfi;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.source.Source;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The universal engine, on Truffle NFI (libffi backend): any signature at run time, varargs included.
 * NFI is an internal language, so it is reached through {@code Env.parseInternal}.
 */
public final class NfiEngine implements ForeignEngine {
    private final TruffleLanguage.Env env;
    private final Map<Signature, Object> signatures = new ConcurrentHashMap<>();

    public NfiEngine(TruffleLanguage.Env env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "nfi";
    }

    /** NFI's libffi backend has no errno capture and no structs by value. */
    @Override
    public boolean serves(Signature signature, boolean captureErrno) {
        return !captureErrno && !signature.hasStructs();
    }

    @Override
    @TruffleBoundary
    public NativeLibrary load(Path path, String requestedName) {
        String code = "load \"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        try {
            Object handle = parse(code, "load " + requestedName);
            return new NativeLibrary(requestedName, path, handle);
        } catch (RuntimeException e) {
            throw new ForeignException(ForeignException.Reason.LIBRARY_NOT_FOUND,
                    "cannot load library " + requestedName + " from " + path + ": " + e.getMessage());
        }
    }

    @Override
    @TruffleBoundary
    public ForeignFunction lookup(NativeLibrary library, String symbol, Signature signature, boolean captureErrno) {
        refuseUnserved(signature, captureErrno, symbol);
        return bind(library, symbol, signature, symbolObject(library, symbol));
    }

    @Override
    @TruffleBoundary
    public ForeignFunction atAddress(long address, Signature signature, boolean captureErrno) {
        FunctionPointers.Described d = FunctionPointers.describe(address);
        refuseUnserved(signature, captureErrno, d.symbol());
        return bind(d.library(), d.symbol(), signature, new NfiPointer(address));
    }

    @Override
    @TruffleBoundary
    public long symbolAddress(NativeLibrary library, String symbol) {
        Object found = symbolObject(library, symbol);
        try {
            return InteropLibrary.getUncached().asPointer(found);
        } catch (UnsupportedMessageException e) {
            throw new ForeignException(ForeignException.Reason.SYMBOL_NOT_FOUND,
                    "symbol " + symbol + " in " + library + " has no address: " + e.getMessage());
        }
    }

    private void refuseUnserved(Signature signature, boolean captureErrno, String symbol) {
        if (!serves(signature, captureErrno)) {
            throw new ForeignException(ForeignException.Reason.BAD_SIGNATURE, "the NFI engine cannot call " + symbol
                    + " with " + signature + (captureErrno ? " and capture errno" : "") + "; the FFM engine can");
        }
    }

    private static Object symbolObject(NativeLibrary library, String symbol) {
        try {
            return InteropLibrary.getUncached().readMember(library.handle(), symbol);
        } catch (UnknownIdentifierException e) {
            throw new ForeignException(ForeignException.Reason.SYMBOL_NOT_FOUND,
                    "symbol " + symbol + " not found in " + library);
        } catch (InteropException e) {
            throw new ForeignException(ForeignException.Reason.SYMBOL_NOT_FOUND,
                    "cannot read symbol " + symbol + " in " + library + ": " + e.getMessage());
        }
    }

    private ForeignFunction bind(NativeLibrary library, String symbol, Signature signature, Object target) {
        Object nfiSignature = signatures.computeIfAbsent(signature, s -> parse(NfiSignatureText.of(s), "signature " + s));
        Object bound;
        try {
            bound = InteropLibrary.getUncached().invokeMember(nfiSignature, "bind", target);
        } catch (InteropException e) {
            throw new ForeignException(ForeignException.Reason.BAD_SIGNATURE,
                    "cannot bind " + symbol + " to " + signature + ": " + e.getMessage());
        }
        return new NfiFunction(library, symbol, signature, bound);
    }

    private Object parse(String code, String name) {
        Source source = Source.newBuilder("nfi", code, name).internal(true).build();
        return env.parseInternal(source).call();
    }
}
