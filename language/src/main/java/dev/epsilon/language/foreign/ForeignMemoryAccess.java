package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.runtime.Chars;
import dev.epsilon.language.runtime.ForeignPointer;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.NativeArray;
import dev.epsilon.nfi.CStrings;
import dev.epsilon.nfi.CType;
import dev.epsilon.nfi.ForeignException;
import dev.epsilon.nfi.MappedPages;
import dev.epsilon.nfi.MemoryBlock;
import dev.epsilon.nfi.TypedMemory;
import dev.epsilon.nfi.UserAddresses;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** MEM-REF and its SETF: typed loads and stores at checked addresses. */
public final class ForeignMemoryAccess {
    private ForeignMemoryAccess() {
    }

    /**
     * The address to access, after the NULL, liveness and bounds checks the pointer allows; a raw
     * address is checked mapped, and writable for a {@code write}.
     */
    static long checked(Object pointer, long offset, long size, boolean write, String where) {
        if (pointer instanceof ForeignPointer p) {
            if (p.isNull()) {
                CompilerDirectives.transferToInterpreter();
                throw LispError.error("FOREIGN-MEMORY-ERROR", where + ": NULL pointer dereference");
            }
            long at = p.address() + offset;
            MemoryBlock b = p.block();
            if (b != null) {
                try {
                    b.check(at, size);
                } catch (ForeignException e) {
                    CompilerDirectives.transferToInterpreter();
                    throw ForeignCalls.error(e, " (" + where + ")");
                }
            } else {
                checkRawAddress(at, size, write, where);
            }
            return at;
        }
        if (pointer instanceof NativeArray a) {
            long at = a.address() + offset;
            if (offset < 0 || offset + size > (long) a.totalSize() * a.element().size) {
                CompilerDirectives.transferToInterpreter();
                throw LispError.error("FOREIGN-MEMORY-ERROR", where + ": offset " + offset + " is outside the array");
            }
            return at;
        }
        CompilerDirectives.transferToInterpreter();
        throw LispError.typeError(pointer, "FOREIGN-POINTER", where);
    }

    /**
     * A raw (unchecked) address: refused when [at, at + size) cannot be mapped memory or is not
     * mapped now (readable, or writable for a {@code write}).
     */
    static void checkRawAddress(long at, long size, boolean write, String where) {
        dev.epsilon.language.EpsilonLanguage.context(null).requireNativeAccess(where);
        if (!UserAddresses.possible(at, size)) {
            CompilerDirectives.transferToInterpreter();
            try {
                UserAddresses.check(at, size, where);
            } catch (ForeignException e) {
                throw ForeignCalls.error(e, "");
            }
        }
        if (!MappedPages.known(at, size, write) && !MappedPages.accessible(at, size, write)) {
            CompilerDirectives.transferToInterpreter();
            throw LispError.error("FOREIGN-MEMORY-ERROR", where + ": memory fault: address 0x" + Long.toHexString(at)
                    + " is not " + (write ? "writable" : "mapped") + " memory (a wild or freed pointer?)");
        }
    }

    /** The byte offset of element {@code index} of {@code size} bytes; a product past 64 bits is outside any allocation. */
    public static long elementOffset(long index, long size, String where) {
        if (index > Long.MAX_VALUE / size || index < Long.MIN_VALUE / size) {
            CompilerDirectives.transferToInterpreter();
            throw LispError.error("FOREIGN-MEMORY-ERROR", where + ": index " + index + " is outside any allocation");
        }
        return index * size;
    }

    public static Object read(Object pointer, CType t, long offset) {
        return readAt(checked(pointer, offset, t.size(), false, "MEM-REF"), t);
    }

    /** The value of type {@code t} at the (already checked) address {@code at}. */
    public static Object readAt(long at, CType t) {
        return switch (t) {
            case BOOL -> Lisp.bool(TypedMemory.loadInteger(t, at) != 0);
            case INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64 -> TypedMemory.loadInteger(t, at);
            case UINT64 -> unsigned(TypedMemory.loadInteger(t, at));
            case FLOAT -> TypedMemory.loadFloat(at);
            case DOUBLE -> TypedMemory.loadDouble(at);
            case POINTER -> ForeignPointer.of(TypedMemory.loadInteger(t, at));
            case C_STRING -> string(TypedMemory.loadInteger(t, at), -1);
            case VOID, STRUCT -> throw LispError.error("FOREIGN-ERROR", "MEM-REF of type " + t.cName() + ": use MEM-AREF with (:struct NAME), or STRUCT-REF");
        };
    }

    public static void write(Object pointer, CType t, long offset, Object value) {
        writeAt(checked(pointer, offset, t.size(), true, "(SETF MEM-REF)"), t, value);
    }

    /** Stores {@code value} as type {@code t} at the (already checked) address {@code at}. */
    public static void writeAt(long at, CType t, Object value) {
        if (t == CType.C_STRING) {
            throw LispError.error("FOREIGN-ERROR", "(SETF MEM-REF) of type :string: allocate the string with "
                    + "FOREIGN-STRING-ALLOC and store the pointer");
        }
        Object c = Marshal.toC(value, t, 0, "(SETF MEM-REF)");
        switch (t) {
            case FLOAT -> TypedMemory.storeFloat(at, (float) c);
            case DOUBLE -> TypedMemory.storeDouble(at, (double) c);
            case BOOL, INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64, POINTER -> TypedMemory.storeInteger(t, at, (long) c);
            default -> throw LispError.error("FOREIGN-ERROR", "cannot store a value of type " + t.cName());
        }
    }

    @TruffleBoundary
    private static Object unsigned(long l) {
        return l >= 0 ? (Object) l : new BigInteger(Long.toUnsignedString(l));
    }

    /** The NUL-terminated UTF-8 string at {@code address} (at most {@code max} bytes when max >= 0). */
    @TruffleBoundary
    public static Object string(long address, long max) {
        if (address == 0) {
            return Lisp.NIL;
        }
        dev.epsilon.language.EpsilonLanguage.context(null).requireNativeAccess("a C string");
        try {
            return Chars.text(new String(CStrings.bytes(address, max), StandardCharsets.UTF_8));
        } catch (ForeignException e) {
            throw ForeignCalls.error(e, "");
        }
    }
}
