package dev.epsilon.language.fasl;

import com.oracle.truffle.api.source.Source;
import dev.epsilon.language.reader.Reader;
import dev.epsilon.language.reader.SourceMap;
import dev.epsilon.language.runtime.Chars;
import dev.epsilon.language.runtime.Complex;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispPackage;
import dev.epsilon.language.runtime.LispString;
import dev.epsilon.language.runtime.LispVector;
import dev.epsilon.language.runtime.NativeArray;
import dev.epsilon.language.runtime.Numbers;
import dev.epsilon.language.runtime.Pathname;
import dev.epsilon.language.runtime.Ratio;
import dev.epsilon.language.runtime.SimpleVector;
import dev.epsilon.language.runtime.Symbol;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the forms of a fasl (see {@link FaslFormat}) one at a time, resolving each symbol when its
 * form is read, so that packages made by earlier forms are there for later ones.
 */
public final class FaslReader {
    private final byte[] bytes;
    private int pos;
    private final String fingerprint;
    private final String sourcePath;
    private final long sourceLength;
    private final List<Symbol> symbols = new ArrayList<>();
    private final Function<String, LispPackage> packages;
    private final SourceMap map = new SourceMap();
    private Source source;
    private final List<Cons> labels = new ArrayList<>();

    /** Whether {@code head} (a file's first bytes) starts a fasl. */
    public static boolean isFasl(byte[] head) {
        return head.length >= FaslFormat.MAGIC.length
                && Arrays.equals(Arrays.copyOf(head, FaslFormat.MAGIC.length), FaslFormat.MAGIC);
    }

    /** The fingerprint this build gives its fasls; a fasl with another one is not loaded. */
    public static String fingerprint(String version) {
        return FaslFormat.fingerprint(version);
    }

