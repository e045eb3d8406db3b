package dev.epsilon.language.runtime;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A Lisp symbol. Its function cell is guarded by an assumption, so compiled callers call the cached
 * function directly until the symbol is given a new definition.
 */
@ExportLibrary(InteropLibrary.class)
public final class Symbol implements TruffleObject {
    /** Marks an unbound value cell. */
    public static final Object UNBOUND = new Object() {
        @Override
        public String toString() {
            return "#<unbound>";
        }
    };

    private final String name;
    private LispPackage home;
    private volatile Object value = UNBOUND;
    private volatile LispFunction function;
    private volatile LispFunction macro;
    private volatile Assumption functionStable;
    private boolean special;
    private boolean constant;
    private Object plist = Lisp.NIL;
    private Object foreignInline;
    private Object symbolMacro;   // DEFINE-SYMBOL-MACRO's expansion, or null
    private volatile int dynamicIndex = -1;
    private final Assumption neverBoundDynamically;
    private static final java.util.concurrent.atomic.AtomicInteger DYNAMIC_INDICES = new java.util.concurrent.atomic.AtomicInteger();

    public Symbol(String name, LispPackage home) {
        this.name = name;
        this.home = home;
        this.functionStable = Truffle.getRuntime().createAssumption(name);
        this.neverBoundDynamically = Truffle.getRuntime().createAssumption(name + " never bound dynamically");
    }

    /** Valid until some thread binds this symbol with LET or PROGV: until then only the global value exists. */
    public Assumption neverBoundDynamically() { return neverBoundDynamically; }

    /** This symbol's slot in every thread's dynamic binding array; the first call makes one. */
    public int dynamicIndex() {
        int i = dynamicIndex;
        if (i < 0) {
            synchronized (this) {
                i = dynamicIndex;
                if (i < 0) {
                    i = DYNAMIC_INDICES.getAndIncrement();
                    dynamicIndex = i;
                    neverBoundDynamically.invalidate();
                }
            }
        }
        return i;
    }

    /** The value this thread sees: its innermost dynamic binding, else the global value. */
    public Object value(LispThread thread) {
        if (!neverBoundDynamically.isValid()) {
            Object v = thread.dynamicValue(dynamicIndex);
            if (v != null) {
                return v;
            }
        }
        return value;
    }

    /** Assigns the binding this thread sees. */
    public void setValue(LispThread thread, Object v) {
        if (!neverBoundDynamically.isValid() && thread.dynamicValue(dynamicIndex) != null) {
            thread.setDynamicValue(dynamicIndex, v);
        } else {
            value = v;
        }
    }

    public String name() { return name; }

    public LispPackage home() { return home; }

    void setHome(LispPackage home) { this.home = home; }

    public boolean isKeyword() { return home != null && home.isKeywordPackage(); }

    public Object value() { return value; }

    public boolean isBound() { return value != UNBOUND; }

    public void setValue(Object v) { this.value = v; }

    public boolean isSpecial() { return special; }

    public void setSpecial(boolean s) { this.special = s; }

    public boolean isConstant() { return constant; }

    public void setConstant(boolean c) { this.constant = c; }

    public Object plist() { return plist; }

    /** The global symbol macro's expansion (DEFINE-SYMBOL-MACRO), or null. */
    public Object symbolMacro() { return symbolMacro; }

    public void setSymbolMacro(Object expansion) { this.symbolMacro = expansion; }

    /** What DEFSHARED recorded so that calls to this function compile to the foreign call itself, or null. */
    public Object foreignInline() { return foreignInline; }

    public void setForeignInline(Object note) { this.foreignInline = note; }

    public void setPlist(Object p) { this.plist = p; }

    public LispFunction function() { return function; }

    /** Valid while the function cell keeps its current value. */
    public Assumption functionStable() { return functionStable; }

    @TruffleBoundary
    public synchronized void setFunction(LispFunction f) {
        this.function = f;
        this.macro = null;
        Assumption old = functionStable;
        functionStable = Truffle.getRuntime().createAssumption(name);
        old.invalidate("function of " + name + " redefined");
    }

    public LispFunction macro() { return macro; }

    private volatile Symbol setfSymbol;
    /** For a (SETF name) symbol: the symbol it is the setf name of. */
    private Symbol setfBase;

    /** The symbol this one is the (SETF ...) name of, or null. */
    public Symbol setfBase() { return setfBase; }

    /** Where the function named (SETF this) lives: an uninterned symbol made on first use. */
    public Symbol setfSymbol() {
        Symbol s = setfSymbol;
        if (s == null) {
            synchronized (this) {
                if (setfSymbol == null) {
                    Symbol made = new Symbol("(SETF " + name + ")", null);
                    made.setfBase = this;
                    setfSymbol = made;
                }
                s = setfSymbol;
            }
        }
        return s;
    }

    @TruffleBoundary
    public synchronized void setMacro(LispFunction m) {
        this.macro = m;
        this.function = null;
        Assumption old = functionStable;
        functionStable = Truffle.getRuntime().createAssumption(name);
        old.invalidate("macro " + name + " defined");
    }

    @Override
    @TruffleBoundary
    public String toString() {
        return Printer.prin1ToString(this);
    }

    @ExportMessage
    boolean isNull() { return this == Lisp.NIL; }

    @ExportMessage
    boolean isBoolean() { return this == Lisp.NIL || this == Lisp.T; }

    @ExportMessage
    boolean asBoolean() { return this != Lisp.NIL; }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.prin1ToString(this);
    }

}
