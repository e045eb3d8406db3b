package dev.epsilon.language.clos;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.Cons;
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
            case "BIGNUM":
                return o instanceof BigInteger;
            case "UNSIGNED-BYTE":
                return Numbers.isInteger(o) && Numbers.big(o).signum() >= 0;
            case "SIGNED-BYTE":
                return Numbers.isInteger(o);
            case "STANDARD-CHAR":
            case "BASE-CHAR":
                return o instanceof Character;
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
            case "NUMBER":
                return atomic(o, head) && inRange(o, args);
            default:
                // (vector ...), (array ...), (simple-array ...), (cons ...), (string n): the head's type.
                return atomic(o, head);
        }
    }

    private Symbol star() {
        return classes.t.name().home().findExternal("*");
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
