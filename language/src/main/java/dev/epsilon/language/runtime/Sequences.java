package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.List;

/** Element access over every kind of sequence: lists, strings, general and specialized vectors. */
public final class Sequences {
    private Sequences() {
    }

    public static boolean isVector(Object o) {
        return o instanceof SimpleVector || o instanceof String || o instanceof LispString
                || (o instanceof LispVector v && v.rank() == 1) || (o instanceof NativeArray n && n.rank() == 1);
    }

    public static boolean isSequence(Object o) {
        return o == Lisp.NIL || o instanceof Cons || isVector(o);
    }

    @TruffleBoundary
    public static int length(Object o) {
        if (o instanceof String s) {
            return s.length();
        }
        if (o instanceof SimpleVector v) {
            return v.items.length;
        }
        if (o instanceof LispString s) {
            return s.length();
        }
        if (o instanceof LispVector v && v.rank() == 1) {
            return v.length();
        }
        if (o instanceof NativeArray n && n.rank() == 1) {
            return n.length();
        }
        if (o == Lisp.NIL || o instanceof Cons) {
            int n = 0;
            Object x = o;
            while (x instanceof Cons c) {
                n++;
                x = c.cdr;
            }
            if (x != Lisp.NIL) {
                throw LispError.typeError(o, "LIST", "LENGTH (a dotted list)");
            }
            return n;
        }
        throw LispError.typeError(o, "SEQUENCE", "LENGTH");
    }

    @TruffleBoundary
    public static Object elt(Object o, int i) {
        if (o instanceof Cons || o == Lisp.NIL) {
            Object x = o;
            for (int k = 0; k < i && x instanceof Cons c; k++) {
                x = c.cdr;
            }
            if (!(x instanceof Cons c) || i < 0) {
                throw LispError.error("SIMPLE-ERROR", "index " + i + " out of bounds for " + Printer.prin1ToString(o));
            }
            return c.car;
        }
        checkIndex(o, i);
        if (o instanceof String s) {
            return s.charAt(i);
        }
        if (o instanceof SimpleVector v) {
            return v.items[i];
        }
        if (o instanceof LispString s) {
            return s.charAt(i);
        }
        if (o instanceof LispVector v) {
            return v.rowMajor(i);
        }
        if (o instanceof NativeArray n) {
            return n.get(i);
        }
        throw LispError.typeError(o, "SEQUENCE", "ELT");
    }

    private static void checkIndex(Object o, int i) {
        if (i < 0 || i >= length(o)) {
            throw LispError.error("SIMPLE-ERROR", "index " + i + " out of bounds for a sequence of length " + length(o));
        }
    }

    @TruffleBoundary
    public static void setElt(Object o, int i, Object v) {
        if (o instanceof Cons) {
            Object x = o;
            for (int k = 0; k < i && x instanceof Cons c; k++) {
                x = c.cdr;
            }
            if (!(x instanceof Cons c) || i < 0) {
                throw LispError.error("SIMPLE-ERROR", "index " + i + " out of bounds for " + Printer.prin1ToString(o));
            }
            c.car = v;
            return;
        }
        checkIndex(o, i);
        if (o instanceof SimpleVector sv) {
            sv.items[i] = v;
        } else if (o instanceof LispString s) {
            s.setCharAt(i, Chars.code(v, "string store"));
        } else if (o instanceof LispVector lv) {
            lv.setRowMajor(i, v);
        } else if (o instanceof NativeArray n) {
            n.set(i, v);
        } else if (o instanceof String) {
            throw LispError.error("SIMPLE-ERROR", "cannot modify the literal string " + Printer.prin1ToString(o)
                    + " (copy it first: COPY-SEQ)");
        } else {
            throw LispError.typeError(o, "SEQUENCE", "(SETF ELT)");
        }
    }

    /** The elements of a sequence, in order. */
    @TruffleBoundary
    public static List<Object> toList(Object o) {
        List<Object> out = new ArrayList<>();
        if (o == Lisp.NIL || o instanceof Cons) {
            for (Object x = o; x instanceof Cons c; x = c.cdr) {
                out.add(c.car);
            }
            return out;
        }
        int n = length(o);
        for (int i = 0; i < n; i++) {
            out.add(elt(o, i));
        }
        return out;
    }

    /** A fresh sequence of the same kind as {@code like}, holding {@code items}. */
    @TruffleBoundary
    public static Object fromList(List<Object> items, Object like) {
        if (like == Lisp.NIL || like instanceof Cons) {
            return Lisp.fromList(items, Lisp.NIL);
        }
        if (like instanceof String || like instanceof LispString) {
            StringBuilder b = new StringBuilder();
            for (Object o : items) {
                b.appendCodePoint(Chars.code(o, "a string"));
            }
            return Chars.text(b.toString());
        }
        if (like instanceof NativeArray n) {
            NativeArray out = new NativeArray(n.element(), new int[]{items.size()}, -1, false);
            for (int i = 0; i < items.size(); i++) {
                out.set(i, items.get(i));
            }
            return out;
        }
        return new SimpleVector(items.toArray());
    }
}
