package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.ForeignPointer;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.nfi.ForeignException;
import dev.epsilon.nfi.ForeignFunction;
import dev.epsilon.nfi.LibraryRegistry;
import dev.epsilon.nfi.NativeLibrary;
import dev.epsilon.nfi.Signature;

import java.util.List;

/** Resolving a foreign call description to a callable function, and the conditions of failure. */
public final class ForeignCalls {
    private ForeignCalls() {
    }

    /**
     * The C name and library of a spec: ("strlen" "libc"), ("strlen" :default) for the flat
     * namespace ({@link FlatNamespace}, library null), or "strlen" (libc); {@code leaf} when its
     * calls are leaf calls.
     */
    public record Target(String name, String library, boolean leaf) {
        boolean flat() { return library == null; }
    }

    /**
     * libc functions that are leaf calls however they are bound: short, never calling back, never
     * blocking. Any other function is a leaf only when declared so (:LEAF T).
     */
    public static final java.util.Set<String> LIBC_LEAVES = java.util.Set.of("abs", "labs", "llabs", "strlen", "strnlen",
            "strcmp", "strncmp", "strchr", "strrchr", "memchr", "memcmp", "memcpy", "memmove", "memset", "getpid", "toupper",
            "tolower");

    private static boolean isLibc(String library) {
        return library != null && (library.equals("libc") || library.equals("c") || library.equals("libc.so.6"));
    }

    /**
     * Whether ("name" "library" :leaf t) declares a leaf: the options after the name and library
     * are a plist. Without :LEAF, libc's leaves are leaves; :LEAF NIL says a call is not one.
     */
    private static boolean leaf(String name, String library, Object options) {
        for (Object o = options; o instanceof Cons c && c.cdr instanceof Cons v; o = v.cdr) {
            if (c.car instanceof Symbol k && k.isKeyword() && k.name().equals("LEAF")) {
                return v.car != Lisp.NIL;
            }
        }
        return isLibc(library) && LIBC_LEAVES.contains(name);
    }

    @TruffleBoundary
    public static Target target(Object spec) {
        if (spec instanceof String s) {
            return new Target(s, "libc", leaf(s, "libc", Lisp.NIL));
        }
        if (spec instanceof Cons c && c.car instanceof String s && c.cdr instanceof Cons rest) {
            if (rest.car instanceof String lib) {
                return new Target(s, lib, leaf(s, lib, rest.cdr));
            }
            if (rest.car instanceof Symbol k && k.isKeyword() && k.name().equals(FlatNamespace.DEFAULT)) {
                return new Target(s, null, leaf(s, null, rest.cdr));
            }
        }
        if (spec instanceof Symbol s && s != Lisp.NIL) {
            String name = s.name().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
            return new Target(name, "libc", leaf(name, "libc", Lisp.NIL));
        }
        throw LispError.error("FOREIGN-ERROR", "a foreign function is named (\"name\" \"library\") or \"name\", not "
                + Printer.prin1ToString(spec));
    }

    @TruffleBoundary
    public static ForeignFunction resolve(EpsilonContext cx, Object spec, Object returnType, Object argTypes, boolean captureErrno) {
        cx.foreignRegistry().signatureResolutions().incrementAndGet();
        Signature sig = ForeignTypes.signature(cx.structs(), returnType, argTypes);
        if (spec instanceof ForeignPointer p) {
            return atAddress(cx, p, sig, captureErrno);
        }
        Target t = target(spec);
        cx.requireNativeAccess("calling " + t.name() + (t.flat() ? "" : " in " + t.library()) + " with signature " + sig);
        if (t.flat()) {
            String library = cx.flatNamespace().definingLibrary(t.name());
            if (library == null) {
                throw LispError.error("FOREIGN-SYMBOL-ERROR", "symbol " + t.name() + " not found in any loaded library"
                        + " (calling " + t.name() + " with signature " + sig + ")");
            }
            t = new Target(t.name(), library, t.leaf());
        }
        if (t.leaf() && !captureErrno) {
            sig = sig.asLeaf();
        }
        try {
            LibraryRegistry registry = librariesFor(cx, sig, captureErrno);
            NativeLibrary lib = registry.open(t.library(), searchPaths(cx));
            return registry.engine().lookup(lib, t.name(), sig, captureErrno);
        } catch (ForeignException e) {
            throw error(e, " (calling " + t.name() + " with signature " + sig + ")");
        }
    }

    /** The C function a function pointer points to, for calls with {@code sig}. */
    @TruffleBoundary
    public static ForeignFunction atAddress(EpsilonContext cx, ForeignPointer p, Signature sig, boolean captureErrno) {
        if (p.isNull()) {
            throw LispError.error("FOREIGN-MEMORY-ERROR", "call through a NULL function pointer with signature " + sig);
        }
        try {
            return librariesFor(cx, sig, captureErrno).engine().atAddress(p.address(), sig, captureErrno);
        } catch (ForeignException e) {
            throw error(e, "");
        }
    }

    /**
     * The one place that decides which engine makes a call: the selected one when it serves the
     * signature, else FFM (the only engine with errno capture and structs by value).
     */
    static LibraryRegistry librariesFor(EpsilonContext cx, Signature sig, boolean captureErrno) {
        LibraryRegistry selected = cx.libraries();
        return selected.engine().serves(sig, captureErrno) ? selected : cx.ffmLibraries();
    }

    /**
     * The address of {@code symbol} in {@code library}, found through the FFM registry without
     * making a call handle (a symbol lookup, which starts no NFI): a ForeignException when the
     * library or the symbol is missing.
     */
    @TruffleBoundary
    public static long symbolAddress(EpsilonContext cx, String library, String symbol) {
        NativeLibrary lib = cx.ffmLibraries().open(library, searchPaths(cx));
        return cx.ffmLibraries().engine().symbolAddress(lib, symbol);
    }

    /** The condition for a failure the foreign layer reported. */
    @TruffleBoundary
    public static LispError error(ForeignException e, String context) {
        String type = switch (e.reason()) {
            case LIBRARY_NOT_FOUND -> "FOREIGN-LIBRARY-ERROR";
            case SYMBOL_NOT_FOUND -> "FOREIGN-SYMBOL-ERROR";
            case NULL_POINTER, USE_AFTER_FREE, OUT_OF_BOUNDS, DOUBLE_FREE, BAD_ADDRESS -> "FOREIGN-MEMORY-ERROR";
            default -> "FOREIGN-ERROR";
        };
        return LispError.error(type, e.getMessage() + context);
    }

    @TruffleBoundary
    static List<String> searchPaths(EpsilonContext cx) {
        Symbol var = cx.foreignPackage().findExternal("*LIBRARY-SEARCH-PATHS*");
        Object value = var == null ? Lisp.NIL : var.value(dev.epsilon.language.EpsilonLanguage.thread(null));
        if (!(value instanceof Cons)) {
            return List.of();
        }
        return Lisp.toJavaList(value).stream().map(Printer::princToString).toList();
    }
}
