package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.Chars;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Numbers;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Ratio;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * FORMAT: ~A ~S ~D ~B ~O ~X ~R ~P ~C ~F ~E ~$ ~% ~& ~| ~~ ~T ~* ~? ~( ~) ~[ ~; ~] ~{ ~} ~^ and
 * ~newline, with prefix parameters (numbers, 'c, V, #) and the : and @ modifiers.
 */
final class Format {
    private Format() {
    }

    /** The arguments a directive consumes, with a cursor that ~* can move. */
    private static final class Args {
        final Object[] items;
        int pos;

        Args(Object[] items, int pos) {
            this.items = items;
            this.pos = pos;
        }

        Object next(String control) {
            if (pos >= items.length) {
                throw LispError.error("FORMAT-ERROR", "not enough arguments for format string " + Printer.prin1ToString(control));
            }
            return items[pos++];
        }

        int remaining() {
            return items.length - pos;
        }
    }

    /** Thrown by ~^ to leave the innermost iteration or the whole directive string. */
    private static final class Escape extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean outer;

        Escape(boolean outer) {
            super(null, null, false, false);
            this.outer = outer;
        }
    }

    /** Formats into {@code out}; {@code startsLine} says whether the destination is at a line start. */
    @TruffleBoundary
    static String format(String control, Object[] args, int firstArg, boolean startsLine) {
        return format(control, args, firstArg, startsLine, 0);
    }

    /** FORMAT to a stream whose output is at {@code startColumn}. */
    static String format(String control, Object[] args, int firstArg, boolean startsLine, int startColumn) {
        StringBuilder out = new StringBuilder();
        try {
            new Format.Interpreter(control, out, startsLine, startColumn).run(0, control.length(), new Args(args, firstArg));
        } catch (Escape e) {
            // ~^ at top level: stop here.
        }
        return out.toString();
    }

    private static final class Interpreter {
        private final String control;
        private final StringBuilder out;
        private final boolean startsLine;
        private final int startColumn;

        Interpreter(String control, StringBuilder out, boolean startsLine, int startColumn) {
            this.control = control;
            this.out = out;
            this.startsLine = startsLine;
            this.startColumn = startColumn;
        }

        /** A parsed directive: parameters, modifiers, character, and where it ends. */
        private final class Directive {
            final List<Object> params = new ArrayList<>();
            boolean colon;
            boolean at;
            char ch;
            int end;   // index after the directive character

            Integer intParam(int i, Integer dflt, Args args) {
                Object p = param(i, args);
                if (p == null) {
                    return dflt;
                }
                if (p instanceof Long l) {
                    return l.intValue();
                }
                throw LispError.error("FORMAT-ERROR", "bad parameter " + p + " in " + Printer.prin1ToString(control));
            }

            char charParam(int i, char dflt, Args args) {
                Object p = param(i, args);
                return p instanceof Character c ? c : dflt;
            }

            Object param(int i, Args args) {
                if (i >= params.size()) {
                    return null;
                }
                Object p = params.get(i);
                if (p == V) {
                    Object v = args.next(control);
                    return v == Lisp.NIL ? null : v;
                }
                if (p == HASH) {
                    return (long) args.remaining();
                }
                return p;
            }
        }

        private final Object V = new Object();
        private final Object HASH = new Object();

        private Directive parse(int i) {
            Directive d = new Directive();
            int p = i + 1;
            while (true) {
                if (p >= control.length()) {
                    throw LispError.error("FORMAT-ERROR", "format string ends inside a directive: " + Printer.prin1ToString(control));
                }
                char c = control.charAt(p);
                if (c == '\'') {
                    d.params.add(control.charAt(p + 1));
                    p += 2;
                } else if (c == 'v' || c == 'V') {
                    d.params.add(V);
                    p++;
                } else if (c == '#') {
                    d.params.add(HASH);
                    p++;
                } else if (Character.isDigit(c) || ((c == '-' || c == '+') && p + 1 < control.length() && Character.isDigit(control.charAt(p + 1)))) {
                    int s = p++;
                    while (p < control.length() && Character.isDigit(control.charAt(p))) {
                        p++;
                    }
                    d.params.add(Long.parseLong(control.substring(s, p).replace("+", "")));
                } else if (c == ',') {
                    if (d.params.isEmpty() || control.charAt(p - 1) == ',') {
                        d.params.add(null);
                    }
                    p++;
                    continue;
                } else {
                    break;
                }
                if (p < control.length() && control.charAt(p) == ',') {
                    p++;
                    if (p < control.length() && (control.charAt(p) == ',' || !isParamStart(control.charAt(p)))) {
                        d.params.add(null);
                    }
                }
            }
            while (p < control.length() && (control.charAt(p) == ':' || control.charAt(p) == '@')) {
                if (control.charAt(p) == ':') {
                    d.colon = true;
                } else {
                    d.at = true;
                }
                p++;
            }
            if (p >= control.length()) {
                throw LispError.error("FORMAT-ERROR", "format string ends inside a directive: " + Printer.prin1ToString(control));
            }
            d.ch = control.charAt(p);
            d.end = p + 1;
            // A trailing null parameter from "~5,A" is harmless; drop trailing nulls.
            while (!d.params.isEmpty() && d.params.get(d.params.size() - 1) == null) {
                d.params.remove(d.params.size() - 1);
            }
            return d;
        }

        private boolean isParamStart(char c) {
            return Character.isDigit(c) || c == '\'' || c == 'v' || c == 'V' || c == '#' || c == '-' || c == '+';
        }

        /** Finds the directive closing a group opened before {@code from}; also the ~; separators. */
        private List<Directive> findClose(int from, char close) {
            List<Directive> separators = new ArrayList<>();
            int depth = 0;
            int i = from;
            while (i < control.length()) {
                if (control.charAt(i) != '~') {
                    i++;
                    continue;
                }
                Directive d = parse(i);
                char c = Character.toUpperCase(d.ch);
                if (c == '[' || c == '{' || c == '(' || c == '<') {
                    depth++;
                } else if (c == ']' || c == '}' || c == ')' || c == '>') {
                    if (depth == 0) {
                        if (c != close) {
                            throw LispError.error("FORMAT-ERROR", "mismatched ~" + d.ch + " in " + Printer.prin1ToString(control));
                        }
                        d.params.add(0, (long) i);   // remember where the closing directive starts
                        separators.add(d);
                        return separators;
                    }
                    depth--;
                } else if (c == ';' && depth == 0) {
                    d.params.add(0, (long) i);
                    separators.add(d);
                }
                i = d.end;
            }
            throw LispError.error("FORMAT-ERROR", "no closing ~" + close + " in " + Printer.prin1ToString(control));
        }

        void run(int from, int to, Args args) {
            int i = from;
            while (i < to) {
                char c = control.charAt(i);
                if (c != '~') {
                    out.append(c);
                    i++;
                    continue;
                }
                Directive d = parse(i);
                i = directive(d, args);
            }
        }

        private int directive(Directive d, Args args) {
            switch (Character.toUpperCase(d.ch)) {
                case 'A':
                case 'S': {
                    Object arg = args.next(control);
                    String text = d.colon && arg == Lisp.NIL ? "()" : Character.toUpperCase(d.ch) == 'A' ? Printer.princToString(arg) : Printer.prin1ToString(arg);
                    int mincol = d.intParam(0, 0, args);
                    int colinc = d.intParam(1, 1, args);
                    int minpad = d.intParam(2, 0, args);
                    char pad = d.charParam(3, ' ', args);
                    out.append(pad(text, mincol, colinc, minpad, pad, d.at));
                    return d.end;
                }
                case 'D':
                    out.append(integer(args.next(control), 10, d, args));
                    return d.end;
                case 'B':
                    out.append(integer(args.next(control), 2, d, args));
                    return d.end;
                case 'O':
                    out.append(integer(args.next(control), 8, d, args));
                    return d.end;
                case 'X':
                    out.append(integer(args.next(control), 16, d, args));
                    return d.end;
                case 'R':
                    radix(d, args);
                    return d.end;
                case 'P': {
                    if (d.colon) {
                        args.pos--;
                    }
                    Object arg = args.next(control);
                    boolean one = arg instanceof Long l && l == 1;
                    out.append(d.at ? (one ? "y" : "ies") : (one ? "" : "s"));
                    return d.end;
                }
                case 'C': {
                    Object arg = args.next(control);
                    int ch = Chars.code(arg, "FORMAT ~C");
                    out.append(d.at ? Printer.prin1ToString(arg) : d.colon && (ch == ' ' || !Chars.isGraphic(ch)) ? Chars.name(ch) : Character.toString(ch));
                    return d.end;
                }
                case 'F':
                    out.append(fixed(args.next(control), d, args));
                    return d.end;
                case 'E':
                    out.append(exponential(args.next(control), d, args));
                    return d.end;
                case '$': {
                    Object arg = args.next(control);
                    int digits = d.intParam(0, 2, args);
                    int minInt = d.intParam(1, 1, args);
                    int width = d.intParam(2, 0, args);
                    char pad = d.charParam(3, ' ', args);
                    BigDecimal v = decimal(arg).setScale(digits, RoundingMode.HALF_EVEN);
                    String s = v.abs().toPlainString();
                    int dot = s.indexOf('.');
                    int intDigits = dot < 0 ? s.length() : dot;
                    if (intDigits < minInt) {
                        s = "0".repeat(minInt - intDigits) + s;
                    }
                    String sign = v.signum() < 0 ? "-" : d.at ? "+" : "";
                    s = sign + s;
                    out.append(s.length() < width ? String.valueOf(pad).repeat(width - s.length()) + s : s);
                    return d.end;
                }
                case '%':
                    out.append("\n".repeat(d.intParam(0, 1, args)));
                    return d.end;
                case '&': {
                    int n = d.intParam(0, 1, args);
                    if (n > 0) {
                        boolean atStart = out.length() == 0 ? startsLine : out.charAt(out.length() - 1) == '\n';
                        out.append("\n".repeat(atStart ? n - 1 : n));
                    }
                    return d.end;
                }
                case '|':
                    out.append("\f".repeat(d.intParam(0, 1, args)));
                    return d.end;
                case '~':
                    out.append("~".repeat(d.intParam(0, 1, args)));
                    return d.end;
                case '\n': {
                    int i = d.end;
                    if (d.at) {
                        out.append('\n');
                    }
                    if (!d.colon) {
                        while (i < control.length() && Character.isWhitespace(control.charAt(i)) && control.charAt(i) != '\n') {
                            i++;
                        }
                    }
                    return i;
                }
                case 'T': {
                    int colnum = d.intParam(0, 1, args);
                    int colinc = d.intParam(1, 1, args);
                    int lineStart = out.lastIndexOf("\n") + 1;
                    int column = out.length() - lineStart;
                    if (d.at) {
                        out.append(" ".repeat(colnum));
                        column += colnum;
                        if (colinc > 1 && column % colinc != 0) {
                            out.append(" ".repeat(colinc - column % colinc));
                        }
                    } else if (column < colnum) {
                        out.append(" ".repeat(colnum - column));
                    } else if (colinc > 0) {
                        out.append(" ".repeat(colinc - (column - colnum) % colinc));
                    }
                    return d.end;
                }
                case '*': {
                    int n = d.intParam(0, d.at ? 0 : 1, args);
                    if (d.at) {
                        args.pos = n;
                    } else if (d.colon) {
                        args.pos -= n;
                    } else {
                        args.pos += n;
                    }
                    if (args.pos < 0 || args.pos > args.items.length) {
                        throw LispError.error("FORMAT-ERROR", "~* moved outside the arguments of " + Printer.prin1ToString(control));
                    }
                    return d.end;
                }
                case '?': {
                    Object sub = args.next(control);
                    if (d.at) {
                        Interpreter inner = new Interpreter((String) sub, out, startsLine, startColumn);
                        try {
                            inner.run(0, ((String) sub).length(), args);
                        } catch (Escape e) {
                            // ~^ inside the indirect string ends it.
                        }
                    } else {
                        out.append(format((String) sub, Lisp.toJavaList(args.next(control)).toArray(), 0, startsLine));
                    }
                    return d.end;
                }
                case '(':
                    return caseConversion(d, args);
                case '<':
                    return justification(d, args);
                case '[':
                    return conditional(d, args);
                case '{':
                    return iteration(d, args);
                case '^': {
                    boolean exit;
                    if (d.params.isEmpty()) {
                        exit = args.remaining() == 0;
                    } else {
                        Object p = d.param(0, args);
                        exit = p instanceof Long l && l == 0;
                    }
                    if (exit) {
                        throw new Escape(d.colon);
                    }
                    return d.end;
                }
                default:
                    throw LispError.error("FORMAT-ERROR", "unknown format directive ~" + d.ch + " in " + Printer.prin1ToString(control));
            }
        }

        private int caseConversion(Directive d, Args args) {
            List<Directive> close = findClose(d.end, ')');
            Directive end = close.get(close.size() - 1);
            int bodyEnd = ((Long) end.params.get(0)).intValue();
            StringBuilder saved = new StringBuilder(out);
            out.setLength(0);
            run(d.end, bodyEnd, args);
            String s = out.toString();
            out.setLength(0);
            out.append(saved);
            if (d.colon && d.at) {
                out.append(s.toUpperCase(Locale.ROOT));
            } else if (d.colon) {
                out.append(capitalizeWords(s.toLowerCase(Locale.ROOT), true));
            } else if (d.at) {
                out.append(capitalizeWords(s.toLowerCase(Locale.ROOT), false));
            } else {
                out.append(s.toLowerCase(Locale.ROOT));
            }
            return end.end;
        }

        /**
         * {@code ~mincol,colinc,minpad,padchar<seg~;seg~>}: the segments justified in a field; a first
         * segment closed by {@code ~n,width:;} is printed only when the rest would not fit on the line.
         * {@code ~<...~:>} (a logical block) prints its segments as they are.
         */
        private int justification(Directive d, Args args) {
            List<Directive> parts = findClose(d.end, '>');
            Directive end = parts.get(parts.size() - 1);
            List<String> segments = new ArrayList<>();
            Directive overflowSeparator = null;
            int start = d.end;
            StringBuilder saved = new StringBuilder(out);
            try {
                for (int k = 0; k < parts.size(); k++) {
                    Directive sep = parts.get(k);
                    int at = ((Long) sep.params.get(0)).intValue();
                    out.setLength(0);
                    try {
                        run(start, at, args);
                    } catch (Escape e) {
                        if (k > 0 || out.length() > 0) {
                            segments.add(out.toString());
                        }
                        break;
                    }
                    segments.add(out.toString());
                    if (k == 0 && Character.toUpperCase(sep.ch) == ';' && sep.colon) {
                        overflowSeparator = sep;
                    }
                    start = sep.end;
                }
            } finally {
                out.setLength(0);
                out.append(saved);
            }
            if (end.colon) {
                segments.forEach(out::append);
                return end.end;
            }
            String overflow = null;
            if (overflowSeparator != null && !segments.isEmpty()) {
                overflow = segments.remove(0);
            }
            int mincol = d.intParam(0, 0, args);
            int colinc = Math.max(1, d.intParam(1, 1, args));
            int minpad = d.intParam(2, 0, args);
            char padchar = d.charParam(3, ' ', args);
            int total = 0;
            for (String seg : segments) {
                total += seg.length();
            }
            boolean single = segments.size() == 1 && !d.colon && !d.at;
            int gaps = Math.max(0, segments.size() - 1) + (d.colon || single ? 1 : 0) + (d.at ? 1 : 0);
            int width = Math.max(mincol, total + gaps * minpad);
            if (width > mincol) {
                width = mincol + ((width - mincol + colinc - 1) / colinc) * colinc;
            }
            if (overflow != null) {
                // The rest must fit within the line width (default 80) with n spare columns.
                int spare = overflowSeparator.params.size() > 1 && overflowSeparator.params.get(1) instanceof Long n ? n.intValue() : 0;
                int lineWidth = overflowSeparator.params.size() > 2 && overflowSeparator.params.get(2) instanceof Long w ? w.intValue() : 80;
                int lastNewline = out.lastIndexOf("\n");
                int column = lastNewline >= 0 ? out.length() - (lastNewline + 1) : startColumn + out.length();
                if (column + width + spare > lineWidth) {
                    out.append(overflow);
                }
            }
            int padding = width - total;
            int[] pads = new int[Math.max(gaps, 1)];
            for (int k = 0; k < gaps; k++) {
                pads[k] = padding / gaps + (k < padding % gaps ? 1 : 0);
            }
            int gap = 0;
            if (d.colon || single) {
                out.append(String.valueOf(padchar).repeat(gaps > 0 ? pads[gap++] : 0));
            }
            for (int k = 0; k < segments.size(); k++) {
                out.append(segments.get(k));
                if (k < segments.size() - 1) {
                    out.append(String.valueOf(padchar).repeat(pads[gap++]));
                }
            }
            if (d.at && gaps > 0) {
                out.append(String.valueOf(padchar).repeat(pads[gap]));
            }
            return end.end;
        }

        private String capitalizeWords(String s, boolean every) {
            StringBuilder b = new StringBuilder();
            boolean startOfWord = true;
            boolean done = false;
            for (char c : s.toCharArray()) {
                if (Character.isLetterOrDigit(c)) {
                    b.append(startOfWord && !done ? Character.toUpperCase(c) : c);
                    if (startOfWord && !every) {
                        done = true;
                    }
                    startOfWord = false;
                } else {
                    b.append(c);
                    startOfWord = true;
                }
            }
            return b.toString();
        }

        private int conditional(Directive d, Args args) {
            List<Directive> parts = findClose(d.end, ']');
            Directive end = parts.get(parts.size() - 1);
            List<int[]> clauses = new ArrayList<>();
            int start = d.end;
            int defaultClause = -1;
            for (Directive sep : parts) {
                int at = ((Long) sep.params.get(0)).intValue();
                clauses.add(new int[]{start, at});
                if (Character.toUpperCase(sep.ch) == ';' && sep.colon) {
                    defaultClause = clauses.size();
                }
                start = sep.end;
            }
            int chosen;
            if (d.at) {
                Object arg = args.next(control);
                if (arg == Lisp.NIL) {
                    return end.end;
                }
                args.pos--;
                chosen = 0;
            } else if (d.colon) {
                chosen = args.next(control) == Lisp.NIL ? 0 : 1;
            } else {
                Object p = d.param(0, args);
                Object arg = p != null ? p : args.next(control);
                if (!(arg instanceof Long n)) {
                    throw LispError.typeError(arg, "INTEGER", "FORMAT ~[");
                }
                chosen = n.intValue();
                if (chosen < 0 || chosen >= clauses.size() || (defaultClause >= 0 && chosen >= defaultClause)) {
                    chosen = defaultClause;
                }
            }
            if (chosen >= 0 && chosen < clauses.size()) {
                run(clauses.get(chosen)[0], clauses.get(chosen)[1], args);
            }
            return end.end;
        }

        private int iteration(Directive d, Args args) {
            List<Directive> parts = findClose(d.end, '}');
            Directive end = parts.get(parts.size() - 1);
            int bodyEnd = ((Long) end.params.get(0)).intValue();
            Integer max = d.intParam(0, null, args);
            String body = control.substring(d.end, bodyEnd);
            boolean atLeastOnce = end.colon;
            if (body.isEmpty()) {
                body = (String) args.next(control);
            }
            Interpreter inner = body.equals(control.substring(d.end, bodyEnd)) ? this : new Interpreter(body, out, startsLine, startColumn);
            int from = inner == this ? d.end : 0;
            int to = inner == this ? bodyEnd : body.length();
            Args iterationArgs = d.at ? args : new Args(Lisp.toJavaList(args.next(control)).toArray(), 0);
            int count = 0;
            try {
                while ((iterationArgs.remaining() > 0 || (atLeastOnce && count == 0)) && (max == null || count < max)) {
                    count++;
                    if (d.colon) {
                        Args sub = new Args(Lisp.toJavaList(iterationArgs.next(control)).toArray(), 0);
                        try {
                            inner.run(from, to, sub);
                        } catch (Escape e) {
                            if (e.outer) {
                                break;
                            }
                        }
                    } else {
                        inner.run(from, to, iterationArgs);
                    }
                }
            } catch (Escape e) {
                // ~^ ends the iteration.
            }
            return end.end;
        }

        private void radix(Directive d, Args args) {
            Integer radix = d.intParam(0, null, args);
            Object arg = args.next(control);
            if (radix != null) {
                Directive shifted = new Directive();
                shifted.params.addAll(d.params.subList(1, d.params.size()));
                shifted.colon = d.colon;
                shifted.at = d.at;
                out.append(integer(arg, radix, shifted, args));
                return;
            }
            if (!(arg instanceof Long n)) {
                throw LispError.typeError(arg, "INTEGER", "FORMAT ~R");
            }
            if (d.at) {
                out.append(roman(n));
            } else {
                out.append(d.colon ? EnglishNumbers.ordinal(n) : EnglishNumbers.cardinal(n));
            }
        }

        private String integer(Object arg, int radix, Directive d, Args args) {
            int mincol = d.intParam(0, 0, args);
            char pad = d.charParam(1, ' ', args);
            char comma = d.charParam(2, ',', args);
            int interval = d.intParam(3, 3, args);
            if (!Numbers.isInteger(arg)) {
                String s = Printer.princToString(arg);
                return s.length() < mincol ? " ".repeat(mincol - s.length()) + s : s;
            }
            BigInteger v = Numbers.big(arg);
            String digits = v.abs().toString(radix).toUpperCase(Locale.ROOT);
            if (d.colon) {
                StringBuilder g = new StringBuilder();
                for (int i = 0; i < digits.length(); i++) {
                    if (i > 0 && (digits.length() - i) % interval == 0) {
                        g.append(comma);
                    }
                    g.append(digits.charAt(i));
                }
                digits = g.toString();
            }
            String s = (v.signum() < 0 ? "-" : d.at ? "+" : "") + digits;
            return s.length() < mincol ? String.valueOf(pad).repeat(mincol - s.length()) + s : s;
        }

        private String fixed(Object arg, Directive d, Args args) {
            Integer width = d.intParam(0, null, args);
            Integer digits = d.intParam(1, null, args);
            Integer scale = d.intParam(2, 0, args);
            char pad = d.charParam(4, ' ', args);
            if (!Numbers.isNumber(arg)) {
                return Printer.princToString(arg);
            }
            String s;
            BigDecimal v = decimal(arg).scaleByPowerOfTen(scale);
            if (digits != null) {
                s = v.setScale(digits, RoundingMode.HALF_EVEN).abs().toPlainString();
            } else if (width == null) {
                String printed = arg instanceof Double x ? Double.toString(Math.abs(x))
                        : arg instanceof Float f ? Float.toString(Math.abs(f)) : v.abs().toPlainString();
                s = printed.contains("E") ? v.abs().stripTrailingZeros().toPlainString() : printed;
                if (!s.contains(".")) {
                    s = s + ".0";
                }
            } else {
                int intLen = v.abs().toBigInteger().toString().length();
                int frac = Math.max(0, width - intLen - 1 - (v.signum() < 0 || d.at ? 1 : 0));
                s = v.setScale(frac, RoundingMode.HALF_EVEN).abs().toPlainString();
                if (!s.contains(".")) {
                    s = s + ".";
                }
            }
            if (s.startsWith("0.") && width != null && s.length() > width) {
                s = s.substring(1);
            }
            s = (v.signum() < 0 ? "-" : d.at ? "+" : "") + s;
            if (width != null && s.length() < width) {
                s = String.valueOf(pad).repeat(width - s.length()) + s;
            }
            return s;
        }

        private String exponential(Object arg, Directive d, Args args) {
            Integer digits = d.intParam(1, null, args);
            if (!Numbers.isNumber(arg)) {
                return Printer.princToString(arg);
            }
            double x = Arith.toDouble(arg);
            if (x == 0) {
                return digits == null ? "0.0e+0" : "0." + "0".repeat(digits) + "e+0";
            }
            int exp = (int) Math.floor(Math.log10(Math.abs(x)));
            double mantissa = x / Math.pow(10, exp);
            String m;
            if (digits == null) {
                m = BigDecimal.valueOf(mantissa).stripTrailingZeros().toPlainString();
                if (!m.contains(".")) {
                    m = m + ".0";
                }
            } else {
                m = BigDecimal.valueOf(mantissa).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
            }
            return (d.at && x > 0 ? "+" : "") + m + "e" + (exp < 0 ? "-" : "+") + Math.abs(exp);
        }
    }

    static BigDecimal decimal(Object arg) {
        if (arg instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (arg instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (arg instanceof Ratio r) {
            return new BigDecimal(r.numerator).divide(new BigDecimal(r.denominator), java.math.MathContext.DECIMAL128);
        }
        if (arg instanceof Float f) {
            return new BigDecimal(Float.toString(f));
        }
        if (arg instanceof Double x) {
            return new BigDecimal(x);
        }
        throw LispError.typeError(arg, "REAL", "FORMAT");
    }

    static String pad(String text, int mincol, int colinc, int minpad, char pad, boolean left) {
        int padding = minpad;
        while (text.length() + padding < mincol) {
            padding += Math.max(1, colinc);
        }
        String p = String.valueOf(pad).repeat(padding);
        return left ? p + text : text + p;
    }

    static String roman(long n) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder b = new StringBuilder();
        long x = n;
        for (int i = 0; i < values.length; i++) {
            while (x >= values[i]) {
                b.append(symbols[i]);
                x -= values[i];
            }
        }
        return b.toString();
    }
}
