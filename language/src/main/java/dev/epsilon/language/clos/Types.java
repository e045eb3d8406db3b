package dev.epsilon.language.clos;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.Chars;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Equality;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.Numbers;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Ratio;
import dev.epsilon.language.runtime.Symbol;

import java.math.BigInteger;
import java.util.List;

/** TYPEP over type specifiers: class names, the standard atomic types, and compound types. */
public final class Types {
    private final ClassTable classes;
    /** DEFTYPE expanders: a function from the type's arguments to another type specifier. */
    private final java.util.Map<Symbol, LispFunction> deftypes = new java.util.concurrent.ConcurrentHashMap<>();

    public Types(ClassTable classes) {
        this.classes = classes;
    }

    public void deftype(Symbol name, LispFunction expander) {
        deftypes.put(name, expander);
    }

    @TruffleBoundary
    public boolean typep(Object o, Object type) {
        if (type instanceof LispClass c) {
            return classes.classOf(o).isSubclassOf(c);
        }
        if (type instanceof Symbol s) {
            return atomic(o, s);
        }
        if (type instanceof Cons c && c.car instanceof Symbol head) {
            return compound(o, head, Lisp.toJavaList(c.cdr), type);
        }
        throw LispError.error("SIMPLE-ERROR", "bad type specifier " + Printer.prin1ToString(type));
    }

    private boolean atomic(Object o, Symbol s) {
        if (s == Lisp.T) {
            return true;
        }
        if (s == Lisp.NIL) {
            return false;
        }
        LispFunction expander = deftypes.get(s);
        if (expander != null) {
            return typep(o, expander.callUncached());
        }
        switch (s.home() != null && s.home().name().equals("COMMON-LISP") ? s.name() : "") {
            case "ATOM":
                return !(o instanceof Cons);
            case "BOOLEAN":
                return o == Lisp.T || o == Lisp.NIL;
            case "KEYWORD":
                return o instanceof Symbol k && k.isKeyword();
            case "BIT":
                return o instanceof Long l && (l == 0 || l == 1);
            case "FIXNUM":
                return o instanceof Long;
            case "SHORT-FLOAT":
                return o instanceof Float;
            case "LONG-FLOAT":
                return o instanceof Double;
            case "BIGNUM":
                return o instanceof BigInteger;
            case "UNSIGNED-BYTE":
                return Numbers.isInteger(o) && Numbers.big(o).signum() >= 0;
            case "SIGNED-BYTE":
                return Numbers.isInteger(o);
            case "STANDARD-CHAR":
                return Chars.isStandard(Chars.codeOrMinus(o));
            case "BASE-CHAR":   // as in SBCL: the characters below 128
                return o instanceof Character c && c < 128;
            case "EXTENDED-CHAR":
                return Chars.codeOrMinus(o) >= 128;
            case "SIMPLE-STRING":
            case "BASE-STRING":
            case "SIMPLE-BASE-STRING":
                return classes.classOf(o).isSubclassOf(classes.string);
            case "COMPILED-FUNCTION":
                return o instanceof LispFunction;
            case "SIMPLE-ARRAY":
                return classes.classOf(o).isSubclassOf(classes.find(s.home().findExternal("ARRAY")));
            default:
                break;
        }
        LispClass c = classes.find(s);
        if (c != null) {
            return classes.classOf(o).isSubclassOf(c);
        }
        throw LispError.error("SIMPLE-ERROR", "unknown type specifier " + Printer.prin1ToString(s));
    }

    private boolean compound(Object o, Symbol head, List<Object> args, Object whole) {
        LispFunction expander = deftypes.get(head);
        if (expander != null) {
            return typep(o, expander.callUncached(args.toArray()));
        }
        switch (head.name()) {
            case "OR":
                for (Object t : args) {
                    if (typep(o, t)) {
                        return true;
                    }
                }
                return false;
            case "AND":
                for (Object t : args) {
                    if (!typep(o, t)) {
                        return false;
                    }
                }
                return true;
            case "NOT":
                return !typep(o, args.get(0));
            case "MEMBER":
                for (Object v : args) {
                    if (Lisp.eql(o, v)) {
                        return true;
                    }
                }
                return false;
            case "EQL":
                return Lisp.eql(o, args.get(0));
            case "SATISFIES":
                return ((Symbol) args.get(0)).function().callUncached(o) != Lisp.NIL;
            case "INTEGER":
                return Numbers.isInteger(o) && inRange(o, args);
            case "UNSIGNED-BYTE": {
                if (!Numbers.isInteger(o) || Numbers.big(o).signum() < 0) {
                    return false;
                }
                return args.isEmpty() || args.get(0) == star() || Numbers.big(o).bitLength() <= ((Long) args.get(0));
            }
            case "SIGNED-BYTE": {
                if (!Numbers.isInteger(o)) {
                    return false;
                }
                return args.isEmpty() || args.get(0) == star() || Numbers.big(o).bitLength() < ((Long) args.get(0));
            }
            case "MOD":
                return Numbers.isInteger(o) && Numbers.big(o).signum() >= 0 && Numbers.big(o).compareTo(Numbers.big(args.get(0))) < 0;
            case "REAL":
            case "RATIONAL":
            case "FLOAT":
            case "SINGLE-FLOAT":
            case "DOUBLE-FLOAT":
            case "SHORT-FLOAT":
            case "LONG-FLOAT":
            case "NUMBER":
                return atomic(o, head) && inRange(o, args);
            default:
                // (vector ...), (array ...), (simple-array ...), (cons ...), (string n): the head's type.
                return atomic(o, head);
        }
    }

