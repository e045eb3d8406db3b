package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

/** An evaluable piece of a Lisp program. Carries the source section of the form it came from. */
public abstract class LispNode extends Node {
    private SourceSection section;

    public abstract Object execute(VirtualFrame frame);

    public final LispNode at(SourceSection s) {
        if (s != null) {
            this.section = s;
        }
        return this;
    }

    @Override
    public SourceSection getSourceSection() {
        return section;
    }
}
