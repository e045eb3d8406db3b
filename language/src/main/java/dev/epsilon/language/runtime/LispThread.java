package dev.epsilon.language.runtime;

import dev.epsilon.nfi.CallbackTarget;

import java.util.Arrays;

/**
 * What each thread of an Epsilon context has for itself: its dynamic bindings of special variables
 * (indexed by the symbol's dynamic index; null means "not bound here, use the global value"), and
 * its stacks of condition handlers and restarts.
 */
public final class LispThread {
    private Object[] dynamic = new Object[64];
    /** Innermost first; each entry is an immutable cluster (handler-bind or restart-case). */
    public Object handlers = Lisp.NIL;
    public Object restarts = Lisp.NIL;
    /** An exit out of a callback (error or non-local transfer) held until the foreign call returns. */
    public RuntimeException pendingCallbackExit;
    /** Whether that exit was made on another thread (C's): its handlers must then run here. */
    public boolean pendingFromOtherThread;
    /** The Java thread this state belongs to. */
    public final Thread owner;
    /**
     * Foreign calls this thread is inside of. While above zero the thread is in the context (it
     * called C from Lisp), which lets a callback skip asking Truffle whether it must enter.
     */
    public int foreignCalls;
    /**
     * Where a scalar callback entered on this thread gets its C arguments and leaves its result
     * (argument 1 of the entry's frame, see CallbackEntryRoot): one pair per thread, so a callback
     * allocates nothing. A callback nested in another's body overwrites them, which is safe
     * because an entry reads its arguments before it runs the body and its caller reads the result
     * as soon as it returns.
     */
    public final long[] callbackCarriers = new long[CallbackTarget.FIXED_ARITY];
    /** The entry's frame arguments: the callback's function (set when it changes), then {@link #callbackCarriers}. */
    public final Object[] callbackArguments = {null, callbackCarriers};
    /** While a file is loaded or compiled into a fasl: where the analyzer notes its macro expansions. */
    public ExpansionRecorder expansionRecorder;

    public LispThread(Thread owner) {
        this.owner = owner;
    }

    public Object dynamicValue(int index) {
        return index < dynamic.length ? dynamic[index] : null;
    }

    public void setDynamicValue(int index, Object value) {
        if (index >= dynamic.length) {
            dynamic = Arrays.copyOf(dynamic, Math.max(index + 1, dynamic.length * 2));
        }
        dynamic[index] = value;
    }
}
