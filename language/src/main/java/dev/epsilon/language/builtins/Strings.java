package dev.epsilon.language.builtins;

import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Pathname;
import dev.epsilon.language.runtime.Symbol;

/** String designators as builtins take them. */
public final class Strings {
    private Strings() {
    }

    /** A string argument (a string, or a symbol's name or a character where CL allows a designator). */
    public static String string(Object o, String where) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof dev.epsilon.language.runtime.LispString s) {
            return s.toString();
        }
        throw LispError.typeError(o, "STRING", where);
    }

    static String designator(Object o, String where) {
        if (o instanceof Symbol s) {
            return s.name();
        }
        if (o instanceof Character c) {
            return String.valueOf(c);
        }
        if (o instanceof dev.epsilon.language.runtime.WideCharacter w) {
            return w.toString();
        }
        return string(o, where);
    }

    /** A string designator's characters as code points (a fresh array the caller may change). */
    static int[] codePoints(Object o, String where) {
        return designator(o, where).codePoints().toArray();
    }

    /** The file name a pathname designator names. */
    static String namestring(Object o) {
        if (o instanceof Pathname p) {
            return p.namestring();
        }
        return string(o, "pathname");
    }

    static boolean isString(Object o) {
        return o instanceof String || o instanceof dev.epsilon.language.runtime.LispString;
    }

    static Object nilIfEmpty(String s) {
        return s.isEmpty() ? Lisp.NIL : s;
    }
}