    private static boolean isCharacterSubtype(Object t) {
        return isNamed(t, "BASE-CHAR") || isNamed(t, "STANDARD-CHAR") || isNamed(t, "EXTENDED-CHAR");
    }

    private static boolean isNamed(Object t, String name) {
        return t instanceof Symbol s && s.name().equals(name) && s.home() != null && s.home().name().equals("COMMON-LISP");
    }

    /**
     * SUBTYPEP: 1 when {@code a} is certainly a subtype of {@code b}, 0 when certainly not, -1 when
     * this cannot tell. Classes, OR/AND/NOT, MEMBER/EQL, numeric ranges and DEFTYPE expansions.
     */
    @TruffleBoundary
    public int subtypep(Object typeA, Object typeB) {
        Object a = integerRange(expand(typeA));
        Object b = integerRange(expand(typeB));
        if (b == Lisp.T || a == Lisp.NIL || Equality.equal(a, b)) {
            return 1;
        }
        if (isCharacterSubtype(a) && (isCharacterSubtype(b) || isNamed(b, "CHARACTER"))) {
            // STANDARD-CHAR < BASE-CHAR < CHARACTER; EXTENDED-CHAR is CHARACTER less BASE-CHAR.
            String x = ((Symbol) a).name();
            String y = b instanceof Symbol s ? s.name() : "";
            return y.equals("CHARACTER") || (x.equals("STANDARD-CHAR") && y.equals("BASE-CHAR")) ? 1 : 0;
        }
        if (isCompound(a, "OR")) {
            return all(Lisp.toJavaList(Lisp.cdr(a)), x -> subtypep(x, b));
        }
        if (isCompound(b, "AND")) {
            return all(Lisp.toJavaList(Lisp.cdr(b)), y -> subtypep(a, y));
        }
        if (isCompound(a, "MEMBER") || isCompound(a, "EQL")) {
            for (Object x : Lisp.toJavaList(Lisp.cdr(a))) {
                if (!typep(x, b)) {
                    return 0;
                }
            }
            return 1;
        }
        if (isCompound(b, "OR")) {
            for (Object y : Lisp.toJavaList(Lisp.cdr(b))) {
                if (subtypep(a, y) == 1) {
                    return 1;
                }
            }
            // A class whose known subclasses are each inside the union: LIST in (OR NULL CONS).
            LispClass ca = classFor(a);
            return ca != null && subclassesCovered(ca, Lisp.toJavaList(Lisp.cdr(b))) ? 1 : -1;
        }
        if (isCompound(a, "AND")) {
            for (Object x : Lisp.toJavaList(Lisp.cdr(a))) {
                if (subtypep(x, b) == 1) {
                    return 1;
                }
            }
            // An intersection of built-in classes is the set of classes below all of them.
            List<LispClass> parts = new java.util.ArrayList<>();
            for (Object x : Lisp.toJavaList(Lisp.cdr(a))) {
                LispClass c = classFor(x);
                if (c == null) {
                    return -1;
                }
                parts.add(c);
            }
            LispClass cb = classFor(b);
            if (cb == null) {
                return -1;
            }
            for (LispClass c : classes.all()) {
                boolean inAll = parts.stream().allMatch(c::isSubclassOf);
                if (inAll && !c.isSubclassOf(cb)) {
                    return -1;
                }
            }
            return 1;
        }
        if (isCompound(b, "NOT")) {
            LispClass ca = classFor(a);
            LispClass cn = classFor(Lisp.car(Lisp.cdr(b)));
            if (ca != null && cn != null) {
                return ca.isSubclassOf(cn) ? 0 : cn.isSubclassOf(ca) ? -1 : disjoint(ca, cn) ? 1 : -1;
            }
            return -1;
        }
        if (isNumericRange(a) && isNumericRange(b)) {
            return rangeSubtype(a, b);
        }
        LispClass ca = classFor(a);
        LispClass cb = classFor(b);
        if (ca != null && cb != null) {
            return ca.isSubclassOf(cb) ? 1 : 0;
        }
        return -1;
    }

