package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.nfi.ForeignException;
import dev.epsilon.nfi.NativeLibrary;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The library {@code :default}: every library loaded into this namespace (CFFI's
 * LOAD-FOREIGN-LIBRARY, in load order), then the C library. A symbol is looked for in each in
 * turn, as one dynamic-linker namespace would; SBCL's CFFI backend works the same way.
 */
public final class FlatNamespace {
    /** The spelling of the flat namespace where a library name goes: {@code ("abs" :default)}. */
    public static final String DEFAULT = "DEFAULT";
    private static final String C_LIBRARY = "libc";

    private final EpsilonContext cx;
    private final List<String> libraries = new CopyOnWriteArrayList<>();

    public FlatNamespace(EpsilonContext cx) {
        this.cx = cx;
    }

    /** Loads {@code name} (a path, or a file name the standard directories hold) and joins it. */
    @TruffleBoundary
    public NativeLibrary load(String name) {
        NativeLibrary lib = cx.libraries().open(name, ForeignCalls.searchPaths(cx));
        if (!libraries.contains(name)) {
            libraries.add(name);
        }
        return lib;
    }

    @TruffleBoundary
    public boolean close(String name) {
        libraries.remove(name);
        cx.ffmLibraries().close(name);
        return cx.libraries().close(name);
    }

    /** The name of the first library that defines {@code symbol}, or null. */
    @TruffleBoundary
    public String definingLibrary(String symbol) {
        for (String name : libraries) {
            if (address(name, symbol) != 0) {
                return name;
            }
        }
        return address(C_LIBRARY, symbol) != 0 ? C_LIBRARY : null;
    }

    /** The address of {@code symbol} in the namespace, or 0. */
    @TruffleBoundary
    public long address(String symbol) {
        String lib = definingLibrary(symbol);
        return lib == null ? 0 : address(lib, symbol);
    }

    private long address(String library, String symbol) {
        try {
            return ForeignCalls.symbolAddress(cx, library, symbol);
        } catch (ForeignException e) {
            return 0;
        }
    }
}
