package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Lisp characters are Unicode code points: a {@link Character} for the Basic Multilingual Plane, a
 * {@link WideCharacter} above it. Lisp strings hold code points too. A Java {@link String} that Lisp
 * sees never holds a surrogate pair (so its chars are its characters); text with characters above
 * U+FFFF is a {@link LispString}, which {@link #text} makes.
 */
public final class Chars {
    private Chars() {
    }

    public static final int CHAR_CODE_LIMIT = 0x110000;

    public static boolean isCharacter(Object o) {
        return o instanceof Character || o instanceof WideCharacter;
    }

    /** The character of a code point. */
    public static Object of(int codePoint) {
        return codePoint <= 0xFFFF ? (Object) (char) codePoint : new WideCharacter(codePoint);
    }

    /** The code point of a character, or -1 when {@code o} is not one. */
    public static int codeOrMinus(Object o) {
        if (o instanceof Character c) {
            return c;
        }
        if (o instanceof WideCharacter w) {
            return w.codePoint();
        }
        return -1;
    }

    /** The code point of a character argument; a TYPE-ERROR naming {@code where} otherwise. */
    public static int code(Object o, String where) {
        int c = codeOrMinus(o);
        if (c < 0) {
            throw LispError.typeError(o, "CHARACTER", where);
        }
        return c;
    }

    /** Text for Lisp: {@code s} itself, or a string of code points when it holds a surrogate pair. */
    @TruffleBoundary
    public static Object text(String s) {
        int n = s.length();
        for (int i = 0; i + 1 < n; i++) {
            if (Character.isHighSurrogate(s.charAt(i)) && Character.isLowSurrogate(s.charAt(i + 1))) {
                return new LispString(s);
            }
        }
        return s;
    }

    // Case as SBCL has it: a character has case when it and its counterpart map to each other.
    public static boolean isUpperCase(int c) {
        int l = Character.toLowerCase(c);
        return l != c && Character.toUpperCase(l) == c;
    }

    public static boolean isLowerCase(int c) {
        int u = Character.toUpperCase(c);
        return u != c && Character.toLowerCase(u) == c;
    }

    /** CHAR-UPCASE: the upper-case counterpart, or {@code c} itself when it has no case. */
    public static int upcase(int c) {
        return isLowerCase(c) ? Character.toUpperCase(c) : c;
    }

    /** CHAR-DOWNCASE, and what CHAR-EQUAL and EQUALP compare. */
    public static int downcase(int c) {
        return isUpperCase(c) ? Character.toLowerCase(c) : c;
    }

    /** GRAPHIC-CHAR-P: neither a C0 or C1 control character nor Rubout. */
    public static boolean isGraphic(int c) {
        return c >= 32 && c != 127 && !(c >= 128 && c < 160);
    }

    // The names of the ASCII control characters, as SBCL spells them.
    private static final String[] CONTROL_NAMES = {
        "Nul", "Soh", "Stx", "Etx", "Eot", "Enq", "Ack", "Bel", "Backspace", "Tab", "Newline", "Vt", "Page",
        "Return", "So", "Si", "Dle", "Dc1", "Dc2", "Dc3", "Dc4", "Nak", "Syn", "Etb", "Can", "Em", "Sub", "Esc",
        "Fs", "Gs", "Rs", "Us"};

    /** A standard character: the 95 graphic ASCII characters and Newline. */
    public static boolean isStandard(int c) {
        return (c >= 32 && c < 127) || c == '\n';
    }

    /**
     * CHAR-NAME: the ASCII control names, Space and Rubout, else the Unicode name with underscores
     * for spaces (GRINNING_FACE), else U and the hex code for characters without a name.
     */
    @TruffleBoundary
    public static String name(int c) {
        if (c < 32) {
            return CONTROL_NAMES[c];
        }
        if (c == ' ') {
            return "Space";
        }
        if (c == 127) {
            return "Rubout";
        }
        int type = Character.getType(c);
        String unicode = type == Character.UNASSIGNED || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.CONTROL ? null : Character.getName(c);
        return unicode == null ? "U" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) : unicode.replace(' ', '_');
    }

    /**
     * The character a name names, in any case: CHAR-NAME's names, the other names Lisps read
     * (Linefeed, Null, Delete, Escape, Bell), U+hex and Unicode names; null when none.
     */
    @TruffleBoundary
    public static Object named(String name) {
        switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "SPACE":
                return ' ';
            case "LINEFEED":
                return '\n';
            case "NULL":
                return '\0';
            case "RUBOUT":
            case "DELETE":
                return (char) 127;
            case "ESCAPE":
                return (char) 27;
            case "BELL":
                return (char) 7;
            default:
                break;
        }
        for (int i = 0; i < CONTROL_NAMES.length; i++) {
            if (CONTROL_NAMES[i].equalsIgnoreCase(name)) {
                return (char) i;
            }
        }
        if ((name.startsWith("U") || name.startsWith("u")) && name.length() > 1) {
            try {
                int code = Integer.parseInt(name.substring(name.charAt(1) == '+' ? 2 : 1), 16);
                return code >= 0 && code < CHAR_CODE_LIMIT ? of(code) : null;
            } catch (NumberFormatException e) {
                // not U and hex digits: perhaps a Unicode name that starts with U
            }
        }
        try {
            return of(Character.codePointOf(name.replace('_', ' ')));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
