package dev.epsilon.nfi;

import java.lang.foreign.MemoryLayout;
import java.util.ArrayList;
import java.util.List;

/** A {@link StructLayout} as an FFM {@link MemoryLayout}, for structs passed and returned by value. */
final class StructLayouts {
    private StructLayouts() {
    }

    static MemoryLayout of(StructLayout s) {
        List<MemoryLayout> parts = new ArrayList<>();
        long at = 0;
        for (StructLayout.Member m : s.members()) {
            if (m.type().isBitField()) {
                throw new ForeignException(ForeignException.Reason.BAD_SIGNATURE,
                        s + " has bit-fields: it cannot be passed by value (pass a pointer)");
            }
            if (!s.isUnion() && m.offset() > at) {
                parts.add(MemoryLayout.paddingLayout(m.offset() - at));
            }
            parts.add(member(m.type()).withName(m.name()));
            at = m.offset() + m.type().size();
        }
        if (s.isUnion()) {
            return MemoryLayout.unionLayout(parts.toArray(new MemoryLayout[0]));
        }
        if (s.size() > at) {
            parts.add(MemoryLayout.paddingLayout(s.size() - at));
        }
        return MemoryLayout.structLayout(parts.toArray(new MemoryLayout[0]));
    }

    private static MemoryLayout member(StructLayout.MemberType t) {
        MemoryLayout element = t.aggregate() != null ? of(t.aggregate()) : FfmEngine.layout(t.scalar());
        return t.isArray() ? MemoryLayout.sequenceLayout(t.count(), element) : element;
    }
}
