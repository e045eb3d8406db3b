package dev.epsilon.language.builtins;

import com.oracle.truffle.api.nodes.IndirectCallNode;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.clos.ClassTable;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.clos.EqlSpecializer;
import dev.epsilon.language.clos.GenericFunction;
import dev.epsilon.language.clos.LispClass;
import dev.epsilon.language.clos.LispMethod;
import dev.epsilon.language.clos.MethodChain;
import dev.epsilon.language.clos.Restart;
import dev.epsilon.language.clos.StandardObject;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.LispPackage;
import dev.epsilon.language.runtime.LispThread;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.language.runtime.Values;

import java.util.ArrayList;
import java.util.List;

/** The Java half of CLOS and of the condition system; DEFCLASS, DEFMETHOD, HANDLER-CASE ... are Lisp macros. */
final class ClosBuiltins {
    private ClosBuiltins() {
    }

    static void install(Builtins b, EpsilonContext cx) {
        ClassTable classes = cx.classes();
        LispPackage sys = cx.systemPackage();
        b.cl("FIND-CLASS", 1, 3, a -> {
            Symbol name = Builtins.symbol(a[0], "FIND-CLASS");
            if (a.length < 2 || a[1] != Lisp.NIL) {
                return classes.named(name);
            }
            LispClass c = classes.find(name);
            return c == null ? Lisp.NIL : c;
        });
        b.cl("CLASS-OF", 1, 1, a -> classes.classOf(a[0]));
        b.cl("TYPE-OF", 1, 1, a -> typeOf(cx, a[0]));
        b.function(sys, "%%TYPE-EXPAND", 1, 1, new FunctionBuiltin(a -> cx.types().expand(a[0])));
        b.cl("CLASS-NAME", 1, 1, a -> Args.as(a[0], LispClass.class, "CLASS", "CLASS-NAME").name());
        b.cl("TYPEP", 2, 3, a -> Lisp.bool(cx.types().typep(a[0], a[1])));
        b.cl("SUBTYPEP", 2, 3, a -> {
            int r = cx.types().subtypep(a[0], a[1]);
            return dev.epsilon.language.runtime.Values.of(new Object[]{Lisp.bool(r == 1), Lisp.bool(r >= 0)});
        });
        b.function(sys, "%%DEFTYPE", 2, 2, new FunctionBuiltin(a -> {
            cx.types().deftype(Builtins.symbol(a[0], "%%DEFTYPE"), Args.as(a[1], LispFunction.class, "FUNCTION", "%%DEFTYPE"));
            return a[0];
        }));
        b.function(sys, "%%DEFCLASS", 4, 4, new FunctionBuiltin(a -> defclass(cx, a)));
        b.function(sys, "%%SET-CLASS-OPTION", 3, 3, new FunctionBuiltin(a -> {
            dev.epsilon.language.clos.ClassOptions.set(Args.as(a[0], LispClass.class, "CLASS", "%%SET-CLASS-OPTION"), Builtins.symbol(a[1], "%%SET-CLASS-OPTION").name(), a[2]);
            return a[0];
        }));
        b.function(sys, "%%ALLOCATE-INSTANCE", 1, 1, new FunctionBuiltin(a -> new StandardObject(clazz(classes, a[0]))));
        b.function(sys, "%%SHARED-INITIALIZE", 2, 2, new FunctionBuiltin(a -> {
            StandardObject o = Args.as(a[0], StandardObject.class, "STANDARD-OBJECT", "%%SHARED-INITIALIZE");
            List<Object> initargs = Lisp.toJavaList(a[1]);
            for (LispClass.Slot s : o.lispClass().slots()) {
                boolean set = false;
                for (int i = 0; i + 1 < initargs.size(); i += 2) {
                    if (s.initargs.contains(initargs.get(i))) {
                        o.setSlotValue(s.index, initargs.get(i + 1));
                        set = true;
                        break;
                    }
                }
                if (!set && o.slotValue(s.index) == StandardObject.UNBOUND_SLOT && s.initfunction instanceof LispFunction f) {
                    o.setSlotValue(s.index, f.callUncached());
                }
            }
            return o;
        }));
        b.function(sys, "%%DEFAULT-INITARGS", 2, 2, new FunctionBuiltin(a -> {
            LispClass c = Args.as(a[0], LispClass.class, "CLASS", "%%DEFAULT-INITARGS");
            List<Object> initargs = new ArrayList<>(Lisp.toJavaList(a[1]));
            for (LispClass k : c.precedence()) {
                for (var e : k.defaultInitargs().entrySet()) {
                    boolean given = false;
                    for (int i = 0; i < initargs.size(); i += 2) {
                        given |= initargs.get(i) == e.getKey();
                    }
                    if (!given) {
                        initargs.add(e.getKey());
                        initargs.add(((LispFunction) e.getValue()).callUncached());
                    }
                }
            }
            return Lisp.fromList(initargs, Lisp.NIL);
        }));
        // A missing slot calls SLOT-MISSING and an unbound one SLOT-UNBOUND (generic functions whose
        // default methods signal the errors), so methods on them decide.
        b.cl("SLOT-VALUE", 2, 2, a -> {
            StandardObject o = instance(a[0], "SLOT-VALUE");
            LispClass.Slot s = slotOrNull(o, a[1]);
            if (s == null) {
                return slotMissing(cx, o, a[1], "SLOT-VALUE", null);
            }
            Object v = o.slotValue(s.index);
            if (v == StandardObject.UNBOUND_SLOT) {
                LispFunction unbound = cx.clSymbol("SLOT-UNBOUND").function();
                if (unbound == null) {
                    throw unboundSlot(o, a[1]);
                }
                return Values.primary(unbound.callUncached(o.lispClass(), o, a[1]));
            }
            return v;
        });
        b.function(sys, "%%SIGNAL-UNBOUND-SLOT", 2, 2, new FunctionBuiltin(a -> {
            throw unboundSlot(a[0], a[1]);
        }));
        b.function(sys, "%%SIGNAL-SLOT-MISSING", 3, 3, new FunctionBuiltin(a -> {
            throw missingSlot(a[0], a[1], Printer.princToString(a[2]));
        }));
        b.function(sys, "%%SIGNAL-NO-APPLICABLE-METHOD", 2, 2, new FunctionBuiltin(a -> {
            if (a[0] instanceof LispFunction f && f.genericFunction() instanceof GenericFunction g) {
                throw g.noApplicableMethod(Lisp.toJavaList(a[1]).toArray());
            }
            throw LispError.typeError(a[0], "GENERIC-FUNCTION", "NO-APPLICABLE-METHOD");
        }));
        b.function(sys, "%%SET-SLOT-VALUE", 3, 3, new FunctionBuiltin(a -> {
            StandardObject o = instance(a[0], "(SETF SLOT-VALUE)");
            LispClass.Slot s = slotOrNull(o, a[1]);
            if (s == null) {
                slotMissing(cx, o, a[1], "SETF", a[2]);
                return a[2];
            }
            o.setSlotValue(s.index, a[2]);
            return a[2];
        }));
        b.cl("SLOT-BOUNDP", 2, 2, a -> {
            StandardObject o = instance(a[0], "SLOT-BOUNDP");
            LispClass.Slot s = slotOrNull(o, a[1]);
            if (s == null) {
                return Lisp.bool(slotMissing(cx, o, a[1], "SLOT-BOUNDP", null) != Lisp.NIL);
            }
            return Lisp.bool(o.slotValue(s.index) != StandardObject.UNBOUND_SLOT);
        });
        b.cl("SLOT-MAKUNBOUND", 2, 2, a -> {
            StandardObject o = instance(a[0], "SLOT-MAKUNBOUND");
            LispClass.Slot s = slotOrNull(o, a[1]);
            if (s == null) {
                slotMissing(cx, o, a[1], "SLOT-MAKUNBOUND", null);
                return o;
            }
            o.setSlotValue(s.index, StandardObject.UNBOUND_SLOT);
            return o;
        });
        b.cl("SLOT-EXISTS-P", 2, 2, a -> Lisp.bool(a[0] instanceof StandardObject o && o.lispClass().slot(Builtins.symbol(a[1], "SLOT-EXISTS-P")) != null));
        b.function(sys, "%%ENSURE-GENERIC-FUNCTION", 2, 2, new FunctionBuiltin(a -> ensureGeneric(cx, Builtins.symbol(a[0], "%%ENSURE-GENERIC-FUNCTION"), Args.index(a[1], "%%ENSURE-GENERIC-FUNCTION"))));
        b.function(sys, "%%SET-PRECEDENCE-ORDER", 2, 2, new FunctionBuiltin(a -> {
            GenericFunction gf = generic(a[0], "DEFGENERIC");
            List<Object> positions = Lisp.toJavaList(a[1]);
            int[] order = positions.stream().mapToInt(p -> p instanceof Long l ? l.intValue() : -1).toArray();
            if (order.length != gf.requiredCount() || java.util.Arrays.stream(order).distinct().count() != order.length
                    || java.util.Arrays.stream(order).anyMatch(i -> i < 0)) {
                throw LispError.error("PROGRAM-ERROR", ":argument-precedence-order of " + Printer.prin1ToString(gf.name())
                        + " must name each required parameter once");
            }
            gf.setPrecedenceOrder(order);
            return a[0];
        }));
        b.function(sys, "%%ADD-METHOD", 4, 4, new FunctionBuiltin(a -> {
            LispFunction gf = Args.as(a[0], LispFunction.class, "FUNCTION", "%%ADD-METHOD");
            generic(gf, "DEFMETHOD").addMethod(method(classes, a[1], a[2], Args.as(a[3], LispFunction.class, "FUNCTION", "%%ADD-METHOD")));
            return gf;
        }));
        // Introspection on methods: FIND-METHOD, ADD-METHOD, REMOVE-METHOD, METHOD-QUALIFIERS,
        // COMPUTE-APPLICABLE-METHODS. Specializers are classes, class names or (EQL object).
        b.cl("FIND-METHOD", 3, 4, a -> {
            LispMethod wanted = method(classes, a[1], a[2], null);
            for (LispMethod m : generic(a[0], "FIND-METHOD").methods()) {
                if (m.sameSpecializersAndQualifiers(wanted)) {
                    return m;
                }
            }
            if (a.length > 3 && a[3] == Lisp.NIL) {
                return Lisp.NIL;
            }
            throw LispError.error("SIMPLE-ERROR", "no method of " + Printer.prin1ToString(a[0]) + " with qualifiers "
                    + Printer.prin1ToString(a[1]) + " and specializers " + Printer.prin1ToString(a[2]));
        });
        b.cl("ADD-METHOD", 2, 2, a -> {
            generic(a[0], "ADD-METHOD").addMethod(lispMethod(a[1], "ADD-METHOD"));
            return a[0];
        });
        b.cl("REMOVE-METHOD", 2, 2, a -> {
            generic(a[0], "REMOVE-METHOD").removeMethod(lispMethod(a[1], "REMOVE-METHOD"));
            return a[0];
        });
        b.function(sys, "%%CHANGE-CLASS", 2, 2, new FunctionBuiltin(a -> {
            if (!(a[0] instanceof StandardObject o) || o.lispClass().kind() == LispClass.Kind.BUILT_IN) {
                throw LispError.typeError(a[0], "STANDARD-OBJECT", "CHANGE-CLASS");
            }
            o.changeClass(clazz(classes, a[1]));
            return o;
        }));
        b.function(sys, "%%COPY-INSTANCE", 1, 1, new FunctionBuiltin(a -> {
            StandardObject o = instance(a[0], "CHANGE-CLASS");
            StandardObject copy = new StandardObject(o.lispClass());
            for (LispClass.Slot s : o.lispClass().slots()) {
                if (s.shared == null) {
                    copy.setSlotValue(s.index, o.slotValue(s.index));
                }
            }
            return copy;
        }));
        b.function(sys, "%%CLASS-SLOT-NAMES", 1, 1, new FunctionBuiltin(a -> {
            List<Object> names = new ArrayList<>();
            for (LispClass.Slot s : clazz(classes, a[0]).slots()) {
                names.add(s.name);
            }
            return Lisp.fromList(names, Lisp.NIL);
        }));
        b.cl("METHOD-QUALIFIERS", 1, 1, a -> Lisp.fromList(new ArrayList<>(lispMethod(a[0], "METHOD-QUALIFIERS").qualifiers()), Lisp.NIL));
        b.cl("COMPUTE-APPLICABLE-METHODS", 2, 2, a ->
                Lisp.fromList(new ArrayList<>(generic(a[0], "COMPUTE-APPLICABLE-METHODS").applicableMethods(Lisp.toJavaList(a[1]).toArray())), Lisp.NIL));
        b.function(sys, "%%CALL-NEXT-METHOD", 2, 2, new FunctionBuiltin(a ->
                Args.as(a[0], MethodChain.class, "EPSILON.SYSTEM::METHOD-CHAIN", "%%CALL-NEXT-METHOD").callNext(a[1] == Lisp.NIL ? null : Lisp.toJavaList(a[1]).toArray())));
        b.function(sys, "%%NEXT-METHOD-P", 1, 1, new FunctionBuiltin(a -> Lisp.bool(Args.as(a[0], MethodChain.class, "EPSILON.SYSTEM::METHOD-CHAIN", "%%NEXT-METHOD-P").hasNext())));
        b.function(sys, "%%GENERIC-FUNCTION-P", 1, 1, new FunctionBuiltin(a -> Lisp.bool(a[0] instanceof LispFunction f && f.genericFunction() != null)));

        // The condition system.
        b.function(sys, "%%SIGNAL", 1, 1, new FunctionBuiltin(a -> {
            Conditions.signal(cx, EpsilonLanguage.thread(null), a[0]);
            return Lisp.NIL;
        }));
        b.function(sys, "%%ERROR-UNHANDLED", 1, 1, new FunctionBuiltin(a -> {
            throw Conditions.unhandled(cx, a[0]);
        }));
        b.function(sys, "%%CONDITION-REPORT", 1, 1, new FunctionBuiltin(a -> Conditions.report(cx, Args.as(a[0], StandardObject.class, "STANDARD-OBJECT", "%%CONDITION-REPORT"))));
        b.function(sys, "%%HANDLER-BIND", 2, 2, new BuiltinNode() {
            @Child private CallFunctionNode call = new CallFunctionNode();

            @Override
            public Object execute(Object[] args) {
                List<Object> pairs = Lisp.toJavaList(args[0]);
                Object[] cluster = new Object[pairs.size() * 2];
                for (int i = 0; i < pairs.size(); i++) {
                    Cons p = Args.as(pairs.get(i), Cons.class, "CONS", "%%HANDLER-BIND");
                    cluster[2 * i] = p.car;
                    cluster[2 * i + 1] = p.cdr;
                }
                LispThread thread = EpsilonLanguage.thread(this);
                Object saved = thread.handlers;
                thread.handlers = new Cons(cluster, saved);
                try {
                    return call.call(args[1], new Object[0], "HANDLER-BIND");
                } finally {
                    thread.handlers = saved;
                }
            }
        });
        b.function(sys, "%%WITH-RESTARTS", 2, 2, new BuiltinNode() {
            @Child private CallFunctionNode call = new CallFunctionNode();

            @Override
            public Object execute(Object[] args) {
                LispThread thread = EpsilonLanguage.thread(this);
                Object saved = thread.restarts;
                thread.restarts = new Cons(Lisp.toJavaList(args[0]).toArray(), saved);
                try {
                    return call.call(args[1], new Object[0], "RESTART-CASE");
                } finally {
                    thread.restarts = saved;
                }
            }
        });
        b.function(sys, "%%MAKE-RESTART", 3, 3, new FunctionBuiltin(a -> new Restart(Builtins.symbol(a[0], "%%MAKE-RESTART"), Args.as(a[1], LispFunction.class, "FUNCTION", "%%MAKE-RESTART"), a[2], Lisp.NIL)));
        b.cl("COMPUTE-RESTARTS", 0, 1, a -> Lisp.fromList(restarts(), Lisp.NIL));
        b.cl("FIND-RESTART", 1, 2, a -> {
            Restart r = findRestart(a[0]);
            return r == null ? Lisp.NIL : r;
        });
        b.cl("RESTART-NAME", 1, 1, a -> Args.as(a[0], Restart.class, "RESTART", "RESTART-NAME").name());
        b.function(cx.clPackage(), "INVOKE-RESTART", 1, -1, new BuiltinNode() {
            @Child private IndirectCallNode call = IndirectCallNode.create();

            @Override
            public Object execute(Object[] args) {
                Restart r = findRestart(args[0]);
                if (r == null) {
                    throw LispError.error("CONTROL-ERROR", "No restart " + Printer.prin1ToString(args[0]) + " is active.");
                }
                Object[] rest = new Object[args.length - 1];
                System.arraycopy(args, 1, rest, 0, rest.length);
                return call.call(r.function().callTarget(), r.function().frameArguments(rest));
            }
        });
        b.function(sys, "%%RESTART-REPORT", 1, 1, new FunctionBuiltin(a -> {
            Restart r = Args.as(a[0], Restart.class, "RESTART", "%%RESTART-REPORT");
            if (r.report() instanceof String s) {
                return s;
            }
            if (r.report() instanceof LispFunction f) {
                dev.epsilon.language.runtime.LispStream out = dev.epsilon.language.runtime.LispStream.stringOutput();
                f.callUncached(out);
                return out.takeString();
            }
            return r.name().name();
        }));

        b.function(sys, "%%PRINT-DEFAULT", 1, 1, new FunctionBuiltin(a -> a[0] instanceof StandardObject so
                ? ObjectPrinter.standard(cx, so, true) : Printer.prin1ToString(a[0])));
        b.function(sys, "%%IDENTITY-STRING", 1, 1, new FunctionBuiltin(a ->
                Integer.toHexString(System.identityHashCode(a[0])).toUpperCase(java.util.Locale.ROOT)));
        cx.setObjectPrinter((o, escape) -> ObjectPrinter.print(cx, o, escape));
    }

