package dev.epsilon.nfi;

/**
 * What a callback runs when C calls it: arguments and result in the engine-neutral C-level
 * representation (see {@link ForeignEngine}). A language implements it (entering its context,
 * converting values, catching its own exceptions at this boundary: nothing may unwind into C).
 */
public interface CallbackTarget {
    Object invoke(Object[] cArguments);

    /**
     * C called with an argument that cannot be converted (a {@code char*} into unmapped memory): the
     * body does not run. The language holds {@code failure} as it would a failure of the body and
     * returns the result C gets (null for zero).
     */
    Object reject(ForeignException failure);

    /**
     * The same call for a signature {@link CallbackStub#takesLongs} accepts: every argument and the
     * result as a long (integers widened, floats as raw bits, pointers as addresses), so no box is
     * made per argument on the way in.
     */
    default long invokeLongs(long[] cArguments) {
        throw new UnsupportedOperationException("this callback target takes boxed arguments only");
    }
}
