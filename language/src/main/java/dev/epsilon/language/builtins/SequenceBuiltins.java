package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.runtime.Chars;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.LispString;
import dev.epsilon.language.runtime.NativeArray;
import dev.epsilon.language.runtime.Numbers;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Sequences;
import dev.epsilon.language.runtime.SimpleVector;
import dev.epsilon.language.runtime.Symbol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sequence functions that work on whole sequences in Java: SUBSEQ, COPY-SEQ, REVERSE, CONCATENATE,
 * SORT, FILL, REPLACE, SEARCH, COERCE. The element-wise ones with :key and :test are Lisp.
 */
final class SequenceBuiltins {
    private SequenceBuiltins() {
    }

    static LispFunction fn(Object designator, String where) {
        return dev.epsilon.language.runtime.FunctionDesignators.resolve(designator, where);
    }

    private static int end(Object e, int length, String where) {
        int end = e == Lisp.NIL ? length : Args.index(e, where);
        if (end > length) {
            throw LispError.error("SIMPLE-ERROR", where + ": end " + end + " is past the sequence length " + length);
        }
        return end;
    }

    static void install(Builtins b, EpsilonContext cx) {
        b.clInlined("ELT", 2, 2, a -> Sequences.elt(a[0], Args.index(a[1], "ELT")));
        b.function(cx.systemPackage(), "%%SET-ELT", 3, 3, new FunctionBuiltin(a -> {
            Sequences.setElt(a[0], Args.index(a[1], "(SETF ELT)"), a[2]);
            return a[2];
        }));
        b.cl("SUBSEQ", 2, 3, a -> {
            List<Object> items = Sequences.toList(a[0]);
            int start = Args.index(a[1], "SUBSEQ");
            int end = end(a.length > 2 ? a[2] : Lisp.NIL, items.size(), "SUBSEQ");
            if (start > end) {
                throw LispError.error("SIMPLE-ERROR", "SUBSEQ: start " + start + " is after end " + end);
            }
            if (a[0] instanceof String s) {
                return s.substring(start, end);
            }
            return Sequences.fromList(new ArrayList<>(items.subList(start, end)), a[0]);
        });
        b.cl("COPY-SEQ", 1, 1, a -> {
            if (a[0] instanceof String || a[0] instanceof LispString) {
                return new LispString(a[0].toString());
            }
            return Sequences.fromList(Sequences.toList(a[0]), a[0]);
        });
        b.cl("REVERSE", 1, 1, a -> reversed(a[0]));
        b.cl("NREVERSE", 1, 1, a -> reversed(a[0]));
        b.cl("CONCATENATE", 1, -1, a -> {
            List<Object> items = new ArrayList<>();
            for (int i = 1; i < a.length; i++) {
                items.addAll(Sequences.toList(a[i]));
            }
            return ofType(a[0], items, cx);
        });
        b.cl("COERCE", 2, 2, a -> coerce(a[0], a[1], cx));
        b.cl("SORT", 2, -1, a -> sort(a, cx));
        b.cl("STABLE-SORT", 2, -1, a -> sort(a, cx));
        b.cl("FILL", 2, -1, a -> {
            int n = Sequences.length(a[0]);
            int start = Args.index(Args.key(a, 2, "START", 0L), "FILL");
            int end = end(Args.key(a, 2, "END", Lisp.NIL), n, "FILL");
            for (int i = start; i < end; i++) {
                Sequences.setElt(a[0], i, a[1]);
            }
            return a[0];
        });
        b.cl("REPLACE", 2, -1, a -> {
            List<Object> source = Sequences.toList(a[1]);
            int n = Sequences.length(a[0]);
            int start1 = Args.index(Args.key(a, 2, "START1", 0L), "REPLACE");
            int end1 = end(Args.key(a, 2, "END1", Lisp.NIL), n, "REPLACE");
            int start2 = Args.index(Args.key(a, 2, "START2", 0L), "REPLACE");
            int end2 = end(Args.key(a, 2, "END2", Lisp.NIL), source.size(), "REPLACE");
            int count = Math.min(end1 - start1, end2 - start2);
            for (int i = 0; i < count; i++) {
                Sequences.setElt(a[0], start1 + i, source.get(start2 + i));
            }
            return a[0];
        });
        b.cl("SEARCH", 2, -1, a -> {
            List<Object> needle = Sequences.toList(a[0]);
            List<Object> hay = Sequences.toList(a[1]);
            Object test = Args.key(a, 2, "TEST", Lisp.NIL);
            boolean fromEnd = Args.key(a, 2, "FROM-END", Lisp.NIL) != Lisp.NIL;
            int start2 = Args.index(Args.key(a, 2, "START2", 0L), "SEARCH");
            int end2 = end(Args.key(a, 2, "END2", Lisp.NIL), hay.size(), "SEARCH");
            LispFunction t = test == Lisp.NIL ? null : fn(test, "SEARCH");
            int found = -1;
            for (int i = start2; i + needle.size() <= end2; i++) {
                boolean match = true;
                for (int j = 0; j < needle.size() && match; j++) {
                    Object x = needle.get(j);
                    Object y = hay.get(i + j);
                    match = t == null ? Lisp.eql(x, y) : t.callUncached(x, y) != Lisp.NIL;
                }
                if (match) {
                    found = i;
                    if (!fromEnd) {
                        break;
                    }
                }
            }
            return found < 0 ? Lisp.NIL : (Object) (long) found;
        });
    }

