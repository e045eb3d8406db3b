package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Java program embedding Epsilon through the polyglot API. */
class PolyglotEmbeddingTest {
    @Test
    void evalReturnsANumber() {
        try (Context cx = Context.create(Epsilon.ID)) {
            Value v = cx.eval(Epsilon.ID, "(* 6 (+ 3 4))");
            assertTrue(v.fitsInLong());
            assertEquals(42L, v.asLong());
        }
    }

    @Test
    void bignumsAndPackagesAreInteropValues() {
        try (Context cx = Context.create(Epsilon.ID)) {
            Value big = cx.eval(Epsilon.ID, "(expt 2 100)");
            assertTrue(big.isNumber());
            assertTrue(!big.fitsInLong());
            assertEquals(java.math.BigInteger.TWO.pow(100), big.asBigInteger());
            assertEquals("1267650600228229401496703205376", big.toString());
            assertEquals(java.math.BigInteger.TWO.pow(70),
                    cx.eval(Epsilon.ID, "(lambda () (expt 2 70))").execute().asBigInteger());
            assertEquals(java.math.BigInteger.TWO.pow(65),
                    cx.eval(Epsilon.ID, "(vector 1 (expt 2 65))").getArrayElement(1).asBigInteger());
            assertEquals("#<PACKAGE \"COMMON-LISP-USER\">", cx.eval(Epsilon.ID, "*package*").toString());
        }
    }

    @Test
    void listsAreArraysAndHashTablesHaveEntries() {
        try (Context cx = Context.create(Epsilon.ID)) {
            Value list = cx.eval(Epsilon.ID, "(list 1 \"two\" (expt 2 80))");
            assertTrue(list.hasArrayElements());
            assertEquals(3, list.getArraySize());
            assertEquals("two", list.getArrayElement(1).asString());
            assertEquals(java.math.BigInteger.TWO.pow(80), list.getArrayElement(2).asBigInteger());
            assertEquals("(1 \"two\" 1208925819614629174706176)", list.toString());
            Value circular = cx.eval(Epsilon.ID, "(let ((x (list 1 2))) (setf (cddr x) x) x)");
            assertTrue(!circular.hasArrayElements());
            Value table = cx.eval(Epsilon.ID, "(let ((h (make-hash-table :test 'equal))) (setf (gethash \"a\" h) 1 (gethash 2 h) :b) h)");
            assertTrue(table.hasHashEntries());
            assertEquals(2, table.getHashSize());
            assertEquals(1, table.getHashValue("a").asLong());
            Value it = table.getHashEntriesIterator();
            Value first = it.getIteratorNextElement();
            assertEquals("a", first.getArrayElement(0).asString());
            assertEquals(":B", it.getIteratorNextElement().getArrayElement(1).toString());
            assertTrue(!it.hasIteratorNextElement());
        }
    }

    @Test
    void evalReturnsAString() {
        try (Context cx = Context.create(Epsilon.ID)) {
            Value v = cx.eval(Epsilon.ID, "(format nil \"~a-~a\" \"epsilon\" 25)");
            assertTrue(v.isString());
            assertEquals("epsilon-25", v.asString());
        }
    }

    @Test
    void lispFunctionsAreExecutableFromJava() {
        try (Context cx = Context.create(Epsilon.ID)) {
            Value twice = cx.eval(Epsilon.ID, "(lambda (x) (* x 2))");
            assertTrue(twice.canExecute());
            assertEquals(84L, twice.execute(42).asLong());
        }
    }

