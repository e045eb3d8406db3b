package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.runtime.JavaFailures;

/** The root of a Lisp function (or of one top-level form): binds arguments, runs the body. */
public final class FunctionRootNode extends RootNode {
    private final String name;
    private final SourceSection section;
    @Child private ArgumentsNode prologue;
    @Child private LispNode body;

    public FunctionRootNode(TruffleLanguage<?> language, FrameDescriptor frame, String name,
                            SourceSection section, ArgumentsNode prologue, LispNode body) {
        super(language, frame);
        this.name = name;
        this.section = section;
        this.prologue = prologue;
        this.body = body;
        // Tools find a function by its root body: one with no place of its own (a constant) takes the function's.
        body.at(section).markRootBody();
    }

    @Override
    public Object execute(VirtualFrame frame) {
        try {
            if (prologue != null) {
                prologue.execute(frame);
            }
            return body.execute(frame);
        } catch (ClassCastException | ArithmeticException | IndexOutOfBoundsException | NullPointerException | SecurityException
                 | StackOverflowError | OutOfMemoryError e) {
            // A Java failure in this function's nodes is signalled here, where the handlers of its
            // callers (a HANDLER-CASE around it included) are still in force.
            CompilerDirectives.transferToInterpreter();
            throw Conditions.signalled(this, JavaFailures.lispError(e, name));
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public SourceSection getSourceSection() {
        return section;
    }

    @Override
    public String toString() {
        return name;
    }
}
