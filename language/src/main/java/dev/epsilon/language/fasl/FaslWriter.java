package dev.epsilon.language.fasl;

import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.source.SourceSection;
import dev.epsilon.language.reader.SourceMap;
import dev.epsilon.language.runtime.Complex;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.ExpansionRecorder;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispString;
import dev.epsilon.language.runtime.LispVector;
import dev.epsilon.language.runtime.NativeArray;
import dev.epsilon.language.runtime.Pathname;
import dev.epsilon.language.runtime.Ratio;
import dev.epsilon.language.runtime.SimpleVector;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.language.runtime.WideCharacter;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a fasl: each top-level form as it was loaded or compiled, with the expansions the analyzer
 * recorded put in place of the macro calls (see {@link FaslFormat}). A form holding an object that
 * has no fasl representation (a function, a hash table, a foreign pointer made by {@code #.}) is
 * written as it was read, to be expanded when it loads; if even that is impossible the fasl is not
 * written at all.
 */
public final class FaslWriter {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Map<Symbol, Integer> symbols = new IdentityHashMap<>();
    private final List<Symbol> symbolOrder = new ArrayList<>();
    private final String header;
    private final String sourcePath;
    private final long sourceLength;
    private final Symbol quote;
    private final Symbol progn;
    private boolean failed;

    public FaslWriter(String fingerprint, String sourcePath, long sourceLength, Symbol quote, Symbol progn) {
        this.header = fingerprint;
        this.sourcePath = sourcePath;
        this.sourceLength = sourceLength;
        this.quote = quote;
        this.progn = progn;
    }

    /** A form did not load (its error was continued past): the fasl would not say what the file does. */
    public void fail() {
        failed = true;
    }

    public boolean hasFailed() {
        return failed;
    }

    /** Appends a top-level form, once it has been analyzed (so its expansions are recorded). */
    public void emit(Object form, SourceMap map, ExpansionRecorder recorder) {
        if (failed) {
            return;
        }
        Map<Cons, SourceSection> sections = new IdentityHashMap<>();
        Object expanded = new Expanded(recorder, map, sections).code(form);
        List<Object> pieces = new ArrayList<>();
        split(expanded, pieces);
        int mark = body.size();
        int symbolMark = symbolOrder.size();
        try {
            for (Object piece : pieces) {
                entry(piece, sections::get);
            }
        } catch (NotDumpable e) {
            rollBack(mark, symbolMark);
            try {
                entry(form, x -> map == null ? null : map.get(x));
            } catch (NotDumpable again) {
                rollBack(mark, symbolMark);
                failed = true;
            }
        }
    }

    /** A top-level PROGN's subforms are top-level forms: each becomes an entry, loaded in turn. */
    private void split(Object form, List<Object> out) {
        if (form instanceof Cons c && c.car == progn && isProperList(c.cdr)) {
            for (Object x = c.cdr; x instanceof Cons s; x = s.cdr) {
                split(s.car, out);
            }
        } else {
            out.add(form);
        }
    }

    private static boolean isProperList(Object x) {
        int steps = 0;
        while (x instanceof Cons c && steps++ < 1_000_000) {
            x = c.cdr;
        }
        return x == Lisp.NIL;
    }

    private void rollBack(int mark, int symbolMark) {
        byte[] kept = java.util.Arrays.copyOf(body.toByteArray(), mark);
        body.reset();
        body.writeBytes(kept);
        while (symbolOrder.size() > symbolMark) {
            symbols.remove(symbolOrder.removeLast());
        }
    }

    private void entry(Object form, java.util.function.Function<Object, SourceSection> sections) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Encoder encoder = new Encoder(new DataOutputStream(buffer), sections, shared(form));
        try {
            encoder.out.writeByte(FaslFormat.ENTRY);
            encoder.object(form);
            encoder.out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body.writeBytes(buffer.toByteArray());
    }

    /**
     * Writes the fasl to {@code target} (through a temporary file, so a reader never sees half of
     * one) unless a form failed; answers whether it did.
     */
    public boolean finish(TruffleFile target) throws IOException {
        if (failed) {
            return false;
        }
        TruffleFile parent = target.getParent();
        if (parent != null && !parent.exists()) {
            parent.createDirectories();
        }
        TruffleFile temporary = target.resolveSibling(target.getName() + ".tmp" + ProcessHandle.current().pid());
        try (OutputStream file = temporary.newOutputStream(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE); DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(file))) {
            out.write(FaslFormat.MAGIC);
            writeText(out, header);
            writeText(out, sourcePath == null ? "" : sourcePath);
            out.writeLong(sourceLength);
            body.writeTo(out);
            out.writeByte(FaslFormat.END);
        }
        temporary.move(target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeCount(out, bytes.length);
        out.write(bytes);
    }

    static void writeCount(DataOutputStream out, long n) throws IOException {
        long v = n;
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    /** The conses reached more than once in {@code form} (shared structure, cycles): they get labels. */
    private static Map<Cons, Boolean> shared(Object form) {
        Map<Cons, Boolean> seen = new IdentityHashMap<>();
        Map<Object, Boolean> vectors = new IdentityHashMap<>();
        List<Object> work = new ArrayList<>();
        work.add(form);
        while (!work.isEmpty()) {
            Object x = work.removeLast();
            while (x instanceof Cons c) {
                Boolean before = seen.put(c, Boolean.FALSE);
                if (before != null) {
                    seen.put(c, Boolean.TRUE);
                    break;
                }
                work.add(c.car);
                x = c.cdr;
            }
            if (x instanceof SimpleVector || x instanceof LispVector) {
                if (vectors.put(x, Boolean.TRUE) != null) {
                    throw new NotDumpable();   // an array met twice (or inside itself): not worth labels
                }
                if (x instanceof SimpleVector v) {
                    work.addAll(java.util.Arrays.asList(v.items));
                } else {
                    LispVector a = (LispVector) x;
                    for (int i = 0; i < a.totalSize() && a.displacedTo() == null; i++) {
                        work.add(a.rowMajor(i));
                    }
                }
            }
        }
        seen.values().removeIf(b -> !b);
        return seen;
    }

    /** The tagged binary form of one entry. */
    private final class Encoder {
        final DataOutputStream out;
        final java.util.function.Function<Object, SourceSection> sections;
        final Map<Cons, Boolean> shared;
        final Map<Cons, Integer> labels = new IdentityHashMap<>();

        Encoder(DataOutputStream out, java.util.function.Function<Object, SourceSection> sections, Map<Cons, Boolean> shared) {
            this.out = out;
            this.sections = sections;
            this.shared = shared;
        }

        void object(Object x) throws IOException {
            if (x instanceof Cons c) {
                list(c);
            } else if (x == Lisp.NIL) {
                out.writeByte(FaslFormat.NIL);
            } else if (x == Lisp.T) {
                out.writeByte(FaslFormat.T);
            } else if (x instanceof Symbol s) {
                symbol(s);
            } else if (x instanceof Long l) {
                out.writeByte(FaslFormat.FIXNUM);
                writeCount(out, (l << 1) ^ (l >> 63));
            } else if (x instanceof BigInteger b) {
                out.writeByte(FaslFormat.BIGNUM);
                byte[] bytes = b.toByteArray();
                writeCount(out, bytes.length);
                out.write(bytes);
            } else if (x instanceof Float f) {
                out.writeByte(FaslFormat.SINGLE_FLOAT);
                out.writeInt(Float.floatToRawIntBits(f));
            } else if (x instanceof Double d) {
                out.writeByte(FaslFormat.DOUBLE_FLOAT);
                out.writeLong(Double.doubleToRawLongBits(d));
            } else if (x instanceof Ratio r) {
                out.writeByte(FaslFormat.RATIO);
                object(r.numerator);
                object(r.denominator);
            } else if (x instanceof Complex z) {
                out.writeByte(FaslFormat.COMPLEX);
                object(z.real);
                object(z.imag);
            } else if (x instanceof Character ch) {
                out.writeByte(FaslFormat.CHARACTER);
                writeCount(out, ch);
            } else if (x instanceof WideCharacter w) {
                out.writeByte(FaslFormat.CHARACTER);
                writeCount(out, w.codePoint());
            } else if (x instanceof String s) {
                out.writeByte(FaslFormat.STRING);
                writeText(out, s);
            } else if (x instanceof LispString s && !s.hasFillPointer() && !s.isAdjustable()) {
                out.writeByte(FaslFormat.CODE_POINT_STRING);
                writeCount(out, s.length());
                for (int i = 0; i < s.length(); i++) {
                    writeCount(out, s.codeAt(i));
                }
            } else if (x instanceof SimpleVector v) {
                out.writeByte(FaslFormat.SIMPLE_VECTOR);
                writeCount(out, v.items.length);
                for (Object item : v.items) {
                    object(item);
                }
            } else if (x instanceof NativeArray a && !a.hasFillPointer() && !a.isAdjustable()) {
                out.writeByte(FaslFormat.NATIVE_ARRAY);
                writeCount(out, a.element().ordinal());
                dimensions(a.dimensions());
                for (int i = 0; i < a.totalSize(); i++) {
                    object(a.get(i));
                }
            } else if (x instanceof LispVector a && a.displacedTo() == null && !a.hasFillPointer() && !a.isAdjustable()) {
                out.writeByte(FaslFormat.ARRAY);
                dimensions(a.dimensions());
                for (int i = 0; i < a.totalSize(); i++) {
                    object(a.rowMajor(i));
                }
            } else if (x instanceof Pathname p) {
                out.writeByte(FaslFormat.PATHNAME);
                writeText(out, p.namestring());
            } else {
                throw new NotDumpable();
            }
        }

        private void dimensions(int[] dimensions) throws IOException {
            writeCount(out, dimensions.length);
            for (int d : dimensions) {
                writeCount(out, d);
            }
        }

        private void symbol(Symbol s) throws IOException {
            Integer index = symbols.get(s);
            if (index != null) {
                out.writeByte(FaslFormat.SYMBOL);
                writeCount(out, index);
                return;
            }
            if (s.home() == null && s.setfBase() != null) {
                out.writeByte(FaslFormat.SETF_SYMBOL);
                object(s.setfBase());
                return;
            }
            symbols.put(s, symbolOrder.size());
            symbolOrder.add(s);
            out.writeByte(FaslFormat.SYMBOL_NEW);
            writeText(out, s.home() == null ? "" : s.home().name());
            out.writeBoolean(s.home() != null);
            writeText(out, s.name());
        }

        /** A list, its cdr chain written in a loop; shared conses carry labels. */
        private void list(Cons first) throws IOException {
            Object x = first;
            while (x instanceof Cons c) {
                Integer label = labels.get(c);
                if (label != null) {
                    out.writeByte(FaslFormat.REF);
                    writeCount(out, label);
                    return;
                }
                if (shared.containsKey(c)) {
                    labels.put(c, labels.size());
                    out.writeByte(FaslFormat.LABEL);
                }
                SourceSection section = sections.apply(c);
                if (section != null && section.isAvailable()) {
                    out.writeByte(FaslFormat.CONS_AT);
                    writeCount(out, section.getCharIndex());
                    writeCount(out, section.getCharLength());
                } else {
                    out.writeByte(FaslFormat.CONS);
                }
                object(c.car);
                x = c.cdr;
            }
            object(x);
        }
    }

    /** An object the fasl cannot hold. */
    private static final class NotDumpable extends RuntimeException {
        NotDumpable() {
            super(null, null, false, false);
        }
    }

    /**
     * A form with the recorded expansions in place of its macro calls. Quoted data stays as it
     * is (a macro may put the same list into its expansion as code and, quoted, as data); a form
     * that expanded two ways stays as written.
     */
    private final class Expanded {
        private final ExpansionRecorder recorder;
        private final SourceMap map;
        private final Map<Cons, SourceSection> sections;
        private final Map<Cons, Object> done = new IdentityHashMap<>();

        Expanded(ExpansionRecorder recorder, SourceMap map, Map<Cons, SourceSection> sections) {
            this.recorder = recorder;
            this.map = map;
            this.sections = sections;
        }

        Object code(Object x) {
            if (!(x instanceof Cons c)) {
                return x;
            }
            Object made = done.get(c);
            if (made != null) {
                return made;
            }
            if (recorder == null || recorder.isConflicted(c) || c.car == quote) {
                keepSection(c, c);
                return c;
            }
            Object expansion = recorder.expansionOf(c);
            if (expansion != null) {
                done.put(c, expansion);   // an expansion that contains its own call stays unexpanded below
                Object result = code(expansion);
                done.put(c, result);
                return result;
            }
            Cons copy = new Cons(Lisp.NIL, Lisp.NIL);
            done.put(c, copy);
            keepSection(c, copy);
            copy.car = code(c.car);
            Cons last = copy;
            Object rest = c.cdr;
            int steps = 0;
            while (rest instanceof Cons r) {   // the tail of a form is a list of forms, not a form
                if (++steps > 1_000_000) {
                    throw new NotDumpable();   // a circular list where code was expected
                }
                Cons next = new Cons(code(r.car), Lisp.NIL);
                keepSection(r, next);
                last.cdr = next;
                last = next;
                rest = r.cdr;
            }
            last.cdr = rest;
            return copy;
        }

        private void keepSection(Cons original, Cons copy) {
            SourceSection section = map == null ? null : map.get(original);
            if (section != null) {
                sections.put(copy, section);
            }
        }
    }
}
