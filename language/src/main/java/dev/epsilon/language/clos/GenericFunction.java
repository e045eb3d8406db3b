package dev.epsilon.language.clos;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A generic function: its methods, and a cache from the classes (or EQL values) of the required
 * arguments to the effective method, cleared whenever a method is added.
 */
public final class GenericFunction {
    private final Symbol name;
    private final ClassTable classes;
    private final int required;
    private final List<LispMethod> methods = new ArrayList<>();
    private final Map<List<Object>, EffectiveMethod> cache = new ConcurrentHashMap<>();
    private volatile boolean[] eqlPositions;
    private LispFunction function;
    /** The required parameters in the order they decide specificity (:argument-precedence-order). */
    private volatile int[] precedenceOrder;

    public GenericFunction(Symbol name, ClassTable classes, int required) {
        this.name = name;
        this.classes = classes;
        this.required = required;
        this.eqlPositions = new boolean[required];
    }

    public Symbol name() { return name; }

    public int requiredCount() { return required; }

    /**
     * Sets which required parameters decide specificity first; null is left to right. Effective
     * methods computed under the old order are dropped.
     */
    public synchronized void setPrecedenceOrder(int[] order) {
        precedenceOrder = order;
        cache.clear();
    }

    public LispFunction function() { return function; }

    /** The function object that calls this generic function. */
    public LispFunction makeFunction(com.oracle.truffle.api.TruffleLanguage<?> language) {
        LispFunction f = new LispFunction(new GenericRootNode(language, this).getCallTarget(), name, new Object[0]);
        f.setGenericFunction(this);
        this.function = f;
        return f;
    }

    public synchronized List<LispMethod> methods() { return List.copyOf(methods); }

    @TruffleBoundary
    public synchronized void addMethod(LispMethod m) {
        if (m.specializers().length != required) {
            throw LispError.error("SIMPLE-ERROR", "method for " + Printer.prin1ToString(name) + " has "
                    + m.specializers().length + " required parameters; the generic function has " + required);
        }
        methods.removeIf(old -> old.sameSpecializersAndQualifiers(m));
        methods.add(m);
        boolean[] eql = new boolean[required];
        for (LispMethod x : methods) {
            for (int i = 0; i < required; i++) {
                eql[i] |= x.specializers()[i] instanceof EqlSpecializer;
            }
        }
        eqlPositions = eql;
        cache.clear();
    }

    @TruffleBoundary
    public Object call(Object[] args) {
        if (args.length < required) {
            throw LispError.error("PROGRAM-ERROR", "invalid number of arguments to " + Printer.prin1ToString(name)
                    + ": " + args.length + " (expected at least " + required + ")");
        }
        List<Object> key = key(args);
        EffectiveMethod em = cache.get(key);
        if (em == null) {
            em = compute(args);
            cache.put(key, em);
        }
        return em.run(args);
    }

    private List<Object> key(Object[] args) {
        boolean[] eql = eqlPositions;
        Object[] key = new Object[required];
        for (int i = 0; i < required; i++) {
            key[i] = eql[i] && eqlMatch(i, args[i]) ? new EqlSpecializer(args[i]) : classes.classOf(args[i]);
        }
        return Arrays.asList(key);
    }

    private synchronized boolean eqlMatch(int position, Object arg) {
        for (LispMethod m : methods) {
            if (m.specializers()[position] instanceof EqlSpecializer e && Lisp.eql(e.value(), arg)) {
                return true;
            }
        }
        return false;
    }

    /** COMPUTE-APPLICABLE-METHODS: the methods that apply to {@code args}, most specific first. */
    @TruffleBoundary
    public synchronized List<LispMethod> applicableMethods(Object[] args) {
        List<LispMethod> applicable = new ArrayList<>();
        for (LispMethod m : methods) {
            if (applicable(m, args)) {
                applicable.add(m);
            }
        }
        applicable.sort((a, b) -> compareSpecificity(a, b, args));
        return applicable;
    }

    /** REMOVE-METHOD: true when the method was one of this generic function's. */
    @TruffleBoundary
    public synchronized boolean removeMethod(LispMethod m) {
        boolean removed = methods.remove(m);
        cache.clear();
        return removed;
    }

    private synchronized EffectiveMethod compute(Object[] args) {
        List<LispMethod> applicable = applicableMethods(args);
        List<LispMethod> arounds = new ArrayList<>();
        List<LispMethod> befores = new ArrayList<>();
        List<LispMethod> primaries = new ArrayList<>();
        List<LispMethod> afters = new ArrayList<>();
        for (LispMethod m : applicable) {
            if (m.isPrimary()) {
                primaries.add(m);
            } else if (m.is("BEFORE")) {
                befores.add(m);
            } else if (m.is("AFTER")) {
                afters.add(m);
            } else if (m.is("AROUND")) {
                arounds.add(m);
            } else {
                throw LispError.error("SIMPLE-ERROR", "unsupported method qualifiers " + m.qualifiers());
            }
        }
        return new EffectiveMethod(this, arounds, befores, primaries, afters);
    }

    private boolean applicable(LispMethod m, Object[] args) {
        for (int i = 0; i < required; i++) {
            Object spec = m.specializers()[i];
            if (spec instanceof EqlSpecializer e) {
                if (!Lisp.eql(e.value(), args[i])) {
                    return false;
                }
            } else if (!classes.classOf(args[i]).isSubclassOf((LispClass) spec)) {
                return false;
            }
        }
        return true;
    }

    /** Negative when {@code a} is more specific than {@code b}, by the first differing parameter in precedence order. */
    private int compareSpecificity(LispMethod a, LispMethod b, Object[] args) {
        int[] order = precedenceOrder;
        for (int k = 0; k < required; k++) {
            int i = order == null ? k : order[k];
            Object sa = a.specializers()[i];
            Object sb = b.specializers()[i];
            if (sa.equals(sb)) {
                continue;
            }
            if (sa instanceof EqlSpecializer) {
                return -1;
            }
            if (sb instanceof EqlSpecializer) {
                return 1;
            }
            List<LispClass> cpl = classes.classOf(args[i]).precedence();
            return Integer.compare(cpl.indexOf((LispClass) sa), cpl.indexOf((LispClass) sb));
        }
        return 0;
    }

    /**
     * No method applies: (no-applicable-method gf args...), whose default method signals the error
     * (where HANDLER-CASE and HANDLER-BIND see it), so a method on it can answer instead.
     */
    Object noApplicableMethodCall(Object[] args) {
        dev.epsilon.language.runtime.Symbol nam = classes.clPackage().findExternal("NO-APPLICABLE-METHOD");
        LispFunction handler = nam == null ? null : nam.function();
        if (handler == null || handler == function) {
            throw Conditions.signalled(null, noApplicableMethod(args));
        }
        Object[] full = new Object[args.length + 1];
        full[0] = function;
        System.arraycopy(args, 0, full, 1, args.length);
        return handler.callUncachedAllValues(full);
    }

    /** The error NO-APPLICABLE-METHOD's default method signals. */
    public LispError noApplicableMethod(Object[] args) {
        return LispError.error("SIMPLE-ERROR", "There is no applicable method for the generic function "
                + Printer.qualified(name) + " when called with arguments " + Printer.prin1ToString(Lisp.list(args)) + ".");
    }
}