    /** SUBTYPEP's answer for "every one of these holds": 0 if any certainly fails, else -1 if any is unknown. */
    private static int all(List<Object> types, java.util.function.ToIntFunction<Object> test) {
        int result = 1;
        for (Object t : types) {
            int r = test.applyAsInt(t);
            if (r == 0) {
                return 0;
            }
            if (r < 0) {
                result = -1;
            }
        }
        return result;
    }

    /** BIT, FIXNUM, (MOD n), (UNSIGNED-BYTE n) and (SIGNED-BYTE n) as the INTEGER ranges they are. */
    private Object integerRange(Object type) {
        Symbol head = type instanceof Symbol s ? s : type instanceof Cons c && c.car instanceof Symbol s ? s : null;
        if (head == null || head.home() == null || !head.home().name().equals("COMMON-LISP")) {
            return type;
        }
        List<Object> args = type instanceof Cons c ? Lisp.toJavaList(c.cdr) : List.of();
        Object arg = args.isEmpty() ? star() : args.get(0);
        Symbol integer = classes.clPackage().findExternal("INTEGER");
        switch (head.name()) {
            case "BIT":
                return Lisp.list(integer, 0L, 1L);
            case "FIXNUM":
                return Lisp.list(integer, Long.MIN_VALUE, Long.MAX_VALUE);
            case "MOD":
                return arg instanceof Long n ? Lisp.list(integer, 0L, n - 1) : type;
            case "UNSIGNED-BYTE":
                if (arg == star()) {
                    return Lisp.list(integer, 0L, star());
                }
                return arg instanceof Long n ? Lisp.list(integer, 0L, Numbers.normalize(BigInteger.ONE.shiftLeft((int) (long) n).subtract(BigInteger.ONE))) : type;
            case "SIGNED-BYTE":
                if (arg == star()) {
                    return integer;
                }
                if (arg instanceof Long n) {
                    BigInteger half = BigInteger.ONE.shiftLeft((int) (long) n - 1);
                    return Lisp.list(integer, Numbers.normalize(half.negate()), Numbers.normalize(half.subtract(BigInteger.ONE)));
                }
                return type;
            default:
                return type;
        }
    }

    /** Whether each leaf class below {@code c} (or {@code c} itself) is a subclass of one of {@code union}'s types. */
    private boolean subclassesCovered(LispClass c, List<Object> union) {
        for (LispClass leaf : classesBelow(c)) {
            boolean inside = false;
            for (Object y : union) {
                LispClass cy = classFor(y);
                if (cy != null && leaf.isSubclassOf(cy)) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                return false;
            }
        }
        return true;
    }

    /** The leaf classes below {@code c} (or {@code c} itself when nothing is below it). */
    private List<LispClass> classesBelow(LispClass c) {
        List<LispClass> below = new java.util.ArrayList<>();
        for (LispClass x : classes.all()) {
            if (x != c && x.isSubclassOf(c)) {
                below.add(x);
            }
        }
        List<LispClass> leaves = new java.util.ArrayList<>();
        for (LispClass x : below) {
            boolean leaf = below.stream().noneMatch(y -> y != x && y.isSubclassOf(x));
            if (leaf) {
                leaves.add(x);
            }
        }
        return leaves.isEmpty() ? List.of(c) : leaves;
    }

    /** Two built-in classes with no common subclass (SYMBOL and NUMBER). */
    private boolean disjoint(LispClass x, LispClass y) {
        for (LispClass c : classes.all()) {
            if (c.isSubclassOf(x) && c.isSubclassOf(y)) {
                return false;
            }
        }
        return true;
    }

    /** A type specifier with its DEFTYPE expansions applied (the head only). */
    public Object expand(Object type) {
        for (int i = 0; i < 100; i++) {
            LispFunction expander = null;
            Object[] args = new Object[0];
            if (type instanceof Symbol s) {
                expander = deftypes.get(s);
            } else if (type instanceof Cons c && c.car instanceof Symbol head) {
                expander = deftypes.get(head);
                args = Lisp.toJavaList(c.cdr).toArray();
            }
            if (expander == null) {
                return type;
            }
            type = expander.callUncached(args);
        }
        return type;
    }