    private static List<Object> restarts() {
        List<Object> out = new ArrayList<>();
        for (Object o = EpsilonLanguage.thread(null).restarts; o instanceof Cons c; o = c.cdr) {
            for (Object r : (Object[]) c.car) {
                out.add(r);
            }
        }
        return out;
    }

    private static Restart findRestart(Object designator) {
        if (designator instanceof Restart r) {
            return r;
        }
        for (Object r : restarts()) {
            if (((Restart) r).name() == designator) {
                return (Restart) r;
            }
        }
        return null;
    }

    private static LispClass clazz(ClassTable classes, Object o) {
        if (o instanceof LispClass c) {
            return c;
        }
        LispClass c = o instanceof Symbol s ? classes.find(s) : null;
        if (c == null) {
            throw LispError.error("SIMPLE-ERROR", "There is no class named " + Printer.prin1ToString(o) + ".");
        }
        return c;
    }

    private static StandardObject instance(Object o, String where) {
        if (o instanceof StandardObject s) {
            return s;
        }
        throw LispError.typeError(o, "STANDARD-OBJECT", where);
    }

    private static GenericFunction generic(Object o, String where) {
        if (o instanceof LispFunction f && f.genericFunction() instanceof GenericFunction g) {
            return g;
        }
        throw LispError.typeError(o, "GENERIC-FUNCTION", where);
    }

