package dev.epsilon.language.reader;

import com.oracle.truffle.api.source.Source;
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

    public Reader(Source source, SymbolTable symbols) {
        this(source, symbols, 0);
    }

    public Reader(Source source, SymbolTable symbols, int start) {
        this.source = source;
        this.text = source.getCharacters();
        this.symbols = symbols;
        this.pos = start;
    }

    public SourceMap sourceMap() { return sourceMap; }

    /** Offset just after the last datum read. */
    public int position() { return pos; }

    public Object read() {
        Object o = readInternal(true);
        return o == CLOSE ? error("unmatched close parenthesis", false) : o;
    }

    private static final Object CLOSE = new Object();
    private static final Object NOTHING = new Object();   // a datum suppressed by #+/#- or a comment

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
        switch (c) {
            case '(':
                pos++;
                return readList(start, ')');
            case ')':
                pos++;
                return CLOSE;
            case '\'':
                pos++;
                return wrap(symbols.core("QUOTE"), start);
            case '`':
                pos++;
                return wrap(symbols.system("QUASIQUOTE"), start);
            case ',':
                pos++;
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
                pos++;
                return readString();
            case '#':
                return readDispatch(start);
            default:
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
        Object list = Lisp.fromList(items, tail);
        if (list instanceof Cons) {
            sourceMap.put(list, source.createSection(start, pos - start));
        }
        return list;
    }

    private String readString() {
        StringBuilder b = new StringBuilder();
        int start = pos - 1;
        while (true) {
            if (pos >= text.length()) {
                error("end of file inside a string that starts at line " + source.getLineNumber(start), true);
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return b.toString();
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

    private Object readDispatch(int start) {
        pos++;   // '#'
        if (pos >= text.length()) {
            return error("end of file after #", true);
        }
        int argStart = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos >= text.length()) {
            return error("end of file after #", true);
        }
        char c = text.charAt(pos++);
        switch (Character.toUpperCase(c)) {
            case '\'':
                return wrap(symbols.core("FUNCTION"), start);
            case '(': {
                Object list = readList(start, ')');
                return new SimpleVector(Lisp.toJavaList(list).toArray());
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
                int radix = Integer.parseInt(text.subSequence(argStart, pos - 1).toString());
                return readRational(radix);
            }
            case 'P': {
                Object s = readInternal(false);
                if (!(s instanceof String str)) {
                    return error("#P must be followed by a string", false);
                }
                return new Pathname(str);
            }
            case ':': {
                String name = readTokenText().text;
                return new Symbol(name, null);
            }
            case '+':
            case '-': {
                Object feature = readInternal(false);
                boolean present = featureTrue(feature);
                Object datum = readInternal(false);
                if (datum == CLOSE) {
                    return error("nothing after a #" + c + " feature expression", false);
                }
                return present == (c == '+') ? datum : NOTHING;
            }
            default:
                return error("unknown dispatch character #" + c, false);
        }
    }

    private boolean featureTrue(Object f) {
        if (f instanceof Symbol s) {
            return symbols.hasFeature(symbols.keyword(s.name()));
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
        String name = text.subSequence(start, pos).toString();
        if (name.length() == 1) {
            return name.charAt(0);
        }
        Character named = namedCharacter(name);
        if (named == null) {
            return error("unknown character name #\\" + name, false);
        }
        return named;
    }

    public static Character namedCharacter(String name) {
        switch (name.toUpperCase(Locale.ROOT)) {
            case "SPACE":
                return ' ';
            case "NEWLINE":
            case "LINEFEED":
                return '\n';
            case "TAB":
                return '\t';
            case "RETURN":
                return '\r';
            case "NUL":
            case "NULL":
                return '\0';
            case "BACKSPACE":
                return '\b';
            case "PAGE":
                return '\f';
            case "RUBOUT":
            case "DELETE":
                return (char) 127;
            case "ESCAPE":
            case "ESC":
                return (char) 27;
            case "BELL":
                return (char) 7;
            default:
                if (name.length() > 1 && (name.charAt(0) == 'U' || name.charAt(0) == 'u')) {
                    try {
                        return (char) Integer.parseInt(name.substring(name.charAt(1) == '+' ? 2 : 1), 16);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                return null;
        }
    }

    private Object readRational(int radix) {
        String t = readTokenText().text;
        try {
            int slash = t.indexOf('/');
            if (slash > 0) {
                return Ratio.of(new BigInteger(t.substring(0, slash), radix), new BigInteger(t.substring(slash + 1), radix));
            }
            return Numbers.normalize(new BigInteger(t, radix));
        } catch (NumberFormatException e) {
            return error("bad number " + t + " in radix " + radix, false);
        }
    }

    /** A token's text with escapes applied, and whether any character was escaped. */
    private record Token(String text, boolean escaped, int firstColon, int colons) {
    }

    private Token readTokenText() {
        StringBuilder b = new StringBuilder();
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
                    b.append(d);
                }
            } else if (c == '\\') {
                escaped = true;
                pos++;
                if (pos < text.length()) {
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
                b.append(Character.toUpperCase(c));
                pos++;
            }
        }
        return new Token(b.toString(), escaped, firstColon, colons);
    }

    private Object readToken() {
        int start = pos;
        Token t = readTokenText();
        String s = t.text;
        if (!t.escaped) {
            Object number = parseNumber(s);
            if (number != null) {
                return number;
            }
            if (s.equals(".")) {
                return error("dot context error", false);
            }
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

    static Object parseNumber(String s) {
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
        if (marker == 'D' || marker == 'L') {
            return Double.parseDouble(javaText);
        }
        return Float.parseFloat(javaText);
    }

    private static boolean isTerminator(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '\'' || c == '"' || c == ';' || c == '`' || c == ',';
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
