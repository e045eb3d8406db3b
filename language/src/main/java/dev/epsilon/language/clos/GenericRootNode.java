package dev.epsilon.language.clos;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

import java.util.Arrays;

/** The body of a generic function's function object: dispatch on the arguments, run the effective method. */
final class GenericRootNode extends RootNode {
    private final GenericFunction generic;

    GenericRootNode(TruffleLanguage<?> language, GenericFunction generic) {
        super(language);
        this.generic = generic;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] all = frame.getArguments();
        return generic.call(Arrays.copyOfRange(all, 1, all.length));
    }

    @Override
    public String getName() {
        return generic.name().name();
    }
}
