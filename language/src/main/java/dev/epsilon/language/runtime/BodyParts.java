package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.List;

/**
 * A function body's leading declarations (a docstring among them is dropped) and the forms after
 * them: the declarations stay in front of the BLOCK a named function's forms run in.
 */
public record BodyParts(List<Object> declarations, Object forms) {
    /** Splits {@code body}; {@code declare} is the CL DECLARE symbol of the running image. */
    @TruffleBoundary
    public static BodyParts split(Object body, Symbol declare) {
        List<Object> declarations = new ArrayList<>();
        Object rest = body;
        while (rest instanceof Cons c && ((c.car instanceof Cons d && d.car == declare)
                || (c.car instanceof String && c.cdr instanceof Cons))) {
            if (!(c.car instanceof String)) {
                declarations.add(c.car);
            }
            rest = c.cdr;
        }
        return new BodyParts(declarations, rest);
    }

    /** The body as {@code (declare ...)* (block name forms...)}. */
    public Object inBlock(Symbol block, Object name) {
        List<Object> out = new ArrayList<>(declarations);
        out.add(new Cons(block, new Cons(name, forms)));
        return Lisp.fromList(out, Lisp.NIL);
    }
}