    @TruffleBoundary   // JDK collection code: partial evaluation would inline it until it bails out
    private static Object reversed(Object o) {
        if (o instanceof String s) {
            return new StringBuilder(s).reverse().toString();
        }
        List<Object> items = Sequences.toList(o);
        Collections.reverse(items);
        return Sequences.fromList(items, o);
    }

    private static Object sort(Object[] a, EpsilonContext cx) {
        LispFunction predicate = fn(a[1], "SORT");
        Object keyArg = Args.key(a, 2, "KEY", Lisp.NIL);
        LispFunction key = keyArg == Lisp.NIL ? null : fn(keyArg, "SORT");
        List<Object> items = Sequences.toList(a[0]);
        List<Object> keys = new ArrayList<>(items.size());
        for (Object o : items) {
            keys.add(key == null ? o : key.callUncached(o));
        }
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Merge sort (stable), asking the predicate both ways as CL's SORT may.
        java.util.Arrays.sort(order, (x, y) -> {
            if (predicate.callUncached(keys.get(x), keys.get(y)) != Lisp.NIL) {
                return -1;
            }
            if (predicate.callUncached(keys.get(y), keys.get(x)) != Lisp.NIL) {
                return 1;
            }
            return 0;
        });
        List<Object> sorted = new ArrayList<>(items.size());
        for (Integer i : order) {
            sorted.add(items.get(i));
        }
        if (a[0] instanceof Cons) {
            // Sort a list in place: reuse its conses, as callers may hold the head.
            Object cell = a[0];
            for (Object v : sorted) {
                ((Cons) cell).car = v;
                cell = ((Cons) cell).cdr;
            }
            return a[0];
        }
        if (a[0] == Lisp.NIL) {
            return Lisp.NIL;
        }
        if (a[0] instanceof String) {
            return Sequences.fromList(sorted, a[0]);
        }
        for (int i = 0; i < sorted.size(); i++) {
            Sequences.setElt(a[0], i, sorted.get(i));
        }
        return a[0];
    }

    private static Object ofType(Object type, List<Object> items, EpsilonContext cx) {
        String name = type instanceof Symbol s ? s.name() : type instanceof Cons c && c.car instanceof Symbol h ? h.name() : "";
        switch (name) {
            case "LIST":
            case "CONS":
                return Lisp.fromList(items, Lisp.NIL);
            case "STRING":
            case "SIMPLE-STRING":
            case "BASE-STRING":
                return Sequences.fromList(items, "");
            case "VECTOR":
            case "SIMPLE-VECTOR":
            case "ARRAY":
            case "SIMPLE-ARRAY": {
                Object elementType = cx.types().expand(type instanceof Cons c && c.cdr instanceof Cons e ? e.car : Lisp.T);
                Object kind = DataBuiltins.elementKind(elementType);
                if ("CHARACTER".equals(kind)) {
                    return Sequences.fromList(items, "");
                }
                if (kind instanceof NativeArray.Element el) {
                    NativeArray n = new NativeArray(el, new int[]{items.size()}, -1, false);
                    for (int i = 0; i < items.size(); i++) {
                        n.set(i, items.get(i));
                    }
                    return n;
                }
                return new SimpleVector(items.toArray());
            }
            default: {
                Object expanded = cx.types().expand(type);
                if (expanded != type) {
                    return ofType(expanded, items, cx);
                }
                throw LispError.error("SIMPLE-ERROR", "cannot make a sequence of type " + Printer.prin1ToString(type));
            }
        }
    }

    private static Object coerce(Object o, Object type, EpsilonContext cx) {
        if (type == Lisp.T) {
            return o;
        }
        if (!(type instanceof Symbol fn && fn.name().equals("FUNCTION"))) {
            try {
                if (cx.types().typep(o, type)) {
                    return o;   // already of the type: COERCE returns the object itself
                }
            } catch (LispError e) {
                // a type TYPEP does not know: the conversions below decide
            }
        }
        String name = type instanceof Symbol s ? s.name() : type instanceof Cons c && c.car instanceof Symbol h ? h.name() : "";
        switch (name) {
            case "CHARACTER":
                if (Chars.isCharacter(o)) {
                    return o;
                }
                String s = Strings.designator(o, "COERCE");
                if (s.codePointCount(0, s.length()) == 1) {
                    return Chars.of(s.codePointAt(0));
                }
                break;
            case "FLOAT":
            case "SINGLE-FLOAT":
            case "SHORT-FLOAT":
                if (Numbers.isNumber(o)) {
                    return name.equals("FLOAT") && o instanceof Double ? o : (Object) (float) Arith.toDouble(o);
                }
                break;
            case "DOUBLE-FLOAT":
            case "LONG-FLOAT":
                if (Numbers.isNumber(o)) {
                    return Arith.toDouble(o);
                }
                break;
            case "FUNCTION":
                if (o instanceof LispFunction) {
                    return o;
                }
                if (o instanceof Symbol sym && sym.function() != null) {
                    return sym.function();
                }
                if (o instanceof Cons) {
                    return cx.evalTopLevel(Lisp.list(cx.clSymbol("FUNCTION"), o), null, null);
                }
                break;
            case "INTEGER":
            case "NUMBER":
            case "REAL":
            case "RATIONAL":
                if (Numbers.isNumber(o)) {
                    return o;
                }
                break;
            default:
                if (Sequences.isSequence(o)) {
                    return ofType(type, Sequences.toList(o), cx);
                }
        }
        throw LispError.typeError(o, Printer.prin1ToString(type), "COERCE");
    }
}