    /** The fingerprint in a fasl's header, or null when {@code in} does not start a fasl. */
    public static String fingerprintOf(java.io.InputStream in) throws java.io.IOException {
        byte[] head = in.readNBytes(FaslFormat.MAGIC.length + 10 + 4096);
        if (!isFasl(head)) {
            return null;
        }
        try {
            FaslReader header = new FaslReader(head);
            return header.text();
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** A reader of the header alone, positioned at the fingerprint. */
    private FaslReader(byte[] head) {
        this.bytes = head;
        this.packages = n -> null;
        this.pos = FaslFormat.MAGIC.length;
        this.fingerprint = null;
        this.sourcePath = null;
        this.sourceLength = 0;
    }

    public FaslReader(byte[] bytes, Function<String, LispPackage> packages) {
        this.bytes = bytes;
        this.packages = packages;
        this.pos = FaslFormat.MAGIC.length;
        try {
            this.fingerprint = text();
            this.sourcePath = text();
            this.sourceLength = fixed(8);
        } catch (IndexOutOfBoundsException e) {
            throw corrupt();
        }
    }

    public String fingerprint() { return fingerprint; }

    /** The source file the fasl was made from ("" when it had none). */
    public String sourcePath() { return sourcePath; }

    /** The length in characters the source had; positions are only used against the same length. */
    public long sourceLength() { return sourceLength; }

    /** Positions in {@code original} (the unchanged source) for the conses read from now on. */
    public void useSource(Source original) {
        this.source = original;
    }

    public SourceMap sourceMap() { return map; }

    /** The next top-level form, or {@link Reader#EOF}. */
    public Object next() {
        try {
            return entry();
        } catch (IndexOutOfBoundsException | NegativeArraySizeException | ClassCastException e) {
            throw corrupt();   // cut short or overwritten
        }
    }

    private Object entry() {
        int tag = bytes[pos++];
        if (tag == FaslFormat.END) {
            pos--;
            return Reader.EOF;
        }
        if (tag != FaslFormat.ENTRY) {
            throw corrupt();
        }
        labels.clear();
        return object();
    }

    private Object object() {
        int tag = bytes[pos++];
        switch (tag) {
            case FaslFormat.NIL: return Lisp.NIL;
            case FaslFormat.T: return Lisp.T;
            case FaslFormat.CONS, FaslFormat.CONS_AT, FaslFormat.LABEL: pos--; return list();
            case FaslFormat.REF: return labels.get((int) count());
            case FaslFormat.SYMBOL_NEW: return newSymbol();
            case FaslFormat.SYMBOL: return symbols.get((int) count());
            case FaslFormat.SETF_SYMBOL: return ((Symbol) object()).setfSymbol();
            case FaslFormat.FIXNUM: {
                long z = count();
                return (z >>> 1) ^ -(z & 1);
            }
            case FaslFormat.BIGNUM: {
                int n = (int) count();
                byte[] b = Arrays.copyOfRange(bytes, pos, pos + n);
                pos += n;
                return Numbers.normalize(new BigInteger(b));
            }
            case FaslFormat.SINGLE_FLOAT: return Float.intBitsToFloat((int) fixed(4));
            case FaslFormat.DOUBLE_FLOAT: return Double.longBitsToDouble(fixed(8));
            case FaslFormat.RATIO: {
                Object n = object();
                Object d = object();
                return Ratio.of(big(n), big(d));
            }
            case FaslFormat.COMPLEX: {
                Object re = object();
                Object im = object();
                return Complex.fromParts(re, im);
            }
            case FaslFormat.CHARACTER: return Chars.of((int) count());
            case FaslFormat.STRING: return text();
            case FaslFormat.CODE_POINT_STRING: {
                int n = (int) count();
                StringBuilder b = new StringBuilder(n);
                for (int i = 0; i < n; i++) {
                    b.appendCodePoint((int) count());
                }
                return new LispString(b.toString());
            }
            case FaslFormat.SIMPLE_VECTOR: {
                Object[] items = new Object[(int) count()];
                for (int i = 0; i < items.length; i++) {
                    items[i] = object();
                }
                return new SimpleVector(items);
            }
            case FaslFormat.NATIVE_ARRAY: {
                NativeArray.Element element = NativeArray.Element.values()[(int) count()];
                NativeArray a = new NativeArray(element, dimensions(), -1, false);
                for (int i = 0; i < a.totalSize(); i++) {
                    a.set(i, object());
                }
                return a;
            }
            case FaslFormat.ARRAY: {
                LispVector a = new LispVector(dimensions(), Lisp.NIL, -1, false);
                for (int i = 0; i < a.totalSize(); i++) {
                    a.setRowMajor(i, object());
                }
                return a;
            }
            case FaslFormat.PATHNAME: return new Pathname(text());
            default: throw corrupt();
        }
    }

    /** A list: its conses made in a loop along the cdr chain; a label names the cons after it. */
    private Object list() {
        Cons first = null;
        Cons last = null;
        while (true) {
            int tag = bytes[pos];
            boolean labelled = tag == FaslFormat.LABEL;
            if (labelled) {
                tag = bytes[++pos];
            }
            if (tag != FaslFormat.CONS && tag != FaslFormat.CONS_AT) {
                if (labelled) {
                    throw corrupt();
                }
                Object tail = object();
                last.cdr = tail;
                return first;
            }
            pos++;
            Cons c = new Cons(Lisp.NIL, Lisp.NIL);
            if (labelled) {
                labels.add(c);
            }
            if (tag == FaslFormat.CONS_AT) {
                int index = (int) count();
                int length = (int) count();
                if (source != null && index + length <= source.getLength()) {
                    map.put(c, source.createSection(index, length));
                }
            }
            if (first == null) {
                first = c;
            } else {
                last.cdr = c;
            }
            last = c;
            c.car = object();
            if (bytes[pos] == FaslFormat.REF) {
                last.cdr = object();
                return first;
            }
        }
    }

    private int[] dimensions() {
        int[] dimensions = new int[(int) count()];
        for (int i = 0; i < dimensions.length; i++) {
            dimensions[i] = (int) count();
        }
        return dimensions;
    }

    private Symbol newSymbol() {
        String packageName = text();
        boolean interned = bytes[pos++] != 0;
        String name = text();
        Symbol s;
        if (!interned) {
            s = new Symbol(name, null);
        } else {
            LispPackage p = packages.apply(packageName);
            if (p == null) {
                throw LispError.error("PACKAGE-ERROR", "the fasl refers to the symbol " + packageName + "::" + name
                        + ", but there is no package " + packageName);
            }
            s = p.intern(name);
        }
        symbols.add(s);
        return s;
    }

    private static BigInteger big(Object n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf((Long) n);
    }

    private long fixed(int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (bytes[pos++] & 0xFF);
        }
        return v;
    }

    private long count() {
        long v = 0;
        int shift = 0;
        while (true) {
            int b = bytes[pos++];
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }

    private String text() {
        int n = (int) count();
        String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    private static RuntimeException corrupt() {
        return LispError.error("FILE-ERROR", "the fasl is damaged (cut short or overwritten); compile its source again");
    }
}
