package dev.epsilon.language.runtime;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * OPEN's :EXTERNAL-FORMAT: a keyword naming an encoding (:UTF-8, :LATIN-1, :ASCII, or any name the
 * JVM knows, such as :ISO-8859-15 or :WINDOWS-1252), or a list of one and options, of which
 * :REPLACEMENT (the character that stands for bytes that do not decode, or characters that do not
 * encode) is the one SBCL has too. Text that does not fit is replaced, never an exception from Java.
 */
public final class ExternalFormats {
    private ExternalFormats() {
    }

    /** An encoding and its replacement text. */
    public record Format(Charset charset, String replacement) {
        public CharsetDecoder decoder() {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(replacement == null ? "\uFFFD" : replacement);
        }

        public CharsetEncoder encoder() {
            CharsetEncoder e = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            if (replacement != null && e.canEncode(replacement)) {
                e.replaceWith(replacement.getBytes(charset));
            }
            return e;
        }
    }

    /** The format {@code designator} names; an error naming {@code where} for one the JVM does not know. */
    public static Format of(Object designator, String where) {
        Object name = designator instanceof Cons c ? c.car : designator;
        if (!(name instanceof Symbol s)) {
            throw LispError.error("SIMPLE-ERROR", where + ": undefined external format " + Printer.prin1ToString(designator));
        }
        String replacement = null;
        for (Object o = designator instanceof Cons c ? c.cdr : Lisp.NIL; o instanceof Cons c && c.cdr instanceof Cons v; o = v.cdr) {
            if (c.car instanceof Symbol k && k.name().equals("REPLACEMENT")) {
                replacement = v.car instanceof Character ch ? String.valueOf(ch)
                        : v.car instanceof String str ? str : v.car instanceof LispString ls ? ls.toString() : null;
            }
        }
        return new Format(charset(s.name(), designator, where), replacement);
    }

    private static Charset charset(String name, Object designator, String where) {
        switch (name) {
            case "DEFAULT", "UTF-8", "UTF8":
                return StandardCharsets.UTF_8;
            case "LATIN-1", "LATIN1", "ISO-8859-1", "ISO8859-1":
                return StandardCharsets.ISO_8859_1;
            case "ASCII", "US-ASCII":
                return StandardCharsets.US_ASCII;
            default:
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw LispError.error("SIMPLE-ERROR", where + ": undefined external format " + Printer.prin1ToString(designator));
                }
        }
    }
}
