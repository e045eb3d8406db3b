package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.builtins.BuiltinNode;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.nfi.ForeignCallNode;
import dev.epsilon.nfi.ForeignException;
import dev.epsilon.nfi.ForeignFunction;
import dev.epsilon.nfi.NativeLibrary;
import dev.epsilon.nfi.Signature;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code (shared-call '(name library) return-type arg-types &rest args)}: resolves the function once
 * per (name, library, types) — quoted at a call site, they are the same objects every time — and
 * calls it through a cached foreign call node.
 */
public final class SharedCallBuiltin extends BuiltinNode {
    /** The identity of one call description: the very objects a call site passes. */
    private record Key(Object spec, Object returnType, Object argTypes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.spec == spec && k.returnType == returnType && k.argTypes == argTypes;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(spec) * 31 + System.identityHashCode(argTypes) * 7 + System.identityHashCode(returnType);
        }
    }

    private final Map<Key, ForeignFunction> functions = new ConcurrentHashMap<>();
    @Child private InvokeNode invoke = SharedCallBuiltinFactory.InvokeNodeGen.create();

    @Override
    public Object execute(Object[] args) {
        ForeignFunction f = resolve(args[0], args[1], args[2]);
        Signature sig = f.signature();
        int given = args.length - 3;
        if (given != sig.arity()) {
            throw LispError.error("FOREIGN-ERROR", "wrong number of arguments to " + f + ": " + given
                    + " given, " + sig.arity() + " expected");
        }
        Object[] cArgs = new Object[given];
        for (int i = 0; i < given; i++) {
            cArgs[i] = Marshal.toC(args[i + 3], sig.argType(i), i, f.symbol());
        }
        return Marshal.fromC(invoke.execute(f, cArgs), sig.returnType());
    }

    @TruffleBoundary
    private ForeignFunction resolve(Object spec, Object returnType, Object argTypes) {
        Key key = new Key(spec, returnType, argTypes);
        ForeignFunction f = functions.get(key);
        if (f == null) {
            f = lookup(EpsilonLanguage.context(this), spec, returnType, argTypes);
            functions.put(key, f);
        }
        return f;
    }

    private static ForeignFunction lookup(EpsilonContext cx, Object spec, Object returnType, Object argTypes) {
        String name;
        String library = "libc";
        if (spec instanceof String s) {
            name = s;
        } else if (spec instanceof Cons c && c.car instanceof String s && c.cdr instanceof Cons rest && rest.car instanceof String lib) {
            name = s;
            library = lib;
        } else {
            throw LispError.error("FOREIGN-ERROR", "SHARED-CALL needs (\"name\" \"library\") or \"name\", got " + Printer.prin1ToString(spec));
        }
        Signature sig = ForeignTypes.signature(returnType, argTypes);
        try {
            NativeLibrary lib = cx.libraries().open(library, searchPaths(cx));
            return cx.libraries().engine().lookup(lib, name, sig);
        } catch (ForeignException e) {
            throw LispError.error("FOREIGN-ERROR", e.getMessage() + " (calling " + name + " with signature " + sig + ")");
        }
    }

    private static List<String> searchPaths(EpsilonContext cx) {
        Symbol var = cx.foreignPackage().findExternal("*LIBRARY-SEARCH-PATHS*");
        if (var == null || !(var.value() instanceof Cons)) {
            return List.of();
        }
        return Lisp.toJavaList(var.value()).stream().map(Printer::princToString).toList();
    }

    /** Calls a foreign function, keeping a call node for each of the few functions this site sees. */
    abstract static class InvokeNode extends Node {
        abstract Object execute(ForeignFunction f, Object[] cArgs);

        @Specialization(guards = "f == cachedFunction", limit = "4")
        static Object cached(@SuppressWarnings("unused") ForeignFunction f, Object[] cArgs,
                             @Cached("f") @SuppressWarnings("unused") ForeignFunction cachedFunction,
                             @Cached("cachedFunction.createCallNode()") ForeignCallNode call) {
            return call.call(cArgs);
        }

        @Specialization(replaces = "cached")
        static Object uncached(ForeignFunction f, Object[] cArgs) {
            return f.callUncached(cArgs);
        }
    }
}
