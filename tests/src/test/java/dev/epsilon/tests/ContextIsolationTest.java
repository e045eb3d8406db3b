package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two contexts in one engine keep their own Lisp worlds: a CONVERT-TO-FOREIGN method, a C struct, a
 * callback and printer settings defined under the same names in each do not leak into the other,
 * whether the contexts live side by side or one after the other.
 */
class ContextIsolationTest {
    private static final String COMMON = """
            (defclass box () ((v :initarg :v :reader box-v)))
            (defun sorted (values)
              (let ((v (make-array (length values) :element-type '(signed-byte 32) :initial-contents values)))
                (with-pinned-array (p v)
                  (shared-call '("qsort" "libc") :void '(:pointer :size :size :pointer) p (length values) 4
                               (callback 'order)))
                (coerce v 'list)))
            """;

    private static final String ASCENDING = COMMON + """
            (defmethod convert-to-foreign ((x box) (type (eql :int))) (box-v x))
            (define-c-struct pair (a :char))
            (defcallback order :int ((a :pointer) (b :pointer)) (- (deref-int a) (deref-int b)))
            (setf *print-case* :downcase)
            """;

    private static final String DESCENDING = COMMON + """
            (defmethod convert-to-foreign ((x box) (type (eql :int))) (* 100 (box-v x)))
            (define-c-struct pair (a :int64) (b :int64))
            (defcallback order :int ((a :pointer) (b :pointer)) (- (deref-int b) (deref-int a)))
            """;

    private static final String PROBE = """
            (format nil "~a ~a ~a ~a"
                    (shared-call '("abs" "libc") :int '(:int) (make-instance 'box :v -3))
                    (foreign-type-size '(:struct pair))
                    (sorted '(2 9 4))
                    'symbol)
            """;

    private static Context context() {
        return Epsilon.contextBuilder().out(new ByteArrayOutputStream()).err(new ByteArrayOutputStream()).build();
    }

    @Test
    void contextsSideBySideDoNotSeeEachOthersDefinitions() {
        try (Context up = context(); Context down = context()) {
            up.eval(Epsilon.ID, ASCENDING);
            down.eval(Epsilon.ID, DESCENDING);
            for (int round = 0; round < 2; round++) {
                assertEquals("3 1 (2 4 9) symbol", up.eval(Epsilon.ID, PROBE).asString());
                assertEquals("300 16 (9 4 2) SYMBOL", down.eval(Epsilon.ID, PROBE).asString());
            }
        }
    }

    @Test
    void aContextAfterAnotherStartsClean() {
        try (Context first = context()) {
            first.eval(Epsilon.ID, ASCENDING);
            assertEquals("3 1 (2 4 9) symbol", first.eval(Epsilon.ID, PROBE).asString());
        }
        try (Context second = context()) {
            Value defined = second.eval(Epsilon.ID, """
                    (list (find-class 'box nil) (fboundp 'sorted) (format nil "~a" 'symbol)
                          (handler-case (foreign-type-size '(:struct pair)) (error () :no-such-struct)))
                    """);
            assertEquals("(NIL NIL \"SYMBOL\" :NO-SUCH-STRUCT)", defined.toString());
            second.eval(Epsilon.ID, DESCENDING);
            assertEquals("300 16 (9 4 2) SYMBOL", second.eval(Epsilon.ID, PROBE).asString());
        }
    }
}
