package dev.epsilon.nfi;

/**
 * Where a process's memory can be at all. Linux maps nothing below mmap_min_addr (64 KiB by
 * default) and, unless a program asks for more, nothing above the 47-bit (x86-64) or 48-bit
 * (AArch64) user address space. An address outside that faults for certain, so a raw pointer there
 * is refused before an access instead of taking the process down. An address inside may still be
 * unmapped: that fault cannot be foreseen here.
 */
public final class UserAddresses {
    private UserAddresses() {
    }

    static final long LOWEST = 0x10000L;
    static final long LIMIT = "aarch64".equals(System.getProperty("os.arch")) ? 1L << 48 : 1L << 47;

    /** Whether [at, at + size) could be mapped memory. */
    public static boolean possible(long at, long size) {
        return at >= LOWEST && at <= LIMIT - size;
    }

    /** Throws unless [at, at + size) could be mapped memory. */
    public static void check(long at, long size, String what) {
        if (!possible(at, size)) {
            throw new ForeignException(ForeignException.Reason.BAD_ADDRESS, what + ": memory fault: address 0x"
                    + Long.toHexString(at) + " cannot be mapped memory (a wild or freed pointer?)");
        }
    }
}
