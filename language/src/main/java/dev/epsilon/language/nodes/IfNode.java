package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.profiles.CountingConditionProfile;
import dev.epsilon.language.runtime.Lisp;

/** {@code (if test then else)}: anything but NIL is true. */
public final class IfNode extends LispNode {
    @Child private LispNode test;
    @Child private LispNode then;
    @Child private LispNode otherwise;
    private final CountingConditionProfile profile = CountingConditionProfile.create();

    public IfNode(LispNode test, LispNode then, LispNode otherwise) {
        this.test = test;
        this.then = then;
        this.otherwise = otherwise;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        if (profile.profile(test.executePrimary(frame) != Lisp.NIL)) {
            return then.execute(frame);
        }
        return otherwise.execute(frame);
    }
}
