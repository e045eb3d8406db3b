package dev.epsilon.nfi;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.Truffle;

/**
 * One allocation handed out by {@link NativeMemory}: its extent and whether it was freed. Pointers
 * into it keep a reference, so every access checks bounds and liveness without a table lookup.
 * A pooled allocation gets a new block each time it is handed out; the old block stays freed.
 */
public final class MemoryBlock {
    private final long address;
    private final long size;
    // Plain, not volatile: a volatile read on every access is an ordering barrier the compiler must
    // keep in the loop (MEM-AREF in a loop went from 3.7 to 1.3 ns without it). The thread that
    // frees always sees it; another thread racing a free is a bug the check may miss.
    private boolean freed;
    // Made on demand for a compiled access site that speculates on this one block: while it holds,
    // the site needs no liveness load at all. Freeing invalidates it.
    private Assumption live;
    // What owns the memory of a view (a pinned Lisp array): reachable as long as a pointer into the
    // view is, so the memory is not reclaimed under it.
    private final Object owner;

    MemoryBlock(long address, long size) {
        this(address, size, null);
    }

    private MemoryBlock(long address, long size, Object owner) {
        this.address = address;
        this.size = size;
        this.owner = owner;
    }

    /** What holds the memory of a view (a pinned array, a callback stub), or null. */
    public Object owner() {
        return owner;
    }

    /** A block over memory {@code owner} holds (a pinned Lisp array): bounds are checked, never freed here. */
    public static MemoryBlock view(long address, long size, Object owner) {
        return new MemoryBlock(address, size, owner);
    }

    public long address() { return address; }

    public long size() { return size; }

    public boolean isFreed() { return freed; }

    synchronized void markFreed() {
        freed = true;
        if (live != null) {
            live.invalidate("freed");
        }
    }

    /** Valid until this block is freed (already invalid if it is). */
    public synchronized Assumption liveAssumption() {
        if (live == null) {
            live = Truffle.getRuntime().createAssumption("memory block live");
            if (freed) {
                live.invalidate();
            }
        }
        return live;
    }

    /** Throws unless [at, at + length) lies inside this live block. */
    public void check(long at, long length) {
        if (freed) {
            CompilerDirectives.transferToInterpreter();
            throw new ForeignException(ForeignException.Reason.USE_AFTER_FREE,
                    "use after free: address 0x" + Long.toHexString(at) + " in a block of " + size + " bytes that was freed");
        }
        if (at < address || at + length > address + size) {
            CompilerDirectives.transferToInterpreter();
            throw new ForeignException(ForeignException.Reason.OUT_OF_BOUNDS,
                    "access of " + length + " bytes at offset " + (at - address) + " is outside the allocation of "
                            + size + " bytes at 0x" + Long.toHexString(address));
        }
    }
}
