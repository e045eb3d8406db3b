package dev.epsilon.language;

import com.oracle.truffle.api.source.Source;
import dev.epsilon.language.builtins.Builtins;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.runtime.LispCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Boots a new context: installs the functions written in Java, loads the Lisp prelude (the rest of
 * Common Lisp and the foreign-function library) in package EPSILON.SYSTEM, then the manifests the
 * embedder named. The context holds the state; this class only fills it, once, from
 * {@link EpsilonLanguage#initializeContext}.
 */
public final class Prelude {
    private static final String DIRECTORY = "/dev/epsilon/language/lisp/";

    /** The prelude's files, in the order they load: each may use what the ones before define. */
    private static final String[] FILES = {"prelude.lisp", "clos.lisp", "conditions.lisp", "library.lisp", "places.lisp",
        "loop.lisp", "system.lisp", "debugger.lisp", "pretty.lisp", "foreign.lisp", "foreign-modules.lisp", "shims.lisp"};

    /** Libraries shipped with the language that load on demand (REQUIRE, the system loader). */
    private static final String[] LIBRARIES = {"asdf.lisp", "bordeaux-threads.lisp", "cffi-sys.lisp", "cffi-by-value.lisp"};

    private Prelude() {
    }

    /** Every Lisp file shipped with the language: what a fasl's expansions may depend on. */
    public static java.util.List<String> lispFiles() {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(FILES));
        all.addAll(java.util.List.of(LIBRARIES));
        return all;
    }

    static void boot(EpsilonContext cx) {
        Builtins.install(cx);
        for (String file : FILES) {
            cx.packageVariable().setValue(cx.systemPackage());
            cx.load(source(file));
        }
        cx.packageVariable().setValue(cx.userPackage());
        cx.finishBoot();
        for (String manifest : cx.startupManifests().split(java.io.File.pathSeparator)) {
            if (!manifest.isBlank()) {
                cx.clSymbol("FUNCALL").function().callUncached(cx.foreignPackage().findExternal("LOAD-MANIFEST").function(), manifest);
            }
        }
        // Make one condition object now, so the classes a signal needs are initialized before the
        // first one may have to be made with the control stack exhausted (a class whose
        // initializer overflows the stack is unusable for the rest of the process).
        Conditions.instantiate(cx, new LispCondition("STORAGE-CONDITION", "Control stack exhausted"));
        cx.flushConsole();
    }

    /** A Lisp file shipped with the language, as an internal source. */
    static Source source(String file) {
        return Source.newBuilder(EpsilonLanguage.ID, text(file), file).internal(true).build();
    }

    /** The text of a resource shipped with the language. */
    public static String text(String name) {
        try (InputStream in = Prelude.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
