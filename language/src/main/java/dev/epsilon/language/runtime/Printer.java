package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigInteger;

/** The Lisp printer: {@code princ} (for people) and {@code prin1} (readable) representations. */
public final class Printer {
    private Printer() {
    }

    /**
     * Supplies the current package, which decides whether symbols print with a prefix, and the
     * printer variables of the running thread.
     */
    public interface PackageSource {
        LispPackage currentPackage();

        /** *PRINT-BASE*. */
        default int printBase() {
            return 10;
        }

        /** *PRINT-RADIX*. */
        default boolean printRadix() {
            return false;
        }

        /** *PRINT-CASE*: UPCASE, DOWNCASE or CAPITALIZE. */
        default String printCase() {
            return "UPCASE";
        }
    }

    /** The settings outside any context: the standard values of the print variables, no package. */
    private static final PackageSource STANDARD = () -> null;

    /** Prints objects the runtime alone cannot (instances, conditions, classes); null when it declines. */
    public interface ObjectPrinter {
        String print(Object o, boolean escape);
    }

    /** The running context's *PACKAGE* and print variables (each context has its own). */
    private static PackageSource settings() {
        dev.epsilon.language.EpsilonContext cx = dev.epsilon.language.EpsilonLanguage.enteredContextOrNull();
        return cx == null ? STANDARD : cx.printerSettings();
    }

    /** How the running context prints instances, conditions and classes; null outside a context. */
    private static ObjectPrinter objectPrinter() {
        dev.epsilon.language.EpsilonContext cx = dev.epsilon.language.EpsilonLanguage.enteredContextOrNull();
        return cx == null ? null : cx.objectPrinter();
    }

    @TruffleBoundary
    public static String princToString(Object o) {
        StringBuilder b = new StringBuilder();
        print(o, false, b);
        return b.toString();
    }

    @TruffleBoundary
    public static String prin1ToString(Object o) {
        StringBuilder b = new StringBuilder();
        print(o, true, b);
        return b.toString();
    }

