package dev.epsilon.language.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

/**
 * A condition variable (MAKE-CONDITION-VARIABLE). CONDITION-WAIT takes its monitor before it
 * releases the Lisp lock, so a notification sent after the lock is released is never missed.
 */
public final class LispConditionVariable implements TruffleObject {
    private final String name;

    public LispConditionVariable(String name) {
        this.name = name;
    }

    public String name() { return name; }

    @Override
    public String toString() {
        return "#<CONDITION-VARIABLE" + (name == null ? "" : " \"" + name + "\"") + ">";
    }
}
