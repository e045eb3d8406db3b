package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Running out of control stack is a STORAGE-CONDITION that HANDLER-CASE catches, and the context
 * goes on working (as in SBCL), also when it happens inside a callback. The recursion runs on a thread with an 8 MB stack so that it
 * overflows quickly; `conditions-not-crashes.lisp` checks the depth the launcher's stack gives.
 */
class StackExhaustionTest {
    @Test
    void deepRecursionIsACatchableStorageCondition() throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try (Context cx = Epsilon.context(new ByteArrayOutputStream())) {
                cx.eval(Epsilon.ID, "(defun deep (n) (if (= n 0) 0 (+ 1 (deep (- n 1)))))");
                cx.eval(Epsilon.ID, "(setq *library-search-paths* (list \"" + Epsilon.fixtureDir() + "\"))");
                String first = cx.eval(Epsilon.ID, "(handler-case (deep 100000000) (storage-condition () \"caught\"))").asString();
                String again = cx.eval(Epsilon.ID, "(handler-case (deep 100000000) (storage-condition (c) (princ-to-string c)))").asString();
                long after = cx.eval(Epsilon.ID, "(deep 1000)").asLong();
                // Inside a callback: held while C runs, then signalled where the foreign call was made.
                String inCallback = cx.eval(Epsilon.ID, """
                        (handler-case
                            (with-callback (cb (lambda (x) (deep (+ x 100000000))) :int '(:int))
                              (shared-call '("fx_apply_callback" "libepsilon-fixture") :int '(:pointer :int) cb 1))
                          (storage-condition () "caught in callback"))""").asString();
                result.set(first + " | " + again.startsWith("Control stack exhausted") + " | " + after + " | " + inCallback);
            } catch (Throwable e) {
                result.set(e);
            }
        }, "deep-recursion", 8L << 20);
        t.start();
        t.join();
        assertEquals("caught | true | 1000 | caught in callback", String.valueOf(result.get()));
    }
}
