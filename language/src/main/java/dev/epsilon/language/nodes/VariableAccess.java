package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import dev.epsilon.language.runtime.LispFunction;

/** Where variables live: frame slots of the home function, or the closure array of the function running. */
final class VariableAccess {
    private VariableAccess() {
    }

    static Object[] closure(VirtualFrame frame) {
        return ((LispFunction) frame.getArguments()[0]).closure();
    }
}