    private static LispMethod lispMethod(Object o, String where) {
        if (o instanceof LispMethod m) {
            return m;
        }
        throw LispError.typeError(o, "METHOD", where);
    }

    /** A method from qualifiers and specializer designators (class names, classes, (EQL x)). */
    private static LispMethod method(ClassTable classes, Object qualifierList, Object specializerList, LispFunction function) {
        List<Symbol> qualifiers = new ArrayList<>();
        for (Object q : Lisp.toJavaList(qualifierList)) {
            qualifiers.add((Symbol) q);
        }
        List<Object> specs = new ArrayList<>();
        for (Object s : Lisp.toJavaList(specializerList)) {
            if (s instanceof Cons c && c.car instanceof Symbol eql && eql.name().equals("EQL")) {
                specs.add(new EqlSpecializer(((Cons) c.cdr).car));
            } else {
                specs.add(clazz(classes, s));
            }
        }
        return new LispMethod(qualifiers, specs.toArray(), function);
    }

    private static LispClass.Slot slotOrNull(StandardObject o, Object name) {
        LispClass.Slot s = o.lispClass().slot(Builtins.symbol(name, "SLOT-VALUE"));
        if (s != null) {
            o.ensureCapacity(o.lispClass().slotCount());
        }
        return s;
    }

