package dev.epsilon.nfi;

/** errno as captured by the linker immediately after the last errno-capturing call on this thread. */
public final class Errno {
    private Errno() {
    }

    public static int last() {
        return Scratch.lastErrno();
    }
}
