package dev.epsilon.language.foreign;

import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.nfi.Signature;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one context has defined in the foreign layer, apart from C structs ({@link CStructs}): its
 * callbacks, named signatures, trampolines, loaded manifests and its CONVERT-TO-FOREIGN. Each context
 * has its own; two contexts in one engine may define the same names differently.
 */
public final class ForeignRegistry {
    private final Callbacks callbacks;
    /** REGISTER-SIGNATURE: name -> (return-type . argument-types). */
    private final Map<Symbol, Object> signatures = new ConcurrentHashMap<>();
    /** GET-OR-CREATE-TRAMPOLINE: one calling function per signature. */
    private final Map<Signature, LispFunction> trampolines = new ConcurrentHashMap<>();
    /** LOAD-MANIFEST: library name -> the Lisp names of its functions. */
    private final Map<String, List<String>> manifests = new ConcurrentHashMap<>();
    private volatile Marshal.Converter converter = (value, type) -> null;
    private final AtomicLong signatureResolutions = new AtomicLong();

    public ForeignRegistry(EpsilonContext cx) {
        this.callbacks = new Callbacks(cx);
    }

    public Callbacks callbacks() { return callbacks; }

    public Map<Symbol, Object> signatures() { return signatures; }

    public Map<Signature, LispFunction> trampolines() { return trampolines; }

    public Map<String, List<String>> manifests() { return manifests; }

    /** This context's CONVERT-TO-FOREIGN, for values no built-in conversion takes. */
    public Marshal.Converter converter() { return converter; }

    public void setConverter(Marshal.Converter c) { converter = c; }

    /** How many foreign signatures this context has resolved (a test watches call sites resolve once). */
    public AtomicLong signatureResolutions() { return signatureResolutions; }
}
