package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.ForeignPointer;
import dev.epsilon.language.runtime.ForeignStruct;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.nfi.StructLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * C structs and unions by name (DEFINE-C-STRUCT, DEFINE-C-UNION), their member types, and member
 * access by path: a member name, an array index, or a list of those for nested members.
 */
public final class CStructs {
    private final Map<Symbol, StructLayout> byName = new ConcurrentHashMap<>();

    @TruffleBoundary
    public StructLayout define(Symbol name, boolean union, Object memberSpecs) {
        List<String> names = new ArrayList<>();
        List<StructLayout.MemberType> types = new ArrayList<>();
        for (Object spec : Lisp.toJavaList(memberSpecs)) {
            List<Object> parts = Lisp.toJavaList(spec);
            if (parts.size() < 2 || !(parts.get(0) instanceof Symbol member)) {
                throw LispError.error("FOREIGN-ERROR", "a member is (name type [:count n]), not " + Printer.prin1ToString(spec));
            }
            StructLayout.MemberType t = memberType(parts.get(1));
            for (int i = 2; i + 1 < parts.size(); i += 2) {
                if (parts.get(i) instanceof Symbol k && k.name().equals("COUNT") && parts.get(i + 1) instanceof Long n) {
                    t = t.times((int) (long) n);
                }
            }
            names.add(member.name());
            types.add(t);
        }
        StructLayout layout = new StructLayout(name.name().toLowerCase(java.util.Locale.ROOT), union, names, types);
        byName.put(name, layout);
        return layout;
    }

    public void define(Symbol name, StructLayout layout) {
        byName.put(name, layout);
    }

    @TruffleBoundary
    public StructLayout layout(Object nameOrType) {
        Object name = nameOrType;
        if (nameOrType instanceof Cons c && c.car instanceof Symbol k && k.isKeyword()
                && (k.name().equals("STRUCT") || k.name().equals("UNION"))) {
            name = Lisp.car(c.cdr);
        }
        StructLayout l = name instanceof Symbol s ? byName.get(s) : null;
        if (l == null) {
            throw LispError.error("FOREIGN-ERROR", "no C struct or union named " + Printer.prin1ToString(name));
        }
        return l;
    }

    /** Whether a type specifier names an aggregate: (:struct X), (:union X), (:array T N). */
    public static boolean isAggregate(Object type) {
        return type instanceof Cons c && c.car instanceof Symbol k && k.isKeyword()
                && (k.name().equals("STRUCT") || k.name().equals("UNION") || k.name().equals("ARRAY"));
    }

    @TruffleBoundary
    public StructLayout.MemberType memberType(Object type) {
        if (type instanceof Cons c && c.car instanceof Symbol k && k.isKeyword()) {
            switch (k.name()) {
                case "STRUCT", "UNION":
                    return StructLayout.MemberType.of(layout(type));
                case "ARRAY": {
                    List<Object> parts = Lisp.toJavaList(c.cdr);
                    return memberType(parts.get(0)).times((int) (long) (Long) parts.get(1));
                }
                default:
                    break;
            }
        }
        if (type instanceof Symbol s && !s.isKeyword() && byName.containsKey(s)) {
            return StructLayout.MemberType.of(byName.get(s));
        }
        return StructLayout.MemberType.of(ForeignTypes.parse(type));
    }

    public long size(Object type) {
        return memberType(type).size();
    }

    public long alignment(Object type) {
        return memberType(type).alignment();
    }

    /** Where a path leads: the member type (one element, after indexing) and the byte offset. */
    record Place(StructLayout.MemberType type, long offset) {
    }

    @TruffleBoundary
    /**
     * The member a Lisp name reaches: its exact name, else the member whose C name reads as that
     * symbol (tv_sec is reached by 'tv_sec and 'tv-sec, which a Lisp reader makes TV_SEC and TV-SEC).
     */
    static StructLayout.Member member(StructLayout layout, String name) {
        StructLayout.Member m = layout.member(name);
        if (m != null) {
            return m;
        }
        String wanted = lispSpelling(name);
        for (StructLayout.Member candidate : layout.members()) {
            if (lispSpelling(candidate.name()).equals(wanted)) {
                return layout.member(candidate.name());
            }
            if (candidate.name().startsWith("%unnamed-") && candidate.type().aggregate() != null && !candidate.type().isArray()) {
                StructLayout.Member inner = member(candidate.type().aggregate(), name);
                if (inner != null) {
                    return layout.member(inner.name());
                }
            }
        }
        return null;
    }

