package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.nodes.LispNode;
import dev.epsilon.language.runtime.ForeignStruct;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.nfi.CType;
import dev.epsilon.nfi.StructLayout;

/**
 * STRUCT-REF (and its SETF) with a constant path: the member's offset and type are worked out once
 * for the layout the site sees, so a compiled access is one checked load or store.
 */
public final class StructRefNode extends LispNode {
    private final Object path;
    @Child private LispNode struct;
    @Child private LispNode value;   // null for a read
    @CompilationFinal private StructLayout cachedLayout;
    @CompilationFinal private CType cachedType;   // null: the path leads to an aggregate (the slow path)
    @CompilationFinal private long cachedOffset;
    @Child private CheckedAddressNode address;

    public StructRefNode(Object path, LispNode struct, LispNode value) {
        this.path = path;
        this.struct = struct;
        this.value = value;
        this.address = CheckedAddressNode.create(value == null ? "STRUCT-REF" : "(SETF STRUCT-REF)", value != null);
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object s = struct.executePrimary(frame);
        Object v = value == null ? null : value.executePrimary(frame);
        try {
            if (s instanceof ForeignStruct fs && fs.layout() == cachedLayout && cachedType != null) {
                long at = address.execute(fs.base(), cachedOffset, cachedType.size());
                if (v == null) {
                    return ForeignMemoryAccess.readAt(at, cachedType);
                }
                ForeignMemoryAccess.writeAt(at, cachedType, v);
                return v;
            }
            CompilerDirectives.transferToInterpreterAndInvalidate();
            return slowPath(s, v);
        } catch (LispError e) {
            CompilerDirectives.transferToInterpreter();
            throw Conditions.signalled(this, e.at(this));
        }
    }

    private Object slowPath(Object s, Object v) {
        CStructs structs = EpsilonLanguage.context(this).structs();
        if (!(s instanceof ForeignStruct fs)) {
            throw LispError.typeError(s, "C-STRUCT", "STRUCT-REF");
        }
        if (cachedLayout == null) {
            CStructs.Place place = structs.place(fs, path);
            cachedLayout = fs.layout();
            if (!place.type().isArray() && place.type().aggregate() == null) {
                cachedType = place.type().scalar();
                cachedOffset = place.offset();
            }
        }
        return v == null ? structs.ref(fs, path) : structs.set(fs, path, v);
    }
}
