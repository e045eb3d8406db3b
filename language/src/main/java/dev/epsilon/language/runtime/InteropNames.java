package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * How Lisp names look to other languages: a symbol whose name has no lower-case letters (the
 * reader's upper-cased SQUARE, *PACKAGE*) is the member "square", "*package*"; any other name is
 * itself. A member name finds the symbol under either spelling.
 */
public final class InteropNames {
    private InteropNames() {
    }

    @TruffleBoundary
    public static String memberName(Symbol s) {
        String name = s.name();
        return name.equals(name.toUpperCase(java.util.Locale.ROOT)) ? name.toLowerCase(java.util.Locale.ROOT) : name;
    }

    /** Whether {@code member} names {@code s}. */
    @TruffleBoundary
    public static boolean names(String member, Symbol s) {
        return member.equals(s.name()) || member.equals(memberName(s));
    }

    /** The spellings of a symbol's name that {@code member} may stand for, the exact one first. */
    @TruffleBoundary
    public static String[] symbolNames(String member) {
        String upper = member.toUpperCase(java.util.Locale.ROOT);
        return upper.equals(member) ? new String[]{member} : new String[]{member, upper};
    }
}
