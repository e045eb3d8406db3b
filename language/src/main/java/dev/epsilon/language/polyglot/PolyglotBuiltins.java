package dev.epsilon.language.polyglot;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.source.Source;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.builtins.Builtins;
import dev.epsilon.language.builtins.FunctionBuiltin;
import dev.epsilon.language.builtins.Strings;
import dev.epsilon.language.runtime.InteropArguments;
import dev.epsilon.language.runtime.InteropBignum;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispPackage;

/**
 * EPSILON.POLYGLOT: values shared with other languages through the polyglot bindings, and code of
 * another language run from Lisp. What the embedder did not allow (polyglot access, a language) is
 * an ACCESS-DENIED.
 */
public final class PolyglotBuiltins {
    private PolyglotBuiltins() {
    }

    public static void install(Builtins b, EpsilonContext cx) {
        LispPackage pkg = cx.findPackage("EPSILON.POLYGLOT");
        // The value another language exported under NAME, as a Lisp value; NIL when there is none.
        b.function(pkg, "POLYGLOT-IMPORT", 1, 1, new FunctionBuiltin(a -> {
            String name = Strings.string(a[0], "POLYGLOT-IMPORT");
            try {
                Object v = cx.env().importSymbol(name);
                return v == null ? Lisp.NIL : InteropArguments.fromForeign(v);
            } catch (SecurityException e) {
                throw denied("POLYGLOT-IMPORT", e);
            }
        }));
        // Exports VALUE under NAME for other languages and the host (getPolyglotBindings()).
        b.function(pkg, "POLYGLOT-EXPORT", 2, 2, new FunctionBuiltin(a -> {
            String name = Strings.string(a[0], "POLYGLOT-EXPORT");
            try {
                cx.env().exportSymbol(name, InteropBignum.export(a[1]));
                return a[1];
            } catch (SecurityException e) {
                throw denied("POLYGLOT-EXPORT", e);
            }
        }));
        // Runs CODE in LANGUAGE (an id: "js", "python", "epsilon") and answers its value.
        b.function(pkg, "POLYGLOT-EVAL", 2, 2, new FunctionBuiltin(a -> {
            String language = Strings.string(a[0], "POLYGLOT-EVAL");
            String code = Strings.string(a[1], "POLYGLOT-EVAL");
            CallTarget target;
            try {
                target = cx.env().parsePublic(Source.newBuilder(language, code, "polyglot-eval").build());
            } catch (SecurityException | IllegalStateException | IllegalArgumentException e) {
                throw LispError.error("ACCESS-DENIED", "POLYGLOT-EVAL: language " + language + " is not available to this context ("
                        + e.getMessage() + ")");
            }
            try {
                return InteropArguments.fromForeign(target.call());
            } catch (LispError e) {
                throw e;
            } catch (AbstractTruffleException e) {
                throw LispError.error("POLYGLOT-ERROR", "POLYGLOT-EVAL in " + language + ": " + e.getMessage());
            }
        }));
    }

    private static LispError denied(String where, SecurityException e) {
        return LispError.error("ACCESS-DENIED", where + ": polyglot access is not allowed in this context (" + e.getMessage()
                + "; the embedder did not allowPolyglotAccess)");
    }
}
