package dev.epsilon.language.runtime;

import com.oracle.truffle.api.interop.TruffleObject;
import dev.epsilon.nfi.MemoryBlock;
import dev.epsilon.nfi.StructLayout;

/**
 * A view of a C struct or union: its layout over the memory a pointer designates. A struct a C
 * function returned by value owns its memory ({@code owner}, freed by the garbage collector).
 */
public record ForeignStruct(StructLayout layout, ForeignPointer base, Object owner) implements TruffleObject {
    public ForeignStruct(StructLayout layout, ForeignPointer base) {
        this(layout, base, null);
    }

    /** The struct at {@code address}, accesses checked against its size; {@code owner} keeps the memory alive (or null). */
    public static ForeignStruct at(StructLayout layout, long address, Object owner) {
        return new ForeignStruct(layout, new ForeignPointer(address, MemoryBlock.view(address, layout.size(), owner)), owner);
    }
}
