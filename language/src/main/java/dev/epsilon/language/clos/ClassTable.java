package dev.epsilon.language.clos;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.LispPackage;
import dev.epsilon.language.runtime.Pathname;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Ratio;
import dev.epsilon.language.runtime.SimpleVector;
import dev.epsilon.language.runtime.Symbol;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The classes of an image by name (FIND-CLASS), and the class of every Lisp datum (CLASS-OF). */
public final class ClassTable {
    private final EpsilonContext cx;
    private final Map<Symbol, LispClass> byName = new ConcurrentHashMap<>();
    private final Map<Class<?>, LispClass> byJavaClass = new ConcurrentHashMap<>();

    public final LispClass t;
    final LispClass fixnum;
    final LispClass bignum;
    final LispClass ratio;
    final LispClass singleFloat;
    final LispClass doubleFloat;
    final LispClass symbol;
    final LispClass nullClass;
    final LispClass cons;
    final LispClass string;
    final LispClass simpleVector;
    final LispClass character;
    final LispClass function;
    final LispClass genericFunction;
    final LispClass packageClass;
    final LispClass pathname;
    public final LispClass standardObject;
    private final LispClass array;
    public final LispClass structureObject;
    public final LispClass condition;
    final LispClass classClass;

    public ClassTable(EpsilonContext cx) {
        this.cx = cx;
        t = builtIn("T");
        LispClass number = builtIn("NUMBER", t);
        LispClass real = builtIn("REAL", number);
        LispClass rational = builtIn("RATIONAL", real);
        LispClass integer = builtIn("INTEGER", rational);
        fixnum = builtIn("FIXNUM", integer);
        bignum = builtIn("BIGNUM", integer);
        ratio = builtIn("RATIO", rational);
        byJavaClass.put(dev.epsilon.language.runtime.Complex.class, builtIn("COMPLEX", number));
        byJavaClass.put(LispMethod.class, builtIn("STANDARD-METHOD", builtIn("METHOD", t)));
        LispClass floatClass = builtIn("FLOAT", real);
        singleFloat = builtIn("SINGLE-FLOAT", floatClass);
        doubleFloat = builtIn("DOUBLE-FLOAT", floatClass);
        symbol = builtIn("SYMBOL", t);
        LispClass sequence = builtIn("SEQUENCE", t);
        LispClass list = builtIn("LIST", sequence);
        cons = builtIn("CONS", list);
        nullClass = builtIn("NULL", symbol, list);
        LispClass array = builtIn("ARRAY", t);
        this.array = array;
        LispClass vector = builtIn("VECTOR", array, sequence);
        string = builtIn("STRING", vector);
        simpleVector = builtIn("SIMPLE-VECTOR", vector);
        builtIn("BIT-VECTOR", vector);
        character = builtIn("CHARACTER", t);
        function = builtIn("FUNCTION", t);
        genericFunction = builtIn("STANDARD-GENERIC-FUNCTION", builtIn("GENERIC-FUNCTION", function));
        packageClass = builtIn("PACKAGE", t);
        pathname = builtIn("PATHNAME", t);
        builtIn("HASH-TABLE", t);
        builtIn("STREAM", t);
        builtIn("RESTART", t);
        builtIn("RANDOM-STATE", t);
        builtIn("READTABLE", t);
        standardObject = builtIn("STANDARD-OBJECT", t);
        structureObject = builtIn("STRUCTURE-OBJECT", t);
        classClass = builtIn("CLASS", standardObject);
        condition = new LispClass(cx.clSymbol("CONDITION"), LispClass.Kind.CONDITION, List.of(t));
        byName.put(condition.name(), condition);
        byJavaClass.put(Long.class, fixnum);
        byJavaClass.put(BigInteger.class, bignum);
        byJavaClass.put(Ratio.class, ratio);
        byJavaClass.put(Float.class, singleFloat);
        byJavaClass.put(Double.class, doubleFloat);
        byJavaClass.put(Cons.class, cons);
        byJavaClass.put(String.class, string);
        byJavaClass.put(SimpleVector.class, simpleVector);
        byJavaClass.put(Character.class, character);
        byJavaClass.put(dev.epsilon.language.runtime.WideCharacter.class, character);
        byJavaClass.put(LispFunction.class, function);
        byJavaClass.put(LispPackage.class, packageClass);
        byJavaClass.put(Pathname.class, pathname);
        byJavaClass.put(LispClass.class, classClass);
    }

