package dev.epsilon.nfi;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Whether a raw address is mapped, readable or writable, asked of the kernel before Lisp touches it,
 * so that a wild pointer inside the user address space (memory C freed and unmapped, a guard page,
 * a read-only string written to) is a condition instead of a SIGSEGV that ends the JVM.
 *
 * <p>The question is {@code process_vm_readv} on this very process: it copies through the kernel's
 * page-table checks and answers EFAULT where a load would fault. A write is checked by copying the
 * bytes about to be written out and back in with {@code process_vm_writev} (the store that follows
 * overwrites them anyway). Each probe costs a system call (about 1.5 µs here), so answers are kept
 * per 4 KiB page in a small direct-mapped cache, valid for one <em>generation</em> of the process's
 * memory map. Native code is the only thing that unmaps memory a raw pointer can reach, so the
 * generation advances after every foreign call and every free ({@link #mayHaveChanged}). Not when C
 * calls back into Lisp: a comparator that qsort calls reads through the pointers it is given, and
 * probing their pages afresh on every call made qsort of 10^5 ints 80 times slower; pages C unmaps
 * before calling back are left to the check after the foreign call returns.
 *
 * <p>The memory map is the process's, shared by every context and thread, so the generation and the
 * cache are process-wide (the one mutable static of the foreign layer, on purpose). Writes to them
 * are plain: a lost update still changes the generation, and a thread may see another's change late
 * — the same window as C unmapping a page on another thread between the check and the access,
 * which no check before an access can close. Where the kernel refuses the system call (a seccomp
 * filter), probing is off and only the address-space bounds of {@link UserAddresses} are checked.
 */
public final class MappedPages {
    private MappedPages() {
    }

    public static final int PAGE_SHIFT = 12;
    private static final int SLOTS = 256;

    /** One probed page: its number, what it allows, and the generation the answer holds for. */
    private record Entry(long page, boolean writable, long generation) {
    }

    private static final Entry[] CACHE = new Entry[SLOTS];
    private static long generation;

    /** Native code ran or memory was freed: earlier answers may be stale. */
    public static void mayHaveChanged() {
        generation++;
    }

    /** The current generation of the memory map: answers about pages hold only within one. */
    public static long generation() {
        return generation;
    }

    /** Whether [at, at + size) is known mapped (and writable, with {@code write}) without a system call. */
    public static boolean known(long at, long size, boolean write) {
        long first = at >>> PAGE_SHIFT;
        long last = (at + size - 1) >>> PAGE_SHIFT;
        return knownPage(first, write) && (first == last || knownPage(last, write));
    }

    private static boolean knownPage(long page, boolean write) {
        Entry e = CACHE[(int) page & (SLOTS - 1)];
        return e != null && e.page == page && e.generation == generation && (e.writable || !write);
    }

    /**
     * Whether [at, at + size) can be read (or written, with {@code write}) without a fault, asking
     * the kernel for each page not known. True when probing is unavailable.
     */
    @TruffleBoundary
    public static boolean accessible(long at, long size, boolean write) {
        if (!Probe.AVAILABLE) {
            return true;
        }
        long first = at >>> PAGE_SHIFT;
        long last = (at + size - 1) >>> PAGE_SHIFT;
        for (long page = first; page <= last; page++) {
            if (knownPage(page, write)) {
                continue;
            }
            long seen = generation;   // read before the probe: a change during it makes the answer stale
            long start = Math.max(at, page << PAGE_SHIFT);
            long end = Math.min(at + size, (page + 1) << PAGE_SHIFT);
            if (!Probe.readable(start)) {
                return false;
            }
            if (write && !Probe.writable(start, end - start)) {
                return false;
            }
            CACHE[(int) page & (SLOTS - 1)] = new Entry(page, write, seen);
        }
        return true;
    }

    /** The system calls, bound on first use. */
    private static final class Probe {
        private static final MethodHandle READV;
        private static final MethodHandle WRITEV;
        private static final int PID;
        static final boolean AVAILABLE;

        static {
            Linker linker = Linker.nativeLinker();
            FunctionDescriptor iov = FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
            READV = linker.downcallHandle(linker.defaultLookup().find("process_vm_readv").orElseThrow(), iov);
            WRITEV = linker.downcallHandle(linker.defaultLookup().find("process_vm_writev").orElseThrow(), iov);
            PID = (int) ProcessHandle.current().pid();
            boolean works;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment own = arena.allocate(8);
                works = copy(READV, own.address(), arena.allocate(8).address(), 1) == 1;
            }
            AVAILABLE = works;
        }

        static boolean readable(long at) {
            try (Arena arena = Arena.ofConfined()) {
                return copy(READV, at, arena.allocate(1).address(), 1) == 1;
            }
        }

        /** Copies the n bytes at {@code at} out and back in: the kernel refuses the second where a store would fault. */
        static boolean writable(long at, long n) {
            try (Arena arena = Arena.ofConfined()) {
                long buffer = arena.allocate(n).address();
                return copy(READV, at, buffer, n) == n && copy(WRITEV, at, buffer, n) == n;
            }
        }

        /** One process_vm_readv/writev of n bytes between {@code remote} (in this process) and {@code local}. */
        private static long copy(MethodHandle call, long remote, long local, long n) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment localIov = arena.allocate(16);
                MemorySegment remoteIov = arena.allocate(16);
                localIov.set(ValueLayout.JAVA_LONG, 0, local);
                localIov.set(ValueLayout.JAVA_LONG, 8, n);
                remoteIov.set(ValueLayout.JAVA_LONG, 0, remote);
                remoteIov.set(ValueLayout.JAVA_LONG, 8, n);
                return (long) call.invokeExact(PID, localIov, 1L, remoteIov, 1L, 0L);
            } catch (Throwable t) {
                CompilerDirectives.transferToInterpreter();
                return -1;
            }
        }
    }
}
