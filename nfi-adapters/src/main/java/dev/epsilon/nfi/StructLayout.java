package dev.epsilon.nfi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory layout of a C struct or union on LP64 (System V x86-64 and AArch64 agree for these
 * rules): each member at the next offset aligned to its alignment, the aggregate aligned to its
 * strictest member and padded to a multiple of that; a union's members all at offset 0.
 */
public final class StructLayout {
    /** A member's type: a scalar, a nested struct/union, or a fixed array of either. */
    public record MemberType(CType scalar, StructLayout aggregate, int count, int bits) {
        public MemberType(CType scalar, StructLayout aggregate, int count) {
            this(scalar, aggregate, count, -1);
        }

        public static MemberType of(CType t) {
            return new MemberType(t, null, 1);
        }

        public static MemberType of(StructLayout s) {
            return new MemberType(null, s, 1);
        }

        public MemberType times(int n) {
            return new MemberType(scalar, aggregate, count * n, bits);
        }

        /** A bit-field of {@code width} bits stored in units of this (integer) type. */
        public MemberType bitField(int width) {
            return new MemberType(scalar, aggregate, count, width);
        }

        public boolean isBitField() {
            return bits >= 0;
        }

        public long elementSize() {
            return scalar != null ? scalar.size() : aggregate.size();
        }

        public long size() {
            return elementSize() * count;
        }

        public long alignment() {
            return scalar != null ? scalar.alignment() : aggregate.alignment();
        }

        public boolean isArray() {
            return count != 1;
        }
    }

    /** One member and where it lives; a bit-field also has its first bit within the unit at offset. */
    public record Member(String name, MemberType type, long offset, int bitPosition) {
        public Member(String name, MemberType type, long offset) {
            this(name, type, offset, 0);
        }
    }

    private final String name;
    private final boolean union;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final long size;
    private final long alignment;

    public StructLayout(String name, boolean union, List<String> names, List<MemberType> types) {
        this.name = name;
        this.union = union;
        long bitOffset = 0;   // struct: the next free bit
        long align = 1;
        long largest = 0;
        int unnamed = 0;
        for (int i = 0; i < names.size(); i++) {
            MemberType t = types.get(i);
            String memberName = names.get(i) == null ? "%unnamed-" + (unnamed++) : names.get(i);
            long a = t.alignment();
            if (t.isBitField()) {
                // GCC's System V rule: a bit-field does not cross a boundary of its declared type's
                // alignment; a zero-width one moves to the next; unnamed ones do not align the struct.
                long unitBits = a * 8;
                if (names.get(i) != null) {
                    align = Math.max(align, a);
                }
                if (union) {
                    members.put(memberName, new Member(memberName, t, 0, 0));
                    largest = Math.max(largest, (t.bits() + 7) / 8);
                    continue;
                }
                if (t.bits() == 0 || bitOffset / unitBits != (bitOffset + t.bits() - 1) / unitBits) {
                    bitOffset = roundUp(bitOffset, unitBits);
                }
                long unit = bitOffset / unitBits * a;
                members.put(memberName, new Member(memberName, t, unit, (int) (bitOffset - unit * 8)));
                bitOffset += t.bits();
                continue;
            }
            align = Math.max(align, a);
            if (union) {
                members.put(memberName, new Member(memberName, t, 0));
                largest = Math.max(largest, t.size());
            } else {
                long offset = roundUp((bitOffset + 7) / 8, a);
                members.put(memberName, new Member(memberName, t, offset));
                bitOffset = (offset + t.size()) * 8;
            }
        }
        this.alignment = align;
        this.size = roundUp(union ? largest : (bitOffset + 7) / 8, align);
    }

    static long roundUp(long n, long to) {
        return (n + to - 1) / to * to;
    }

    public String name() { return name; }

    public boolean isUnion() { return union; }

    public long size() { return size; }

    public long alignment() { return alignment; }

    /** A member by name, also one of an anonymous struct or union member (C11), at its offset here. */
    public Member member(String memberName) {
        Member m = members.get(memberName);
        if (m != null) {
            return m;
        }
        for (Member anonymous : members.values()) {
            if (anonymous.name().startsWith("%unnamed-") && anonymous.type().aggregate() != null && !anonymous.type().isArray()) {
                Member inner = anonymous.type().aggregate().member(memberName);
                if (inner != null) {
                    return new Member(inner.name(), inner.type(), anonymous.offset() + inner.offset(), inner.bitPosition());
                }
            }
        }
        return null;
    }

    public List<Member> members() {
        return Collections.unmodifiableList(new ArrayList<>(members.values()));
    }

    @Override
    public String toString() {
        return (union ? "union " : "struct ") + name + " (" + size + " bytes, aligned to " + alignment + ")";
    }
}
