package dev.epsilon.language.clos;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import dev.epsilon.language.runtime.InteropArguments;
import dev.epsilon.language.runtime.InteropBignum;
import dev.epsilon.language.runtime.InteropNames;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.SimpleVector;

/**
 * An instance of a standard, structure or condition class: its class and its slot values. To other
 * languages its slots are members (named as {@link InteropNames} says) and its class is its
 * meta-object.
 */
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

    @TruffleBoundary
    private LispClass.Slot slotNamed(String member) {
        for (LispClass.Slot slot : lispClass.slots()) {
            if (InteropNames.names(member, slot.name)) {
                return slot;
            }
        }
        return null;
    }

    @ExportMessage
    boolean hasMembers() { return true; }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        java.util.List<Object> names = new java.util.ArrayList<>();
        for (LispClass.Slot slot : lispClass.slots()) {
            names.add(InteropNames.memberName(slot.name));
        }
        return new SimpleVector(names.toArray());
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return boundSlotValue(member) != UNBOUND_SLOT;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Object v = boundSlotValue(member);
        if (v == UNBOUND_SLOT) {
            throw UnknownIdentifierException.create(member);
        }
        return InteropBignum.export(v);
    }

    /** The value of the slot {@code member} names, or UNBOUND_SLOT when there is none or it is unbound. */
    private Object boundSlotValue(String member) {
        LispClass.Slot slot = slotNamed(member);
        if (slot == null) {
            return UNBOUND_SLOT;
        }
        ensureCapacity(lispClass.slotCount());
        return slotValue(slot.index);
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberModifiable(String member) { return slotNamed(member) != null; }

    @ExportMessage
    boolean isMemberInsertable(@SuppressWarnings("unused") String member) { return false; }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object value) throws UnknownIdentifierException {
        LispClass.Slot slot = slotNamed(member);
        if (slot == null) {
            throw UnknownIdentifierException.create(member);
        }
        ensureCapacity(lispClass.slotCount());
        setSlotValue(slot.index, InteropArguments.fromForeign(value));
    }

    @ExportMessage
    boolean hasMetaObject() { return true; }

    @ExportMessage
    Object getMetaObject() { return lispClass; }
}
