package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import dev.epsilon.language.runtime.LispCondition;
import dev.epsilon.language.runtime.LispError;

import java.util.Arrays;

/** The root of a builtin function: checks the argument count, then runs the Java body. */
final class BuiltinRootNode extends RootNode {
    private final String name;
    private final int min;
    private final int max;   // -1: any number
    @Child private BuiltinNode body;

    BuiltinRootNode(TruffleLanguage<?> language, String name, int min, int max, BuiltinNode body) {
        super(language);
        this.name = name;
        this.min = min;
        this.max = max;
        this.body = body;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] all = frame.getArguments();
        int n = all.length - 1;
        if (n < min || (max >= 0 && n > max)) {
            CompilerDirectives.transferToInterpreter();
            String expected = max < 0 ? "at least " + min : min == max ? String.valueOf(min) : min + " to " + max;
            throw new LispError(new LispCondition("PROGRAM-ERROR", "invalid number of arguments to " + name + ": " + n
                    + " (expected " + expected + ")"), this, false);
        }
        return body.execute(Arrays.copyOfRange(all, 1, all.length));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isInternal() {
        return false;
    }
}
