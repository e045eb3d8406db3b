package dev.epsilon.nfi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Struct, union and typedef declarations as headers write them, parsed into {@link StructLayout}s:
 * the standard typedefs (stdint.h, size_t, off_t, time_t, dev_t, ino_t, mode_t, pid_t, ...), nested
 * and anonymous members, arrays, pointers, function pointers, bit-fields, const/volatile, comments,
 * and typedefs declared in the same text. Unknown types are errors naming them.
 */
public final class CDeclarations {
    private final Map<String, StructLayout.MemberType> typedefs = new HashMap<>();
    private final Map<String, StructLayout> tags = new HashMap<>();   // "struct x" / "union x"
    private final Map<String, StructLayout> declared = new LinkedHashMap<>();
    private List<String> tokens;
    private int pos;

    public CDeclarations() {
        for (String t : new String[]{"int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t"}) {
            typedefs.put(t, StructLayout.MemberType.of(CType.valueOf(t.replace("_t", "").toUpperCase())));
        }
        CType[] map = {CType.UINT64, CType.INT64, CType.INT64, CType.INT64, CType.UINT64, CType.UINT64, CType.UINT32,
            CType.INT32, CType.UINT32, CType.UINT32, CType.UINT64, CType.INT64, CType.INT64, CType.INT64, CType.UINT32,
            CType.UINT16, CType.UINT16, CType.UINT32, CType.UINT64, CType.INT64, CType.INT64, CType.INT32, CType.INT64,
            CType.UINT64, CType.INT32, CType.INT64};
        String[] names = {"size_t", "ssize_t", "off_t", "time_t", "dev_t", "ino_t", "mode_t", "pid_t", "uid_t", "gid_t",
            "nlink_t", "blksize_t", "blkcnt_t", "suseconds_t", "socklen_t", "sa_family_t", "in_port_t", "in_addr_t",
            "uintptr_t", "intptr_t", "ptrdiff_t", "wchar_t", "clock_t", "uintmax_t", "int_least32_t", "intmax_t"};
        for (int i = 0; i < names.length; i++) {
            typedefs.put(names[i], StructLayout.MemberType.of(map[i]));
        }
        typedefs.put("bool", StructLayout.MemberType.of(CType.BOOL));
    }

    /** Parses the declarations; returns the structs and unions declared, by tag or typedef name. */
    public Map<String, StructLayout> parse(String text) {
        tokens = tokenize(text);
        pos = 0;
        while (pos < tokens.size()) {
            if (accept(";")) {
                continue;
            }
            boolean typedef = accept("typedef");
            StructLayout.MemberType base = typeSpecifier();
            if (accept(";")) {
                continue;   // struct x { ... };
            }
            do {
                Declarator d = declarator(base);
                if (typedef) {
                    typedefs.put(d.name, d.type);
                    if (d.type.aggregate() != null && d.type.count() == 1) {
                        declared.put(d.name, d.type.aggregate());
                    }
                }
            } while (accept(","));
            expect(";");
        }
        return declared;
    }

    private record Declarator(String name, StructLayout.MemberType type) {
    }

    private StructLayout.MemberType typeSpecifier() {
        int longs = 0;
        boolean unsigned = false;
        boolean signed = false;
        String base = null;
        StructLayout.MemberType named = null;
        while (pos < tokens.size()) {
            String t = peek();
            switch (t) {
                case "const", "volatile", "restrict", "static", "extern", "register", "__restrict" -> pos++;
                case "unsigned" -> { unsigned = true; pos++; }
                case "signed" -> { signed = true; pos++; }
                case "long" -> { longs++; pos++; }
                case "short", "int", "char", "float", "double", "void", "_Bool" -> { base = t; pos++; }
                case "struct", "union" -> { named = aggregate(); }
                case "enum" -> {
                    pos++;
                    if (isIdentifier(peek())) {
                        pos++;
                    }
                    if (accept("{")) {
                        while (!accept("}")) {
                            pos++;
                        }
                    }
                    named = StructLayout.MemberType.of(CType.INT32);
                }
                default -> {
                    if (named == null && base == null && longs == 0 && !unsigned && !signed && typedefs.containsKey(t)) {
                        named = typedefs.get(t);
                        pos++;
                        continue;
                    }
                    if (named == null && base == null && longs == 0 && !unsigned && !signed && isIdentifier(t)) {
                        throw error("unknown type " + t);
                    }
                    return resolve(named, base, longs, unsigned);
                }
            }
        }
        return resolve(named, base, longs, unsigned);
    }

