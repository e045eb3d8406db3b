package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.runtime.ArrayDimensions;
import dev.epsilon.language.runtime.Chars;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Equality;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.LispHashTable;
import dev.epsilon.language.runtime.LispPackage;
import dev.epsilon.language.runtime.LispString;
import dev.epsilon.language.runtime.LispVector;
import dev.epsilon.language.runtime.NativeArray;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Sequences;
import dev.epsilon.language.runtime.SimpleVector;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.language.runtime.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Arrays (general, specialized native, strings), hash tables, characters and strings. */
final class DataBuiltins {
    private DataBuiltins() {
    }

    static void install(Builtins b, EpsilonContext cx) {
        arrays(b, cx);
        hashTables(b, cx);
        characters(b);
        strings(b);
    }

    // ---------------------------------------------------------------- arrays

    /** The storage an :element-type asks for: null for general (T), else a native element or CHARACTER. */
    static Object elementKind(Object type) {
        if (type == Lisp.T) {
            return null;
        }
        if (type instanceof Symbol s) {
            return switch (s.name()) {
                case "CHARACTER", "BASE-CHAR", "STANDARD-CHAR" -> "CHARACTER";
                case "SINGLE-FLOAT" -> NativeArray.Element.F32;
                case "DOUBLE-FLOAT" -> NativeArray.Element.F64;
                case "BIT" -> NativeArray.Element.BIT;
                case "FIXNUM" -> NativeArray.Element.S64;
                default -> null;
            };
        }
        if (type instanceof Cons c && c.car instanceof Symbol head && c.cdr instanceof Cons arg && arg.car instanceof Long bits) {
            boolean unsigned = head.name().equals("UNSIGNED-BYTE");
            boolean signed = head.name().equals("SIGNED-BYTE");
            if (unsigned || signed) {
                int n = (int) (long) bits;
                if (n <= 8) {
                    return unsigned ? NativeArray.Element.U8 : NativeArray.Element.S8;
                }
                if (n <= 16) {
                    return unsigned ? NativeArray.Element.U16 : NativeArray.Element.S16;
                }
                if (n <= 32) {
                    return unsigned ? NativeArray.Element.U32 : NativeArray.Element.S32;
                }
                if (n <= 64) {
                    return unsigned ? NativeArray.Element.U64 : NativeArray.Element.S64;
                }
            }
        }
        return null;
    }

    private static int[] dimensions(Object o) {
        if (o instanceof Long) {
            return new int[]{Args.index(o, "MAKE-ARRAY")};
        }
        List<Object> l = Lisp.toJavaList(o);
        int[] d = new int[l.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = Args.index(l.get(i), "MAKE-ARRAY");
        }
        return d;
    }