    @Test
    void outputGoesToTheContextStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context cx = Context.newBuilder(Epsilon.ID).out(out).build()) {
            cx.eval(Epsilon.ID, "(format t \"hello ~a~%\" 'world)");
        }
        assertEquals("hello WORLD\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void lispErrorsAreGuestExceptions() {
        try (Context cx = Context.create(Epsilon.ID)) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> cx.eval(Epsilon.ID, "(car 5)"));
            assertTrue(e.isGuestException());
            assertEquals("TYPE-ERROR: The value 5 is not of type LIST (in CAR)", e.getMessage());
        }
    }

    @Test
    void ratiosAreNumbersThatFitWhenExact() {
        try (Context cx = Context.create(Epsilon.ID)) {
            Value half = cx.eval(Epsilon.ID, "(/ 1 2)");
            assertTrue(half.isNumber() && half.fitsInDouble());
            assertEquals(0.5, half.asDouble());
            Value third = cx.eval(Epsilon.ID, "(/ 1 3)");
            assertTrue(third.isNumber());
            assertFalse(third.fitsInDouble() || third.fitsInLong());
            assertEquals("1/3", third.toString());
            assertEquals(1L, cx.eval(Epsilon.ID, "(values 1 2)").asLong());   // the primary value
        }
    }

    @Test
    void instancesAndStructuresHaveMembersAndAMetaObject() {
        try (Context cx = Context.create(Epsilon.ID)) {
            cx.eval(Epsilon.ID, "(defclass point () ((x :initarg :x) (y :initarg :y) (label)))"
                    + " (defclass point3 (point) ((z :initarg :z))) (defstruct dot a b)");
            Value p = cx.eval(Epsilon.ID, "(make-instance 'point3 :x 1 :y 2 :z (expt 2 70))");
            assertTrue(p.hasMembers());
            assertEquals(java.util.Set.of("x", "y", "z", "label"), p.getMemberKeys());
            assertEquals(2L, p.getMember("y").asLong());
            assertEquals(java.math.BigInteger.TWO.pow(70), p.getMember("z").asBigInteger());
            assertFalse(p.hasMember("label") && p.getMember("label") != null, "an unbound slot is not readable");
            p.putMember("x", 10);
            assertEquals(10L, cx.eval(Epsilon.ID, "(lambda (p) (slot-value p 'x))").execute(p).asLong());
            Value meta = p.getMetaObject();
            assertTrue(meta.isMetaObject());
            assertEquals("POINT3", meta.getMetaSimpleName());
            assertEquals("COMMON-LISP-USER::POINT3", meta.getMetaQualifiedName());
            Value pointClass = cx.eval(Epsilon.ID, "(find-class 'point)");
            assertTrue(pointClass.isMetaInstance(p));
            assertFalse(meta.isMetaInstance(cx.eval(Epsilon.ID, "(make-instance 'point)")));
            Value d = cx.eval(Epsilon.ID, "(make-dot :a \"text\" :b nil)");
            assertEquals("text", d.getMember("a").asString());
            assertEquals("DOT", d.getMetaObject().getMetaSimpleName());
        }
    }

    @Test
    void theTopLevelIsTheBindings() {
        try (Context cx = Context.create(Epsilon.ID)) {
            cx.eval(Epsilon.ID, "(defun square (x) (* x x)) (defvar *limit* 10)");
            Value top = cx.getBindings(Epsilon.ID);
            assertTrue(top.getMemberKeys().containsAll(java.util.Set.of("square", "*limit*")), top.getMemberKeys().toString());
            assertEquals(144L, top.getMember("square").execute(12).asLong());
            assertEquals(10L, top.getMember("*limit*").asLong());
            assertTrue(top.getMember("car").canExecute(), "an inherited CL function");
            // New bindings from Java: a value, and a function Lisp can call by name.
            top.putMember("greeting", "hello");
            top.putMember("triple", (org.graalvm.polyglot.proxy.ProxyExecutable) args -> args[0].asLong() * 3);
            assertEquals("(\"hello\" 21)", cx.eval(Epsilon.ID, "(list greeting (triple 7))").toString());
            top.putMember("*limit*", 20);
            assertEquals(20L, cx.eval(Epsilon.ID, "*limit*").asLong());
        }
    }

    @Test
    void javaValuesInLisp() {
        try (Context cx = Context.newBuilder(Epsilon.ID).allowHostAccess(org.graalvm.polyglot.HostAccess.ALL).build()) {
            Value call = cx.eval(Epsilon.ID, "(lambda (f &rest args) (list (apply f args) (funcall f (first args))))");
            java.util.function.Function<Object, Object> twice = x -> ((Number) x).longValue() * 2;
            assertEquals("(42 42)", call.execute(twice, 21).toString());
            Value seq = cx.eval(Epsilon.ID, "(lambda (s) (list (length s) (elt s 1) (reduce #'+ s) (coerce s 'list)))");
            assertEquals("(3 20 60 (10 20 30))", seq.execute((Object) new int[]{10, 20, 30}).toString());
            assertEquals("(2 \"b\" \"ab\" (\"a\" \"b\"))", cx.eval(Epsilon.ID,
                    "(lambda (s) (list (length s) (elt s 1) (reduce (lambda (x y) (concatenate 'string x y)) s) (coerce s 'list)))")
                    .execute(java.util.List.of("a", "b")).toString());
            assertEquals("T", cx.eval(Epsilon.ID, "(lambda (x) (null x))").execute((Object) null).toString());
            // A Java exception in a host function is a Lisp condition.
            java.util.function.Function<Object, Object> failing = x -> {
                throw new IllegalStateException("no " + x);
            };
            String caught = cx.eval(Epsilon.ID, "(lambda (f) (handler-case (funcall f 1) (epsilon.polyglot:polyglot-error (e) (princ-to-string e))))")
                    .execute(failing).asString();
            assertTrue(caught.contains("no 1"), caught);
        }
    }

    @Test
    void polyglotImportExportAndEval() {
        try (Context cx = Context.newBuilder(Epsilon.ID).allowPolyglotAccess(org.graalvm.polyglot.PolyglotAccess.ALL)
                .allowHostAccess(org.graalvm.polyglot.HostAccess.ALL).build()) {
            cx.getPolyglotBindings().putMember("fromJava", new int[]{1, 2, 3});
            assertEquals("#(1 2 3)", cx.eval(Epsilon.ID, "(polyglot-import \"fromJava\")").toString());
            assertEquals("NIL", cx.eval(Epsilon.ID, "(polyglot-import \"nothing\")").toString());
            cx.eval(Epsilon.ID, "(polyglot-export \"fromLisp\" (lambda (x) (1+ x)))");
            assertEquals(42L, cx.getPolyglotBindings().getMember("fromLisp").execute(41).asLong());
            assertEquals(6L, cx.eval(Epsilon.ID, "(polyglot-eval \"epsilon\" \"(* 2 3)\")").asLong());
            assertEquals("ACCESS-DENIED", cx.eval(Epsilon.ID,
                    "(handler-case (polyglot-eval \"no-such-language\" \"1\") (error (e) (symbol-name (type-of e))))").asString());
        }
        try (Context cx = Context.create(Epsilon.ID)) {
            assertEquals("ACCESS-DENIED", cx.eval(Epsilon.ID,
                    "(handler-case (polyglot-export \"x\" 1) (error (e) (symbol-name (type-of e))))").asString());
        }
    }
}
