package dev.epsilon.language.builtins;

import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.SimpleVector;
import dev.epsilon.language.runtime.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands a backquoted template into list-building code. Nested backquotes keep their inner
 * unquotes until the inner level is expanded.
 */
final class Backquote {
    private final EpsilonContext context;
    private final Symbol quasiquote;
    private final Symbol unquote;
    private final Symbol unquoteSplicing;

    Backquote(EpsilonContext context) {
        this.context = context;
        this.quasiquote = context.systemSymbol("QUASIQUOTE");
        this.unquote = context.systemSymbol("UNQUOTE");
        this.unquoteSplicing = context.systemSymbol("UNQUOTE-SPLICING");
    }

    /** The macro function of QUASIQUOTE: {@code (quasiquote template)}. */
    Object expandForm(Object form) {
        return expand(Lisp.car(Lisp.cdr(form)), 1);
    }

    private boolean isForm(Object o, Symbol head) {
        return o instanceof Cons c && c.car == head && c.cdr instanceof Cons rest && rest.cdr == Lisp.NIL;
    }

    private Object quote(Object o) {
        return Lisp.list(context.clSymbol("QUOTE"), o);
    }

    private Object expand(Object x, int depth) {
        if (isForm(x, unquote) && depth == 1) {
            return ((Cons) ((Cons) x).cdr).car;
        }
        if (isForm(x, unquoteSplicing) && depth == 1) {
            throw LispError.simple(",@ after ` outside a list");
        }
        // An inner level's (unquote ...), (unquote-splicing ...) or (quasiquote ...): rebuild the
        // form around its argument list, expanded one level out (or in), so ,,@x splices x into
        // the inner unquote as (unquote x1 x2 ...) would.
        if (x instanceof Cons c && (c.car == unquote || c.car == unquoteSplicing) && c.cdr instanceof Cons) {
            return Lisp.list(context.clSymbol("CONS"), quote(c.car), expand(c.cdr, depth - 1));
        }
        if (x instanceof Cons c && c.car == quasiquote && c.cdr instanceof Cons) {
            return Lisp.list(context.clSymbol("CONS"), quote(quasiquote), expand(c.cdr, depth + 1));
        }
        if (x instanceof SimpleVector v) {
            return Lisp.list(context.clSymbol("APPLY"), Lisp.list(context.clSymbol("FUNCTION"), context.clSymbol("VECTOR")),
                    expand(Lisp.fromList(List.of(v.items), Lisp.NIL), depth));
        }
        if (!(x instanceof Cons)) {
            return x instanceof Symbol || x instanceof Cons ? quote(x) : x;
        }
        // A list: segments to append; each element is a one-element list unless spliced.
        List<Object> segments = new ArrayList<>();
        Object o = x;
        while (o instanceof Cons c) {
            if (c.car == unquote || c.car == unquoteSplicing || c.car == quasiquote) {
                break;   // `(a . ,b) reads as (a unquote b): the rest is an unquoted tail
            }
            Object el = c.car;
            if (depth == 1 && el instanceof Cons u && u.car == unquoteSplicing) {
                // (unquote-splicing a b ...) comes from ,,@ one level out: splice each
                for (Object arg : Lisp.toJavaList(u.cdr)) {
                    segments.add(arg);
                }
            } else if (depth == 1 && el instanceof Cons u && u.car == unquote && !(isForm(el, unquote))) {
                for (Object arg : Lisp.toJavaList(u.cdr)) {
                    segments.add(Lisp.list(context.clSymbol("LIST"), arg));
                }
            } else {
                segments.add(Lisp.list(context.clSymbol("LIST"), expand(el, depth)));
            }
            o = c.cdr;
        }
        Object tail = o == Lisp.NIL ? null : expand(o, depth);
        if (tail != null) {
            segments.add(tail);
        }
        return Lisp.fromList(List.of(context.clSymbol("APPEND")), Lisp.fromList(segments, Lisp.NIL));
    }
}