    private static boolean isCompound(Object type, String head) {
        return type instanceof Cons c && c.car instanceof Symbol s && s.name().equals(head);
    }

    /** The class a type names (a class, a class name, or a compound type of a class head), or null. */
    private LispClass classFor(Object type) {
        if (type instanceof LispClass c) {
            return c;
        }
        Symbol name = type instanceof Symbol s ? s : type instanceof Cons c && c.car instanceof Symbol s && c.cdr == Lisp.NIL ? s : null;
        if (name == null) {
            return null;
        }
        return classes.find(name);
    }

    private static final java.util.Set<String> NUMERIC = java.util.Set.of("INTEGER", "RATIONAL", "REAL", "FLOAT",
            "SINGLE-FLOAT", "DOUBLE-FLOAT", "SHORT-FLOAT", "LONG-FLOAT", "NUMBER");

    private boolean isNumericRange(Object type) {
        Symbol head = type instanceof Symbol s ? s : type instanceof Cons c && c.car instanceof Symbol s ? s : null;
        return head != null && NUMERIC.contains(head.name()) && head.home() != null && head.home().name().equals("COMMON-LISP");
    }

    private int rangeSubtype(Object a, Object b) {
        Symbol ha = a instanceof Symbol s ? s : (Symbol) ((Cons) a).car;
        Symbol hb = b instanceof Symbol s ? s : (Symbol) ((Cons) b).car;
        LispClass ca = classes.find(canonicalFloat(ha));
        LispClass cb = classes.find(canonicalFloat(hb));
        if (ca == null || cb == null) {
            return -1;
        }
        if (!ca.isSubclassOf(cb)) {
            return 0;   // FLOAT has double floats that SINGLE-FLOAT lacks, whatever the ranges
        }
        List<Object> ra = a instanceof Cons c ? Lisp.toJavaList(c.cdr) : List.of();
        List<Object> rb = b instanceof Cons c ? Lisp.toJavaList(c.cdr) : List.of();
        Object loA = ra.isEmpty() ? star() : ra.get(0);
        Object hiA = ra.size() < 2 ? star() : ra.get(1);
        Object loB = rb.isEmpty() ? star() : rb.get(0);
        Object hiB = rb.size() < 2 ? star() : rb.get(1);
        return boundWithin(loA, loB, true) && boundWithin(hiA, hiB, false) ? 1 : 0;
    }

    private Symbol canonicalFloat(Symbol s) {
        String n = s.name().equals("SHORT-FLOAT") ? "SINGLE-FLOAT" : s.name().equals("LONG-FLOAT") ? "DOUBLE-FLOAT" : s.name();
        return s.home().findExternal(n);
    }

    /** Whether bound x is at least as tight as bound y (lower bounds when {@code lower}). */
    private boolean boundWithin(Object x, Object y, boolean lower) {
        if (y == star()) {
            return true;
        }
        if (x == star()) {
            return false;
        }
        boolean xe = x instanceof Cons;
        boolean ye = y instanceof Cons;
        double xv = toDouble(xe ? ((Cons) x).car : x);
        double yv = toDouble(ye ? ((Cons) y).car : y);
        if (xv == yv) {
            return !ye || xe;
        }
        return lower ? xv > yv : xv < yv;
    }

    private Symbol star() {
        // This context's CL:*, not through T's home: T and NIL are shared by every context.
        return classes.clPackage().findExternal("*");
    }

    private boolean inRange(Object o, List<Object> args) {
        if (!args.isEmpty() && args.get(0) != star() && compare(o, args.get(0), true) < 0) {
            return false;
        }
        return args.size() < 2 || args.get(1) == star() || compare(o, args.get(1), false) <= 0;
    }

    /** Compares with a bound; a bound in a list is exclusive. */
    private static int compare(Object o, Object bound, boolean lower) {
        boolean exclusive = bound instanceof Cons;
        Object b = exclusive ? ((Cons) bound).car : bound;
        int c = Double.compare(toDouble(o), toDouble(b));
        if (Numbers.isInteger(o) && Numbers.isInteger(b)) {
            c = Numbers.big(o).compareTo(Numbers.big(b));
        }
        if (exclusive && c == 0) {
            return lower ? -1 : 1;
        }
        return c;
    }

    private static double toDouble(Object o) {
        if (o instanceof Ratio r) {
            return r.numerator.doubleValue() / r.denominator.doubleValue();
        }
        return o instanceof BigInteger b ? b.doubleValue() : ((Number) o).doubleValue();
    }
}
