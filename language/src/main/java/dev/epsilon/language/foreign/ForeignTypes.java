package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.nfi.CType;
import dev.epsilon.nfi.Signature;

import java.util.ArrayList;
import java.util.List;

/** The Lisp spelling of C types (keywords such as :int, :string, (:pointer :int)) and signatures. */
public final class ForeignTypes {
    private ForeignTypes() {
    }

    @TruffleBoundary
    public static CType parse(Object spec) {
        if (spec instanceof Cons c && c.car instanceof Symbol head && head.isKeyword() && head.name().equals("POINTER")) {
            return CType.POINTER;   // (:pointer TYPE): a pointer, whatever it points to
        }
        if (!(spec instanceof Symbol s) || !s.isKeyword()) {
            throw LispError.error("FOREIGN-ERROR", "unknown foreign type " + Printer.prin1ToString(spec));
        }
        return switch (s.name()) {
            case "VOID" -> CType.VOID;
            case "BOOL" -> CType.BOOL;
            case "CHAR", "INT8" -> CType.INT8;
            case "UNSIGNED-CHAR", "UCHAR", "UINT8" -> CType.UINT8;
            case "SHORT", "INT16" -> CType.INT16;
            case "UNSIGNED-SHORT", "USHORT", "UINT16" -> CType.UINT16;
            case "INT", "INT32" -> CType.INT32;
            case "UNSIGNED-INT", "UINT", "UINT32" -> CType.UINT32;
            case "LONG", "LONG-LONG", "INT64", "SSIZE", "INTPTR", "PTRDIFF" -> CType.INT64;
            case "UNSIGNED-LONG", "UNSIGNED-LONG-LONG", "ULONG", "UINT64", "SIZE", "UINTPTR" -> CType.UINT64;
            case "FLOAT" -> CType.FLOAT;
            case "DOUBLE" -> CType.DOUBLE;
            case "POINTER" -> CType.POINTER;
            case "STRING" -> CType.C_STRING;
            default -> throw LispError.error("FOREIGN-ERROR", "unknown foreign type " + Printer.prin1ToString(spec));
        };
    }

    /** The keyword that names a C type in Lisp (:int, :string ...), for CONVERT-TO-FOREIGN's type argument. */
    public static String keywordName(CType t) {
        return switch (t) {
            case VOID -> "VOID";
            case BOOL -> "BOOL";
            case INT8 -> "CHAR";
            case UINT8 -> "UNSIGNED-CHAR";
            case INT16 -> "SHORT";
            case UINT16 -> "UNSIGNED-SHORT";
            case INT32 -> "INT";
            case UINT32 -> "UNSIGNED-INT";
            case INT64 -> "LONG";
            case UINT64 -> "UNSIGNED-LONG";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case POINTER -> "POINTER";
            case C_STRING -> "STRING";
            case STRUCT -> "STRUCT";
        };
    }

    /**
     * A return type and an argument type list; {@code &rest} separates fixed from variadic types.
     * (:struct NAME) and (:union NAME), looked up in {@code structs}, are passed and returned by value.
     */
    @TruffleBoundary
    public static Signature signature(CStructs structs, Object returnType, Object argTypes) {
        List<CType> fixed = new ArrayList<>();
        List<CType> variadic = null;
        List<dev.epsilon.nfi.StructLayout> layouts = new ArrayList<>();
        for (Object t : Lisp.toJavaList(argTypes)) {
            if (t instanceof Symbol s && s.name().equals("&REST") && !s.isKeyword()) {
                variadic = new ArrayList<>();
                continue;
            }
            if (structs != null && isStructType(t)) {
                if (variadic != null) {
                    throw LispError.error("FOREIGN-ERROR", "a struct cannot be a variadic argument");
                }
                fixed.add(CType.STRUCT);
                layouts.add(structs.layout(t));
                continue;
            }
            layouts.add(null);
            CType c = parse(t);
            if (c == CType.VOID) {
                throw LispError.error("FOREIGN-ERROR", ":void is not an argument type");
            }
            (variadic != null ? variadic : fixed).add(variadic != null ? promote(c) : c);
        }
        if (variadic != null) {
            for (int i = 0; i < variadic.size(); i++) {
                layouts.add(null);
            }
        }
        if (structs != null && isStructType(returnType)) {
            return new Signature(CType.STRUCT, structs.layout(returnType), fixed, variadic, layouts);
        }
        return new Signature(parse(returnType), null, fixed, variadic, layouts);
    }

    static boolean isStructType(Object t) {
        return t instanceof Cons c && c.car instanceof Symbol k && k.isKeyword()
                && (k.name().equals("STRUCT") || k.name().equals("UNION"));
    }

    /** C's default argument promotions for variadic arguments. */
    private static CType promote(CType t) {
        return switch (t) {
            case BOOL, INT8, UINT8, INT16, UINT16 -> CType.INT32;
            case FLOAT -> CType.DOUBLE;
            default -> t;
        };
    }
}
