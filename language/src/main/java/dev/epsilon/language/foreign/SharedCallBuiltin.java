package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.builtins.BuiltinNode;
import dev.epsilon.language.runtime.ForeignPointer;
import dev.epsilon.language.runtime.LispThread;
import dev.epsilon.nfi.ForeignCallNode;
import dev.epsilon.nfi.ForeignFunction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHARED-CALL function, for call sites whose description is computed at run time (constant
 * ones compile to {@link ForeignCallSiteNode}): the signature cache keyed by the description objects.
 */
public final class SharedCallBuiltin extends BuiltinNode {
    /**
     * The identity of one call description: the very objects a call site passes, except a function
     * pointer, which is its address (pointers to one function are made afresh on each read).
     */
    private record Key(Object spec, Object returnType, Object argTypes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && sameTarget(k.spec, spec) && k.returnType == returnType && k.argTypes == argTypes;
        }

        @Override
        public int hashCode() {
            int target = spec instanceof ForeignPointer p ? Long.hashCode(p.address()) : System.identityHashCode(spec);
            return target * 31 + System.identityHashCode(argTypes) * 7 + System.identityHashCode(returnType);
        }

        private static boolean sameTarget(Object a, Object b) {
            return a == b || a instanceof ForeignPointer p && b instanceof ForeignPointer q && p.address() == q.address();
        }
    }

    private final Map<Key, ForeignFunction> functions = new ConcurrentHashMap<>();
    @Child private InvokeNode invoke = SharedCallBuiltinFactory.InvokeNodeGen.create();

    @Override
    public Object execute(Object[] args) {
        ForeignFunction f = resolve(args[0], args[1], args[2]);
        Object[] c = ForeignCallProtocol.arguments(f, args, 3);
        LispThread thread = EpsilonLanguage.thread(this);
        return ForeignCallProtocol.result(thread, f, invoke.execute(thread, f, c), false);
    }

    @TruffleBoundary
    private ForeignFunction resolve(Object spec, Object returnType, Object argTypes) {
        Key key = new Key(spec, returnType, argTypes);
        ForeignFunction f = functions.get(key);
        if (f == null) {
            f = ForeignCalls.resolve(EpsilonLanguage.context(this), spec, returnType, argTypes, false);
            functions.put(key, f);
        }
        return f;
    }

    /** Calls a foreign function, keeping a call node for each of the few functions this site sees. */
    abstract static class InvokeNode extends Node {
        abstract Object execute(LispThread thread, ForeignFunction f, Object[] cArgs);

        @Specialization(guards = "f == cachedFunction", limit = "4")
        static Object cached(LispThread thread, @SuppressWarnings("unused") ForeignFunction f, Object[] cArgs,
                             @Cached("f") ForeignFunction cachedFunction,
                             @Cached("cachedFunction.createCallNode()") ForeignCallNode call) {
            return ForeignCallProtocol.invoke(thread, cachedFunction, call, cArgs);
        }

        @Specialization(replaces = "cached")
        static Object uncached(LispThread thread, ForeignFunction f, Object[] cArgs) {
            return ForeignCallProtocol.invoke(thread, f, null, cArgs);
        }
    }
}
