package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.runtime.FunctionDesignators;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.Values;

import java.util.ArrayList;
import java.util.List;

/** {@code (multiple-value-call f forms...)}: every value of every form becomes an argument. */
public final class MultipleValueCallNode extends LispNode {
    @Child private LispNode function;
    @Children private final LispNode[] forms;
    @Child private DispatchNode dispatch = DispatchNodeGen.create();

    public MultipleValueCallNode(LispNode function, LispNode[] forms) {
        this.function = function;
        this.forms = forms;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        Object f = function.executePrimary(frame);
        LispFunction fn = f instanceof LispFunction lf ? lf : resolve(f);
        List<Object> args = new ArrayList<>();
        args.add(fn);
        for (LispNode form : forms) {
            addAll(args, Values.all(form.execute(frame)));
        }
        return dispatch.execute(fn, toArray(args));
    }

    @CompilerDirectives.TruffleBoundary
    private static void addAll(List<Object> args, Object[] values) {
        for (Object v : values) {
            args.add(v);
        }
    }

    @CompilerDirectives.TruffleBoundary
    private static Object[] toArray(List<Object> args) {
        return args.toArray();
    }

    private LispFunction resolve(Object f) {
        CompilerDirectives.transferToInterpreter();
        try {
            return FunctionDesignators.resolve(f, "MULTIPLE-VALUE-CALL");
        } catch (LispError e) {
            throw Conditions.signalled(this, e.at(this));
        }
    }

    @Override
    protected boolean isCall() {
        return true;
    }
}
