package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispThread;
import dev.epsilon.language.runtime.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * PROGV: binds the symbols of a list computed at run time dynamically to the values of another list
 * around the body; symbols without a value are bound but unbound.
 */
public final class ProgvNode extends LispNode {
    @Child private LispNode symbols;
    @Child private LispNode values;
    @Child private LispNode body;

    public ProgvNode(LispNode symbols, LispNode values, LispNode body) {
        this.symbols = symbols;
        this.values = values;
        this.body = body;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object names = symbols.executePrimary(frame);
        Object vals = values.executePrimary(frame);
        LispThread thread = EpsilonLanguage.thread(this);
        Bindings b = bind(thread, names, vals);
        try {
            return body.execute(frame);
        } finally {
            for (int i = b.indices().length - 1; i >= 0; i--) {
                thread.setDynamicValue(b.indices()[i], b.saved()[i]);
            }
        }
    }

    /** The dynamic slots bound and the values they held before. */
    private record Bindings(int[] indices, Object[] saved) {
    }

    @TruffleBoundary
    private Bindings bind(LispThread thread, Object names, Object vals) {
        List<Integer> indices = new ArrayList<>();
        List<Object> saved = new ArrayList<>();
        Object v = vals;
        for (Object o = names; o != Lisp.NIL; o = ((Cons) o).cdr) {
            if (!(o instanceof Cons c) || !(c.car instanceof Symbol s)) {
                throw Conditions.signalled(this, LispError.typeError(o instanceof Cons c ? c.car : o, "SYMBOL", "PROGV"));
            }
            int index = s.dynamicIndex();
            indices.add(index);
            saved.add(thread.dynamicValue(index));
            Object value = Symbol.UNBOUND;
            if (v instanceof Cons vc) {
                value = vc.car;
                v = vc.cdr;
            }
            thread.setDynamicValue(index, value);
        }
        return new Bindings(indices.stream().mapToInt(Integer::intValue).toArray(), saved.toArray());
    }
}
