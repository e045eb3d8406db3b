package dev.epsilon.language.nodes;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;
import dev.epsilon.language.runtime.LispFunction;

/** Calls a function: directly (inlinable) for the few targets a call site sees, indirectly beyond. */
public abstract class DispatchNode extends Node {
    public abstract Object execute(LispFunction function, Object[] frameArguments);

    @Specialization(guards = "function.callTarget() == cachedTarget", limit = "3")
    static Object direct(@SuppressWarnings("unused") LispFunction function, Object[] frameArguments,
                         @Cached("function.callTarget()") @SuppressWarnings("unused") RootCallTarget cachedTarget,
                         @Cached("create(cachedTarget)") DirectCallNode call) {
        return call.call(frameArguments);
    }

    @Specialization(replaces = "direct")
    static Object indirect(LispFunction function, Object[] frameArguments, @Cached IndirectCallNode call) {
        return call.call(function.callTarget(), frameArguments);
    }
}
