package dev.epsilon.language.runtime;

import com.oracle.truffle.api.interop.TruffleObject;
import dev.epsilon.nfi.StructLayout;

/**
 * A view of a C struct or union: its layout over the memory a pointer designates. A struct a C
 * function returned by value owns its memory ({@code owner}, freed by the garbage collector).
 */
public record ForeignStruct(StructLayout layout, ForeignPointer base, Object owner) implements TruffleObject {
    public ForeignStruct(StructLayout layout, ForeignPointer base) {
        this(layout, base, null);
    }
}
