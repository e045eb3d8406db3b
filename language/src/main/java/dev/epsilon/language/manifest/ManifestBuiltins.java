package dev.epsilon.language.manifest;

import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.builtins.Builtins;
import dev.epsilon.language.builtins.FunctionBuiltin;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Pathname;
import dev.epsilon.language.runtime.Symbol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** LOAD-MANIFEST, INCLUDE-FFI and the built-in manifests (libedit, sqlite) shipped in the jar. */
public final class ManifestBuiltins {
    private ManifestBuiltins() {
    }

    private static final String BUILT_IN = "/dev/epsilon/language/manifests/";

    public static void install(Builtins b, EpsilonContext cx) {
        Map<String, List<String>> loaded = cx.foreignRegistry().manifests();
        b.function(cx.foreignPackage(), "LOAD-MANIFEST", 1, 1, new FunctionBuiltin(a -> {
            String file = a[0] instanceof Pathname p ? p.namestring() : a[0].toString();
            try {
                return load(cx, loaded, file, new String(cx.env().getPublicTruffleFile(file).readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw LispError.error("FFI-MANIFEST-ERROR", "cannot read manifest " + file + ": " + e.getMessage());
            }
        }));
        b.function(cx.foreignPackage(), "INCLUDE-FFI", 1, 1, new FunctionBuiltin(a -> {
            String name = a[0] instanceof Symbol s ? s.name().toLowerCase(java.util.Locale.ROOT) : a[0].toString();
            List<String> functions = loaded.get(name);
            if (functions != null) {
                return names(functions);
            }
            try (InputStream in = ManifestBuiltins.class.getResourceAsStream(BUILT_IN + name + ".toml")) {
                if (in == null) {
                    throw LispError.error("FFI-MANIFEST-ERROR", "unknown FFI library " + name
                            + ": load its manifest first (LOAD-MANIFEST, or bin/epsilon --ffi-manifest FILE)");
                }
                return load(cx, loaded, "ffi:" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw LispError.error("FFI-MANIFEST-ERROR", "cannot read built-in manifest " + name + ": " + e.getMessage());
            }
        }));
    }

    private static Object load(EpsilonContext cx, Map<String, List<String>> loaded, String file, String text) {
        List<ManifestLoader.Library> libraries = new ManifestLoader(cx, file, text).parse();
        for (ManifestLoader.Library lib : libraries) {
            for (String f : lib.functionNames()) {
                for (var e : loaded.entrySet()) {
                    if (!e.getKey().equals(lib.name()) && e.getValue().contains(f)) {
                        throw LispError.error("FFI-MANIFEST-ERROR", file + ": function " + f + " is already defined by library " + e.getKey());
                    }
                }
            }
        }
        List<String> all = new ArrayList<>();
        for (ManifestLoader.Library lib : libraries) {
            for (Object definition : lib.definitions()) {
                cx.evalTopLevel(definition, null, null);
            }
            loaded.put(lib.name(), lib.functionNames());
            all.addAll(lib.functionNames());
        }
        return names(all);
    }

    private static Object names(List<String> functions) {
        List<Object> out = new ArrayList<>(functions);
        return Lisp.fromList(out, Lisp.NIL);
    }
}
