package dev.epsilon.language.runtime;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the analyzer expanded while a file was loaded or compiled: each macro call (and compiler
 * macro call) of the file's forms, by identity, with its expansion. The fasl writer puts the
 * expansions in place of the calls, so that loading the fasl skips expanding them again.
 *
 * <p>A form analyzed twice (a macro that puts an argument into its expansion twice) can expand
 * differently each time, in different lexical environments; such a form is marked and left to be
 * expanded when the fasl loads. Expansions that differ only in their gensyms count as the same.
 */
public final class ExpansionRecorder {
    private final Map<Cons, Object> expansions = new IdentityHashMap<>();
    private final Map<Cons, Boolean> conflicted = new IdentityHashMap<>();

    public void record(Cons form, Object expansion) {
        if (conflicted.containsKey(form)) {
            return;
        }
        Object earlier = expansions.putIfAbsent(form, expansion);
        if (earlier != null && earlier != expansion && !sameUpToGensyms(earlier, expansion, new IdentityHashMap<>())) {
            expansions.remove(form);
            conflicted.put(form, Boolean.TRUE);
        }
    }

    /** The recorded expansion of {@code form}, or null when it was not expanded (or not one way). */
    public Object expansionOf(Cons form) {
        return expansions.get(form);
    }

    /** Whether {@code form} expanded differently in different places: it must stay as written. */
    public boolean isConflicted(Cons form) {
        return conflicted.containsKey(form);
    }

    private static boolean sameUpToGensyms(Object a, Object b, Map<Symbol, Symbol> renaming) {
        while (a instanceof Cons ca && b instanceof Cons cb) {
            if (!sameUpToGensyms(ca.car, cb.car, renaming)) {
                return false;
            }
            a = ca.cdr;
            b = cb.cdr;
        }
        if (a instanceof Symbol sa && b instanceof Symbol sb && sa.home() == null && sb.home() == null
                && sa != Lisp.NIL && sa != Lisp.T) {
            Symbol seen = renaming.putIfAbsent(sa, sb);
            return seen == null || seen == sb;
        }
        return a == b || (!(a instanceof Cons) && !(b instanceof Cons) && java.util.Objects.equals(a, b));
    }
}
