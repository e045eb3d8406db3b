package dev.epsilon.language.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock (MAKE-LOCK, MAKE-RECURSIVE-LOCK), and the condition variables that wait on it. A
 * non-recursive lock refuses to be taken twice by one thread, as SBCL's mutexes do.
 */
public final class LispLock implements TruffleObject {
    private final String name;
    private final boolean recursive;
    private final ReentrantLock lock = new ReentrantLock();

    public LispLock(String name, boolean recursive) {
        this.name = name;
        this.recursive = recursive;
    }

    public String name() { return name; }

    public boolean isRecursive() { return recursive; }

    public ReentrantLock lock() { return lock; }

    @Override
    public String toString() {
        return "#<" + (recursive ? "RECURSIVE-LOCK" : "LOCK") + (name == null ? "" : " \"" + name + "\"")
                + (lock.isLocked() ? " (taken)" : " (free)") + ">";
    }
}
