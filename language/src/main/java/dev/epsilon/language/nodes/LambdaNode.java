package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import dev.epsilon.language.runtime.LispFunction;

/**
 * Makes a closure: copies each captured variable's storage (value, or Cell when boxed) from the
 * running function's frame or its own closure into the new function's closure array.
 */
public final class LambdaNode extends LispNode {
    private final RootCallTarget target;
    private final Object name;
    /** Per capture: a frame slot of the running function (>= 0), or -(closure index) - 1. */
    @CompilationFinal(dimensions = 1) private final int[] sources;

    public LambdaNode(RootCallTarget target, Object name, int[] sources) {
        this.target = target;
        this.name = name;
        this.sources = sources;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        Object[] closure = new Object[sources.length];
        for (int i = 0; i < sources.length; i++) {
            int s = sources[i];
            closure[i] = s >= 0 ? frame.getValue(s) : VariableAccess.closure(frame)[-s - 1];
        }
        return new LispFunction(target, name, closure);
    }
}
