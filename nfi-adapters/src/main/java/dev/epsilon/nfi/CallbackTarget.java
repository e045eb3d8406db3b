package dev.epsilon.nfi;

/**
 * What a callback runs when C calls it: arguments and result in the engine-neutral C-level
 * representation (see {@link ForeignEngine}). A language implements it (entering its context,
 * converting values, catching its own exceptions at this boundary: nothing may unwind into C).
 */
public interface CallbackTarget {
    Object invoke(Object[] cArguments);

    /**
     * The same call for a signature {@link CallbackStub#takesLongs} accepts: every argument and the
     * result as a long (integers widened, floats as raw bits, pointers as addresses), so no box is
     * made per argument on the way in.
     */
    default long invokeLongs(long[] cArguments) {
        throw new UnsupportedOperationException("this callback target takes boxed arguments only");
    }
}
