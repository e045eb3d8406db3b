package dev.epsilon.language.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

/**
 * A thread as Lisp sees it (MAKE-THREAD, CURRENT-THREAD): the Java thread, its name, and how its
 * function ended (its values, or the unhandled error that ended it).
 */
public final class LispThreadObject implements TruffleObject {
    private final String name;
    private volatile Thread thread;
    private volatile Object values;       // the function's values once it returned
    private volatile Throwable failure;   // what ended it otherwise

    public LispThreadObject(String name, Thread thread) {
        this.name = name;
        this.thread = thread;
    }

    public String name() { return name; }

    public Thread thread() { return thread; }

    public void setThread(Thread t) { this.thread = t; }

    public Object values() { return values; }

    public Throwable failure() { return failure; }

    public void finished(Object v) { this.values = v; }

    public void failed(Throwable t) { this.failure = t; }

    @Override
    public String toString() {
        return "#<THREAD \"" + name + "\"" + (thread != null && thread.isAlive() ? " RUNNING" : " FINISHED") + ">";
    }
}
