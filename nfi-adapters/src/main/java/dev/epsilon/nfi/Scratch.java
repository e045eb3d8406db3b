package dev.epsilon.nfi;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * Per-thread native scratch memory for one call's temporary C strings (reused: no allocation per
 * call) and for the linker's call state, where errno lands right after the call.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    private final Arena arena = Arena.ofAuto();
    private MemorySegment buffer = arena.allocate(4096, 16);
    private long used;
    private final MemorySegment callState = arena.allocate(FfmEngine.CALL_STATE_SIZE, 8);
    private int lastErrno;

    @TruffleBoundary
    static Scratch get() {
        return CURRENT.get();
    }

    /** Where the strings of the call about to be made start; {@link #release(long)} frees back to it. */
    long mark() {
        return used;
    }

    /**
     * Frees this thread's strings made since {@code mark}: a callback's own foreign calls, made
     * while an outer call still uses its strings, free only theirs.
     */
    void release(long mark) {
        used = mark;
    }

    /** The address of a NUL-terminated UTF-8 copy of {@code s}; ASCII text is copied as it is read. */
    @TruffleBoundary
    long cStringAddress(String s) {
        int n = s.length();
        if (used + n + 1 <= buffer.byteSize()) {
            long base = used;
            int i = 0;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                buffer.set(java.lang.foreign.ValueLayout.JAVA_BYTE, base + i, (byte) c);
            }
            if (i == n) {
                buffer.set(java.lang.foreign.ValueLayout.JAVA_BYTE, base + n, (byte) 0);
                used += n + 1;
                return buffer.address() + base;
            }
        }
        return cString(s).address();
    }

    /** A NUL-terminated UTF-8 copy of {@code s}, valid until {@link #release}. */
    @TruffleBoundary
    MemorySegment cString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        long need = bytes.length + 1L;
        if (used + need > buffer.byteSize()) {
            // A string that does not fit gets memory of its own, freed with this thread's scratch.
            MemorySegment own = Arena.ofAuto().allocate(need, 1);
            MemorySegment.copy(bytes, 0, own, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes.length);
            own.set(java.lang.foreign.ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
            return own;
        }
        MemorySegment slice = buffer.asSlice(used, need);
        MemorySegment.copy(bytes, 0, slice, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes.length);
        slice.set(java.lang.foreign.ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        used += need;
        return slice;
    }

    MemorySegment callState() {
        return callState;
    }

    void recordErrno() {
        lastErrno = (int) FfmFunction.errnoOf(callState);
    }

    /** errno as the last errno-capturing call on this thread left it. */
    static int lastErrno() {
        return get().lastErrno;
    }
}