    private static Object makeArray(Object[] a) {
        int[] dims = dimensions(a[0]);
        Object kind = elementKind(Args.key(a, 1, "ELEMENT-TYPE", Lisp.T));
        Object initial = Args.key(a, 1, "INITIAL-ELEMENT", null);
        Object contents = Args.key(a, 1, "INITIAL-CONTENTS", null);
        Object displacedTo = Args.key(a, 1, "DISPLACED-TO", Lisp.NIL);
        Object fp = Args.key(a, 1, "FILL-POINTER", Lisp.NIL);
        boolean adjustable = Args.key(a, 1, "ADJUSTABLE", Lisp.NIL) != Lisp.NIL;
        int total = ArrayDimensions.totalSize(dims);
        int fillPointer = fp == Lisp.NIL ? -1 : fp == Lisp.T ? total : Args.index(fp, "MAKE-ARRAY :FILL-POINTER");
        List<Object> displaced = null;
        if (displacedTo != Lisp.NIL && contents == null) {
            int offset = Args.index(Args.key(a, 1, "DISPLACED-INDEX-OFFSET", 0L), "MAKE-ARRAY :DISPLACED-INDEX-OFFSET");
            int available = ArrayDimensions.totalSize(arrayDimensions(displacedTo));
            if (offset + total > available) {
                throw LispError.error("SIMPLE-ERROR", "MAKE-ARRAY: " + total + " elements from index " + offset
                        + " do not fit in the " + available + " of the array displaced to");
            }
            if (!"CHARACTER".equals(kind) && !(kind instanceof NativeArray.Element)) {
                // An array of any element: it shares the target's storage, as CL specifies.
                return LispVector.displaced(dims, displacedTo, offset, fillPointer, adjustable, DISPLACED_ACCESS);
            }
            // Strings and specialized numeric arrays displaced to another get a copy of its elements
            // (writes to either are not seen by the other).
            displaced = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                displaced.add(rowMajor(displacedTo, offset + i));
            }
        }
        Object result;
        if ("CHARACTER".equals(kind) && dims.length == 1) {
            int c = Chars.isCharacter(initial) ? Chars.code(initial, "MAKE-ARRAY") : ' ';
            result = fillPointer < 0 && !adjustable && contents == null && initial == null
                    ? new LispString(total, c, -1, false, false)
                    : new LispString(total, c, fillPointer < 0 ? total : fillPointer, fillPointer >= 0, adjustable);
        } else if (kind instanceof NativeArray.Element e) {
            NativeArray n = new NativeArray(e, dims, fillPointer, adjustable);
            if (initial != null) {
                for (int i = 0; i < total; i++) {
                    n.set(i, initial);
                }
            } else if (e == NativeArray.Element.F32) {
                for (int i = 0; i < total; i++) {
                    n.set(i, 0.0f);
                }
            } else if (e == NativeArray.Element.F64) {
                for (int i = 0; i < total; i++) {
                    n.set(i, 0.0d);
                }
            }
            result = n;
        } else if (dims.length == 1 && fillPointer < 0 && !adjustable) {
            Object[] items = new Object[total];
            java.util.Arrays.fill(items, initial == null ? Lisp.NIL : initial);
            result = new SimpleVector(items);
        } else {
            result = new LispVector(dims, initial == null ? Lisp.NIL : initial, fillPointer, adjustable);
        }
        if (displaced != null) {
            for (int i = 0; i < displaced.size(); i++) {
                setRowMajor(result, i, displaced.get(i));
            }
        }
        if (contents != null) {
            List<Object> flat = new ArrayList<>();
            ArrayDimensions.flattenContents(contents, dims.length, flat);
            if (flat.size() != total) {
                throw LispError.error("SIMPLE-ERROR", ":INITIAL-CONTENTS has " + flat.size() + " elements; the array has " + total);
            }
            for (int i = 0; i < total; i++) {
                setRowMajor(result, i, flat.get(i));
            }
        }
        return result;
    }

    static int[] arrayDimensions(Object a) {
        if (a instanceof LispVector v) {
            return v.dimensions();
        }
        if (a instanceof NativeArray n) {
            return n.dimensions();
        }
        if (a instanceof SimpleVector v) {
            return new int[]{v.items.length};
        }
        if (a instanceof String s) {
            return new int[]{s.length()};
        }
        if (a instanceof LispString s) {
            return new int[]{s.capacity()};
        }
        throw LispError.typeError(a, "ARRAY", "array access");
    }

    private static final LispVector.ElementAccess DISPLACED_ACCESS = new LispVector.ElementAccess() {
        @Override
        public Object get(Object array, int index) {
            return rowMajor(array, index);
        }

        @Override
        public void set(Object array, int index, Object value) {
            setRowMajor(array, index, value);
        }
    };

    static Object rowMajor(Object a, int i) {
        if (a instanceof LispVector v) {
            return v.rowMajor(i);
        }
        if (a instanceof NativeArray n) {
            return n.get(i);
        }
        if (a instanceof LispString s) {
            return s.charAt(i);
        }
        if (a instanceof SimpleVector v) {
            if (i < 0 || i >= v.items.length) {
                throw LispError.error("SIMPLE-ERROR", "index " + i + " out of bounds for a vector of length " + v.items.length);
            }
            return v.items[i];
        }
        return Sequences.elt(a, i);
    }

    static void setRowMajor(Object a, int i, Object v) {
        if (a instanceof LispVector lv) {
            lv.setRowMajor(i, v);
        } else if (a instanceof NativeArray n) {
            n.set(i, v);
        } else if (a instanceof LispString s) {
            s.setCharAt(i, Chars.code(v, "string store"));
        } else {
            Sequences.setElt(a, i, v);
        }
    }

    /** AREF, or SVREF: one subscript through {@link ArrayElementNode.Read}, more through the general path. */
    private static final class ElementRead extends BuiltinNode {
        @Child private ArrayElementNode.Read read;

        ElementRead(boolean simpleVectorOnly) {
            read = ArrayElementNodeFactory.ReadNodeGen.create(simpleVectorOnly);
        }

        @Override
        public Object execute(Object[] a) {
            return a.length == 2 ? read.execute(a[0], a[1]) : aref(a[0], Arrays.copyOfRange(a, 1, a.length), "AREF");
        }
    }

    /** {@code (%%aset array value subscripts...)}, or {@code (%%svset vector value index)}: the SETF forms. */
    private static final class ElementWrite extends BuiltinNode {
        @Child private ArrayElementNode.Write write;

        ElementWrite(boolean simpleVectorOnly) {
            write = ArrayElementNodeFactory.WriteNodeGen.create(simpleVectorOnly);
        }

        @Override
        public Object execute(Object[] a) {
            if (a.length == 3) {
                return write.execute(a[0], a[2], a[1]);
            }
            aset(a[0], a[1], Arrays.copyOfRange(a, 2, a.length), "(SETF AREF)");
            return a[1];
        }
    }

    /** The element of {@code array} at {@code subscripts}, checked: a call, kept out of the code of sites that inline AREF. */
    @TruffleBoundary
    static Object aref(Object array, Object[] subscripts, String where) {
        return rowMajor(array, rowMajorIndex(array, subscripts, where));
    }

    @TruffleBoundary
    static void aset(Object array, Object value, Object[] subscripts, String where) {
        setRowMajor(array, rowMajorIndex(array, subscripts, where), value);
    }

    private static int rowMajorIndex(Object a, Object[] subscripts, String where) {
        int[] dims = arrayDimensions(a);
        int n = subscripts.length;
        if (n != dims.length) {
            throw LispError.error("SIMPLE-ERROR", where + ": " + n + " subscripts for an array of rank " + dims.length);
        }
        int index = 0;
        for (int k = 0; k < dims.length; k++) {
            int i = Args.index(subscripts[k], where);
            if (i >= dims[k]) {
                throw LispError.error("SIMPLE-ERROR", where + ": index " + i + " out of bounds for axis " + k + " of size " + dims[k]);
            }
            index = index * dims[k] + i;
        }
        return index;
    }

    private static void arrays(Builtins b, EpsilonContext cx) {
        LispPackage sys = cx.systemPackage();
        b.cl("MAKE-ARRAY", 1, -1, a -> {
            // A DEFTYPE'd element type is expanded first, so (make-array n :element-type 'octet) is specialized.
            Object[] args = a.clone();
            for (int i = 1; i + 1 < args.length; i += 2) {
                if (args[i] instanceof Symbol k && k.isKeyword() && k.name().equals("ELEMENT-TYPE")) {
                    args[i + 1] = cx.types().expand(args[i + 1]);
                }
            }
            return makeArray(args);
        });
        b.clInlined("VECTOR", 0, -1, a -> new SimpleVector(a.clone()));
        b.function(cx.clPackage(), "AREF", 1, -1, new ElementRead(false));
        b.function(sys, "%%ASET", 2, -1, new ElementWrite(false));
        b.function(cx.clPackage(), "SVREF", 2, 2, new ElementRead(true));
        b.function(sys, "%%SVSET", 3, 3, new ElementWrite(true));
        b.cl("ROW-MAJOR-AREF", 2, 2, a -> rowMajor(a[0], Args.index(a[1], "ROW-MAJOR-AREF")));
        b.function(sys, "%%ROW-MAJOR-ASET", 3, 3, new FunctionBuiltin(a -> {
            setRowMajor(a[0], Args.index(a[1], "ROW-MAJOR-AREF"), a[2]);
            return a[2];
        }));
        b.cl("ARRAY-DIMENSIONS", 1, 1, a -> {
            List<Object> l = new ArrayList<>();
            for (int d : arrayDimensions(a[0])) {
                l.add((long) d);
            }
            return Lisp.fromList(l, Lisp.NIL);
        });
        b.cl("ARRAY-DIMENSION", 2, 2, a -> (long) arrayDimensions(a[0])[Args.index(a[1], "ARRAY-DIMENSION")]);
        b.cl("ARRAY-RANK", 1, 1, a -> (long) arrayDimensions(a[0]).length);
        b.cl("ARRAY-TOTAL-SIZE", 1, 1, a -> {
            return (long) ArrayDimensions.totalSize(arrayDimensions(a[0]));
        });
        b.cl("ARRAY-ELEMENT-TYPE", 1, 1, a -> {
            if (a[0] instanceof String || a[0] instanceof LispString) {
                return cx.clSymbol("CHARACTER");
            }
            if (a[0] instanceof NativeArray n) {
                return cx.newReader(n.element().lispName, "type").read();
            }
            arrayDimensions(a[0]);
            return Lisp.T;
        });
        b.clInlined("ARRAYP", 1, 1, a -> Lisp.bool(a[0] instanceof LispVector || a[0] instanceof NativeArray || Sequences.isVector(a[0])));
        b.cl("VECTORP", 1, 1, a -> Lisp.bool(Sequences.isVector(a[0])));
        b.clInlined("SIMPLE-VECTOR-P", 1, 1, a -> Lisp.bool(a[0] instanceof SimpleVector));
        b.cl("BIT-VECTOR-P", 1, 1, a -> Lisp.bool(a[0] instanceof NativeArray n && n.element() == NativeArray.Element.BIT && n.rank() == 1));
        b.cl("ADJUSTABLE-ARRAY-P", 1, 1, a -> Lisp.bool((a[0] instanceof LispVector v && v.isAdjustable())
                || (a[0] instanceof NativeArray n && n.isAdjustable()) || (a[0] instanceof LispString s && s.isAdjustable())));
        b.cl("ARRAY-HAS-FILL-POINTER-P", 1, 1, a -> Lisp.bool((a[0] instanceof LispVector v && v.hasFillPointer())
                || (a[0] instanceof NativeArray n && n.hasFillPointer()) || (a[0] instanceof LispString s && s.hasFillPointer())));
        b.cl("FILL-POINTER", 1, 1, a -> {
            if (a[0] instanceof LispVector v && v.hasFillPointer()) {
                return (long) v.fillPointer();
            }
            if (a[0] instanceof NativeArray n && n.hasFillPointer()) {
                return (long) n.fillPointer();
            }
            if (a[0] instanceof LispString s && s.hasFillPointer()) {
                return (long) s.fillPointer();
            }
            throw LispError.typeError(a[0], "(AND VECTOR (SATISFIES ARRAY-HAS-FILL-POINTER-P))", "FILL-POINTER");
        });
        b.function(sys, "%%SET-FILL-POINTER", 2, 2, new FunctionBuiltin(a -> {
            int fp = Args.index(a[1], "(SETF FILL-POINTER)");
            if (a[0] instanceof LispVector v) {
                v.setFillPointer(fp);
            } else if (a[0] instanceof NativeArray n) {
                n.setFillPointer(fp);
            } else if (a[0] instanceof LispString s) {
                s.setFillPointer(fp);
            } else {
                throw LispError.typeError(a[0], "VECTOR", "(SETF FILL-POINTER)");
            }
            return a[1];
        }));
        b.cl("VECTOR-PUSH", 2, 2, a -> {
            Object v = a[1];
            int fp = Args.index(b.callLisp(cx.clSymbol("FILL-POINTER"), v), "VECTOR-PUSH");
            int size = arrayDimensions(v)[0];
            if (fp >= size) {
                return Lisp.NIL;
            }
            setRowMajor(v, fp, a[0]);
            b.callLisp(cx.systemSymbol("%%SET-FILL-POINTER"), v, (long) (fp + 1));
            return (long) fp;
        });
        b.cl("VECTOR-PUSH-EXTEND", 2, 3, a -> {
            int extension = a.length > 2 ? Args.index(a[2], "VECTOR-PUSH-EXTEND") : 16;
            if (a[1] instanceof LispVector v) {
                return (long) v.pushExtend(a[0], extension);
            }
            if (a[1] instanceof NativeArray n) {
                return (long) n.pushExtend(a[0], extension);
            }
            if (a[1] instanceof LispString s) {
                return (long) s.pushExtend(Chars.code(a[0], "VECTOR-PUSH-EXTEND"), extension);
            }
            throw LispError.typeError(a[1], "(AND VECTOR (SATISFIES ADJUSTABLE-ARRAY-P))", "VECTOR-PUSH-EXTEND");
        });
        b.cl("VECTOR-POP", 1, 1, a -> {
            int fp = Args.index(b.callLisp(cx.clSymbol("FILL-POINTER"), a[0]), "VECTOR-POP");
            if (fp == 0) {
                throw LispError.error("SIMPLE-ERROR", "nothing left to pop in " + Printer.prin1ToString(a[0]));
            }
            b.callLisp(cx.systemSymbol("%%SET-FILL-POINTER"), a[0], (long) (fp - 1));
            return rowMajor(a[0], fp - 1);
        });
        b.cl("ARRAY-DISPLACEMENT", 1, 1, a -> {
            if (a[0] instanceof LispVector v && v.displacedTo() != null) {
                return Values.of(new Object[]{v.displacedTo(), (long) v.displacedOffset()});
            }
            arrayDimensions(a[0]);   // a type error for a non-array
            return Values.of(new Object[]{Lisp.NIL, 0L});
        });
        b.cl("ADJUST-ARRAY", 2, -1, a -> {
            int[] dims = dimensions(a[1]);
            Object initial = Args.key(a, 2, "INITIAL-ELEMENT", Lisp.NIL);
            Object fp = Args.key(a, 2, "FILL-POINTER", null);
            if (a[0] instanceof LispVector v) {
                v.adjust(dims, initial);
                if (fp instanceof Long l) {
                    v.setFillPointer((int) (long) l);
                }
                return v;
            }
            if (a[0] instanceof NativeArray n) {
                n.adjust(dims);
                if (fp instanceof Long l) {
                    n.setFillPointer((int) (long) l);
                }
                return n;
            }
            if (a[0] instanceof LispString s) {
                s.adjust(dims[0], Chars.isCharacter(initial) ? Chars.code(initial, "ADJUST-ARRAY") : ' ');
                if (fp instanceof Long l) {
                    s.setFillPointer((int) (long) l);
                }
                return s;
            }
            // A simple array: a fresh one with the old contents.
            List<Object> items = Sequences.toList(a[0]);
            Object[] grown = new Object[dims[0]];
            for (int i = 0; i < grown.length; i++) {
                grown[i] = i < items.size() ? items.get(i) : initial;
            }
            return a[0] instanceof String ? Sequences.fromList(List.of(grown), a[0]) : new SimpleVector(grown);
        });
    }

    // ---------------------------------------------------------------- hash tables

    private static LispHashTable table(Object o, String where) {
        if (o instanceof LispHashTable h) {
            return h;
        }
        throw LispError.typeError(o, "HASH-TABLE", where);
    }

    private static void hashTables(Builtins b, EpsilonContext cx) {
        b.cl("MAKE-HASH-TABLE", 0, -1, a -> {
            Object test = Args.key(a, 0, "TEST", cx.clSymbol("EQL"));
            if (test instanceof LispFunction f) {
                test = f.name();
            }
            String name = test instanceof Symbol s ? s.name() : "EQL";
            LispHashTable table = new LispHashTable(switch (name) {
                case "EQ" -> LispHashTable.Test.EQ;
                case "EQUAL" -> LispHashTable.Test.EQUAL;
                case "EQUALP" -> LispHashTable.Test.EQUALP;
                case "EQL" -> LispHashTable.Test.EQL;
                default -> throw LispError.error("SIMPLE-ERROR", "unsupported hash table test " + Printer.prin1ToString(test));
            });
            table.setSizing(Args.index(Args.key(a, 0, "SIZE", 16L), "MAKE-HASH-TABLE :SIZE"),
                    Args.key(a, 0, "REHASH-SIZE", 1.5f), Args.key(a, 0, "REHASH-THRESHOLD", 1.0f));
            return table;
        });
        b.cl("HASH-TABLE-SIZE", 1, 1, a -> (long) table(a[0], "HASH-TABLE-SIZE").sizeLimit());
        b.cl("HASH-TABLE-REHASH-SIZE", 1, 1, a -> table(a[0], "HASH-TABLE-REHASH-SIZE").rehashSize());
        b.cl("HASH-TABLE-REHASH-THRESHOLD", 1, 1, a -> table(a[0], "HASH-TABLE-REHASH-THRESHOLD").rehashThreshold());
        b.cl("GETHASH", 2, 3, a -> {
            Object v = table(a[1], "GETHASH").get(a[0]);
            return v == null ? Values.of(new Object[]{a.length > 2 ? a[2] : Lisp.NIL, Lisp.NIL}) : Values.of(new Object[]{v, Lisp.T});
        });
        b.function(cx.systemPackage(), "%%PUTHASH", 3, 3, new FunctionBuiltin(a -> {
            table(a[1], "(SETF GETHASH)").put(a[0], a[2]);
            return a[2];
        }));
        b.cl("REMHASH", 2, 2, a -> Lisp.bool(table(a[1], "REMHASH").remove(a[0])));
        b.cl("CLRHASH", 1, 1, a -> {
            table(a[0], "CLRHASH").clear();
            return a[0];
        });
        b.cl("HASH-TABLE-COUNT", 1, 1, a -> (long) table(a[0], "HASH-TABLE-COUNT").size());
        b.cl("HASH-TABLE-P", 1, 1, a -> Lisp.bool(a[0] instanceof LispHashTable));
        b.cl("HASH-TABLE-TEST", 1, 1, a -> cx.clSymbol(table(a[0], "HASH-TABLE-TEST").test().name()));
        b.cl("SXHASH", 1, 1, a -> (long) (Equality.hash(a[0], false) & 0x3fffffff));
        b.function(cx.systemPackage(), "%%HASH-TABLE-ENTRIES", 1, 1, new FunctionBuiltin(a -> {
            List<Object> out = new ArrayList<>();
            for (Object[] e : table(a[0], "MAPHASH").entries()) {
                out.add(new Cons(e[0], e[1]));
            }
            return Lisp.fromList(out, Lisp.NIL);
        }));
        b.cl("EQUALP", 2, 2, a -> Lisp.bool(Equality.equalp(a[0], a[1])));
    }

    // ---------------------------------------------------------------- characters

    /** A character argument's code point. */
    private static int ch(Object o, String where) {
        return Chars.code(o, where);
    }

    private interface CharCompare {
        boolean ok(int cmp);
    }

    private static void charComparison(Builtins b, String name, boolean fold, CharCompare test) {
        b.cl(name, 1, -1, a -> {
            for (int i = 0; i + 1 < a.length; i++) {
                int x = ch(a[i], name);
                int y = ch(a[i + 1], name);
                if (fold) {
                    x = Chars.downcase(x);
                    y = Chars.downcase(y);
                }
                if (!test.ok(Integer.compare(x, y))) {
                    return Lisp.NIL;
                }
            }
            if (a.length == 1) {
                ch(a[0], name);
            }
            return Lisp.T;
        });
    }

    private static void characters(Builtins b) {
        b.clInlined("CHARACTERP", 1, 1, a -> Lisp.bool(Chars.isCharacter(a[0])));
        b.clInlined("CHAR-CODE", 1, 1, a -> (long) ch(a[0], "CHAR-CODE"));
        b.cl("CHAR-INT", 1, 1, a -> (long) ch(a[0], "CHAR-INT"));
        b.cl("CODE-CHAR", 1, 1, a -> {
            long code = Args.integer(a[0], "CODE-CHAR");
            if (code < 0 || code >= Chars.CHAR_CODE_LIMIT) {
                throw LispError.typeError(a[0], "(INTEGER 0 (" + Chars.CHAR_CODE_LIMIT + "))", "CODE-CHAR");
            }
            return Chars.of((int) code);
        });
        b.cl("CHAR-UPCASE", 1, 1, a -> Chars.of(Chars.upcase(ch(a[0], "CHAR-UPCASE"))));
        b.cl("CHAR-DOWNCASE", 1, 1, a -> Chars.of(Chars.downcase(ch(a[0], "CHAR-DOWNCASE"))));
        b.cl("UPPER-CASE-P", 1, 1, a -> Lisp.bool(Chars.isUpperCase(ch(a[0], "UPPER-CASE-P"))));
        b.cl("LOWER-CASE-P", 1, 1, a -> Lisp.bool(Chars.isLowerCase(ch(a[0], "LOWER-CASE-P"))));
        b.cl("BOTH-CASE-P", 1, 1, a -> {
            int c = ch(a[0], "BOTH-CASE-P");
            return Lisp.bool(Chars.isUpperCase(c) || Chars.isLowerCase(c));
        });
        b.cl("ALPHA-CHAR-P", 1, 1, a -> Lisp.bool(Character.isLetter(ch(a[0], "ALPHA-CHAR-P"))));
        b.cl("ALPHANUMERICP", 1, 1, a -> Lisp.bool(Character.isLetterOrDigit(ch(a[0], "ALPHANUMERICP"))));
        b.cl("GRAPHIC-CHAR-P", 1, 1, a -> Lisp.bool(Chars.isGraphic(ch(a[0], "GRAPHIC-CHAR-P"))));
        b.cl("DIGIT-CHAR-P", 1, 2, a -> {
            int radix = a.length > 1 ? Args.index(a[1], "DIGIT-CHAR-P") : 10;
            int d = Character.digit(ch(a[0], "DIGIT-CHAR-P"), radix);
            return d < 0 ? Lisp.NIL : (Object) (long) d;
        });
        b.cl("DIGIT-CHAR", 1, 2, a -> {
            int radix = a.length > 1 ? Args.index(a[1], "DIGIT-CHAR") : 10;
            int w = Args.index(a[0], "DIGIT-CHAR");
            return w >= radix ? Lisp.NIL : (Object) Character.toUpperCase(Character.forDigit(w, radix));
        });
        b.cl("CHAR-NAME", 1, 1, a -> Chars.name(ch(a[0], "CHAR-NAME")));
        b.cl("NAME-CHAR", 1, 1, a -> {
            Object c = Chars.named(Strings.designator(a[0], "NAME-CHAR"));
            return c == null ? Lisp.NIL : c;
        });
        charComparison(b, "CHAR=", false, c -> c == 0);
        charComparison(b, "CHAR<", false, c -> c < 0);
        charComparison(b, "CHAR>", false, c -> c > 0);
        charComparison(b, "CHAR<=", false, c -> c <= 0);
        charComparison(b, "CHAR>=", false, c -> c >= 0);
        charComparison(b, "CHAR-EQUAL", true, c -> c == 0);
        charComparison(b, "CHAR-LESSP", true, c -> c < 0);
        charComparison(b, "CHAR-GREATERP", true, c -> c > 0);
        charComparison(b, "CHAR-NOT-GREATERP", true, c -> c <= 0);
        charComparison(b, "CHAR-NOT-LESSP", true, c -> c >= 0);
        b.cl("CHAR/=", 1, -1, a -> {
            for (int i = 0; i < a.length; i++) {
                for (int j = i + 1; j < a.length; j++) {
                    if (ch(a[i], "CHAR/=") == ch(a[j], "CHAR/=")) {
                        return Lisp.NIL;
                    }
                }
            }
            return Lisp.T;
        });
    }

    // ---------------------------------------------------------------- strings

    /** A string argument with :start and :end applied. */
    private static int[] bounded(Object[] a, int strIndex, int keysFrom, String startKey, String endKey, String where) {
        int[] s = Strings.codePoints(a[strIndex], where);
        int start = Args.index(Args.key(a, keysFrom, startKey, 0L), where);
        Object e = Args.key(a, keysFrom, endKey, Lisp.NIL);
        int end = e == Lisp.NIL ? s.length : Args.index(e, where);
        if (start > end || end > s.length) {
            throw LispError.error("SIMPLE-ERROR", where + ": bad bounds :start " + start + " :end " + end + " for a string of length " + s.length);
        }
        return java.util.Arrays.copyOfRange(s, start, end);
    }

    private interface StringCompare {
        Object result(int mismatch, int cmp);
    }

    private static void stringComparison(Builtins b, String name, boolean fold, StringCompare test) {
        b.cl(name, 2, -1, a -> {
            int[] x = bounded(a, 0, 2, "START1", "END1", name);
            int[] y = bounded(a, 1, 2, "START2", "END2", name);
            int start1 = Args.index(Args.key(a, 2, "START1", 0L), name);
            if (fold) {
                for (int k = 0; k < x.length; k++) {
                    x[k] = Chars.downcase(x[k]);
                }
                for (int k = 0; k < y.length; k++) {
                    y[k] = Chars.downcase(y[k]);
                }
            }
            int i = 0;
            while (i < x.length && i < y.length && x[i] == y[i]) {
                i++;
            }
            int cmp = i < x.length && i < y.length ? Integer.compare(x[i], y[i]) : Integer.compare(x.length, y.length);
            return test.result(start1 + i, cmp);
        });
    }

    private static void strings(Builtins b) {
        b.clInlined("STRINGP", 1, 1, a -> Lisp.bool(Strings.isString(a[0])));
        b.cl("SIMPLE-STRING-P", 1, 1, a -> Lisp.bool(a[0] instanceof String || (a[0] instanceof LispString s && !s.hasFillPointer() && !s.isAdjustable())));
        b.cl("STRING", 1, 1, a -> Strings.designator(a[0], "STRING"));
        b.clInlined("CHAR", 2, 2, a -> Sequences.elt(a[0], Args.index(a[1], "CHAR")));
        b.clInlined("SCHAR", 2, 2, a -> Sequences.elt(a[0], Args.index(a[1], "SCHAR")));
        b.cl("MAKE-STRING", 1, -1, a -> {
            Object init = Args.key(a, 1, "INITIAL-ELEMENT", ' ');
            return new LispString(Args.index(a[0], "MAKE-STRING"), ch(init, "MAKE-STRING"), -1, false, false);
        });
        b.cl("STRING-UPCASE", 1, -1, a -> caseChange(a, "STRING-UPCASE", 0));
        b.cl("STRING-DOWNCASE", 1, -1, a -> caseChange(a, "STRING-DOWNCASE", 1));
        b.cl("STRING-CAPITALIZE", 1, -1, a -> caseChange(a, "STRING-CAPITALIZE", 2));
        b.cl("STRING-TRIM", 2, 2, a -> trim(a[0], a[1], true, true, "STRING-TRIM"));
        b.cl("STRING-LEFT-TRIM", 2, 2, a -> trim(a[0], a[1], true, false, "STRING-LEFT-TRIM"));
        b.cl("STRING-RIGHT-TRIM", 2, 2, a -> trim(a[0], a[1], false, true, "STRING-RIGHT-TRIM"));
        stringComparison(b, "STRING=", false, (m, c) -> Lisp.bool(c == 0));
        stringComparison(b, "STRING-EQUAL", true, (m, c) -> Lisp.bool(c == 0));
        stringComparison(b, "STRING/=", false, (m, c) -> c != 0 ? (Object) (long) m : Lisp.NIL);
        stringComparison(b, "STRING<", false, (m, c) -> c < 0 ? (Object) (long) m : Lisp.NIL);
        stringComparison(b, "STRING>", false, (m, c) -> c > 0 ? (Object) (long) m : Lisp.NIL);
        stringComparison(b, "STRING<=", false, (m, c) -> c <= 0 ? (Object) (long) m : Lisp.NIL);
        stringComparison(b, "STRING>=", false, (m, c) -> c >= 0 ? (Object) (long) m : Lisp.NIL);
        stringComparison(b, "STRING-LESSP", true, (m, c) -> c < 0 ? (Object) (long) m : Lisp.NIL);
        stringComparison(b, "STRING-GREATERP", true, (m, c) -> c > 0 ? (Object) (long) m : Lisp.NIL);
        stringComparison(b, "STRING-NOT-EQUAL", true, (m, c) -> c != 0 ? (Object) (long) m : Lisp.NIL);
        b.cl("PARSE-INTEGER", 1, -1, a -> {
            String s = Strings.string(a[0], "PARSE-INTEGER");
            int start = Args.index(Args.key(a, 1, "START", 0L), "PARSE-INTEGER");
            Object e = Args.key(a, 1, "END", Lisp.NIL);
            int end = e == Lisp.NIL ? s.length() : Args.index(e, "PARSE-INTEGER");
            int radix = Args.index(Args.key(a, 1, "RADIX", 10L), "PARSE-INTEGER");
            boolean junkAllowed = Args.key(a, 1, "JUNK-ALLOWED", Lisp.NIL) != Lisp.NIL;
            int i = start;
            while (i < end && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int numStart = i;
            if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int digitsStart = i;
            while (i < end && Character.digit(s.charAt(i), radix) >= 0) {
                i++;
            }
            Object value = i > digitsStart
                    ? dev.epsilon.language.runtime.Numbers.normalize(new java.math.BigInteger(s.substring(numStart, i).replace("+", ""), radix))
                    : Lisp.NIL;
            int j = i;
            while (j < end && Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            if (!junkAllowed && (value == Lisp.NIL || j < end)) {
                throw LispError.error("PARSE-ERROR", "junk in string " + Printer.prin1ToString(s));
            }
            return Values.of(new Object[]{value, (long) (junkAllowed ? i : j)});
        });
    }

    private static Object caseChange(Object[] a, String where, int mode) {
        int[] cps = Strings.codePoints(a[0], where);
        int start = Args.index(Args.key(a, 1, "START", 0L), where);
        Object e = Args.key(a, 1, "END", Lisp.NIL);
        int end = e == Lisp.NIL ? cps.length : Args.index(e, where);
        if (start > end || end > cps.length) {
            throw LispError.error("SIMPLE-ERROR", where + ": bad bounds :start " + start + " :end " + end + " for a string of length " + cps.length);
        }
        // Character by character, as CL does: the string keeps its length (no "ß" -> "SS").
        boolean wordStart = true;
        for (int i = start; i < end; i++) {
            int c = cps[i];
            if (mode == 0) {
                cps[i] = Chars.upcase(c);
            } else if (mode == 1) {
                cps[i] = Chars.downcase(c);
            } else {
                boolean word = Character.isLetterOrDigit(c);
                cps[i] = word ? (wordStart ? Chars.upcase(c) : Chars.downcase(c)) : c;
                wordStart = !word;
            }
        }
        return Chars.text(new String(cps, 0, cps.length));
    }

    private static Object trim(Object bag, Object string, boolean left, boolean right, String where) {
        List<Object> chars = Sequences.toList(bag);
        int[] cps = Strings.codePoints(string, where);
        int i = 0;
        int j = cps.length;
        while (left && i < j && chars.contains(Chars.of(cps[i]))) {
            i++;
        }
        while (right && j > i && chars.contains(Chars.of(cps[j - 1]))) {
            j--;
        }
        return Chars.text(new String(cps, i, j - i));
    }
}
