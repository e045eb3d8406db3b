package dev.epsilon.language.reader;

import com.oracle.truffle.api.source.Source;
import dev.epsilon.language.runtime.Chars;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Numbers;
import dev.epsilon.language.runtime.Pathname;
import dev.epsilon.language.runtime.Ratio;
import dev.epsilon.language.runtime.SimpleVector;
import dev.epsilon.language.runtime.Symbol;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Lisp reader over one source: standard syntax with the common dispatch macros. Each call of
 * {@link #read()} returns one datum, so a file can be read, expanded and run a form at a time.
 */
public final class Reader {
    /** Returned by {@link #read()} at the end of input. */
    public static final Object EOF = new Object();

    private final Source source;
    private final CharSequence text;
    private final SymbolTable symbols;
    private final SourceMap sourceMap = new SourceMap();
    private int pos;
    private Readtable readtable;
    /** Above zero while a datum is read only to be skipped (#+/#- of an absent feature, *READ-SUPPRESS*). */
    private int suppress;
    /** While a feature expression is read: unqualified symbols are keywords. */
    private boolean featureExpression;
    /** #n= labels of the datum being read. */
    private java.util.Map<Long, Object> labels;
    private String textString;

    public Reader(Source source, SymbolTable symbols) {
        this(source, symbols, 0);
    }

    public Reader(Source source, SymbolTable symbols, int start) {
        this.source = source;
        this.text = source.getCharacters();
        this.symbols = symbols;
        // A UTF-8 byte-order mark that starts a file is not part of its text.
        this.pos = start == 0 && text.length() > 0 && text.charAt(0) == '\uFEFF' ? 1 : start;
    }

    /**
     * A reader over a program file: a first line starting with {@code #!} (the interpreter line of
     * an executable script, {@code #!/usr/bin/env epsilon}) is skipped, as SBCL's LOAD skips it.
     */
    public static Reader program(Source source, SymbolTable symbols) {
        Reader r = new Reader(source, symbols);
        if (r.text.length() >= r.pos + 2 && r.text.charAt(r.pos) == '#' && r.text.charAt(r.pos + 1) == '!') {
            while (r.pos < r.text.length() && r.text.charAt(r.pos) != '\n') {
                r.pos++;
            }
        }
        return r;
    }

    public SourceMap sourceMap() { return sourceMap; }

    /** Offset just after the last datum read. */
    public int position() { return pos; }

    public Object read() {
        readtable = symbols.readtable();
        labels = null;
        Object o = readInternal(true);
        return o == CLOSE ? error("unmatched close parenthesis", false) : o;
    }

    /**
     * The standard meaning of {@code #sub} (with an optional numeric argument) read from this
     * reader's text, whatever the readtable says of it: what GET-DISPATCH-MACRO-CHARACTER hands out
     * for the standard sub-characters, so a user macro can fall back on it.
     */
    public Object readStandardDispatch(char sub, Long arg) {
        readtable = symbols.readtable();
        Object o = readStandardDispatch(pos, sub, arg);
        return o == NOTHING ? dev.epsilon.language.runtime.Values.NONE : o;
    }

    /** The standard meaning of macro character {@code c} (already consumed), as GET-MACRO-CHARACTER hands it out. */
    public Object readStandardMacro(char c) {
        readtable = symbols.readtable();
        Object o = c == '#' ? readDispatch(pos - 1, '#') : standardMacro(c, pos - 1);
        if (o == CLOSE) {
            return error("unmatched close parenthesis", false);
        }
        return o == NOTHING ? dev.epsilon.language.runtime.Values.NONE : o;
    }

    /**
     * One element for READ-DELIMITED-LIST: the next datum, or no values when the next character is
     * {@code close} (left unread) or what was read was a comment.
     */
    public Object readDelimitedItem(char close) {
        readtable = symbols.readtable();
        skipWhitespaceAndComments();
        if (pos >= text.length()) {
            return error("end of file in READ-DELIMITED-LIST", true);
        }
        if (text.charAt(pos) == close) {
            return dev.epsilon.language.runtime.Values.NONE;
        }
        Object o = readDatum();
        if (o == CLOSE) {
            return error("unmatched close parenthesis", false);
        }
        return o == NOTHING ? dev.epsilon.language.runtime.Values.NONE : o;
    }

    private static final Object CLOSE = new Object();
    private static final Object NOTHING = new Object();   // a datum suppressed by #+/#- or a comment

    private boolean suppressing() {
        return suppress > 0 || symbols.readSuppress();
    }

    /** The characters that start a standard reader macro (a token cannot contain them unescaped). */
    public static boolean isStandardMacroCharacter(char c) {
        return c == '(' || c == ')' || c == '\'' || c == '"' || c == ';' || c == '`' || c == ',' || c == '#';
    }

    private String text() {
        if (textString == null) {
            textString = text.toString();
        }
        return textString;
    }

    /**
     * Calls a reader macro written in Lisp on a stream over the rest of the text; what it consumed is
     * consumed here. A macro that returns no values read nothing (a comment).
     */
    private Object callLispMacro(Object function, Object... args) {
        dev.epsilon.language.runtime.LispStream stream = dev.epsilon.language.runtime.LispStream.stringInput(text(), pos);
        Object[] callArgs = new Object[args.length + 1];
        callArgs[0] = stream;
        System.arraycopy(args, 0, callArgs, 1, args.length);
        Object result = symbols.call(function, callArgs);
        pos = text.length() - stream.remainingLength();
        if (result instanceof dev.epsilon.language.runtime.Values v && v.count() == 0) {
            return NOTHING;
        }
        return suppressing() ? Lisp.NIL : dev.epsilon.language.runtime.Values.primary(result);
    }

    private Object readInternal(boolean eofAllowed) {
        while (true) {
            skipWhitespaceAndComments();
            if (pos >= text.length()) {
                if (eofAllowed) {
                    return EOF;
                }
                return error("end of file in the middle of an object", true);
            }
            Object o = readDatum();
            if (o != NOTHING) {
                return o;
            }
        }
    }

    private Object readDatum() {
        int start = pos;
        char c = text.charAt(pos);
        if (!readtable.hasCustomSyntax()) {
            // the standard syntax (sub-characters of # set by Lisp are looked up in readDispatch)
        } else if (readtable.isUserMacro(c)) {
            Object entry = readtable.macroFunction(c);
            if (entry instanceof Readtable.StandardMacro standard) {
                c = standard.standard();
            } else {
                pos++;
                return callLispMacro(entry, c);
            }
        } else if (readtable.isConstituent(c)) {
            return readToken();
        } else if (c != '#' && readtable.isDispatching(c)) {
            return readDispatch(start, c);
        }
        if (isStandardMacroCharacter(c)) {
            pos++;
            return standardMacro(c, start);
        }
        return readToken();
    }

    /** A standard macro character, just consumed, that starts at {@code start}. */
    private Object standardMacro(char c, int start) {
        switch (c) {
            case '(':
                return readList(start, ')');
            case ')':
                return CLOSE;
            case '\'':
                return wrap(symbols.core("QUOTE"), start);
            case '`':
                return wrap(symbols.system("QUASIQUOTE"), start);
            case ',':
                if (pos < text.length() && text.charAt(pos) == '@') {
                    pos++;
                    return wrap(symbols.system("UNQUOTE-SPLICING"), start);
                }
                if (pos < text.length() && text.charAt(pos) == '.') {
                    pos++;
                    return wrap(symbols.system("UNQUOTE-SPLICING"), start);
                }
                return wrap(symbols.system("UNQUOTE"), start);
            case '"':
                return readString();
            case ';':
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
                return NOTHING;
            case '#':
                pos--;
                return readDispatch(start, '#');
            default:
                pos--;
                return readToken();
        }
    }

    private Object wrap(Symbol head, int start) {
        Object datum = readInternal(false);
        if (datum == CLOSE) {
            return error("nothing after " + head.name().toLowerCase(Locale.ROOT), false);
        }
        Cons form = new Cons(head, new Cons(datum, Lisp.NIL));
        sourceMap.put(form, source.createSection(start, pos - start));
        return form;
    }

    private Object readList(int start, char close) {
        List<Object> items = new ArrayList<>();
        Object tail = Lisp.NIL;
        while (true) {
            skipWhitespaceAndComments();
            if (pos >= text.length()) {
                return error("end of file inside a list that starts at line " + source.getLineNumber(start), true);
            }
            char c = text.charAt(pos);
            if (c == close) {
                pos++;
                break;
            }
            if (c == '.' && pos + 1 < text.length() && isTerminator(text.charAt(pos + 1)) && !items.isEmpty()) {
                pos++;
                tail = readInternal(false);
                if (tail == CLOSE) {
                    return error("nothing after the dot in a list", false);
                }
                skipWhitespaceAndComments();
                if (pos >= text.length()) {
                    return error("end of file inside a dotted list", true);
                }
                if (text.charAt(pos) != close) {
                    return error("more than one object after the dot in a list", false);
                }
                pos++;
                break;
            }
            Object o = readDatum();
            if (o == CLOSE) {
                break;
            }
            if (o != NOTHING) {
                items.add(o);
            }
        }
        if (suppressing()) {
            return Lisp.NIL;
        }
        Object list = Lisp.fromList(items, tail);
        if (list instanceof Cons) {
            sourceMap.put(list, source.createSection(start, pos - start));
        }
        return list;
    }

    private Object readString() {
        StringBuilder b = new StringBuilder();
        int start = pos - 1;
        while (true) {
            if (pos >= text.length()) {
                error("end of file inside a string that starts at line " + source.getLineNumber(start), true);
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return Chars.text(b.toString());
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    error("end of file inside a string", true);
                }
                c = text.charAt(pos++);
            }
            b.append(c);
        }
    }

    private Object readDispatch(int start, char dispatchChar) {
        pos++;   // the dispatching character
        if (pos >= text.length()) {
            return error("end of file after " + dispatchChar, true);
        }
        int argStart = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos >= text.length()) {
            return error("end of file after " + dispatchChar, true);
        }
        Long arg = pos > argStart ? Long.parseLong(text.subSequence(argStart, pos).toString()) : null;
        char c = text.charAt(pos++);
        Object user = readtable.dispatchFunction(dispatchChar, c);
        if (user != null) {
            return callLispMacro(user, c, arg == null ? Lisp.NIL : (Object) arg);
        }
        if (dispatchChar != '#') {
            return error("no dispatch function for " + dispatchChar + c, false);
        }
        return readStandardDispatch(start, c, arg);
    }

    /** The sub-characters of the standard # syntax, which {@link #readStandardDispatch} reads. */
    private static final String STANDARD_DISPATCH = "'(\\|XBORP:.*CA=#+-";

    /** Whether {@code #sub} has a standard meaning (GET-DISPATCH-MACRO-CHARACTER hands out the reader for it). */
    public static boolean isStandardDispatchCharacter(char sub) {
        return STANDARD_DISPATCH.indexOf(Character.toUpperCase(sub)) >= 0;
    }

    /** The standard # syntax: #' #( #\\ #| #x #b #o #r #p #: #+ #- #. #* #c #a #n= #n#. */
    private Object readStandardDispatch(int start, char c, Long arg) {
        switch (Character.toUpperCase(c)) {
            case '\'':
                return wrap(symbols.core("FUNCTION"), start);
            case '(': {
                Object list = readList(start, ')');
                if (suppressing()) {
                    return Lisp.NIL;
                }
                List<Object> items = Lisp.toJavaList(list);
                if (arg != null && arg > items.size()) {
                    Object last = items.isEmpty() ? Lisp.NIL : items.get(items.size() - 1);
                    while (items.size() < arg) {
                        items.add(last);
                    }
                }
                return new SimpleVector(items.toArray());
            }
            case '\\':
                return readCharacter();
            case '|':
                skipBlockComment();
                return NOTHING;
            case 'X':
                return readRational(16);
            case 'B':
                return readRational(2);
            case 'O':
                return readRational(8);
            case 'R': {
                if (arg == null && !suppressing()) {
                    return error("#R needs a radix: #16r...", false);
                }
                return readRational(arg == null ? 10 : (int) (long) arg);
            }
            case 'P': {
                Object s = readInternal(false);
                if (suppressing()) {
                    return Lisp.NIL;
                }
                if (!(s instanceof String str)) {
                    return error("#P must be followed by a string", false);
                }
                return new Pathname(str);
            }
            case ':': {
                String name = readTokenText().text;
                return suppressing() ? Lisp.NIL : new Symbol(name, null);
            }
            case '.': {
                Object form = readInternal(false);
                if (suppressing()) {
                    return Lisp.NIL;
                }
                if (!symbols.readEval()) {
                    return error("#. is not allowed: *READ-EVAL* is false", false);
                }
                return symbols.evaluate(form);
            }
            case '*':
                return readBitVector(arg);
            case 'C': {
                Object parts = readInternal(false);
                if (suppressing()) {
                    return Lisp.NIL;
                }
                List<Object> l = parts instanceof Cons ? Lisp.toJavaList(parts) : List.of();
                if (l.size() != 2 || !dev.epsilon.language.runtime.Numbers.isReal(l.get(0)) || !dev.epsilon.language.runtime.Numbers.isReal(l.get(1))) {
                    return error("#C needs a list of two reals: #C(1 2)", false);
                }
                return dev.epsilon.language.runtime.Complex.fromParts(l.get(0), l.get(1));
            }
            case 'A': {
                Object contents = readInternal(false);
                if (suppressing()) {
                    return Lisp.NIL;
                }
                return makeArray(arg == null ? 1 : (int) (long) arg, contents);
            }
            case '=': {
                if (suppressing()) {
                    return NOTHING;
                }
                if (arg == null) {
                    return error("#= needs a label number: #1=", false);
                }
                if (labels == null) {
                    labels = new java.util.HashMap<>();
                }
                Object placeholder = new Object();
                labels.put(arg, placeholder);
                Object datum = readInternal(false);
                labels.put(arg, datum);
                return datum instanceof Cons || datum instanceof SimpleVector
                        ? replacePlaceholder(datum, placeholder, datum, new java.util.IdentityHashMap<>()) : datum;
            }
            case '#': {
                if (suppressing()) {
                    return Lisp.NIL;
                }
                Object value = arg == null || labels == null ? null : labels.get(arg);
                if (value == null) {
                    return error("#" + arg + "# refers to no #" + arg + "= label", false);
                }
                return value;
            }
            case '+':
            case '-': {
                // The feature expression is read with unqualified symbols as keywords; the datum after
                // it is read suppressed when it is skipped, so it may name packages that do not exist.
                boolean outerSuppress = suppressing();
                featureExpression = true;
                Object feature;
                try {
                    feature = readInternal(false);
                } finally {
                    featureExpression = false;
                }
                boolean take = !outerSuppress && featureTrue(feature) == (c == '+');
                if (!take) {
                    suppress++;
                }
                try {
                    Object datum = readInternal(false);
                    if (datum == CLOSE) {
                        return error("nothing after a #" + c + " feature expression", false);
                    }
                    return take ? datum : NOTHING;
                } finally {
                    if (!take) {
                        suppress--;
                    }
                }
            }
            default:
                if (suppressing()) {
                    return Lisp.NIL;
                }
                return error("unknown dispatch character #" + c, false);
        }
    }

    private Object replacePlaceholder(Object o, Object placeholder, Object value, java.util.IdentityHashMap<Object, Object> seen) {
        if (o == placeholder) {
            return value;
        }
        if (seen.put(o, o) != null) {
            return o;
        }
        if (o instanceof Cons c) {
            for (Cons x = c; ; ) {
                x.car = replacePlaceholder(x.car, placeholder, value, seen);
                if (x.cdr == placeholder) {
                    x.cdr = value;
                    break;
                }
                if (!(x.cdr instanceof Cons next) || seen.put(next, next) != null) {
                    if (x.cdr instanceof SimpleVector) {
                        x.cdr = replacePlaceholder(x.cdr, placeholder, value, seen);
                    }
                    break;
                }
                x = next;
            }
        } else if (o instanceof SimpleVector v) {
            for (int i = 0; i < v.items.length; i++) {
                v.items[i] = replacePlaceholder(v.items[i], placeholder, value, seen);
            }
        }
        return o;
    }

    /** {@code #*0101}: a simple bit vector; with a length, the last bit fills the rest. */
    private Object readBitVector(Long arg) {
        StringBuilder bits = new StringBuilder();
        while (pos < text.length() && !isTerminator(text.charAt(pos))) {
            bits.append(text.charAt(pos++));
        }
        if (suppressing()) {
            return Lisp.NIL;
        }
        int n = arg == null ? bits.length() : (int) (long) arg;
        if (bits.length() > n || (bits.length() == 0 && n > 0)) {
            return error("bad bit vector #" + (arg == null ? "" : arg) + "*" + bits, false);
        }
        dev.epsilon.language.runtime.NativeArray v = new dev.epsilon.language.runtime.NativeArray(
                dev.epsilon.language.runtime.NativeArray.Element.BIT, new int[]{n}, -1, false);
        for (int i = 0; i < n; i++) {
            char b = bits.charAt(Math.min(i, bits.length() - 1));
            if (b != '0' && b != '1') {
                return error("bad bit vector #*" + bits, false);
            }
            v.set(i, (long) (b - '0'));
        }
        return v;
    }

    /** {@code #nA contents}: an array of rank n whose dimensions are those of the nested contents. */
    private Object makeArray(int rank, Object contents) {
        List<Integer> dims = new ArrayList<>();
        Object level = contents;
        for (int d = 0; d < rank; d++) {
            List<Object> elements = dev.epsilon.language.runtime.Sequences.toList(level);
            dims.add(elements.size());
            level = elements.isEmpty() ? Lisp.NIL : elements.get(0);
        }
        List<Object> flat = new ArrayList<>();
        dev.epsilon.language.runtime.ArrayDimensions.flattenContents(contents, rank, flat);
        int[] dimensions = dims.stream().mapToInt(Integer::intValue).toArray();
        if (rank == 1) {
            return new SimpleVector(flat.toArray());
        }
        dev.epsilon.language.runtime.LispVector array = new dev.epsilon.language.runtime.LispVector(dimensions, Lisp.NIL, -1, false);
        if (flat.size() != array.totalSize()) {
            return error("#" + rank + "A contents are not rectangular", false);
        }
        for (int i = 0; i < flat.size(); i++) {
            array.setRowMajor(i, flat.get(i));
        }
        return array;
    }

    private boolean featureTrue(Object f) {
        if (f instanceof Symbol s) {
            // Unqualified names were read as keywords; a qualified one (cffi-sys::flat-namespace) is itself.
            return symbols.hasFeature(s);
        }
        if (f instanceof Cons c && c.car instanceof Symbol op) {
            List<Object> args = Lisp.toJavaList(c.cdr);
            switch (op.name()) {
                case "AND":
                    return args.stream().allMatch(this::featureTrue);
                case "OR":
                    return args.stream().anyMatch(this::featureTrue);
                case "NOT":
                    return args.size() == 1 && !featureTrue(args.get(0));
                default:
                    break;
            }
        }
        error("bad feature expression " + f, false);
        return false;
    }

    private Object readCharacter() {
        int start = pos;
        if (pos >= text.length()) {
            return error("end of file after #\\", true);
        }
        pos++;   // the first character is taken even if it is a terminator: #\( #\Space
        while (pos < text.length() && !isTerminator(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && Character.isHighSurrogate(text.charAt(pos - 1)) && Character.isLowSurrogate(text.charAt(pos))) {
            pos++;   // #\ followed by a character above U+FFFF (a surrogate pair in the text)
        }
        String name = text.subSequence(start, pos).toString();
        if (name.codePointCount(0, name.length()) == 1) {
            return Chars.of(name.codePointAt(0));
        }
        Object named = Chars.named(name);
        if (named == null && suppressing()) {
            return Lisp.NIL;
        }
        if (named == null) {
            return error("unknown character name #\\" + name, false);
        }
        return named;
    }

    private Object readRational(int radix) {
        String t = readTokenText().text;
        if (suppressing()) {
            return Lisp.NIL;
        }
        Object n = parseRational(t, radix);
        return n != null ? n : error("bad number " + t + " in radix " + radix, false);
    }

    /** A token's text with escapes applied, and whether any character was escaped. */
    private record Token(String text, boolean escaped, int firstColon, int colons) {
    }

    private Token readTokenText() {
        StringBuilder b = new StringBuilder();
        java.util.BitSet escapes = new java.util.BitSet();
        boolean escaped = false;
        int firstColon = -1;
        int colons = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '|') {
                escaped = true;
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        error("end of file inside |...|", true);
                    }
                    char d = text.charAt(pos++);
                    if (d == '|') {
                        break;
                    }
                    if (d == '\\' && pos < text.length()) {
                        d = text.charAt(pos++);
                    }
                    escapes.set(b.length());
                    b.append(d);
                }
            } else if (c == '\\') {
                escaped = true;
                pos++;
                if (pos < text.length()) {
                    escapes.set(b.length());
                    b.append(text.charAt(pos++));
                }
            } else if (isTerminator(c)) {
                break;
            } else {
                if (c == ':') {
                    if (firstColon < 0) {
                        firstColon = b.length();
                    }
                    colons++;
                }
                b.append(c);
                pos++;
            }
        }
        applyCase(b, escapes);
        return new Token(b.toString(), escaped, firstColon, colons);
    }

    /** Applies the readtable case to the unescaped characters of a token. */
    private void applyCase(StringBuilder b, java.util.BitSet escapes) {
        Readtable.Case mode = readtable == null ? Readtable.Case.UPCASE : readtable.readCase();
        if (mode == Readtable.Case.PRESERVE) {
            return;
        }
        if (mode == Readtable.Case.INVERT) {
            boolean upper = false;
            boolean lower = false;
            for (int i = 0; i < b.length(); i++) {
                if (!escapes.get(i)) {
                    upper |= Character.isUpperCase(b.charAt(i));
                    lower |= Character.isLowerCase(b.charAt(i));
                }
            }
            if (upper == lower) {
                return;   // mixed case (or no letters) is preserved
            }
            mode = upper ? Readtable.Case.DOWNCASE : Readtable.Case.UPCASE;
        }
        for (int i = 0; i < b.length(); i++) {
            if (!escapes.get(i)) {
                char c = b.charAt(i);
                b.setCharAt(i, mode == Readtable.Case.UPCASE ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
        }
    }

    private Object readToken() {
        int start = pos;
        Token t = readTokenText();
        String s = t.text;
        if (suppressing()) {
            return Lisp.NIL;
        }
        if (!t.escaped) {
            Object number = parseNumber(s, symbols.readBase(), symbols.readDoubleFloats());
            if (number != null) {
                return number;
            }
            if (s.equals(".")) {
                return error("dot context error", false);
            }
        }
        if (featureExpression && t.firstColon < 0) {
            return symbols.keyword(s);
        }
        if (t.firstColon == 0) {
            return symbols.keyword(s.substring(t.colons));
        }
        if (t.firstColon > 0) {
            String pkg = s.substring(0, t.firstColon);
            boolean internal = s.startsWith("::", t.firstColon);
            String name = s.substring(t.firstColon + (internal ? 2 : 1));
            try {
                return symbols.intern(pkg, name, !internal);
            } catch (LispError e) {
                throw LispError.readerError(e.report() + " (line " + source.getLineNumber(start) + ")", false);
            }
        }
        return symbols.intern(null, s, false);
    }

    /** A potential number in {@code radix} (*READ-BASE*): integers and ratios in the radix, decimals and floats in ten. */
    static Object parseNumber(String s, int radix, boolean doubleDefault) {
        if (radix != 10) {
            Object n = parseRational(s, radix);
            if (n != null) {
                return n;
            }
        }
        return parseNumber(s, doubleDefault);
    }

    /** An integer or ratio in {@code radix}, or null when {@code s} is not one. */
    private static Object parseRational(String s, int radix) {
        int n = s.length();
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        int slash = s.indexOf('/');
        int end = slash < 0 ? n : slash;
        if (end <= i) {
            return null;
        }
        for (int k = i; k < n; k++) {
            if (k != slash && Character.digit(s.charAt(k), radix) < 0) {
                return null;
            }
        }
        String sign = s.charAt(0) == '-' ? "-" : "";
        if (slash < 0) {
            return Numbers.normalize(new BigInteger(sign + s.substring(i), radix));
        }
        if (slash == n - 1) {
            return null;
        }
        BigInteger den = new BigInteger(s.substring(slash + 1), radix);
        return den.signum() == 0 ? null : Ratio.of(new BigInteger(sign + s.substring(i, slash), radix), den);
    }

    static Object parseNumber(String s, boolean doubleDefault) {
        int n = s.length();
        if (n == 0) {
            return null;
        }
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i = 1;
        }
        if (i >= n) {
            return null;
        }
        // Integer, optionally with a trailing decimal point.
        int digitsEnd = i;
        while (digitsEnd < n && Character.isDigit(s.charAt(digitsEnd))) {
            digitsEnd++;
        }
        String sign = s.charAt(0) == '-' ? "-" : "";
        if (digitsEnd > i && (digitsEnd == n || (digitsEnd == n - 1 && s.charAt(digitsEnd) == '.'))) {
            return Numbers.normalize(new BigInteger(sign + s.substring(i, digitsEnd)));
        }
        if (digitsEnd > i && s.charAt(digitsEnd) == '/') {
            int j = digitsEnd + 1;
            int k = j;
            while (k < n && Character.isDigit(s.charAt(k))) {
                k++;
            }
            if (k == n && k > j) {
                return Ratio.of(new BigInteger(sign + s.substring(i, digitsEnd)), new BigInteger(s.substring(j)));
            }
            return null;
        }
        // Float: digits [. digits] [exponent], at least one digit somewhere before the exponent.
        int j = digitsEnd;
        int fracDigits = 0;
        if (j < n && s.charAt(j) == '.') {
            j++;
            while (j < n && Character.isDigit(s.charAt(j))) {
                j++;
                fracDigits++;
            }
        }
        if (digitsEnd == i && fracDigits == 0) {
            return null;
        }
        char marker = 'E';
        String mantissa = s.substring(0, j);
        String exponent = "0";
        if (j < n) {
            marker = Character.toUpperCase(s.charAt(j));
            if ("EDFSL".indexOf(marker) < 0) {
                return null;
            }
            int k = j + 1;
            if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            int expDigits = k;
            while (k < n && Character.isDigit(s.charAt(k))) {
                k++;
            }
            if (k != n || k == expDigits) {
                return null;
            }
            exponent = s.substring(j + 1);
        } else if (fracDigits == 0) {
            return null;
        }
        String javaText = mantissa + "E" + exponent;
        boolean isDouble = marker == 'D' || marker == 'L' || (marker == 'E' && doubleDefault);
        double value = isDouble ? Double.parseDouble(javaText) : Float.parseFloat(javaText);
        if (Double.isInfinite(value)) {
            // As SBCL: a number too large for its float format is a reader error, not infinity.
            throw LispError.error("READER-ERROR", "floating-point number too large to read: " + s);
        }
        return isDouble ? (Object) value : (Object) (float) value;
    }

    private boolean isTerminator(char c) {
        boolean standard = Character.isWhitespace(c) || c == '(' || c == ')' || c == '\'' || c == '"' || c == ';' || c == '`' || c == ',';
        if (readtable == null || !readtable.hasCustomSyntax()) {
            return standard;
        }
        if (readtable.isConstituent(c)) {
            return false;
        }
        return standard || readtable.isTerminatingUserMacro(c) || (readtable.isDispatching(c) && !readtable.isNonTerminating(c));
    }

    private void skipWhitespaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == ';') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '#' && pos + 1 < text.length() && text.charAt(pos + 1) == '|') {
                pos += 2;
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int depth = 1;
        while (depth > 0) {
            if (pos + 1 >= text.length()) {
                error("end of file inside #| ... |#", true);
            }
            char c = text.charAt(pos);
            char d = text.charAt(pos + 1);
            if (c == '|' && d == '#') {
                depth--;
                pos += 2;
            } else if (c == '#' && d == '|') {
                depth++;
                pos += 2;
            } else {
                pos++;
            }
        }
    }

    private Object error(String message, boolean endOfInput) {
        int line = source.getLineNumber(Math.min(pos, Math.max(0, text.length() - 1)));
        throw LispError.readerError(message + " (" + source.getName() + ":" + line + ")", endOfInput);
    }
}
