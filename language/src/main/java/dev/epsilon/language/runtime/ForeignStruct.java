package dev.epsilon.language.runtime;

import com.oracle.truffle.api.interop.TruffleObject;
import dev.epsilon.nfi.StructLayout;

/** A view of a C struct or union: its layout over the memory a pointer designates. */
public record ForeignStruct(StructLayout layout, ForeignPointer base) implements TruffleObject {
}
