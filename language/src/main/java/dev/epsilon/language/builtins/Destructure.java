package dev.epsilon.language.builtins;

import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * Destructuring lambda lists (DEFMACRO, DESTRUCTURING-BIND): a pattern becomes LET* bindings that
 * walk the list with a fresh cursor per step, so nested patterns, &optional, &rest/&body, &key and
 * dotted tails all reduce to ordinary lexical variables.
 */
final class Destructure {
    private final EpsilonContext cx;
    private final List<Object> bindings = new ArrayList<>();
    private final Object whole;

    private Destructure(EpsilonContext cx, Object whole) {
        this.cx = cx;
        this.whole = whole;
    }

    /** {@code (let* BINDINGS . body)} binding {@code pattern} to the value of {@code expr}. */
    static Object bind(EpsilonContext cx, Object pattern, Object expr, Object body, Object whole) {
        Destructure d = new Destructure(cx, whole);
        Symbol top = gensym("LIST");
        d.bindings.add(Lisp.list(top, expr));
        d.walk(pattern, top);
        return new Cons(cx.clSymbol("LET*"), new Cons(Lisp.fromList(d.bindings, Lisp.NIL), body));
    }

    private static Symbol gensym(String name) {
        return new Symbol(name, null);
    }

    private Object sys(String name, Object... args) {
        return Lisp.fromList(List.of(cx.systemSymbol(name)), Lisp.list(args));
    }

    private Object quote(Object o) {
        return Lisp.list(cx.clSymbol("QUOTE"), o);
    }

    private void walk(Object pattern, Symbol list) {
        Symbol cursor = list;
        String section = "REQUIRED";
        boolean restSeen = false;
        Object p = pattern;
        while (p instanceof Cons c) {
            Object item = c.car;
            p = c.cdr;
            if (item instanceof Symbol s && s.name().startsWith("&") && s.home() == cx.clPackage()) {
                switch (s.name()) {
                    case "&OPTIONAL", "&KEY", "&AUX" -> section = s.name().substring(1);
                    case "&REST", "&BODY" -> section = "REST";
                    case "&WHOLE" -> {
                        if (p instanceof Cons next) {
                            bindings.add(Lisp.list(next.car, list));
                            p = next.cdr;
                        }
                    }
                    case "&ALLOW-OTHER-KEYS", "&ENVIRONMENT" -> {
                        if (s.name().equals("&ENVIRONMENT") && p instanceof Cons next) {
                            bindings.add(Lisp.list(next.car, Lisp.NIL));
                            p = next.cdr;
                        }
                    }
                    default -> throw LispError.error("PROGRAM-ERROR", "unsupported lambda list keyword " + s.name());
                }
                continue;
            }
            switch (section) {
                case "REQUIRED" -> {
                    Object value = sys("%%DESTRUCTURE-CAR", cursor, quote(pattern), quote(whole));
                    bindTarget(item, value);
                    cursor = advance(cursor);
                }
                case "OPTIONAL" -> {
                    Object var = item instanceof Cons oc ? oc.car : item;
                    Object init = item instanceof Cons oc && oc.cdr instanceof Cons ic ? ic.car : Lisp.NIL;
                    Object supplied = item instanceof Cons oc && oc.cdr instanceof Cons ic && ic.cdr instanceof Cons sc ? sc.car : null;
                    if (supplied != null) {
                        bindings.add(Lisp.list(supplied, Lisp.list(cx.clSymbol("IF"), cursor, Lisp.T, Lisp.NIL)));
                    }
                    bindTarget(var, Lisp.list(cx.clSymbol("IF"), cursor, Lisp.list(cx.clSymbol("CAR"), cursor), init));
                    cursor = advance(cursor);
                }
                case "REST" -> {
                    bindTarget(item, cursor);
                    restSeen = true;
                }
                case "KEY" -> {
                    restSeen = true;
                    Object spec = item instanceof Cons kc ? kc.car : item;
                    Object init = item instanceof Cons kc && kc.cdr instanceof Cons ic ? ic.car : Lisp.NIL;
                    Object supplied = item instanceof Cons kc && kc.cdr instanceof Cons ic && ic.cdr instanceof Cons sc ? sc.car : null;
                    Object var;
                    Object key;
                    if (spec instanceof Cons kv) {
                        key = kv.car;
                        var = Lisp.car(kv.cdr);
                    } else {
                        var = spec;
                        key = cx.keyword(((Symbol) spec).name());
                    }
                    Symbol found = gensym("FOUND");
                    bindings.add(Lisp.list(found, sys("%%DESTRUCTURE-KEY", cursor, key)));
                    if (supplied != null) {
                        bindings.add(Lisp.list(supplied, Lisp.list(cx.clSymbol("IF"), found, Lisp.T, Lisp.NIL)));
                    }
                    bindTarget(var, Lisp.list(cx.clSymbol("IF"), found, Lisp.list(cx.clSymbol("CAR"), found), init));
                }
                case "AUX" -> {
                    Object var = item instanceof Cons ac ? ac.car : item;
                    Object init = item instanceof Cons ac && ac.cdr instanceof Cons ic ? ic.car : Lisp.NIL;
                    bindings.add(Lisp.list(var, init));
                }
                default -> throw new IllegalStateException(section);
            }
        }
        if (p != Lisp.NIL) {
            bindTarget(p, cursor);   // dotted tail: (a . rest)
        } else if (!restSeen) {
            bindings.add(Lisp.list(gensym("END"), sys("%%DESTRUCTURE-END", cursor, quote(pattern), quote(whole))));
        }
    }

    private Symbol advance(Symbol cursor) {
        Symbol next = gensym("REST");
        bindings.add(Lisp.list(next, Lisp.list(cx.clSymbol("CDR"), cursor)));
        return next;
    }

    /** A symbol is bound; a list is a nested pattern over the value. */
    private void bindTarget(Object target, Object value) {
        if (target instanceof Symbol) {
            bindings.add(Lisp.list(target, value));
        } else if (target instanceof Cons) {
            Symbol sub = gensym("SUB");
            bindings.add(Lisp.list(sub, value));
            walk(target, sub);
        } else {
            throw LispError.error("PROGRAM-ERROR", "bad destructuring target " + target);
        }
    }
}
