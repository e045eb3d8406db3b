package dev.epsilon.nfi;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * What a raw function address is, for messages: the dynamic linker's {@code dladdr} finds the
 * exported symbol starting there and the shared object holding it, so a call through a function
 * pointer is reported as {@code fixture_add_int in libepsilon-fixture.so} rather than as an address.
 */
final class FunctionPointers {
    private FunctionPointers() {
    }

    private static final class Dladdr {
        static final MethodHandle HANDLE;
        static {
            Linker linker = Linker.nativeLinker();
            HANDLE = linker.downcallHandle(linker.defaultLookup().find("dladdr").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        }
    }

    /** A function pointer's library (named by its file, or by the address) and symbol (or the address). */
    record Described(NativeLibrary library, String symbol) {
    }

    @TruffleBoundary
    static Described describe(long address) {
        String where = "0x" + Long.toHexString(address);
        String file = null;
        String symbol = null;
        try (Arena arena = Arena.ofConfined()) {
            // Dl_info: dli_fname, dli_fbase, dli_sname, dli_saddr.
            MemorySegment info = arena.allocate(4 * ValueLayout.ADDRESS.byteSize());
            if ((int) Dladdr.HANDLE.invokeExact(address, info) != 0) {
                long word = ValueLayout.ADDRESS.byteSize();
                file = CStrings.utf8(info.get(ValueLayout.ADDRESS, 0).address());
                if (info.get(ValueLayout.ADDRESS, 3 * word).address() == address) {
                    symbol = CStrings.utf8(info.get(ValueLayout.ADDRESS, 2 * word).address());
                }
            }
        } catch (Throwable t) {
            // dladdr is only a better name: without it the address names the function.
        }
        NativeLibrary library = file == null ? new NativeLibrary(where, Path.of("/"), null)
                : new NativeLibrary(Path.of(file).getFileName().toString(), Path.of(file), null);
        return new Described(library, symbol == null ? "function at " + where : symbol + " (at " + where + ")");
    }
}
