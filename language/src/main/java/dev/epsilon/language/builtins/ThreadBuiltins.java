package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispConditionVariable;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.LispLock;
import dev.epsilon.language.runtime.LispPackage;
import dev.epsilon.language.runtime.LispThreadObject;
import dev.epsilon.language.runtime.Printer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lisp threads on Truffle threads, locks, condition variables and atomic integers: the primitives
 * under the BORDEAUX-THREADS API (lisp/bordeaux-threads.lisp). A thread starts with the global values
 * of special variables, as in SBCL.
 */
final class ThreadBuiltins {
    private ThreadBuiltins() {
    }

    static void install(Builtins b, EpsilonContext cx) {
        LispPackage sys = cx.systemPackage();
        // The Lisp object of each Java thread that entered this context (CURRENT-THREAD answers the same one).
        Map<Thread, LispThreadObject> known = java.util.Collections.synchronizedMap(new WeakHashMap<>());
        b.function(sys, "%%MAKE-THREAD", 2, 2, new FunctionBuiltin(a -> {
            if (!(a[0] instanceof LispFunction f)) {
                throw LispError.typeError(a[0], "FUNCTION", "MAKE-THREAD");
            }
            String name = a[1] == Lisp.NIL ? "Anonymous thread" : Strings.string(a[1], "MAKE-THREAD");
            return start(cx, known, f, name);
        }));
        b.function(sys, "%%CURRENT-THREAD", 0, 0, new FunctionBuiltin(a -> current(known)));
        b.function(sys, "%%THREAD-NAME", 1, 1, new FunctionBuiltin(a -> thread(a[0]).name()));
        b.function(sys, "%%THREADP", 1, 1, new FunctionBuiltin(a -> Lisp.bool(a[0] instanceof LispThreadObject)));
        b.function(sys, "%%THREAD-ALIVE-P", 1, 1, new FunctionBuiltin(a -> Lisp.bool(thread(a[0]).thread().isAlive())));
        b.function(sys, "%%JOIN-THREAD", 1, 1, new FunctionBuiltin(a -> join(thread(a[0]))));
        b.function(sys, "%%ALL-THREADS", 0, 0, new FunctionBuiltin(a -> all(known)));
        // Runs FUNCTION on THREAD at its next safepoint, inside whatever it is running (Ctrl-C in the
        // REPL, BT:INTERRUPT-THREAD). A non-local exit FUNCTION takes unwinds that thread.
        b.function(sys, "%%INTERRUPT-THREAD", 2, 2, new FunctionBuiltin(a -> {
            Thread target = thread(a[0]).thread();
            LispFunction f = Args.as(a[1], LispFunction.class, "FUNCTION", "%%INTERRUPT-THREAD");
            if (target == null || !target.isAlive()) {
                return Lisp.NIL;
            }
            cx.env().submitThreadLocal(new Thread[]{target}, new com.oracle.truffle.api.ThreadLocalAction(true, false) {
                @Override
                protected void perform(Access access) {
                    f.callUncached();
                }
            });
            return Lisp.T;
        }));
        b.function(sys, "%%THREAD-YIELD", 0, 0, new FunctionBuiltin(a -> {
            Thread.yield();
            return Lisp.NIL;
        }));
        b.function(sys, "%%MAKE-LOCK", 2, 2, new FunctionBuiltin(a ->
                new LispLock(a[0] == Lisp.NIL ? null : Printer.princToString(a[0]), a[1] != Lisp.NIL)));
        b.function(sys, "%%LOCKP", 1, 1, new FunctionBuiltin(a -> Lisp.bool(a[0] instanceof LispLock)));
        b.function(sys, "%%ACQUIRE-LOCK", 2, 2, new FunctionBuiltin(a -> Lisp.bool(acquire(lock(a[0]), a[1] != Lisp.NIL))));
        b.function(sys, "%%RELEASE-LOCK", 1, 1, new FunctionBuiltin(a -> {
            release(lock(a[0]));
            return Lisp.NIL;
        }));
        b.function(sys, "%%MAKE-CONDITION-VARIABLE", 1, 1, new FunctionBuiltin(a ->
                new LispConditionVariable(a[0] == Lisp.NIL ? null : Printer.princToString(a[0]))));
        b.function(sys, "%%CONDITION-WAIT", 3, 3, new FunctionBuiltin(a ->
                Lisp.bool(await(conditionVariable(a[0]), lock(a[1]), a[2]))));
        b.function(sys, "%%CONDITION-NOTIFY", 2, 2, new FunctionBuiltin(a -> {
            notify(conditionVariable(a[0]), a[1] != Lisp.NIL);
            return Lisp.NIL;
        }));
        b.function(sys, "%%MAKE-ATOMIC-INTEGER", 1, 1, new FunctionBuiltin(a -> new AtomicLong(Args.integer(a[0], "MAKE-ATOMIC-INTEGER"))));
        b.function(sys, "%%ATOMIC-INTEGER-INCF", 2, 2, new FunctionBuiltin(a ->
                atomic(a[0]).addAndGet(Args.integer(a[1], "ATOMIC-INTEGER-INCF"))));
        b.function(sys, "%%ATOMIC-INTEGER-VALUE", 1, 1, new FunctionBuiltin(a -> atomic(a[0]).get()));
        b.function(sys, "%%ATOMIC-INTEGER-CAS", 3, 3, new FunctionBuiltin(a -> Lisp.bool(atomic(a[0])
                .compareAndSet(Args.integer(a[1], "ATOMIC-INTEGER-CAS"), Args.integer(a[2], "ATOMIC-INTEGER-CAS")))));
    }