    private static LispError unboundSlot(Object o, Object name) {
        return LispError.error("UNBOUND-SLOT", "The slot " + Printer.prin1ToString(name) + " is unbound in the object "
                + Printer.prin1ToString(o) + ".", "NAME", name, "INSTANCE", o);
    }

    private static LispError missingSlot(Object o, Object name, String operation) {
        return LispError.error("SIMPLE-ERROR", "When attempting " + operation + ", the slot " + Printer.prin1ToString(name)
                + " is missing from the object " + Printer.prin1ToString(o) + ".");
    }

    /** (slot-missing class object slot-name operation [new-value]): its primary value. */
    private static Object slotMissing(EpsilonContext cx, StandardObject o, Object name, String operation, Object newValue) {
        LispFunction f = cx.clSymbol("SLOT-MISSING").function();
        if (f == null) {
            throw missingSlot(o, name, operation);
        }
        Object op = cx.clSymbol(operation);
        return Values.primary(newValue == null ? f.callUncached(o.lispClass(), o, name, op) : f.callUncached(o.lispClass(), o, name, op, newValue));
    }

    private static Object defclass(EpsilonContext cx, Object[] a) {
        Symbol name = Builtins.symbol(a[0], "%%DEFCLASS");
        LispClass.Kind kind = switch (Builtins.symbol(a[1], "%%DEFCLASS").name()) {
            case "CONDITION" -> LispClass.Kind.CONDITION;
            case "STRUCTURE" -> LispClass.Kind.STRUCTURE;
            default -> LispClass.Kind.STANDARD;
        };
        List<LispClass> supers = new ArrayList<>();
        for (Object s : Lisp.toJavaList(a[2])) {
            supers.add(clazz(cx.classes(), s));
        }
        List<Symbol> names = new ArrayList<>();
        List<List<Object>> initargs = new ArrayList<>();
        List<Object> initfunctions = new ArrayList<>();
        List<Boolean> classAllocated = new ArrayList<>();
        for (Object spec : Lisp.toJavaList(a[3])) {
            List<Object> parts = Lisp.toJavaList(spec);
            names.add((Symbol) parts.get(0));
            initargs.add(Lisp.toJavaList(parts.get(1)));
            initfunctions.add(parts.get(2) == Lisp.NIL ? null : parts.get(2));
            classAllocated.add(parts.size() > 3 && parts.get(3) instanceof Symbol k && k.name().equals("CLASS"));
        }
        return cx.classes().ensureClass(name, kind, supers, names, initargs, initfunctions, classAllocated);
    }

