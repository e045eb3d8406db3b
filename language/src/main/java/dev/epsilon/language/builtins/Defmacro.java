package dev.epsilon.language.builtins;

import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * The expander of DEFMACRO. A macro function takes (form environment), as in CL; the macro's own
 * lambda list is applied to the form's arguments, with &whole and &environment bound around it.
 */
final class Defmacro {
    private Defmacro() {
    }

    static Object expand(EpsilonContext cx, Object form) {
        List<Object> parts = Lisp.toJavaList(form);
        if (parts.size() < 3 || !(parts.get(1) instanceof Symbol name)) {
            throw LispError.error("PROGRAM-ERROR", "malformed DEFMACRO: " + form);
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
        Object inner = new Cons(cx.clSymbol("LAMBDA"), new Cons(ll,
                Lisp.list(new Cons(cx.clSymbol("BLOCK"), new Cons(name, body)))));
        Object call = Lisp.list(cx.clSymbol("APPLY"), Lisp.list(cx.clSymbol("FUNCTION"), inner),
                Lisp.list(cx.clSymbol("CDR"), formVar));
        Object fnBody = outer.isEmpty() ? call : Lisp.list(cx.clSymbol("LET"), Lisp.fromList(outer, Lisp.NIL), call);
        Object fn = Lisp.list(cx.systemSymbol("NAMED-LAMBDA"), name, Lisp.list(formVar, envVar),
                Lisp.list(cx.clSymbol("DECLARE"), Lisp.list(cx.clSymbol("IGNORABLE"), envVar)), fnBody);
        Object quoted = Lisp.list(cx.clSymbol("QUOTE"), name);
        return Lisp.list(cx.clSymbol("PROGN"),
                Lisp.list(cx.systemSymbol("%SET-MACRO"), quoted, Lisp.list(cx.clSymbol("FUNCTION"), fn)),
                quoted);
    }
}
