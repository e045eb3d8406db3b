package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A freed callback returns its memory: creating and freeing 100,000 callbacks does not grow the
 * code heap where the JVM keeps upcall stubs (each live stub takes room there).
 */
class CallbackMemoryTest {
    private static long stubHeapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().contains("non-nmethods")) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    @Test
    void createAndFreeLeavesNoGrowth() {
        try (Context cx = Epsilon.context(new ByteArrayOutputStream())) {
            cx.eval(Epsilon.ID, """
                    (defun churn (n)
                      (dotimes (i n) (free-callback (make-callback (lambda (x) x) :int '(:int)))))
                    (defun hold (n)
                      (let ((live nil))
                        (dotimes (i n) (push (make-callback (lambda (x) x) :int '(:int)) live))
                        live))
                    """);
            cx.eval(Epsilon.ID, "(churn 10000)");   // warm up: the first stubs also fill shared code
            long before = stubHeapUsed();
            cx.eval(Epsilon.ID, "(churn 100000)");
            long after = stubHeapUsed();
            assertEquals(0L, cx.eval(Epsilon.ID, "(epsilon.system::%%live-callbacks)").asLong());
            // What a leak would look like: 2,000 stubs kept alive.
            long beforeHold = stubHeapUsed();
            cx.eval(Epsilon.ID, "(defvar *held* (hold 2000))");
            long perStub = (stubHeapUsed() - beforeHold) / 2000;
            assertTrue(perStub > 0, "a live stub takes no code heap? " + perStub);
            assertTrue(after - before < 100 * perStub,
                    "code heap grew by " + (after - before) + " bytes over 100,000 freed callbacks (a live stub is ~" + perStub + " bytes)");
        }
    }

    /**
     * Stubs are bounded per context ({@code --epsilon.callback-limit}): past it, making a callback is
     * a catchable FOREIGN-ERROR. Freed stubs count, since they are kept for their code, and are made
     * again without a new stub only over the same function.
     */
    @Test
    void stubLimitIsACondition() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context cx = Epsilon.contextBuilder().option("epsilon.callback-limit", "20").out(out).err(out).build()) {
            cx.eval(Epsilon.ID, """
                    (defun one (x) x)
                    (defun two (x) (+ x x))
                    (defun try-make (f)
                      (handler-case (make-callback f :int '(:int))
                        (error (e) (list (type-of e) (princ-to-string e)))))
                    (defvar *held* (loop repeat 20 collect (make-callback #'one :int '(:int))))
                    """);
            assertEquals("FOREIGN-ERROR", cx.eval(Epsilon.ID, "(symbol-name (first (try-make #'one)))").asString());
            String message = cx.eval(Epsilon.ID, "(second (try-make #'one))").asString();
            assertTrue(message.contains("too many callbacks") && message.contains("20"), message);
            // One freed: the same function makes a callback again, another function does not.
            cx.eval(Epsilon.ID, "(free-callback (pop *held*))");
            assertEquals("FOREIGN-ERROR", cx.eval(Epsilon.ID, "(symbol-name (first (try-make #'two)))").asString());
            assertTrue(cx.eval(Epsilon.ID, "(foreign-pointer-p (try-make #'one))").asBoolean());
            assertEquals(20L, cx.eval(Epsilon.ID, "(epsilon.system::%%live-callbacks)").asLong());
        }
    }
}