    private static LispFunction ensureGeneric(EpsilonContext cx, Symbol name, int required) {
        LispFunction existing = name.function();
        if (existing != null && existing.genericFunction() instanceof GenericFunction g && g.requiredCount() == required) {
            return existing;
        }
        GenericFunction g = new GenericFunction(name, cx.classes(), required);
        LispFunction f = g.makeFunction(cx.language());
        name.setFunction(f);
        return f;
    }

    /** TYPE-OF, shaped as SBCL answers: BIT, (INTEGER 0 n), (SIMPLE-ARRAY CHARACTER (n)), the class name otherwise. */
    private static Object typeOf(EpsilonContext cx, Object o) {
        java.util.function.Function<String, Symbol> cl = cx::clSymbol;
        if (o == Lisp.NIL) {
            return cl.apply("NULL");
        }
        if (o == Lisp.T) {
            return cl.apply("BOOLEAN");
        }
        if (o instanceof Symbol s) {
            return cl.apply(s.isKeyword() ? "KEYWORD" : "SYMBOL");
        }
        if (o instanceof Long l) {
            if (l == 0 || l == 1) {
                return cl.apply("BIT");
            }
            return l > 0 ? Lisp.list(cl.apply("INTEGER"), 0L, Long.MAX_VALUE) : cl.apply("FIXNUM");
        }
        if (o instanceof java.math.BigInteger) {
            return cl.apply("BIGNUM");
        }
        if (dev.epsilon.language.runtime.Chars.isCharacter(o)) {
            int c = dev.epsilon.language.runtime.Chars.codeOrMinus(o);
            return cl.apply(dev.epsilon.language.runtime.Chars.isStandard(c) ? "STANDARD-CHAR" : c < 128 ? "BASE-CHAR" : "EXTENDED-CHAR");
        }
        if (o instanceof String s) {
            return Lisp.list(cl.apply("SIMPLE-ARRAY"), cl.apply("CHARACTER"), Lisp.list((long) s.length()));
        }
        if (o instanceof dev.epsilon.language.runtime.LispString s) {
            return Lisp.list(cl.apply("VECTOR"), cl.apply("CHARACTER"), (long) s.length());
        }
        if (o instanceof dev.epsilon.language.runtime.SimpleVector v) {
            return Lisp.list(cl.apply("SIMPLE-VECTOR"), (long) v.items.length);
        }
        if (o instanceof dev.epsilon.language.runtime.LispVector v) {
            return v.rank() == 1 ? Lisp.list(cl.apply("VECTOR"), Lisp.T, (long) v.length())
                    : Lisp.list(cl.apply("ARRAY"), Lisp.T, dimensions(v.dimensions()));
        }
        if (o instanceof dev.epsilon.language.runtime.NativeArray n) {
            if (n.element() == dev.epsilon.language.runtime.NativeArray.Element.BIT && n.rank() == 1) {
                return Lisp.list(cl.apply("SIMPLE-BIT-VECTOR"), (long) n.length());
            }
            Object element = cx.newReader(n.element().lispName, "type").read();
            return Lisp.list(cl.apply("SIMPLE-ARRAY"), element, dimensions(n.dimensions()));
        }
        if (o instanceof dev.epsilon.language.runtime.Complex z) {
            Object part = z.real instanceof Double ? cl.apply("DOUBLE-FLOAT") : z.real instanceof Float ? cl.apply("SINGLE-FLOAT") : cl.apply("RATIONAL");
            return Lisp.list(cl.apply("COMPLEX"), part);
        }
        if (o instanceof LispFunction f && f.genericFunction() == null) {
            return cl.apply("COMPILED-FUNCTION");
        }
        return cx.classes().classOf(o).name();
    }

    private static Object dimensions(int[] dims) {
        List<Object> out = new java.util.ArrayList<>();
        for (int d : dims) {
            out.add((long) d);
        }
        return Lisp.fromList(out, Lisp.NIL);
    }
}
