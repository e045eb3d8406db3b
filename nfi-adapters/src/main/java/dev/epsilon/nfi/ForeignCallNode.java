package dev.epsilon.nfi;

import com.oracle.truffle.api.nodes.Node;

/** Calls one {@link ForeignFunction}; arguments and result in the engine's C-level representation. */
public abstract class ForeignCallNode extends Node {
    public abstract Object call(Object[] cArguments);
}
