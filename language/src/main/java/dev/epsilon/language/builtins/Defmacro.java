package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * The expanders of DEFMACRO and DESTRUCTURING-BIND. A macro function takes (form environment), as in
 * CL; its lambda list destructures the form's arguments, with &whole and &environment bound around.
 */
final class Defmacro {
    private Defmacro() {
    }

    @TruffleBoundary   // JDK collections and the printer: compiled, it bails out ("Too deep inlining")
    static Object expand(EpsilonContext cx, Object form) {
        List<Object> parts = Lisp.toJavaList(form);
        if (parts.size() < 3 || !(parts.get(1) instanceof Symbol name)) {
            throw LispError.error("PROGRAM-ERROR", "malformed DEFMACRO: " + Printer.prin1ToString(form));
        }
        Symbol formVar = new Symbol("FORM", null);
        Symbol envVar = new Symbol("ENV", null);
        List<Object> lambdaList = new ArrayList<>();
        List<Object> outer = new ArrayList<>();
        Object o = parts.get(2);
        while (o instanceof Cons c) {
            if (c.car instanceof Symbol s && (s.name().equals("&WHOLE") || s.name().equals("&ENVIRONMENT")) && c.cdr instanceof Cons next) {
                outer.add(Lisp.list(next.car, s.name().equals("&WHOLE") ? formVar : envVar));
                o = next.cdr;
                continue;
            }
            lambdaList.add(c.car);
            o = c.cdr;
        }
        Object ll = Lisp.fromList(lambdaList, o);
        Object body = ((Cons) ((Cons) ((Cons) form).cdr).cdr).cdr;
        Object destructured = bindWithBlock(cx, ll, Lisp.list(cx.clSymbol("CDR"), formVar), body, name);
        Object fnBody = outer.isEmpty() ? destructured : Lisp.list(cx.clSymbol("LET"), Lisp.fromList(outer, Lisp.NIL), destructured);
        Object fn = Lisp.list(cx.systemSymbol("NAMED-LAMBDA"), name, Lisp.list(formVar, envVar),
                Lisp.list(cx.clSymbol("DECLARE"), Lisp.list(cx.clSymbol("IGNORABLE"), envVar)), fnBody);
        Object quoted = Lisp.list(cx.clSymbol("QUOTE"), name);
        Object define = Lisp.list(cx.systemSymbol("%%SET-MACRO"), quoted, Lisp.list(cx.clSymbol("FUNCTION"), fn));
        // The docstring, for DOCUMENTATION, once system.lisp defines where it is kept.
        Symbol record = cx.systemPackage().findPresent("%SET-DOCUMENTATION");
        Object doc = body instanceof Cons b && b.car instanceof String s && b.cdr instanceof Cons ? s : null;
        if (doc != null && record != null && record.function() != null) {
            return Lisp.list(cx.clSymbol("PROGN"), define,
                    Lisp.list(record, quoted, Lisp.list(cx.clSymbol("QUOTE"), cx.clSymbol("FUNCTION")), doc), quoted);
        }
        return Lisp.list(cx.clSymbol("PROGN"), define, quoted);
    }

    /** {@code (destructuring-bind lambda-list expression . body)}. */
    static Object destructuringBind(EpsilonContext cx, Object form) {
        List<Object> parts = Lisp.toJavaList(form);
        if (parts.size() < 3) {
            throw LispError.error("PROGRAM-ERROR", "malformed DESTRUCTURING-BIND: " + Printer.prin1ToString(form));
        }
        Object body = ((Cons) ((Cons) ((Cons) form).cdr).cdr).cdr;
        return Destructure.bind(cx, parts.get(1), parts.get(2), body, cx.clSymbol("DESTRUCTURING-BIND"));
    }

    /** Declarations (and a docstring) stay in front; the forms run inside (block name ...). */
    private static Object bindWithBlock(EpsilonContext cx, Object ll, Object expr, Object body, Symbol name) {
        Object inBlock = dev.epsilon.language.runtime.BodyParts.split(body, cx.clSymbol("DECLARE")).inBlock(cx.clSymbol("BLOCK"), name);
        return Destructure.bind(cx, ll, expr, inBlock, name);
    }
}
