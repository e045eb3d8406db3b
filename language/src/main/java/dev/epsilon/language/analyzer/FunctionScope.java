package dev.epsilon.language.analyzer;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import dev.epsilon.language.runtime.Symbol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One function being analyzed: the frame slots it allocates and the variables of enclosing functions
 * it captures. Closures are flat: each captured variable gets an index in the function's closure array.
 */
public final class FunctionScope {
    private final FunctionScope parent;
    private final FrameDescriptor.Builder frame = FrameDescriptor.newBuilder();
    private final Map<LexicalVar, Integer> captureIndex = new LinkedHashMap<>();
    private final List<LexicalVar> captures = new ArrayList<>();

    FunctionScope(FunctionScope parent) {
        this.parent = parent;
    }

    public FunctionScope parent() { return parent; }

    LexicalVar newVar(Symbol name) {
        int slot = frame.addSlot(FrameSlotKind.Illegal, name == null ? null : name.name(), null);
        return new LexicalVar(name, this, slot);
    }

    /** The closure index of {@code v} here, capturing it (and threading it through parents) on first use. */
    int capture(LexicalVar v) {
        Integer idx = captureIndex.get(v);
        if (idx != null) {
            return idx;
        }
        if (parent != v.home()) {
            parent.capture(v);
        }
        v.markCaptured();
        idx = captures.size();
        captures.add(v);
        captureIndex.put(v, idx);
        return idx;
    }

    Integer captureIndexOf(LexicalVar v) {
        return captureIndex.get(v);
    }

    List<LexicalVar> captures() { return captures; }

    FrameDescriptor buildFrame() {
        return frame.build();
    }
}
