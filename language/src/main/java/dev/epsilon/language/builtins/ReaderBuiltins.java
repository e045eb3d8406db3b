package dev.epsilon.language.builtins;

import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.reader.Reader;
import dev.epsilon.language.reader.Readtable;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.LispStream;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.language.runtime.Values;

import java.util.ArrayList;
import java.util.List;

/** Readtables and reader macros: COPY-READTABLE, SET-MACRO-CHARACTER, SET-DISPATCH-MACRO-CHARACTER, ... */
final class ReaderBuiltins {
    private ReaderBuiltins() {
    }

    static void install(Builtins b, EpsilonContext cx) {
        // The standard meanings handed out by GET-MACRO-CHARACTER and GET-DISPATCH-MACRO-CHARACTER:
        // they read from the stream with the reader's own code, so a user macro can fall back on them.
        LispFunction standardMacro = b.function(cx.systemPackage(), "%%STANDARD-MACRO-READER", 2, 2, new FunctionBuiltin(a ->
                onStream(cx, a[0], "a standard reader macro", r -> r.readStandardMacro(character(a[1], "a standard reader macro")))));
        LispFunction standardDispatch = b.function(cx.systemPackage(), "%%STANDARD-DISPATCH-READER", 3, 3, new FunctionBuiltin(a ->
                onStream(cx, a[0], "a standard dispatch macro", r -> r.readStandardDispatch(character(a[1], "a standard dispatch macro"),
                        a[2] instanceof Long n ? n : null))));

        b.cl("READTABLEP", 1, 1, a -> Lisp.bool(a[0] instanceof Readtable));
        b.cl("COPY-READTABLE", 0, 2, a -> {
            Readtable from = a.length == 0 ? cx.currentReadtable() : a[0] == Lisp.NIL ? cx.standardReadtable() : readtable(a[0], "COPY-READTABLE");
            if (a.length > 1 && a[1] != Lisp.NIL) {
                Readtable to = readtable(a[1], "COPY-READTABLE");
                from.copyInto(to);
                return to;
            }
            return from.copy();
        });
        b.cl("READTABLE-CASE", 1, 1, a -> cx.keyword(readtable(a[0], "READTABLE-CASE").readCase().name()));
        b.function(cx.systemPackage(), "%%SET-READTABLE-CASE", 2, 2, new FunctionBuiltin(a -> {
            Readtable rt = readtable(a[0], "(SETF READTABLE-CASE)");
            if (!(a[1] instanceof Symbol s) || !s.isKeyword()) {
                throw LispError.typeError(a[1], "(MEMBER :UPCASE :DOWNCASE :PRESERVE :INVERT)", "(SETF READTABLE-CASE)");
            }
            try {
                rt.setReadCase(Readtable.Case.valueOf(s.name()));
            } catch (IllegalArgumentException e) {
                throw LispError.typeError(a[1], "(MEMBER :UPCASE :DOWNCASE :PRESERVE :INVERT)", "(SETF READTABLE-CASE)");
            }
            return a[1];
        }));
        b.cl("SET-MACRO-CHARACTER", 2, 4, a -> {
            Readtable rt = a.length > 3 && a[3] != Lisp.NIL ? readtable(a[3], "SET-MACRO-CHARACTER") : cx.currentReadtable();
            rt.setMacro(character(a[0], "SET-MACRO-CHARACTER"), a[1], a.length > 2 && a[2] != Lisp.NIL);
            return Lisp.T;
        });
        b.cl("GET-MACRO-CHARACTER", 1, 2, a -> {
            Readtable rt = a.length > 1 && a[1] != Lisp.NIL ? readtable(a[1], "GET-MACRO-CHARACTER") : cx.currentReadtable();
            if (a[0] instanceof dev.epsilon.language.runtime.WideCharacter) {
                // Past the BMP: a constituent in every readtable (none can hold a macro there).
                return Values.of(new Object[]{Lisp.NIL, Lisp.NIL});
            }
            char c = character(a[0], "GET-MACRO-CHARACTER");
            Object f = rt.macroFunction(c);
            if (f != null && !(f instanceof Readtable.StandardMacro)) {
                return Values.of(new Object[]{f, Lisp.bool(rt.isNonTerminating(c))});
            }
            char standard = f instanceof Readtable.StandardMacro m ? m.standard() : c;
            if (rt.isConstituent(c) || !Reader.isStandardMacroCharacter(standard)) {
                return Values.of(new Object[]{Lisp.NIL, Lisp.NIL});
            }
            return Values.of(new Object[]{standardMacro, Lisp.bool(standard == '#')});
        });
        b.cl("MAKE-DISPATCH-MACRO-CHARACTER", 1, 3, a -> {
            Readtable rt = a.length > 2 && a[2] != Lisp.NIL ? readtable(a[2], "MAKE-DISPATCH-MACRO-CHARACTER") : cx.currentReadtable();
            rt.makeDispatching(character(a[0], "MAKE-DISPATCH-MACRO-CHARACTER"), a.length > 1 && a[1] != Lisp.NIL);
            return Lisp.T;
        });
        b.cl("SET-DISPATCH-MACRO-CHARACTER", 3, 4, a -> {
            Readtable rt = a.length > 3 && a[3] != Lisp.NIL ? readtable(a[3], "SET-DISPATCH-MACRO-CHARACTER") : cx.currentReadtable();
            char disp = character(a[0], "SET-DISPATCH-MACRO-CHARACTER");
            if (!rt.isDispatching(disp)) {
                throw LispError.error("SIMPLE-ERROR", a[0] + " is not a dispatching macro character");
            }
            rt.setDispatch(disp, character(a[1], "SET-DISPATCH-MACRO-CHARACTER"), a[2] == Lisp.NIL ? null : a[2]);
            return Lisp.T;
        });
        b.cl("GET-DISPATCH-MACRO-CHARACTER", 2, 3, a -> {
            Readtable rt = a.length > 2 && a[2] != Lisp.NIL ? readtable(a[2], "GET-DISPATCH-MACRO-CHARACTER") : cx.currentReadtable();
            char disp = character(a[0], "GET-DISPATCH-MACRO-CHARACTER");
            if (!rt.isDispatching(disp)) {
                throw LispError.error("SIMPLE-ERROR", a[0] + " is not a dispatching macro character");
            }
            if (a[1] instanceof dev.epsilon.language.runtime.WideCharacter) {
                return Lisp.NIL;   // no sub-character past the BMP has a function
            }
            char sub = character(a[1], "GET-DISPATCH-MACRO-CHARACTER");
            Object f = rt.dispatchFunction(disp, sub);
            if (f != null) {
                return f;
            }
            return disp == '#' && Reader.isStandardDispatchCharacter(sub) ? standardDispatch : Lisp.NIL;
        });
        b.cl("SET-SYNTAX-FROM-CHAR", 2, 4, a -> {
            Readtable to = a.length > 2 && a[2] != Lisp.NIL ? readtable(a[2], "SET-SYNTAX-FROM-CHAR") : cx.currentReadtable();
            Readtable from = a.length > 3 && a[3] != Lisp.NIL ? readtable(a[3], "SET-SYNTAX-FROM-CHAR") : cx.standardReadtable();
            to.setSyntaxFrom(character(a[0], "SET-SYNTAX-FROM-CHAR"), character(a[1], "SET-SYNTAX-FROM-CHAR"), from);
            return Lisp.T;
        });
        b.cl("READ-DELIMITED-LIST", 1, 3, a -> {
            char close = character(a[0], "READ-DELIMITED-LIST");
            LispStream in = StreamBuiltins.inputStream(cx, a.length > 1 ? a[1] : Lisp.NIL, "READ-DELIMITED-LIST");
            List<Object> items = new ArrayList<>();
            while (true) {
                // No values: the close character is next (left unread) or a comment was read.
                Object o = onStream(cx, in, "READ-DELIMITED-LIST", r -> r.readDelimitedItem(close));
                if (!(o instanceof Values v && v.count() == 0)) {
                    items.add(o);
                } else if (in.peekChar() == close) {
                    in.readChar();
                    return Lisp.fromList(items, Lisp.NIL);
                }
            }
        });
    }

    /** Runs the reader on the rest of a stream's text and leaves the stream after what it consumed. */
    private static Object onStream(EpsilonContext cx, Object stream, String where, java.util.function.Function<Reader, Object> read) {
        LispStream in = StreamBuiltins.stream(stream, where);
        String text = in.remainingText();
        Reader r = cx.newReader(text, "stream");
        try {
            return read.apply(r);
        } finally {
            in.keepUnread(text, Math.min(r.position(), text.length()));
        }
    }

    private static Readtable readtable(Object o, String where) {
        if (o instanceof Readtable r) {
            return r;
        }
        throw LispError.typeError(o, "READTABLE", where);
    }

    private static char character(Object o, String where) {
        if (o instanceof Character c) {
            return c;
        }
        throw LispError.typeError(o, "CHARACTER", where);
    }
}
