package dev.epsilon.language.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Numbers;
import dev.epsilon.language.runtime.Printer;

import java.math.BigInteger;

/** {@code format} directives: ~a ~s ~d ~b ~o ~x ~% ~& ~~ with column padding for ~a ~s ~d. */
final class Format {
    private Format() {
    }

    /** Where ~& needs to know whether output is at a line start. */
    interface Sink {
        void write(String s);

        void freshLine();
    }

    /** A sink that collects into {@code b}; at its start counts as a line start. */
    static Sink toBuilder(StringBuilder b) {
        return new Sink() {
            @Override
            public void write(String s) {
                b.append(s);
            }

            @Override
            public void freshLine() {
                if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
                    b.append('\n');
                }
            }
        };
    }

    @TruffleBoundary
    static void format(Sink out, String control, Object[] args, int firstArg) {
        int argIndex = firstArg;
        StringBuilder pending = new StringBuilder();
        for (int i = 0; i < control.length(); i++) {
            char c = control.charAt(i);
            if (c != '~') {
                pending.append(c);
                continue;
            }
            i++;
            // Prefix parameters (numbers separated by commas), then modifiers.
            int mincol = -1;
            int paramStart = i;
            while (i < control.length() && (Character.isDigit(control.charAt(i)) || control.charAt(i) == ',')) {
                i++;
            }
            if (i > paramStart) {
                String first = control.substring(paramStart, i).split(",", -1)[0];
                if (!first.isEmpty()) {
                    mincol = Integer.parseInt(first);
                }
            }
            boolean atSign = false;
            boolean colon = false;
            while (i < control.length() && (control.charAt(i) == '@' || control.charAt(i) == ':')) {
                if (control.charAt(i) == '@') {
                    atSign = true;
                } else {
                    colon = true;
                }
                i++;
            }
            if (i >= control.length()) {
                throw LispError.error("FORMAT-ERROR", "format string ends inside a directive: " + control);
            }
            char d = Character.toUpperCase(control.charAt(i));
            switch (d) {
                case '%' -> pending.append('\n');
                case '~' -> pending.append('~');
                case '&' -> {
                    flush(out, pending);
                    out.freshLine();
                }
                case 'A', 'S', 'D', 'B', 'O', 'X' -> {
                    if (argIndex >= args.length) {
                        throw LispError.error("FORMAT-ERROR", "not enough arguments for format string " + Printer.prin1ToString(control));
                    }
                    Object arg = args[argIndex++];
                    String text = switch (d) {
                        case 'A' -> Printer.princToString(arg);
                        case 'S' -> Printer.prin1ToString(arg);
                        default -> integer(arg, d == 'D' ? 10 : d == 'B' ? 2 : d == 'O' ? 8 : 16, atSign, colon);
                    };
                    if (mincol > text.length()) {
                        String pad = " ".repeat(mincol - text.length());
                        text = (d == 'A' || d == 'S') && !atSign ? text + pad : pad + text;
                    }
                    pending.append(text);
                }
                default -> throw LispError.error("FORMAT-ERROR", "unsupported format directive ~" + control.charAt(i));
            }
        }
        flush(out, pending);
    }

    private static void flush(Sink out, StringBuilder pending) {
        if (pending.length() > 0) {
            out.write(pending.toString());
            pending.setLength(0);
        }
    }

    private static String integer(Object arg, int radix, boolean sign, boolean groups) {
        if (!Numbers.isInteger(arg)) {
            return Printer.princToString(arg);
        }
        BigInteger v = Numbers.big(arg);
        String digits = v.abs().toString(radix).toUpperCase();
        if (groups) {
            StringBuilder g = new StringBuilder();
            for (int i = 0; i < digits.length(); i++) {
                if (i > 0 && (digits.length() - i) % 3 == 0) {
                    g.append(',');
                }
                g.append(digits.charAt(i));
            }
            digits = g.toString();
        }
        return (v.signum() < 0 ? "-" : sign ? "+" : "") + digits;
    }
}