    private LispClass builtIn(String name, LispClass... supers) {
        LispClass c = new LispClass(cx.clSymbol(name), LispClass.Kind.BUILT_IN, List.of(supers));
        byName.put(c.name(), c);
        return c;
    }

    /** Makes instances of a Java class (a runtime type defined elsewhere) belong to {@code c}. */
    public void register(Class<?> javaClass, LispClass c) {
        byJavaClass.put(javaClass, c);
    }

    /** A built-in class defined outside CL (e.g. EPSILON.FOREIGN:FOREIGN-POINTER). */
    public LispClass defineBuiltIn(Symbol name, LispClass... supers) {
        LispClass c = new LispClass(name, LispClass.Kind.BUILT_IN, List.of(supers));
        byName.put(name, c);
        return c;
    }

    public dev.epsilon.language.runtime.LispPackage clPackage() {
        return cx.clPackage();
    }

    /** Every named class (SUBTYPEP intersects built-in classes through it). */
    public java.util.Collection<LispClass> all() {
        return byName.values();
    }

    public LispClass find(Symbol name) {
        return byName.get(name);
    }

    /** The class named {@code name}, or the error FIND-CLASS signals when there is none. */
    public LispClass named(Symbol name) {
        LispClass c = byName.get(name);
        if (c == null) {
            throw LispError.error("SIMPLE-ERROR", "There is no class named " + Printer.qualified(name) + ".");
        }
        return c;
    }

    /** Binds a class name; a second name (a nickname type) may share a class. */
    public void define(Symbol name, LispClass c) {
        byName.put(name, c);
    }

    @TruffleBoundary
    public LispClass classOf(Object o) {
        if (o instanceof StandardObject s) {
            return s.lispClass();
        }
        if (o instanceof Symbol s) {
            return s == Lisp.NIL ? nullClass : symbol;
        }
        if (o instanceof LispFunction f) {
            return f.genericFunction() != null ? genericFunction : function;
        }
        if ((o instanceof dev.epsilon.language.runtime.LispVector v && v.rank() != 1)
                || (o instanceof dev.epsilon.language.runtime.NativeArray n && n.rank() != 1)) {
            return array;   // a multi-dimensional array is not a vector, so not a sequence
        }
        LispClass c = byJavaClass.get(o.getClass());
        if (c != null) {
            return c;
        }
        for (var e : byJavaClass.entrySet()) {
            if (e.getKey().isInstance(o)) {
                return e.getValue();
            }
        }
        return t;
    }

    /** Creates or redefines a DEFCLASS / DEFINE-CONDITION / DEFSTRUCT class. */
    @TruffleBoundary
    public LispClass ensureClass(Symbol name, LispClass.Kind kind, List<LispClass> supers,
                                 List<Symbol> slotNames, List<List<Object>> initargs, List<Object> initfunctions) {
        return ensureClass(name, kind, supers, slotNames, initargs, initfunctions,
                java.util.Collections.nCopies(slotNames.size(), false));
    }

    public LispClass ensureClass(Symbol name, LispClass.Kind kind, List<LispClass> supers, List<Symbol> slotNames,
                                 List<List<Object>> initargs, List<Object> initfunctions, List<Boolean> classAllocated) {
        List<LispClass> effectiveSupers = new ArrayList<>(supers);
        if (effectiveSupers.isEmpty()) {
            effectiveSupers.add(switch (kind) {
                case CONDITION -> condition;
                case STRUCTURE -> structureObject;
                default -> standardObject;
            });
        }
        LispClass c = byName.get(name);
        if (c == null || c.kind() == LispClass.Kind.BUILT_IN && c != condition) {
            c = new LispClass(name, kind, effectiveSupers);
            byName.put(name, c);
        } else {
            c.redefine(effectiveSupers);
        }
        c.setSlots(slotNames, initargs, initfunctions, classAllocated);
        return c;
    }
}
