package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;
import dev.epsilon.language.analyzer.LexicalVar;
import dev.epsilon.language.runtime.Cell;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.runtime.LispCondition;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;

/**
 * The prologue of a function: binds its lambda list (required, &optional, &rest, &key) from the call's
 * arguments, evaluating default forms in order so each sees the parameters before it.
 */
public final class ArgumentsNode extends Node {
    /** One parameter of a lambda list, as the analyzer resolved it. */
    public record Param(LexicalVar var, LispNode init, LexicalVar supplied, Symbol keyword) {
    }

    private final String functionName;
    // Compilation-final: a slot index read from them must fold, or the frame escapes (its arrays
    // indexed by a value the compiler does not know).
    @CompilationFinal(dimensions = 1) private final LexicalVar[] required;
    @CompilationFinal(dimensions = 1) private final Param[] optional;
    private final LexicalVar rest;
    @CompilationFinal(dimensions = 1) private final Param[] keys;
    private final boolean acceptsKeys;
    private final boolean allowOtherKeys;
    @Children private final LispNode[] optionalInits;
    @Children private final LispNode[] keyInits;

    public ArgumentsNode(String functionName, LexicalVar[] required, Param[] optional, LexicalVar rest,
                         Param[] keys, boolean acceptsKeys, boolean allowOtherKeys) {
        this.functionName = functionName;
        this.required = required;
        this.optional = optional;
        this.rest = rest;
        this.keys = keys;
        this.acceptsKeys = acceptsKeys;
        this.allowOtherKeys = allowOtherKeys;
        this.optionalInits = inits(optional);
        this.keyInits = inits(keys);
    }

    private static LispNode[] inits(Param[] params) {
        LispNode[] out = new LispNode[params.length];
        for (int i = 0; i < params.length; i++) {
            out[i] = params[i].init() != null ? params[i].init() : new ConstantNode(Lisp.NIL);
        }
        return out;
    }

    @ExplodeLoop
    public void execute(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        int n = args.length - 1;
        if (n < required.length || (rest == null && !acceptsKeys && n > required.length + optional.length)) {
            CompilerDirectives.transferToInterpreter();
            throw arityError(n);
        }
        for (int i = 0; i < required.length; i++) {
            bind(frame, required[i], args[i + 1]);
        }
        for (int i = 0; i < optional.length; i++) {
            int at = required.length + i;
            boolean supplied = at < n;
            bind(frame, optional[i].var(), supplied ? args[at + 1] : optionalInits[i].executePrimary(frame));
            if (optional[i].supplied() != null) {
                bind(frame, optional[i].supplied(), Lisp.bool(supplied));
            }
        }
        int restStart = required.length + optional.length;
        if (rest != null) {
            Object list = Lisp.NIL;
            for (int i = n; i > restStart; i--) {
                list = new Cons(args[i], list);
            }
            bind(frame, rest, list);
        }
        if (acceptsKeys) {
            // Keys follow the optionals; when not all optionals were given, there are none.
            bindKeys(frame, args, Math.min(restStart + 1, args.length));
        }
    }

    @ExplodeLoop
    private void bindKeys(VirtualFrame frame, Object[] args, int from) {
        if (((args.length - from) & 1) != 0) {
            CompilerDirectives.transferToInterpreter();
            throw programError("odd number of &KEY arguments in call to " + functionName);
        }
        checkKeywords(args, from);
        for (int k = 0; k < keys.length; k++) {
            Object value = null;
            for (int i = from; i < args.length; i += 2) {
                if (args[i] == keys[k].keyword()) {
                    value = args[i + 1];
                    break;
                }
            }
            boolean supplied = value != null;
            bind(frame, keys[k].var(), supplied ? value : keyInits[k].executePrimary(frame));
            if (keys[k].supplied() != null) {
                bind(frame, keys[k].supplied(), Lisp.bool(supplied));
            }
        }
    }

    private void checkKeywords(Object[] args, int from) {
        if (allowOtherKeys) {
            return;
        }
        for (int i = from; i < args.length; i += 2) {
            if (args[i] instanceof Symbol s && s.name().equals("ALLOW-OTHER-KEYS") && s.isKeyword() && args[i + 1] != Lisp.NIL) {
                return;
            }
        }
        for (int i = from; i < args.length; i += 2) {
            if (!isKnownKey(args[i])) {
                CompilerDirectives.transferToInterpreter();
                throw programError("unknown &KEY argument " + Printer.prin1ToString(args[i]) + " in call to " + functionName);
            }
        }
    }

    @ExplodeLoop
    private boolean isKnownKey(Object key) {
        if (key instanceof Symbol s && s.name().equals("ALLOW-OTHER-KEYS") && s.isKeyword()) {
            return true;
        }
        for (Param p : keys) {
            if (p.keyword() == key) {
                return true;
            }
        }
        return false;
    }

    private static void bind(VirtualFrame frame, LexicalVar var, Object value) {
        if (var.isBoxed()) {
            frame.setObject(var.slot(), new Cell(value));
        } else {
            FrameSlots.write(frame, var.slot(), value);
        }
    }

    private LispError arityError(int n) {
        String expected;
        if (rest != null || acceptsKeys) {
            expected = "at least " + required.length;
        } else if (optional.length == 0) {
            expected = String.valueOf(required.length);
        } else {
            expected = required.length + " to " + (required.length + optional.length);
        }
        return programError("invalid number of arguments to " + functionName + ": " + n + " (expected " + expected + ")");
    }

    private LispError programError(String message) {
        return Conditions.signalled(this, new LispError(new LispCondition("PROGRAM-ERROR", message), this, false));
    }
}
