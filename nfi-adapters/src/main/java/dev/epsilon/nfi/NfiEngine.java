package dev.epsilon.nfi;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
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
    public ForeignFunction lookup(NativeLibrary library, String symbol, Signature signature) {
        Object address;
        try {
            address = InteropLibrary.getUncached().readMember(library.handle(), symbol);
        } catch (UnknownIdentifierException e) {
            throw new ForeignException(ForeignException.Reason.SYMBOL_NOT_FOUND,
                    "symbol " + symbol + " not found in " + library);
        } catch (InteropException e) {
            throw new ForeignException(ForeignException.Reason.SYMBOL_NOT_FOUND,
                    "cannot read symbol " + symbol + " in " + library + ": " + e.getMessage());
        }
        Object nfiSignature = signatures.computeIfAbsent(signature, s -> parse(NfiSignatureText.of(s), "signature " + s));
        Object bound;
        try {
            bound = InteropLibrary.getUncached().invokeMember(nfiSignature, "bind", address);
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
