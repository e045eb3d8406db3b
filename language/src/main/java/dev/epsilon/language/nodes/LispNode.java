package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;
import dev.epsilon.language.runtime.Values;

/** An evaluable piece of a Lisp program. Carries the source section of the form it came from. */
public abstract class LispNode extends Node {
    private SourceSection section;

    /** The form's result: a value, or a {@link Values} where a form returns several. */
    public abstract Object execute(VirtualFrame frame);

    /** The form's primary value, for every place that uses one value. */
    public final Object executePrimary(VirtualFrame frame) {
        return Values.primary(execute(frame));
    }

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
