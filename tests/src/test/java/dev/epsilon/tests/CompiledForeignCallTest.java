package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A shared-call with a constant description resolves its function once, whatever the call count:
 * no signature lookup on the hot path (the compiled call is the same as a DEFSHARED function's).
 */
class CompiledForeignCallTest {
    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nfi"})
    void constantSignatureResolvesOnce(String engine) {
        try (Context cx = Epsilon.contextBuilder().out(new ByteArrayOutputStream()).option("epsilon.ffi-engine", engine).build()) {
            cx.eval(Epsilon.ID, """
                    (defun hot (n)
                      (let ((sum 0))
                        (dotimes (i n) (setq sum (+ sum (shared-call '("abs" "libc") :int '(:int) (- i)))))
                        sum))
                    (defshared c-labs "labs" "libc" :long (x :long))
                    (defun hot2 (n) (let ((sum 0)) (dotimes (i n) (setq sum (+ sum (c-labs (- i))))) sum))
                    """);
            Value resolutions = cx.eval(Epsilon.ID, "(function epsilon.system::%%signature-resolutions)");
            assertEquals(45L, cx.eval(Epsilon.ID, "(hot 10)").asLong());
            assertEquals(45L, cx.eval(Epsilon.ID, "(hot2 10)").asLong());
            long before = resolutions.execute().asLong();
            assertEquals(49995000L, cx.eval(Epsilon.ID, "(hot 10000)").asLong());
            assertEquals(49995000L, cx.eval(Epsilon.ID, "(hot2 10000)").asLong());
            assertEquals(before, resolutions.execute().asLong(), "a constant call site resolved its signature again");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nfi"})
    void computedSignatureGoesThroughTheCache(String engine) {
        try (Context cx = Epsilon.contextBuilder().out(new ByteArrayOutputStream()).option("epsilon.ffi-engine", engine).build()) {
            cx.eval(Epsilon.ID, """
                    (defvar *spec* (list "abs" "libc"))
                    (defvar *types* (list :int))
                    (defun dynamic (x) (shared-call *spec* :int *types* x))
                    """);
            Value resolutions = cx.eval(Epsilon.ID, "(function epsilon.system::%%signature-resolutions)");
            assertEquals(3L, cx.eval(Epsilon.ID, "(dynamic -3)").asLong());
            long before = resolutions.execute().asLong();
            for (int i = 0; i < 100; i++) {
                assertEquals(i, cx.eval(Epsilon.ID, "(dynamic " + (-i) + ")").asLong());
            }
            assertEquals(before, resolutions.execute().asLong(), "the signature cache missed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffm", "nfi"})
    void redefiningADefsharedFunctionReachesCompiledCallers(String engine) {
        try (Context cx = Epsilon.contextBuilder().out(new ByteArrayOutputStream()).option("epsilon.ffi-engine", engine).build()) {
            cx.eval(Epsilon.ID, """
                    (defshared magnitude "abs" "libc" :int (x :int))
                    (defun use-it (n) (let ((s 0)) (dotimes (i n) (setq s (+ s (magnitude -2)))) s))
                    """);
            for (int i = 0; i < 50; i++) {
                assertEquals(2000L, cx.eval(Epsilon.ID, "(use-it 1000)").asLong());
            }
            cx.eval(Epsilon.ID, "(defshared magnitude \"labs\" \"libc\" :long (x :long))");
            cx.eval(Epsilon.ID, "(defun magnitude (x) (* 10 x))");
            assertEquals(-20000L, cx.eval(Epsilon.ID, "(use-it 1000)").asLong());
        }
    }
}
