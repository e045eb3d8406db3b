package dev.epsilon.nfi;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * NUL-terminated strings at raw addresses, read in one place for every path (a {@code char*}
 * result, a callback's string argument, FOREIGN-STRING-TO-LISP, MEM-REF of :string): the address
 * is checked against the user address space and each page is checked mapped ({@link MappedPages})
 * as the scan enters it, so a wild pointer is a {@link ForeignException} rather than a crash.
 */
public final class CStrings {
    private CStrings() {
    }

    /** The string's bytes (without the NUL), at most {@code max} of them when max >= 0. */
    @TruffleBoundary
    public static byte[] bytes(long address, long max) {
        UserAddresses.check(address, 1, "a C string");
        long n = 0;
        while (max < 0 || n < max) {
            long at = address + n;
            if ((n == 0 || (at & ((1L << MappedPages.PAGE_SHIFT) - 1)) == 0) && !MappedPages.accessible(at, 1, false)) {
                throw new ForeignException(ForeignException.Reason.BAD_ADDRESS, "memory fault: a C string at 0x"
                        + Long.toHexString(address) + (n == 0 ? " is not in mapped memory"
                        : " runs into unmapped memory at 0x" + Long.toHexString(at)) + " (a wild or freed pointer?)");
            }
            if (NativeMemory.ALL.get(ValueLayout.JAVA_BYTE, at) == 0) {
                break;
            }
            n++;
        }
        byte[] bytes = new byte[Math.toIntExact(n)];
        MemorySegment.copy(NativeMemory.ALL, ValueLayout.JAVA_BYTE, address, bytes, 0, bytes.length);
        return bytes;
    }

    /** The string at {@code address} decoded as UTF-8, or null for NULL. */
    @TruffleBoundary
    public static String utf8(long address) {
        return address == 0 ? null : new String(bytes(address, -1), StandardCharsets.UTF_8);
    }
}
