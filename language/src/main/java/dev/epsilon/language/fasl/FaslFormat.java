package dev.epsilon.language.fasl;

import dev.epsilon.language.Prelude;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The layout of an Epsilon fasl: a header (magic, the build that wrote it, the source file), then
 * one entry per top-level form in the order they load, then an end mark. Each entry is a form with
 * its macros already expanded, as tagged binary data: a file-wide symbol table (so uninterned
 * symbols stay one symbol across forms, as COMPILE-FILE's similarity rules allow), labels for
 * shared or circular conses, and source positions on the conses that came from the source file.
 */
final class FaslFormat {
    static final byte[] MAGIC = {0, 'E', 'P', 'S', 'F', 'A', 'S', 'L'};

    static final int NIL = 0;
    static final int T = 1;
    static final int CONS = 2;
    static final int CONS_AT = 3;       // a cons with the source position of its text: char index, length
    static final int LABEL = 4;         // the cons that follows is shared: it gets the next label
    static final int REF = 5;           // a cons labelled earlier in this entry
    static final int SYMBOL_NEW = 6;    // a symbol's first use in the file: package (or none) and name
    static final int SYMBOL = 7;        // a symbol by its index in the file's table
    static final int FIXNUM = 8;
    static final int BIGNUM = 9;
    static final int SINGLE_FLOAT = 10;
    static final int DOUBLE_FLOAT = 11;
    static final int RATIO = 12;
    static final int COMPLEX = 13;
    static final int CHARACTER = 14;
    static final int STRING = 15;       // a literal string of BMP characters (Java String)
    static final int CODE_POINT_STRING = 16;
    static final int SIMPLE_VECTOR = 17;
    static final int NATIVE_ARRAY = 18;   // a specialized array (bits, octets, floats...): element kind, dimensions, elements
    static final int PATHNAME = 19;
    static final int ARRAY = 20;
    static final int SETF_SYMBOL = 21;    // where the function (SETF name) lives: the name follows          // a general array of any rank: dimensions, elements in row-major order

    static final int ENTRY = 100;
    static final int END = 101;

    /** Format revision: a fasl of another revision is rejected, not misread. */
    private static final String REVISION = "1";

    private FaslFormat() {
    }

    /**
     * What identifies the build a fasl was written by: the format revision, the Epsilon version, a
     * checksum of the Lisp libraries and the time the language's code was built. Any difference
     * means the macros that made the expansions may have changed.
     */
    static String fingerprint(String version) {
        CRC32 crc = new CRC32();
        // The Lisp libraries' macros shape what a fasl holds: a change to any of them retires every fasl.
        for (String file : Prelude.lispFiles()) {
            crc.update(Prelude.text(file).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        long built = 0;
        try {
            URL location = FaslFormat.class.getProtectionDomain().getCodeSource().getLocation();
            built = Files.getLastModifiedTime(Path.of(location.toURI())).toMillis();
        } catch (Exception | Error e) {
            // No code location (an image, a custom loader): the library checksum alone decides.
        }
        return "epsilon-fasl " + REVISION + " " + version + " " + Long.toHexString(crc.getValue()) + " " + Long.toHexString(built);
    }
}
