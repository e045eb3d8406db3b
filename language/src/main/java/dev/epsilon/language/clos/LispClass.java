package dev.epsilon.language.clos;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class: built-in (the types of Lisp data), standard (DEFCLASS), structure (DEFSTRUCT) or
 * condition (DEFINE-CONDITION). Its precedence list is computed with C3, as CLOS specifies in effect.
 */
@ExportLibrary(InteropLibrary.class)
public final class LispClass implements TruffleObject {
    public enum Kind { BUILT_IN, STANDARD, STRUCTURE, CONDITION }

    /** One slot of instances: where it lives, how it is initialized. */
    public static final class Slot {
        public final Symbol name;
        public final List<Object> initargs;
        public final Object initfunction;   // a LispFunction of no arguments, or null
        public final int index;
        /** The one value cell of a slot with :ALLOCATION :CLASS, shared by subclasses that inherit it; null for instance slots. */
        public final Object[] shared;

        Slot(Symbol name, List<Object> initargs, Object initfunction, int index, Object[] shared) {
            this.name = name;
            this.initargs = initargs;
            this.initfunction = initfunction;
            this.index = index;
            this.shared = shared;
        }
    }

    private final Symbol name;
    private final Kind kind;
    private List<LispClass> superclasses;
    private List<LispClass> precedence;
    private final Map<Symbol, Slot> slots = new LinkedHashMap<>();
    /** Initargs with defaults, from :default-initargs: keyword -> LispFunction of no arguments. */
    private final Map<Object, Object> defaultInitargs = new LinkedHashMap<>();
    private Object report;   // conditions: a function (condition stream) or a string
    private Object printFunction;   // structures: DEFSTRUCT's :print-function / :print-object

    public LispClass(Symbol name, Kind kind, List<LispClass> superclasses) {
        this.name = name;
        this.kind = kind;
        redefine(superclasses);
    }

    /** (Re)sets the superclasses and recomputes the precedence list. */
    @TruffleBoundary
    void redefine(List<LispClass> supers) {
        this.superclasses = List.copyOf(supers);
        this.precedence = c3();
    }

    private List<LispClass> c3() {
        List<List<LispClass>> sequences = new ArrayList<>();
        for (LispClass s : superclasses) {
            sequences.add(new ArrayList<>(s.precedence));
        }
        sequences.add(new ArrayList<>(superclasses));
        List<LispClass> result = new ArrayList<>();
        result.add(this);
        while (true) {
            sequences.removeIf(List::isEmpty);
            if (sequences.isEmpty()) {
                return result;
            }
            LispClass next = null;
            for (List<LispClass> seq : sequences) {
                LispClass candidate = seq.get(0);
                boolean inTail = sequences.stream().anyMatch(s -> s.indexOf(candidate) > 0);
                if (!inTail) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                throw LispError.error("SIMPLE-ERROR", "inconsistent class precedence for " + Printer.prin1ToString(name));
            }
            result.add(next);
            for (List<LispClass> seq : sequences) {
                if (seq.get(0) == next) {
                    seq.remove(0);
                }
            }
        }
    }

    public Symbol name() { return name; }

    public Kind kind() { return kind; }

    public List<LispClass> superclasses() { return superclasses; }

    public List<LispClass> precedence() { return precedence; }

    public boolean isSubclassOf(LispClass other) {
        return this == other || precedence.contains(other);
    }

    /** Slots in index order: inherited ones first (most general class first), then this class's own. */
    @TruffleBoundary
    void setSlots(List<Symbol> names, List<List<Object>> initargs, List<Object> initfunctions, List<Boolean> classAllocated) {
        slots.clear();
        for (int i = precedence.size() - 1; i >= 1; i--) {
            for (Slot s : precedence.get(i).slots.values()) {
                if (!slots.containsKey(s.name)) {
                    slots.put(s.name, new Slot(s.name, s.initargs, s.initfunction, slots.size(), s.shared));
                }
            }
        }
        for (int i = 0; i < names.size(); i++) {
            Slot inherited = slots.get(names.get(i));
            List<Object> args = new ArrayList<>(initargs.get(i));
            Object init = initfunctions.get(i);
            Object[] shared = classAllocated.get(i) ? new Object[]{StandardObject.UNBOUND_SLOT} : null;
            if (inherited != null) {
                args.addAll(inherited.initargs);
                if (init == null) {
                    init = inherited.initfunction;
                }
                slots.put(names.get(i), new Slot(names.get(i), args, init, inherited.index, shared));
            } else {
                slots.put(names.get(i), new Slot(names.get(i), args, init, slots.size(), shared));
            }
        }
        sharedCells = new Object[slots.size()][];
        for (Slot s : slots.values()) {
            sharedCells[s.index] = s.shared;
        }
    }

    private Object[][] sharedCells = new Object[0][];

    /** The shared cell of the slot at {@code index}, or null when each instance has its own. */
    Object[] sharedCell(int index) {
        Object[][] cells = sharedCells;
        return index < cells.length ? cells[index] : null;
    }

    public Slot slot(Symbol slotName) { return slots.get(slotName); }

    public Iterable<Slot> slots() { return slots.values(); }

    public int slotCount() { return slots.size(); }

    public Map<Object, Object> defaultInitargs() { return defaultInitargs; }

    /** The report of a condition class, inherited from the nearest class that has one. */
    public Object report() {
        for (LispClass c : precedence) {
            if (c.report != null) {
                return c.report;
            }
        }
        return null;
    }

    void setReport(Object report) { this.report = report; }

    public Object printFunction() { return printFunction; }

    void setPrintFunction(Object f) { this.printFunction = f; }

    @Override
    public String toString() {
        String kindName = switch (kind) {
            case BUILT_IN -> "BUILT-IN-CLASS";
            case STANDARD -> "STANDARD-CLASS";
            case STRUCTURE -> "STRUCTURE-CLASS";
            case CONDITION -> "CONDITION-CLASS";
        };
        return "#<" + kindName + " " + Printer.qualified(name) + ">";
    }

    // To other languages a class is the meta-object of its instances.

    @ExportMessage
    boolean isMetaObject() { return true; }

    @ExportMessage
    @TruffleBoundary
    Object getMetaQualifiedName() { return Printer.qualified(name); }

    @ExportMessage
    @TruffleBoundary
    Object getMetaSimpleName() { return name.name(); }

    @ExportMessage
    @TruffleBoundary
    boolean isMetaInstance(Object instance) {
        return instance instanceof StandardObject o && o.lispClass().isSubclassOf(this);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.prin1ToString(this);
    }
}
