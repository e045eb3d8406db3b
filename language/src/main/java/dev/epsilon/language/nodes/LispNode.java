package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

/** An evaluable piece of a Lisp program. Carries the source section of the form it came from. */
public abstract class LispNode extends Node {
    private SourceSection section;

    public abstract Object execute(VirtualFrame frame);

    /**
     * Records the form this node came from, unless it already has a more specific one: a form that
     * analyzes to one of its subforms' nodes (a one-form BLOCK, a PROGN) keeps that subform's place.
     */
    public final LispNode at(SourceSection s) {
        if (s != null && section == null) {
            this.section = s;
        }
        return this;
    }

    @Override
    public SourceSection getSourceSection() {
        return section;
    }
}