    @TruffleBoundary
    public static void print(Object o, boolean escape, StringBuilder b) {
        if (o instanceof Symbol s) {
            printSymbol(s, escape, b);
        } else if (o instanceof Long || o instanceof BigInteger) {
            printInteger(o, b);
        } else if (o instanceof String s) {
            if (escape) {
                b.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '"' || c == '\\') {
                        b.append('\\');
                    }
                    b.append(c);
                }
                b.append('"');
            } else {
                b.append(s);
            }
        } else if (o instanceof Cons c) {
            printList(c, escape, b);
        } else if (o instanceof Double d) {
            b.append(formatFloat(d, 'd'));
        } else if (o instanceof Float f) {
            b.append(formatFloat(f, 'e'));
        } else if (Chars.isCharacter(o)) {
            int c = Chars.codeOrMinus(o);
            if (escape) {
                b.append("#\\").append(characterName(c));
            } else {
                b.appendCodePoint(c);
            }
        } else if (o instanceof LispFunction f) {
            b.append("#<FUNCTION ");
            print(f.name(), true, b);
            b.append('>');
        } else if (o instanceof LispCondition c) {
            if (escape) {
                b.append("#<").append(c.typeName()).append(" {").append(c.report()).append("}>");
            } else {
                b.append(c.report());
            }
        } else if (o instanceof SimpleVector v) {
            b.append("#(");
            for (int i = 0; i < v.items.length; i++) {
                if (i > 0) {
                    b.append(' ');
                }
                print(v.items[i], escape, b);
            }
            b.append(')');
        } else if (o instanceof Complex z) {
            b.append("#C(");
            print(z.real, escape, b);
            b.append(' ');
            print(z.imag, escape, b);
            b.append(')');
        } else if (o instanceof Ratio r) {
            PackageSource settings = settings();
            int base = settings.printBase();
            if (base == 10 && !settings.printRadix()) {
                b.append(r);
            } else {
                radixPrefix(base, b);
                b.append(r.numerator.toString(base).toUpperCase(java.util.Locale.ROOT)).append('/')
                        .append(r.denominator.toString(base).toUpperCase(java.util.Locale.ROOT));
            }
        } else if (o instanceof Pathname p) {
            if (escape) {
                b.append("#P");
                print(p.namestring(), true, b);
            } else {
                b.append(p.namestring());
            }
        } else if (o instanceof LispPackage p) {
            b.append(p);
        } else if (o instanceof LispString s) {
            print(s.toString(), escape, b);
        } else if (o instanceof NativeArray n && n.element() == NativeArray.Element.BIT && n.rank() == 1) {
            b.append("#*");
            for (int i = 0; i < n.length(); i++) {
                b.append(n.get(i));
            }
        } else if (o instanceof LispVector || o instanceof NativeArray) {
            printArray(o, escape, b);
        } else if (o instanceof ForeignPointer p) {
            b.append(p);
        } else if (o instanceof ForeignStruct s) {
            b.append(dev.epsilon.language.foreign.CStructs.print(s));
        } else if (o instanceof LispHashTable h) {
            b.append("#<HASH-TABLE :TEST ").append(h.test()).append(" :COUNT ").append(h.size()).append('>');
        } else if (o == null) {
            b.append("#<null>");
        } else {
            ObjectPrinter objects = objectPrinter();
            String custom = objects == null ? null : objects.print(o, escape);
            if (custom != null) {
                b.append(custom);
                return;
            }
            b.append("#<").append(o.getClass().getSimpleName()).append(' ').append(o).append('>');
        }
    }

    private static void printArray(Object a, boolean escape, StringBuilder b) {
        int[] dims = a instanceof LispVector v ? v.dimensions() : ((NativeArray) a).dimensions();
        if (dims.length == 1) {
            b.append("#(");
            int n = Sequences.length(a);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(' ');
                }
                print(Sequences.elt(a, i), escape, b);
            }
            b.append(')');
            return;
        }
        b.append('#').append(dims.length).append('A');
        if (dims.length == 0) {
            print(a instanceof LispVector v ? v.rowMajor(0) : ((NativeArray) a).get(0), escape, b);   // its one element
            return;
        }
        printDimension(a, dims, 0, 0, escape, b);
    }

    private static int printDimension(Object a, int[] dims, int axis, int index, boolean escape, StringBuilder b) {
        b.append('(');
        for (int i = 0; i < dims[axis]; i++) {
            if (i > 0) {
                b.append(' ');
            }
            if (axis == dims.length - 1) {
                print(a instanceof LispVector v ? v.rowMajor(index) : ((NativeArray) a).get(index), escape, b);
                index++;
            } else {
                index = printDimension(a, dims, axis + 1, index, escape, b);
            }
        }
        b.append(')');
        return index;
    }

    private static void printList(Cons c, boolean escape, StringBuilder b) {
        if (c.car instanceof Symbol s && c.cdr instanceof Cons rest && rest.cdr == Lisp.NIL && s.home() != null) {
            String prefix = readerPrefix(s);
            if (prefix != null) {
                b.append(prefix);
                print(rest.car, escape, b);
                return;
            }
        }
        b.append('(');
        Object o = c;
        boolean first = true;
        while (o instanceof Cons cell) {
            if (!first) {
                b.append(' ');
            }
            print(cell.car, escape, b);
            first = false;
            o = cell.cdr;
        }
        if (o != Lisp.NIL) {
            b.append(" . ");
            print(o, escape, b);
        }
        b.append(')');
    }

    /** A symbol with its package prefix whatever the current package, as SBCL names functions in errors. */
    @TruffleBoundary
    public static String qualified(Symbol s) {
        if (s.isKeyword()) {
            return ":" + escapeName(s.name());
        }
        if (s.home() == null) {
            return "#:" + escapeName(s.name());
        }
        if (s.home().name().equals("COMMON-LISP")) {
            return escapeName(s.name());
        }
        return s.home().name() + (s.home().isExternal(s) ? ":" : "::") + escapeName(s.name());
    }

    /** The reader syntax that reads as (SYMBOL x), if any: 'x #'x `x ,x ,@x. */
    private static String readerPrefix(Symbol s) {
        String pkg = s.home().name();
        if (pkg.equals("COMMON-LISP")) {
            return s.name().equals("QUOTE") ? "'" : s.name().equals("FUNCTION") ? "#'" : null;
        }
        if (pkg.equals("EPSILON.SYSTEM")) {
            return switch (s.name()) {
                case "QUASIQUOTE" -> "`";
                case "UNQUOTE" -> ",";
                case "UNQUOTE-SPLICING" -> ",@";
                default -> null;
            };
        }
        return null;
    }

    /** An integer in *PRINT-BASE*, with the radix marker *PRINT-RADIX* asks for. */
    private static void printInteger(Object n, StringBuilder b) {
        PackageSource settings = settings();
        int base = settings.printBase();
        boolean radix = settings.printRadix();
        if (base == 10) {
            b.append(n);
            if (radix) {
                b.append('.');
            }
            return;
        }
        if (radix) {
            radixPrefix(base, b);
        }
        String digits = n instanceof Long l ? Long.toString(l, base) : ((BigInteger) n).toString(base);
        b.append(digits.toUpperCase(java.util.Locale.ROOT));
    }

    private static void radixPrefix(int base, StringBuilder b) {
        switch (base) {
            case 2 -> b.append("#b");
            case 8 -> b.append("#o");
            case 16 -> b.append("#x");
            default -> b.append('#').append(base).append('r');
        }
    }

    /** A symbol name in *PRINT-CASE*: only its uppercase letters change (they are what reads back the same). */
    private static String inPrintCase(String name) {
        String mode = settings().printCase();
        if (mode.equals("UPCASE")) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean wordStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append(mode.equals("CAPITALIZE") && wordStart ? c : Character.toLowerCase(c));
            } else {
                out.append(c);
            }
            wordStart = !Character.isLetterOrDigit(c);
        }
        return out.toString();
    }

    private static void printSymbol(Symbol s, boolean escape, StringBuilder b) {
        if (!escape) {
            b.append(inPrintCase(s.name()));
            return;
        }
        if (s.isKeyword()) {
            b.append(':').append(escapeName(s.name()));
            return;
        }
        LispPackage current = settings().currentPackage();
        if (s.home() == null) {
            b.append("#:");
        } else if (current != null && current.find(s.name()) != s) {
            b.append(inPrintCase(s.home().name())).append(s.home().isExternal(s) ? ":" : "::");
        }
        b.append(escapeName(s.name()));
    }

    private static String escapeName(String name) {
        boolean plain = !name.isEmpty();
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = !(Character.isLowerCase(c) || Character.isWhitespace(c) || "()'\"`,;|\\#:".indexOf(c) >= 0);
        }
        if (plain && looksLikeNumber(name)) {
            plain = false;
        }
        return plain ? inPrintCase(name) : "|" + name.replace("\\", "\\\\").replace("|", "\\|") + "|";
    }

    private static final java.util.regex.Pattern NUMBER_SYNTAX =
            java.util.regex.Pattern.compile("[+-]?[0-9]+\\.?|[+-]?[0-9]*\\.[0-9]+([eEdDfFsSlL][+-]?[0-9]+)?|[+-]?[0-9]+/[0-9]+");

    private static boolean looksLikeNumber(String name) {
        // Most names cannot be numbers; only those that can are matched against number syntax.
        char first = name.isEmpty() ? 'x' : name.charAt(0);
        boolean candidate = (first >= '0' && first <= '9') || first == '+' || first == '-' || first == '.';
        return candidate && NUMBER_SYNTAX.matcher(name).matches();
    }

    /** CL float syntax: fixed notation between 1e-3 and 1e7, else exponent; doubles marked with d. */
    @TruffleBoundary
    public static String formatFloat(double v, char doubleMarker) {
        if (Double.isNaN(v)) {
            return doubleMarker == 'd' ? "#<DOUBLE-FLOAT quiet NaN>" : "#<SINGLE-FLOAT quiet NaN>";
        }
        if (Double.isInfinite(v)) {
            String type = doubleMarker == 'd' ? "DOUBLE-FLOAT" : "SINGLE-FLOAT";
            return "#.SB-EXT:" + type + (v > 0 ? "-POSITIVE-INFINITY" : "-NEGATIVE-INFINITY");
        }
        String s = doubleMarker == 'd' ? Double.toString(v) : Float.toString((float) v);
        int e = s.indexOf('E');
        if (e >= 0) {
            return s.substring(0, e) + (doubleMarker == 'd' ? 'd' : 'e') + s.substring(e + 1);
        }
        return doubleMarker == 'd' ? s + "d0" : s;
    }

    /** How #\ writes a character: itself when graphic ASCII, else its name (as SBCL writes it). */
    public static String characterName(int c) {
        return c >= 32 && c < 127 ? Character.toString(c) : Chars.name(c);
    }
}
