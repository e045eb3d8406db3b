package dev.epsilon.language.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code (unwind-protect protected cleanup...)}: the cleanup runs however the protected form exits. */
public final class UnwindProtectNode extends LispNode {
    @Child private LispNode protectedForm;
    @Child private LispNode cleanup;

    public UnwindProtectNode(LispNode protectedForm, LispNode cleanup) {
        this.protectedForm = protectedForm;
        this.cleanup = cleanup;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        try {
            return protectedForm.execute(frame);
        } finally {
            cleanup.execute(frame);
        }
    }
}
