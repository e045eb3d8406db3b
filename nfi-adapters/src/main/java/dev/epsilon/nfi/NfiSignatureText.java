package dev.epsilon.nfi;

/** Spells a {@link Signature} in NFI's signature language: {@code (STRING, ...SINT32):SINT32}. */
final class NfiSignatureText {
    private NfiSignatureText() {
    }

    static String of(Signature s) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < s.arity(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            if (s.isVariadic() && i == s.fixedCount()) {
                b.append("...");
            }
            b.append(typeName(s.argType(i)));
        }
        // A string result comes back as a pointer: NfiFunction reads it after checking the address.
        return b.append("):").append(s.returnType() == CType.C_STRING ? "POINTER" : typeName(s.returnType())).toString();
    }

    static String typeName(CType t) {
        return switch (t) {
            case VOID -> "VOID";
            case BOOL, UINT8 -> "UINT8";
            case INT8 -> "SINT8";
            case INT16 -> "SINT16";
            case UINT16 -> "UINT16";
            case INT32 -> "SINT32";
            case UINT32 -> "UINT32";
            case INT64 -> "SINT64";
            case UINT64 -> "UINT64";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case POINTER -> "POINTER";
            case C_STRING -> "STRING";
            case STRUCT -> throw new ForeignException(ForeignException.Reason.BAD_SIGNATURE,
                    "NFI cannot pass structs by value; the FFM engine makes these calls");
        };
    }
}
