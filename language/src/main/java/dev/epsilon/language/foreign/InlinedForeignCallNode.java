package dev.epsilon.language.foreign;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeUtil;
import dev.epsilon.language.nodes.GlobalCallNode;
import dev.epsilon.language.nodes.LispNode;
import dev.epsilon.language.runtime.Symbol;

/**
 * A call to a DEFSHARED function compiled as the foreign call itself, so that it costs what a
 * constant SHARED-CALL costs (no Lisp call frame in between). Valid while the name keeps the function
 * DEFSHARED gave it: redefining the name invalidates the assumption, and this site rewrites itself to an
 * ordinary global call.
 */
public final class InlinedForeignCallNode extends LispNode {
    private final Symbol name;
    private final Assumption unchanged;
    @Child private ForeignCallSiteNode call;

    public InlinedForeignCallNode(Symbol name, Assumption unchanged, ForeignCallSiteNode call) {
        this.name = name;
        this.unchanged = unchanged;
        this.call = call;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        if (unchanged.isValid()) {
            return call.execute(frame);
        }
        CompilerDirectives.transferToInterpreterAndInvalidate();
        LispNode[] arguments = call.argumentNodes();
        LispNode[] copies = new LispNode[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            copies[i] = NodeUtil.cloneNode(arguments[i]);
        }
        return replace(new GlobalCallNode(name, copies)).execute(frame);
    }
}
