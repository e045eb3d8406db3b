package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
