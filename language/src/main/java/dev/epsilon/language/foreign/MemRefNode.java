package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.nodes.LispNode;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.nfi.CType;

/**
 * MEM-REF / MEM-AREF (and their SETF) with a constant type: the type's size and layout are
 * compilation constants, so a compiled access is the checks and one load or store.
 */
public final class MemRefNode extends LispNode {
    private final CType type;
    private final boolean indexed;   // MEM-AREF: the offset operand counts elements
    @Child private LispNode pointer;
    @Child private LispNode offset;
    @Child private LispNode value;   // null for a read
    @Child private CheckedAddressNode address;

    public MemRefNode(CType type, boolean indexed, LispNode pointer, LispNode offset, LispNode value) {
        this.type = type;
        this.indexed = indexed;
        this.pointer = pointer;
        this.offset = offset;
        this.value = value;
        this.address = CheckedAddressNode.create(value == null ? "MEM-REF" : "(SETF MEM-REF)", value != null);
    }

    private long elementOffset(long index) {
        try {
            return ForeignMemoryAccess.elementOffset(index, type.size(), "MEM-AREF");
        } catch (LispError e) {
            CompilerDirectives.transferToInterpreter();
            throw Conditions.signalled(this, e.at(this));
        }
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object p = pointer.executePrimary(frame);
        long off = 0;
        if (offset != null) {
            Object o = offset.executePrimary(frame);
            if (!(o instanceof Long l)) {
                CompilerDirectives.transferToInterpreter();
                throw Conditions.signalled(this, LispError.typeError(o, "INTEGER", indexed ? "MEM-AREF" : "MEM-REF").at(this));
            }
            off = indexed ? elementOffset(l) : l;
        }
        try {
            if (value == null) {
                return ForeignMemoryAccess.readAt(address.execute(p, off, type.size()), type);
            }
            Object v = value.executePrimary(frame);
            ForeignMemoryAccess.writeAt(address.execute(p, off, type.size()), type, v);
            return v;
        } catch (LispError e) {
            CompilerDirectives.transferToInterpreter();
            throw Conditions.signalled(this, e.at(this));
        }
    }
}
