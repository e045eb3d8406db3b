package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;
import dev.epsilon.language.runtime.Values;

/** An evaluable piece of a Lisp program. Carries the source section of the form it came from. */
public abstract class LispNode extends Node {
    private SourceSection section;
    /** Whether this form ever returned multiple values where one was used. */
    @CompilationFinal private boolean seenValues;

    /** The form's result: a value, or a {@link Values} where a form returns several. */
    public abstract Object execute(VirtualFrame frame);

    /** The form's primary value, for every place that uses one value. */
    public final Object executePrimary(VirtualFrame frame) {
        Object v = execute(frame);
        if (v instanceof Values) {
            // Until it happens, compiled code deoptimizes here instead of merging two paths: the
            // value then stays the very object the form returned (a loop-invariant variable stays
            // invariant, and the checks on it can move out of the loop).
            if (!seenValues) {
                CompilerDirectives.transferToInterpreterAndInvalidate();
                seenValues = true;
            }
            return Values.primary(v);
        }
        return v;
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
