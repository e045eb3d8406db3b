package dev.epsilon.language.foreign;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.runtime.ForeignPointer;
import dev.epsilon.nfi.MappedPages;
import dev.epsilon.nfi.MemoryBlock;
import dev.epsilon.nfi.UserAddresses;

/**
 * The checked address of an access at one site. A site that keeps seeing pointers into one
 * allocation (a loop over an array, a struct read again and again) speculates on that block: its
 * extent becomes a compilation constant and its liveness an assumption that freeing invalidates, so
 * a compiled access is a bounds compare against constants and the load. While the pointer's own
 * address stays the same too, that is a constant as well, and the bounds check one range test on the
 * offset, which the compiler drops when the offset's range is known (an index masked with LOGAND, a
 * constant). A site that keeps seeing one raw pointer (an address C handed out, no block to check)
 * makes its address a constant, and the mapping check a compare with the pages it last found mapped.
 * A second block or raw address at the site turns the speculation off: every access then takes the
 * full check.
 */
public abstract class CheckedAddressNode extends Node {
    final String where;
    final boolean write;

    /** @param write whether the access stores (a raw address must then be writable) */
    CheckedAddressNode(String where, boolean write) {
        this.where = where;
        this.write = write;
    }

    public static CheckedAddressNode create(String where, boolean write) {
        return CheckedAddressNodeGen.create(where, write);
    }

    /** The address {@code offset} bytes past {@code pointer}, after checking {@code size} bytes there are accessible. */
    public abstract long execute(Object pointer, long offset, long size);

    @Specialization(guards = {"p.block() != null", "p.block() == block", "p.address() == address"}, assumptions = "live", limit = "1")
    long blockAndAddress(ForeignPointer p, long offset, long size,
                         @Cached("p.block()") MemoryBlock block,
                         @Cached("p.address()") long address,
                         @Cached("block.liveAssumption()") Assumption live) {
        if (offset >= block.address() - address && offset <= block.address() + block.size() - address - size) {
            return address + offset;
        }
        return ForeignMemoryAccess.checked(p, offset, size, write, where);   // reports what is wrong
    }

    @Specialization(guards = {"p.block() != null", "p.block() == block"}, assumptions = "live", limit = "1", replaces = "blockAndAddress")
    long block(ForeignPointer p, long offset, long size,
               @Cached("p.block()") MemoryBlock block,
               @Cached("block.liveAssumption()") Assumption live) {
        long at = p.address() + offset;
        if (at >= block.address() && at + size <= block.address() + block.size()) {
            return at;
        }
        return ForeignMemoryAccess.checked(p, offset, size, write, where);
    }

    // Any raw address, not one cached: a callback's pointer arguments (qsort's elements) differ on
    // every call, and a site keyed to one address went generic at the second, a full check per read.
    @Specialization(guards = {"p.block() == null", "!p.isNull()"})
    long rawAddress(ForeignPointer p, long offset, long size,
                    @Cached("new()") KnownPages known) {
        long at = p.address() + offset;
        // The pages a site knows are shared by the contexts of an engine; native access is not.
        if (UserAddresses.possible(at, size) && known.cover(at, size) && EpsilonLanguage.context(this).nativeAccessAllowed()) {
            return at;
        }
        return known.check(p, offset, size, at, write, where);
    }

    @Specialization(replaces = {"blockAndAddress", "block", "rawAddress"})
    long generic(Object pointer, long offset, long size) {
        return ForeignMemoryAccess.checked(pointer, offset, size, write, where);
    }

    /**
     * The pages a raw site last found mapped, and the generation of the memory map that holds for:
     * one immutable range at a time, so threads never see one range with another's generation. A
     * loop over a C array compares against it (loads the compiler hoists) instead of looking in the
     * page cache.
     */
    static final class KnownPages {
        private record Range(long first, long last, long generation) {
        }

        private Range range = new Range(1, 0, -1);

        boolean cover(long at, long size) {
            Range r = range;
            return (at >>> MappedPages.PAGE_SHIFT) >= r.first && ((at + size - 1) >>> MappedPages.PAGE_SHIFT) <= r.last
                    && r.generation == MappedPages.generation();
        }

        /** The full check of a raw access; on success its pages extend (or replace) the known range. */
        long check(Object pointer, long offset, long size, long at, boolean write, String where) {
            long generation = MappedPages.generation();   // before the check: a change during it makes the range stale
            long result = ForeignMemoryAccess.checked(pointer, offset, size, write, where);
            long first = at >>> MappedPages.PAGE_SHIFT;
            long last = (at + size - 1) >>> MappedPages.PAGE_SHIFT;
            Range r = range;
            range = r.generation == generation && first <= r.last + 1 && last >= r.first - 1
                    ? new Range(Math.min(first, r.first), Math.max(last, r.last), generation)
                    : new Range(first, last, generation);
            return result;
        }
    }
}
