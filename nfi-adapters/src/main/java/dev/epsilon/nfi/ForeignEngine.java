package dev.epsilon.nfi;

import java.nio.file.Path;

/**
 * One way of reaching native code, and everything a language needs from it (as CFFI's
 * {@code cffi-sys} is to its front end): loading libraries, finding symbols and their addresses,
 * binding a symbol or a raw function address to a signature. Implementations: {@link FfmEngine} (Java
 * FFM: the default, the only one that captures errno and passes structs by value) and
 * {@link NfiEngine} (Truffle NFI on libffi).
 *
 * <p>Values cross this interface in a fixed C-level representation: integers as {@code long} (a
 * {@code uint64_t} as its raw bits), {@code float}/{@code double}, pointers as {@code long} addresses,
 * C strings as Java {@code String} (or {@code null} for NULL), a struct returned by value as a
 * {@link ReturnedStruct}. No engine type or {@code MemorySegment} leaves the foreign layer.
 */
public interface ForeignEngine {
    /** Short name, as users select it ("nfi", "ffm"). */
    String name();

    /** Whether this engine can make calls with {@code signature} (and record errno after each, when asked). */
    boolean serves(Signature signature, boolean captureErrno);

    /** Loads a resolved shared object. Throws {@link ForeignException} when the linker refuses it. */
    NativeLibrary load(Path path, String requestedName);

    /**
     * Finds {@code symbol} in {@code library} and prepares it for calls with {@code signature}; with
     * {@code captureErrno} each call records errno for {@link Errno#last()}. Only for signatures this
     * engine {@link #serves}.
     */
    ForeignFunction lookup(NativeLibrary library, String symbol, Signature signature, boolean captureErrno);

    /** The C function at a raw {@code address} (a function pointer), prepared for calls with {@code signature}. */
    ForeignFunction atAddress(long address, Signature signature, boolean captureErrno);

    /** The address of {@code symbol} in {@code library}, without preparing any call. */
    long symbolAddress(NativeLibrary library, String symbol);
}