    private static LispThreadObject thread(Object o) {
        if (o instanceof LispThreadObject t) {
            return t;
        }
        throw LispError.typeError(o, "THREAD", "a thread operation");
    }

    private static LispLock lock(Object o) {
        if (o instanceof LispLock l) {
            return l;
        }
        throw LispError.typeError(o, "LOCK", "a lock operation");
    }

    private static LispConditionVariable conditionVariable(Object o) {
        if (o instanceof LispConditionVariable cv) {
            return cv;
        }
        throw LispError.typeError(o, "CONDITION-VARIABLE", "a condition variable operation");
    }

    private static AtomicLong atomic(Object o) {
        if (o instanceof AtomicLong n) {
            return n;
        }
        throw LispError.typeError(o, "ATOMIC-INTEGER", "an atomic integer operation");
    }

    @TruffleBoundary
    private static LispThreadObject start(EpsilonContext cx, Map<Thread, LispThreadObject> known, LispFunction f, String name) {
        LispThreadObject handle = new LispThreadObject(name, null);
        Thread t;
        try {
            t = cx.env().newTruffleThreadBuilder(() -> {
                try {
                    handle.finished(f.callUncachedAllValues());
                } catch (LispError e) {
                    handle.failed(e);
                    cx.reportError(";; thread \"" + name + "\" ended with an unhandled " + e.typeName() + ": " + e.report());
                } catch (com.oracle.truffle.api.nodes.ControlFlowException | StackOverflowError e) {
                    handle.failed(e);
                    cx.reportError(";; thread \"" + name + "\" ended by " + e);
                }
            }).build();
        } catch (IllegalStateException | SecurityException e) {
            throw LispError.error("ACCESS-DENIED", "MAKE-THREAD: this context may not create threads (" + e.getMessage()
                    + "; the embedder did not allow thread creation)");
        }
        t.setName(name);
        handle.setThread(t);
        known.put(t, handle);
        t.start();
        return handle;
    }

    @TruffleBoundary
    private static LispThreadObject current(Map<Thread, LispThreadObject> known) {
        Thread t = Thread.currentThread();
        return known.computeIfAbsent(t, k -> new LispThreadObject(k.getName(), k));
    }

    @TruffleBoundary
    private static Object all(Map<Thread, LispThreadObject> known) {
        List<Object> out = new ArrayList<>();
        synchronized (known) {
            for (LispThreadObject t : known.values()) {
                if (t.thread() != null && t.thread().isAlive()) {
                    out.add(t);
                }
            }
        }
        return Lisp.fromList(out, Lisp.NIL);
    }

    @TruffleBoundary
    private static Object join(LispThreadObject t) {
        if (t.thread() == Thread.currentThread()) {
            throw LispError.error("SIMPLE-ERROR", "JOIN-THREAD: a thread cannot join itself");
        }
        // Blocked in a way Truffle knows of: other threads' safepoints (a language initializing,
        // the context closing) do not wait on this one.
        TruffleSafepoint.setBlockedThreadInterruptible(null, Thread::join, t.thread());
        if (t.failure() != null) {
            throw LispError.error("SIMPLE-ERROR", "JOIN-THREAD: thread \"" + t.name() + "\" did not return normally: "
                    + (t.failure() instanceof LispError e ? e.report() : String.valueOf(t.failure())));
        }
        return t.values() == null ? Lisp.NIL : t.values();
    }

    @TruffleBoundary
    private static boolean acquire(LispLock l, boolean wait) {
        if (!l.isRecursive() && l.lock().isHeldByCurrentThread()) {
            throw LispError.error("SIMPLE-ERROR", "recursive attempt to take lock " + l + " by the thread that holds it");
        }
        if (!wait) {
            return l.lock().tryLock();
        }
        TruffleSafepoint.setBlockedThreadInterruptible(null, ReentrantLock::lockInterruptibly, l.lock());
        return true;
    }

    @TruffleBoundary
    private static void release(LispLock l) {
        if (!l.lock().isHeldByCurrentThread()) {
            throw LispError.error("SIMPLE-ERROR", "cannot release " + l + ": this thread does not hold it");
        }
        l.lock().unlock();
    }

    /** Waits for a notification (or the timeout, in seconds); true unless the wait timed out. */
    @TruffleBoundary
    private static boolean await(LispConditionVariable cv, LispLock l, Object timeout) {
        if (!l.lock().isHeldByCurrentThread()) {
            throw LispError.error("SIMPLE-ERROR", "CONDITION-WAIT: this thread does not hold " + l);
        }
        long nanos = timeout == Lisp.NIL ? -1 : (long) (Arith.toDouble(timeout) * 1e9);
        int holds = l.lock().getHoldCount();
        boolean[] notified = {true};
        synchronized (cv) {
            for (int i = 0; i < holds; i++) {
                l.lock().unlock();
            }
            // A notification needs cv's monitor, which this thread keeps until wait() releases it.
            TruffleSafepoint.setBlockedThreadInterruptible(null, c -> {
                if (nanos < 0) {
                    c.wait();
                } else if (nanos > 0) {
                    long start = System.nanoTime();
                    TimeUnit.NANOSECONDS.timedWait(c, nanos);
                    notified[0] = System.nanoTime() - start < nanos;
                } else {
                    notified[0] = false;
                }
            }, cv);
        }
        for (int i = 0; i < holds; i++) {
            TruffleSafepoint.setBlockedThreadInterruptible(null, ReentrantLock::lockInterruptibly, l.lock());
        }
        return notified[0];
    }

    @TruffleBoundary
    private static void notify(LispConditionVariable cv, boolean all) {
        synchronized (cv) {
            if (all) {
                cv.notifyAll();
            } else {
                cv.notify();
            }
        }
    }
}
