package dev.epsilon.nfi;

/**
 * What a callback runs when C calls it: arguments and result in the engine-neutral C-level
 * representation (see {@link ForeignEngine}). A language implements it (entering its context,
 * converting values, catching its own exceptions at this boundary: nothing may unwind into C).
 */
public interface CallbackTarget {
    /** The most arguments a {@link CallbackStub#takesLongs} callback passes without an array. */
    int FIXED_ARITY = 6;

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

    /**
     * The same for a signature of at most {@link #FIXED_ARITY} arguments, passed in order; the ones
     * past the signature's arity are zero. No array is made for the call, so a target that keeps
     * the arguments in storage of its own makes a callback that allocates nothing.
     */
    default long invokeLongs(long a0, long a1, long a2, long a3, long a4, long a5) {
        throw new UnsupportedOperationException("this callback target takes boxed arguments only");
    }
}
