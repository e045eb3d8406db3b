package dev.epsilon.language.clos;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import dev.epsilon.language.runtime.Printer;

/** An instance of a standard, structure or condition class: its class and its slot values. */
@ExportLibrary(InteropLibrary.class)
public final class StandardObject implements TruffleObject {
    /** The value of a slot that has none. */
    public static final Object UNBOUND_SLOT = new Object() {
        @Override
        public String toString() {
            return "#<unbound slot>";
        }
    };

    private LispClass lispClass;
    private Object[] slots;
    private String fixedReport;   // conditions described in Java report this text

    public StandardObject(LispClass lispClass) {
        this.lispClass = lispClass;
        this.slots = new Object[lispClass.slotCount()];
        java.util.Arrays.fill(slots, UNBOUND_SLOT);
    }

    public LispClass lispClass() { return lispClass; }

    public Object slotValue(int index) {
        Object[] shared = lispClass.sharedCell(index);
        return shared != null ? shared[0] : slots[index];
    }

    public void setSlotValue(int index, Object value) {
        Object[] shared = lispClass.sharedCell(index);
        if (shared != null) {
            shared[0] = value;
        } else {
            slots[index] = value;
        }
    }

    /** After a class is redefined with more slots, instances grow on their next access. */
    public void ensureCapacity(int n) {
        if (slots.length < n) {
            Object[] grown = java.util.Arrays.copyOf(slots, n);
            java.util.Arrays.fill(grown, slots.length, n, UNBOUND_SLOT);
            slots = grown;
        }
    }

    /**
     * CHANGE-CLASS: the instance becomes one of {@code newClass}; slots of the same name keep their
     * values, the others start unbound (UPDATE-INSTANCE-FOR-DIFFERENT-CLASS initializes them).
     */
    @TruffleBoundary
    public void changeClass(LispClass newClass) {
        Object[] fresh = new Object[newClass.slotCount()];
        java.util.Arrays.fill(fresh, UNBOUND_SLOT);
        for (LispClass.Slot s : newClass.slots()) {
            LispClass.Slot old = lispClass.slot(s.name);
            if (old != null && s.shared == null) {
                fresh[s.index] = slotValue(old.index);
            }
        }
        this.slots = fresh;
        this.lispClass = newClass;
    }

    public String fixedReport() { return fixedReport; }

    public void setFixedReport(String r) { this.fixedReport = r; }

    public boolean isCondition() {
        return lispClass.kind() == LispClass.Kind.CONDITION;
    }

    @Override
    @TruffleBoundary
    public String toString() {
        return Printer.prin1ToString(this);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.prin1ToString(this);
    }
}
