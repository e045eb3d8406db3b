package dev.epsilon.nfi;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Libraries by the name a user gave, each resolved and loaded once; safe to use from any thread. */
public final class LibraryRegistry {
    private final ForeignEngine engine;
    private final LibraryResolver resolver = new LibraryResolver();
    private final Map<String, NativeLibrary> loaded = new ConcurrentHashMap<>();

    public LibraryRegistry(ForeignEngine engine) {
        this.engine = engine;
    }

    public ForeignEngine engine() {
        return engine;
    }

    /** Resolves and loads {@code name}, or returns the library loaded earlier under that name. */
    @TruffleBoundary
    public NativeLibrary open(String name, List<String> searchDirs) {
        NativeLibrary lib = loaded.get(name);
        if (lib != null) {
            return lib;
        }
        // No lock held while loading: the first NFI load initializes the NFI language, which waits
        // for every thread of the context at a safepoint, and a thread blocked on a Java monitor
        // never gets there. Two threads may both load a library; the first one registered wins
        // (loading twice only raises the loader's reference count).
        LibraryResolver.Result r = resolver.resolve(name, searchDirs);
        if (!r.found()) {
            throw new ForeignException(ForeignException.Reason.LIBRARY_NOT_FOUND,
                    "library " + name + " not found; searched " + String.join(", ", r.searched()));
        }
        NativeLibrary fresh = engine.load(r.path(), name);
        NativeLibrary first = loaded.putIfAbsent(name, fresh);
        return first != null ? first : fresh;
    }

    /** Forgets a library so the next {@link #open} loads it again. */
    @TruffleBoundary
    public boolean close(String name) {
        return loaded.remove(name) != null;
    }
}