    private StructLayout.MemberType resolve(StructLayout.MemberType named, String base, int longs, boolean unsigned) {
        if (named != null) {
            return named;
        }
        CType t;
        if (base == null || base.equals("int")) {
            t = longs > 0 ? (unsigned ? CType.UINT64 : CType.INT64) : (unsigned ? CType.UINT32 : CType.INT32);
        } else {
            t = switch (base) {
                case "short" -> unsigned ? CType.UINT16 : CType.INT16;
                case "char" -> unsigned ? CType.UINT8 : CType.INT8;
                case "float" -> CType.FLOAT;
                case "double" -> CType.DOUBLE;   // long double is not supported: it has no FFM layout
                case "_Bool" -> CType.BOOL;
                case "void" -> CType.VOID;
                default -> throw error("unknown type " + base);
            };
        }
        return StructLayout.MemberType.of(t);
    }

    private StructLayout.MemberType aggregate() {
        boolean union = next().equals("union");
        String tag = isIdentifier(peek()) && !peek().equals("{") ? next() : null;
        String key = (union ? "union " : "struct ") + tag;
        if (!accept("{")) {
            StructLayout known = tags.get(key);
            if (known == null) {
                throw error("unknown type " + key);
            }
            return StructLayout.MemberType.of(known);
        }
        List<String> names = new ArrayList<>();
        List<StructLayout.MemberType> types = new ArrayList<>();
        while (!accept("}")) {
            StructLayout.MemberType base = typeSpecifier();
            if (accept(";")) {
                // An anonymous struct or union member: its members belong to the enclosing one.
                names.add(null);
                types.add(base);
                continue;
            }
            do {
                if (accept(":")) {
                    names.add(null);
                    types.add(bitField(base, null));
                    continue;
                }
                Declarator d = declarator(base);
                StructLayout.MemberType t = d.type;
                if (accept(":")) {
                    t = bitField(t, d.name);
                }
                names.add(d.name);
                types.add(t);
            } while (accept(","));
            expect(";");
        }
        StructLayout layout = new StructLayout(tag == null ? "anonymous" : tag, union, names, types);
        if (tag != null) {
            tags.put(key, layout);
            declared.put(tag, layout);
        }
        return StructLayout.MemberType.of(layout);
    }

    private Declarator declarator(StructLayout.MemberType base) {
        StructLayout.MemberType t = base;
        boolean pointer = false;
        while (accept("*")) {
            pointer = true;
            while (peek().equals("const") || peek().equals("volatile") || peek().equals("restrict")) {
                pos++;
            }
        }
        String name;
        if (accept("(")) {
            // A function pointer: (*name)(parameters) — a pointer whatever the signature.
            while (accept("*")) {
                pointer = true;
            }
            name = next();
            expect(")");
            expect("(");
            int depth = 1;
            while (depth > 0) {
                String x = next();
                depth += x.equals("(") ? 1 : x.equals(")") ? -1 : 0;
            }
            pointer = true;
        } else {
            name = next();
            if (!isIdentifier(name)) {
                throw error("expected a member name, found " + name);
            }
        }
        if (pointer) {
            t = StructLayout.MemberType.of(CType.POINTER);
        }
        List<Integer> dims = new ArrayList<>();
        while (accept("[")) {
            dims.add(number(next(), "array size of " + name));
            expect("]");
        }
        for (int d : dims) {
            if (d != 0 && (long) t.count() * d > Integer.MAX_VALUE / Math.max(1, t.elementSize())) {
                throw error("array " + name + " is too large (" + dims + ")");
            }
            t = t.times(d);
        }
        if (t.scalar() == CType.VOID) {
            throw error("member " + name + " has type void");
        }
        return new Declarator(name, t);
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (text.startsWith("//", i) || c == '#') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                out.add(text.substring(start, i));
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }

    private static boolean isIdentifier(String t) {
        return !t.isEmpty() && (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_');
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : "";
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw error("unexpected end of declaration");
        }
        return tokens.get(pos++);
    }

    private boolean accept(String t) {
        if (peek().equals(t)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String t) {
        if (!accept(t)) {
            throw error("expected " + t + ", found " + (peek().isEmpty() ? "the end" : peek()));
        }
    }

    /** A bit-field of the width that follows ':', which must fit the integer type it is declared with. */
    private StructLayout.MemberType bitField(StructLayout.MemberType type, String name) {
        String what = "bit-field " + (name == null ? "(unnamed)" : name);
        int width = number(next(), "width of " + what);
        if (type.scalar() == null || type.isArray() || !type.scalar().isInteger()) {
            throw error(what + " must have an integer type");
        }
        if (width > type.scalar().size() * 8) {
            throw error(what + " is " + width + " bits wide, wider than its type (" + type.scalar().size() * 8 + " bits)");
        }
        return type.bitField(width);
    }

    /** A non-negative decimal (or 0x hex) integer constant that fits an int. */
    private int number(String token, String what) {
        try {
            long v = token.startsWith("0x") || token.startsWith("0X") ? Long.parseLong(token.substring(2), 16) : Long.parseLong(token);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw error(what + " is out of range: " + token);
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw error(what + " must be a non-negative integer constant, found " + token);
        }
    }

    private ForeignException error(String message) {
        return new ForeignException(ForeignException.Reason.BAD_SIGNATURE, "C declaration: " + message);
    }
}
