package dev.epsilon.nfi;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Native memory from malloc, tracked: a registry of live blocks (address -> block) catches double
 * frees and frees of memory this allocator did not hand out; pools keep freed blocks by size class
 * for reuse; {@link #leaks()} reports what was never freed. Reads and writes go through one segment
 * that spans the address space, so compiled accesses are plain loads and stores.
 */
public final class NativeMemory {
    /** All of memory, for absolute-address loads and stores. */
    public static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private static final MethodHandle MALLOC;
    private static final MethodHandle CALLOC;
    private static final MethodHandle FREE;

    static {
        prepareAccessHandles();
        Linker linker = Linker.nativeLinker();
        MALLOC = linker.downcallHandle(linker.defaultLookup().find("malloc").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        CALLOC = linker.downcallHandle(linker.defaultLookup().find("calloc").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
        FREE = linker.downcallHandle(linker.defaultLookup().find("free").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
    }

    /**
     * Makes the var handles of the scalar layouts now. A layout makes its handle on first use and
     * keeps it in a @Stable field; a compiler folds that field only once it is set, and otherwise
     * inlines the JDK's handle construction into the access until compilation gives up ("Too deep
     * inlining"): that happened to AREF on a (signed-byte 32) array, whose other element cases had
     * never run. Idempotent; callers that access memory through their own segments call it too.
     */
    public static void prepareAccessHandles() {
        for (ValueLayout l : new ValueLayout[] {ValueLayout.JAVA_BYTE, ValueLayout.JAVA_BOOLEAN,
                ValueLayout.JAVA_SHORT_UNALIGNED, ValueLayout.JAVA_CHAR_UNALIGNED, ValueLayout.JAVA_INT_UNALIGNED,
                ValueLayout.JAVA_LONG_UNALIGNED, ValueLayout.JAVA_FLOAT_UNALIGNED, ValueLayout.JAVA_DOUBLE_UNALIGNED,
                ValueLayout.JAVA_SHORT, ValueLayout.JAVA_CHAR, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_FLOAT, ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, ValueLayout.ADDRESS_UNALIGNED}) {
            l.varHandle();
        }
    }

    private final Map<Long, MemoryBlock> live = new ConcurrentHashMap<>();
    private final Map<Long, Pool> pools = new ConcurrentHashMap<>();   // by size class

    /** The blocks of one size class: the free ones, and counts of those handed out and reused. */
    private static final class Pool {
        final ArrayDeque<Long> free = new ArrayDeque<>();   // guarded by itself
        final java.util.concurrent.atomic.AtomicLong acquired = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong reused = new java.util.concurrent.atomic.AtomicLong();
    }

    /** The power of two, at least 32 bytes, that pooled blocks of {@code size} bytes come in. */
    private static long sizeClass(long size) {
        return Long.highestOneBit(Math.max(16, size - 1)) << 1;
    }

    /** A zeroed block of {@code size} bytes. */
    @TruffleBoundary
    public MemoryBlock allocate(long size) {
        if (size < 0) {
            throw new ForeignException(ForeignException.Reason.BAD_ARGUMENT, "cannot allocate " + size + " bytes");
        }
        long address;
        try {
            address = ((MemorySegment) CALLOC.invokeExact(1L, Math.max(1L, size))).address();
        } catch (Throwable t) {
            throw new ForeignException(ForeignException.Reason.CALL_FAILED, "calloc failed: " + t);
        }
        if (address == 0) {
            throw new ForeignException(ForeignException.Reason.CALL_FAILED, "out of native memory allocating " + size + " bytes");
        }
        MemoryBlock b = new MemoryBlock(address, size);
        live.put(address, b);
        return b;
    }

    /** Frees the block at {@code address}: an error if it was never allocated here or already freed. */
    @TruffleBoundary
    public void free(long address) {
        MemoryBlock b = live.remove(address);
        if (b == null) {
            throw new ForeignException(ForeignException.Reason.DOUBLE_FREE, address == 0
                    ? "free of a NULL pointer"
                    : "double free, or free of memory not from foreign-alloc: 0x" + Long.toHexString(address));
        }
        b.markFreed();
        MappedPages.mayHaveChanged();   // free may unmap pages a raw pointer still points into
        freeAddress(address);
    }

    /** The live block starting at {@code address}, or null. */
    public MemoryBlock block(long address) {
        return live.get(address);
    }

    /** A block from the pool of its size class (a power of two), zeroed. */
    @TruffleBoundary
    public MemoryBlock acquirePooled(long size) {
        long sizeClass = sizeClass(size);
        Pool pool = pools.computeIfAbsent(sizeClass, k -> new Pool());
        Long address;
        synchronized (pool.free) {
            address = pool.free.poll();
        }
        pool.acquired.incrementAndGet();
        if (address == null) {
            MemoryBlock fresh = allocate(sizeClass);
            live.remove(fresh.address());
            address = fresh.address();
        } else {
            pool.reused.incrementAndGet();
            ALL.asSlice(address, sizeClass).fill((byte) 0);
        }
        MemoryBlock b = new MemoryBlock(address, size);
        live.put(address, b);
        return b;
    }

    /** Returns a pooled block for reuse; pointers into it now fail their checks. */
    @TruffleBoundary
    public void releasePooled(MemoryBlock b) {
        if (live.remove(b.address()) != b) {
            throw new ForeignException(ForeignException.Reason.DOUBLE_FREE, "pooled block released twice");
        }
        b.markFreed();
        Pool pool = pools.get(sizeClass(b.size()));
        synchronized (pool.free) {
            pool.free.push(b.address());
        }
    }

    /**
     * Frees every block still allocated and every pooled one: the owner (a closed context) is gone,
     * and pointers into the blocks now fail their checks.
     */
    @TruffleBoundary
    public void freeAll() {
        for (Long address : new java.util.ArrayList<>(live.keySet())) {
            MemoryBlock b = live.remove(address);
            if (b != null) {
                b.markFreed();
                freeAddress(address);
            }
        }
        for (Pool pool : pools.values()) {
            synchronized (pool.free) {
                for (Long address; (address = pool.free.poll()) != null; ) {
                    freeAddress(address);
                }
            }
        }
        MappedPages.mayHaveChanged();
    }

    private static void freeAddress(long address) {
        try {
            FREE.invokeExact(MemorySegment.ofAddress(address));
        } catch (Throwable t) {
            throw new ForeignException(ForeignException.Reason.CALL_FAILED, "free failed: " + t);
        }
    }

    /**
     * The pools by size class, smallest first: {size class, blocks handed out, of those reused,
     * blocks waiting in the pool now}.
     */
    public java.util.List<long[]> poolStatistics() {
        java.util.List<long[]> out = new java.util.ArrayList<>();
        for (Map.Entry<Long, Pool> e : new java.util.TreeMap<>(pools).entrySet()) {
            Pool pool = e.getValue();
            int waiting;
            synchronized (pool.free) {
                waiting = pool.free.size();
            }
            out.add(new long[]{e.getKey(), pool.acquired.get(), pool.reused.get(), waiting});
        }
        return out;
    }

    /** Blocks allocated and not freed: (address, size) pairs. */
    public Map<Long, Long> leaks() {
        Map<Long, Long> out = new java.util.TreeMap<>();
        live.forEach((a, b) -> out.put(a, b.size()));
        return out;
    }

    static long malloc(long size) {
        try {
            return ((MemorySegment) MALLOC.invokeExact(size)).address();
        } catch (Throwable t) {
            throw new ForeignException(ForeignException.Reason.CALL_FAILED, "malloc failed: " + t);
        }
    }
}
