package dev.epsilon.nfi;

/**
 * The scalar C types a foreign call can pass or return, on an LP64 platform (x86-64 SysV, AArch64).
 * {@link #C_STRING} is a {@code char*} that the engine marshals as a NUL-terminated UTF-8 string.
 */
public enum CType {
    VOID("void", 0, Kind.VOID),
    BOOL("_Bool", 1, Kind.UNSIGNED),
    INT8("int8_t", 1, Kind.SIGNED),
    UINT8("uint8_t", 1, Kind.UNSIGNED),
    INT16("int16_t", 2, Kind.SIGNED),
    UINT16("uint16_t", 2, Kind.UNSIGNED),
    INT32("int32_t", 4, Kind.SIGNED),
    UINT32("uint32_t", 4, Kind.UNSIGNED),
    INT64("int64_t", 8, Kind.SIGNED),
    UINT64("uint64_t", 8, Kind.UNSIGNED),
    FLOAT("float", 4, Kind.FLOATING),
    DOUBLE("double", 8, Kind.FLOATING),
    POINTER("void*", 8, Kind.POINTER),
    C_STRING("char*", 8, Kind.POINTER),
    /** A struct or union passed or returned by value; its layout is in the {@link Signature}. */
    STRUCT("struct", 0, Kind.AGGREGATE);

    /** How values of a type are represented and checked. */
    public enum Kind { VOID, SIGNED, UNSIGNED, FLOATING, POINTER, AGGREGATE }

    private final String cName;
    private final int size;
    private final Kind kind;

    CType(String cName, int size, Kind kind) {
        this.cName = cName;
        this.size = size;
        this.kind = kind;
    }

    public String cName() { return cName; }

    public int size() { return size; }

    /** Scalars are naturally aligned on LP64. */
    public int alignment() { return size; }

    public Kind kind() { return kind; }

    public boolean isInteger() { return kind == Kind.SIGNED || kind == Kind.UNSIGNED; }

    /** Whether the integer {@code value} is in this integer type's range (64-bit unsigned: not negative). */
    public boolean holds(long value) {
        int bits = size * 8;
        if (kind == Kind.SIGNED) {
            return bits == 64 || (value >= -(1L << (bits - 1)) && value < (1L << (bits - 1)));
        }
        return value >= 0 && (bits == 64 || value < (1L << bits));
    }
}
