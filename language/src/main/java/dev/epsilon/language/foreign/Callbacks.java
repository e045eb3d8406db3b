package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.TruffleContext;
import com.oracle.truffle.api.nodes.ControlFlowException;
import com.oracle.truffle.api.nodes.Node;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.runtime.ForeignPointer;
import dev.epsilon.language.runtime.JavaFailures;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.LispThread;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.nfi.CType;
import dev.epsilon.nfi.CallbackStub;
import dev.epsilon.nfi.CallbackTarget;
import dev.epsilon.nfi.ForeignException;
import dev.epsilon.nfi.Signature;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lisp functions as C function pointers. C may call them on any thread: the upcall enters the
 * context itself. Nothing unwinds through C frames: a Lisp error or non-local exit inside the
 * callback is caught at the boundary, C gets a zero/NULL result, and the exit is taken again in
 * Lisp as soon as the foreign call that led to the callback returns ({@link #rethrowPending}).
 */
public final class Callbacks {
    private final EpsilonContext cx;
    /** The live callbacks by address, each with the code it runs. */
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    /**
     * Freed stubs by the code they ran (Lisp body and signature), oldest first. A freed stub stays
     * bound to an error: C calling a freed pointer gets a FOREIGN-ERROR in Lisp and a zero. It is
     * handed out again only to a callback of the same body and signature, so a C library that keeps
     * a freed pointer reaches either that error or the same Lisp code, never another callback's.
     * Reuse keeps a loop that makes and frees callbacks off the JVM's code cache and makes a
     * callback in microseconds instead of the ~150 of a new upcall stub.
     */
    private final Map<EntryKey, java.util.ArrayDeque<CallbackStub>> pool = new ConcurrentHashMap<>();
    /** Every stub this context made: live, or freed and kept for its code. */
    private final java.util.concurrent.atomic.AtomicInteger stubs = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Stubs this context may make ({@code --epsilon.callback-limit}, 100,000 by default). Each takes
     * room in the JVM's code cache, which fills at about 316,000 of them, after which the JVM stops
     * compiling for the whole process: the default keeps well below, and going past the limit is a
     * FOREIGN-ERROR. Callbacks that are freed and made again over one body reuse their stubs.
     */
    private int stubLimit() {
        return cx.env().getOptions().get(EpsilonLanguage.CALLBACK_LIMIT);
    }
    /** The entry roots, by Lisp function body and signature: closures over one lambda share one. */
    private final Map<EntryKey, RootCallTarget> entries = new ConcurrentHashMap<>();

    /** What {@code run} answers for a call that failed: C gets a zero. */
    private static final Object FAILED = new Object();

    private record EntryKey(RootCallTarget body, Signature signature) {
    }

    private record Live(CallbackStub stub, EntryKey key) {
    }

    public Callbacks(EpsilonContext cx) {
        this.cx = cx;
    }

    @TruffleBoundary
    public ForeignPointer make(LispFunction function, Object returnType, Object argTypes) {
        cx.requireNativeAccess("MAKE-CALLBACK");
        Signature sig = ForeignTypes.signature(cx.structs(), returnType, argTypes);
        CType result = sig.returnType();
        EntryKey key = new EntryKey(function.callTarget(), sig);
        RootCallTarget entry = entries.computeIfAbsent(key, k -> {
            RootCallTarget made = new CallbackEntryRoot(cx.language(), k.body(), k.signature()).getCallTarget();
            CallbackEntryRoot.dropArgumentProfile(made);
            return made;
        });
        TruffleContext truffleContext = cx.env().getContext();
        boolean longs = CallbackStub.takesLongs(sig);
        // What C gets from a call that failed.
        Object zero = longs ? null : zero(result);
        CallbackTarget target = new CallbackTarget() {
            /** A thread last seen calling back from inside Lisp (see {@link #insideThread}). */
            private LispThread lastInside;
            /**
             * The thread holding an exit this callback took: until that thread's foreign call
             * returns and takes it, every invocation returns C a zero at once, whichever thread
             * C makes it on, instead of running the body again.
             */
            private volatile LispThread failedFor;

            @Override
            public Object invoke(Object[] cArguments) {
                if (refusing()) {
                    return zero;
                }
                Object r = enterAndCall(cArguments);
                return r == FAILED ? zero : r;
            }

            @Override
            public long invokeLongs(long[] cArguments) {
                return refusing() || enterAndCall(cArguments) == FAILED ? 0L : cArguments[0];
            }

            @Override
            public long invokeLongs(long a0, long a1, long a2, long a3, long a4, long a5) {
                if (refusing()) {
                    return 0L;
                }
                LispThread inside = insideThread();
                if (inside == null) {
                    return invokeLongs(new long[]{a0, a1, a2, a3, a4, a5});
                }
                // The common case, qsort's comparator: the thread's own carriers, nothing allocated.
                long[] carriers = inside.callbackCarriers;
                carriers[0] = a0;
                carriers[1] = a1;
                carriers[2] = a2;
                carriers[3] = a3;
                carriers[4] = a4;
                carriers[5] = a5;
                Object[] arguments = inside.callbackArguments;   // {function, carriers}
                if (arguments[0] != function) {
                    // Stored only when it changes: a reference store into an old array costs G1 a fence.
                    arguments[0] = function;
                }
                return run(arguments) == FAILED ? 0L : carriers[0];
            }

            @Override
            public Object reject(ForeignException failure) {
                failedFor = holdExit(ForeignCalls.error(failure, " (an argument C passed to a callback)"), function);
                return null;
            }

            /** Whether an exit this callback took is still waiting to be taken: C then gets zero. */
            private boolean refusing() {
                LispThread failed = failedFor;
                if (failed != null) {
                    if (failed.pendingCallbackExit != null) {
                        return true;
                    }
                    failedFor = null;
                }
                return false;
            }

            /**
             * This thread when it is inside a foreign call from Lisp (qsort's comparator), so in the
             * context already: knowing it from our own count of that thread's foreign calls is
             * cheaper than asking Truffle.
             */
            private LispThread insideThread() {
                LispThread known = lastInside;
                return known != null && known.owner == Thread.currentThread() && known.foreignCalls > 0 ? known : null;
            }

            /** A call with its own argument array. A thread C created enters the context here, and leaves it on return. */
            private Object enterAndCall(Object cArguments) {
                boolean inside = insideThread() != null;
                boolean entered = inside || truffleContext.isEntered();
                Object previous = entered ? null : truffleContext.enter(null);
                try {
                    if (entered && !inside) {
                        lastInside = EpsilonLanguage.thread(null);
                    }
                    return run(new Object[]{function, cArguments});
                } finally {
                    if (!entered) {
                        truffleContext.leave(null, previous);
                    }
                }
            }

            /** Runs the entry; an exit it takes is held for when the foreign call returns, and the answer is FAILED. */
            private Object run(Object[] arguments) {
                try {
                    // No call-site node: this skips looking up the thread's encapsulating node (~2 ns).
                    return entry.call((Node) null, arguments);
                } catch (LispError | ControlFlowException e) {
                    failedFor = holdExit(e, function);
                    return FAILED;
                } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
                    // Whatever Java throws in a callback is a held Lisp condition, never the end of the VM.
                    failedFor = holdExit(JavaFailures.lispError(e, "a callback"), function);
                    return FAILED;
                }
            }
        };
        try {
            CallbackStub stub = null;
            java.util.ArrayDeque<CallbackStub> free = pool.get(key);
            if (free != null) {
                synchronized (free) {
                    stub = free.pollFirst();
                }
            }
            if (stub == null) {
                stub = newStub(target, sig);
            }
            stub.bind(target);
            live.put(stub.address(), new Live(stub, key));
            return new ForeignPointer(stub.address(), stub.block());
        } catch (ForeignException e) {
            throw ForeignCalls.error(e, "");
        }
    }

    private CallbackStub newStub(CallbackTarget target, Signature sig) {
        int stubLimit = stubLimit();
        if (stubs.incrementAndGet() > stubLimit) {
            stubs.decrementAndGet();
            throw LispError.error("FOREIGN-ERROR", "too many callbacks: " + live.size() + " live and "
                    + (stubLimit - live.size()) + " freed ones kept for their code reach the limit of " + stubLimit
                    + " (FREE-CALLBACK the ones C no longer calls; a freed callback is made again without"
                    + " a new stub only over the same lambda and signature)");
        }
        try {
            return new CallbackStub(target, sig);
        } catch (RuntimeException e) {
            stubs.decrementAndGet();
            throw e;
        }
    }

    private static Object zero(CType t) {
        return switch (t) {
            case VOID -> null;
            case FLOAT -> 0.0f;
            case DOUBLE -> 0.0d;
            case C_STRING, STRUCT -> null;
            default -> 0L;
        };
    }

    @TruffleBoundary
    public void free(ForeignPointer p) {
        Live freed = live.remove(p.address());
        if (freed == null || (p.block() != null && p.block() != freed.stub().block())) {
            if (freed != null) {
                live.put(p.address(), freed);   // a newer callback reuses this stub: leave it alone
            }
            throw LispError.error("FOREIGN-ERROR", "no live callback at " + p + " (freed already, or not a callback)");
        }
        CallbackStub stub = freed.stub();
        java.util.ArrayDeque<CallbackStub> free = pool.computeIfAbsent(freed.key(), k -> new java.util.ArrayDeque<>());
        // C calling the freed pointer finds an error waiting in Lisp, and gets a zero result.
        stub.unbind(new CallbackTarget() {
            @Override
            public Object invoke(Object[] cArguments) {
                holdExit(LispError.error("FOREIGN-ERROR", "C called a freed callback " + p), null);
                return null;
            }

            @Override
            public long invokeLongs(long[] cArguments) {
                invoke(null);
                return 0L;
            }

            @Override
            public long invokeLongs(long a0, long a1, long a2, long a3, long a4, long a5) {
                invoke(null);
                return 0L;
            }

            @Override
            public Object reject(ForeignException failure) {
                return invoke(null);
            }
        });
        synchronized (free) {
            free.addLast(stub);
        }
    }

    /**
     * Frees every stub, live or pooled, when the context closes: their code-cache room goes back to
     * the JVM. C must not call a callback of a closed context (it would jump into freed code).
     */
    @TruffleBoundary
    public void freeAll() {
        for (Live l : live.values()) {
            l.stub().free();
        }
        live.clear();
        for (java.util.ArrayDeque<CallbackStub> free : pool.values()) {
            synchronized (free) {
                for (CallbackStub stub; (stub = free.poll()) != null; ) {
                    stub.free();
                }
            }
        }
        stubs.set(0);
    }

    public int liveCount() {
        return live.size();
    }

    /**
     * Keeps an exit a callback cannot take inside C for when the foreign call returns (the first one
     * wins), and answers the thread that will take it. On a thread inside a foreign call from Lisp
     * that is this thread. On a thread C created, it is every thread inside a foreign call now (one
     * of them started the C code that calls back); with none, nobody can take it, and it is reported
     * on the context's error output.
     */
    private LispThread holdExit(RuntimeException e, LispFunction function) {
        LispThread thread = EpsilonLanguage.thread(null);
        if (thread.foreignCalls > 0) {
            hold(thread, e, false);
            return thread;
        }
        LispThread taker = null;
        for (LispThread t : cx.threads()) {
            if (t != thread && t.foreignCalls > 0) {
                hold(t, e, true);
                taker = taker == null ? t : taker;
            }
        }
        if (taker == null) {
            cx.reportError(";; an exit from callback " + Printer.prin1ToString(function) + " on a thread C started, with no "
                    + "foreign call from Lisp to take it: " + describe(e));
        }
        return taker;
    }

    private static void hold(LispThread thread, RuntimeException e, boolean fromOtherThread) {
        synchronized (thread) {
            if (thread.pendingCallbackExit == null) {
                thread.pendingCallbackExit = e;
                thread.pendingFromOtherThread = fromOtherThread;
            }
        }
    }

    private static String describe(RuntimeException e) {
        return e instanceof LispError le ? le.getMessage() : e.getClass().getSimpleName();
    }

    /** After a foreign call returns: take an exit a callback could not take inside C. */
    public static void rethrowPending(LispThread thread) {
        RuntimeException e;
        boolean fromOtherThread;
        synchronized (thread) {
            e = thread.pendingCallbackExit;
            fromOtherThread = thread.pendingFromOtherThread;
            thread.pendingCallbackExit = null;
            thread.pendingFromOtherThread = false;
        }
        if (e == null) {
            return;
        }
        if (e instanceof LispError le) {
            if (!le.isSignalled()) {
                // Made in Java (C called a freed callback): signalled here, where handlers are.
                dev.epsilon.language.clos.Conditions.signalJavaError(EpsilonLanguage.context(null), thread, le);
            } else if (fromOtherThread) {
                // Signalled on C's thread, where no Lisp handler was: this thread's handlers run now.
                dev.epsilon.language.clos.Conditions.signal(EpsilonLanguage.context(null), thread, le.condition());
            }
        }
        throw e;
    }
}
