package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.interop.NodeLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;
import dev.epsilon.language.runtime.Values;

/**
 * An evaluable piece of a Lisp program. Carries the source section of the form it came from, and
 * the instrumentation tags tools see: every form with a place is an expression; a compound form is
 * also a statement (where a line breakpoint stops); a function call is a call; a function's body
 * is its root.
 */
@GenerateWrapper
@ExportLibrary(NodeLibrary.class)
public abstract class LispNode extends Node implements InstrumentableNode {
    private SourceSection section;
    private boolean statement;
    private boolean rootBody;
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

    /** A compound form: a place a line breakpoint or a stepper stops. */
    public final LispNode markStatement() {
        this.statement = true;
        return this;
    }

    /** The body of a function: what profilers and debuggers see as the function. */
    final void markRootBody() {
        this.rootBody = true;
    }

    /** Whether this node calls a Lisp function (a call frame for tools). */
    protected boolean isCall() {
        return false;
    }

    @Override
    public boolean isInstrumentable() {
        return section != null && section.isAvailable();
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new LispNodeWrapper(this, probe);
    }

    /** A debugger stopped here sees the function's local variables. */
    @ExportMessage
    boolean hasScope(Frame frame) {
        return frame != null;
    }

    @ExportMessage
    Object getScope(Frame frame, @SuppressWarnings("unused") boolean nodeEnter) {
        return new LocalScope(frame.materialize());
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        if (tag == StandardTags.ExpressionTag.class) {
            return true;
        }
        if (tag == StandardTags.StatementTag.class) {
            return statement;
        }
        if (tag == StandardTags.CallTag.class) {
            return isCall();
        }
        return rootBody && (tag == StandardTags.RootTag.class || tag == StandardTags.RootBodyTag.class);
    }
}
