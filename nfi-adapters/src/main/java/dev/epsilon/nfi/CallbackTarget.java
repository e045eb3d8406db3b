package dev.epsilon.nfi;

/**
 * What a callback runs when C calls it: arguments and result in the engine-neutral C-level
 * representation (see {@link ForeignEngine}). A language implements it (entering its context,
 * converting values, catching its own exceptions at this boundary: nothing may unwind into C).
 */
public interface CallbackTarget {
    Object invoke(Object[] cArguments);
}