    private static String lispSpelling(String name) {
        return name.toUpperCase(java.util.Locale.ROOT).replace('_', '-');
    }

    Place place(ForeignStruct s, Object path) {
        List<Object> steps = path instanceof Cons ? Lisp.toJavaList(path) : List.of(path);
        StructLayout.MemberType type = StructLayout.MemberType.of(s.layout());
        long offset = 0;
        for (Object step : steps) {
            if (step instanceof Long index) {
                if (!type.isArray() || index < 0 || index >= type.count()) {
                    throw LispError.error("FOREIGN-ERROR", "index " + index + " outside the array member of "
                            + s.layout().name() + " (" + type.count() + " elements)");
                }
                offset += index * type.elementSize();
                type = new StructLayout.MemberType(type.scalar(), type.aggregate(), 1);
            } else if (step instanceof Symbol member && type.aggregate() != null && !type.isArray()) {
                StructLayout.Member m = member(type.aggregate(), member.name());
                if (m == null) {
                    throw LispError.error("FOREIGN-ERROR", type.aggregate() + " has no member " + member.name());
                }
                offset += m.offset();
                type = m.type();
            } else {
                throw LispError.error("FOREIGN-ERROR", "bad member path " + Printer.prin1ToString(path) + " for " + s.layout());
            }
        }
        return new Place(type, offset);
    }

    @TruffleBoundary
    public Object ref(ForeignStruct s, Object path) {
        Place p = place(s, path);
        ForeignPointer at = s.base().plus(p.offset());
        if (p.type().isArray()) {
            return at;   // an array member without an index: a pointer to its first element
        }
        if (p.type().aggregate() != null) {
            return new ForeignStruct(p.type().aggregate(), at);
        }
        return ForeignMemoryAccess.read(at, p.type().scalar(), 0);
    }

    @TruffleBoundary
    public Object set(ForeignStruct s, Object path, Object value) {
        Place p = place(s, path);
        if (p.type().isArray() || p.type().aggregate() != null) {
            throw LispError.error("FOREIGN-ERROR", "assign the members of " + Printer.prin1ToString(path) + " one by one");
        }
        ForeignMemoryAccess.write(s.base().plus(p.offset()), p.type().scalar(), 0, value);
        return value;
    }

    /** #<C-STRUCT TIMESPEC :SEC 1 :NSEC 2>, nested structs in place. */
    @TruffleBoundary
    public static String print(ForeignStruct s) {
        StringBuilder b = new StringBuilder("#<C-").append(s.layout().isUnion() ? "UNION " : "STRUCT ")
                .append(s.layout().name().toUpperCase(java.util.Locale.ROOT));
        if (s.base().isNull() || (s.base().block() != null && s.base().block().isFreed())) {
            return b.append(" (no memory)>").toString();
        }
        for (StructLayout.Member m : s.layout().members()) {
            b.append(" :").append(m.name()).append(' ');
            ForeignPointer at = s.base().plus(m.offset());
            if (m.type().isArray()) {
                b.append('[');
                for (int i = 0; i < m.type().count() && i < 8; i++) {
                    b.append(i > 0 ? " " : "");
                    b.append(m.type().aggregate() != null ? "..." : Printer.prin1ToString(
                            ForeignMemoryAccess.read(at, m.type().scalar(), i * m.type().elementSize())));
                }
                b.append(m.type().count() > 8 ? " ...]" : "]");
            } else if (m.type().aggregate() != null) {
                b.append(print(new ForeignStruct(m.type().aggregate(), at)));
            } else {
                b.append(Printer.prin1ToString(ForeignMemoryAccess.read(at, m.type().scalar(), 0)));
            }
        }
        return b.append('>').toString();
    }
}
