package dev.epsilon.nfi;

import java.nio.file.Path;

/**
 * One way of reaching native code. Implementations: {@link NfiEngine} (Truffle NFI: any signature at
 * run time, varargs through libffi). Values cross this interface in a fixed C-level representation:
 * integers as {@code long} (a {@code uint64_t} as its raw bits), {@code float}/{@code double}, pointers
 * as {@code long} addresses, C strings as Java {@code String} (or {@code null} for NULL).
 */
public interface ForeignEngine {
    /** Short name, as users select it ("nfi", "ffm"). */
    String name();

    /** Loads a resolved shared object. Throws {@link ForeignException} when the linker refuses it. */
    NativeLibrary load(Path path, String requestedName);

    /** Finds {@code symbol} in {@code library} and prepares it for calls with {@code signature}. */
    ForeignFunction lookup(NativeLibrary library, String symbol, Signature signature);
}
