package dev.epsilon.language.foreign;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.nodes.Node;
import dev.epsilon.language.runtime.ForeignPointer;
import dev.epsilon.nfi.MappedPages;
import dev.epsilon.nfi.MemoryBlock;

/**
 * The checked address of an access at one site. A site that keeps seeing pointers into one
 * allocation (a loop over an array, a struct read again and again) speculates on that block: its
 * extent becomes a compilation constant and its liveness an assumption that freeing invalidates, so
 * a compiled access is a bounds compare against constants and the load. A second block at the site
 * turns the speculation off and every access takes the full check.
 */
public final class CheckedAddressNode extends Node {
    private final String where;
    private final boolean write;
    @CompilationFinal private MemoryBlock cachedBlock;
    @CompilationFinal private Assumption cachedLive;
    @CompilationFinal private boolean generic;
    // The pointer's own address too, while it stays the same: the address becomes a constant and
    // the bounds check one range test on the offset, which the compiler drops when the offset's
    // range is known (an index masked with LOGAND, a constant).
    @CompilationFinal private long cachedAddress;
    @CompilationFinal private boolean addressStable;
    // A site that keeps seeing one raw pointer (an address C handed out, no block to check):
    // its address becomes a constant too, the user-address-space check a range test on the offset,
    // and the mapping check a look in the page cache (a probe when the cache does not know).
    @CompilationFinal private boolean rawStable;
    @CompilationFinal private long rawAddress;
    // The pages this raw site last found mapped, and the generation of the memory map that holds
    // for: one object, so threads never see one range with another's generation. A loop over a C
    // array compares against it (loads the compiler hoists) instead of looking in the page cache.
    private KnownPages knownPages = KnownPages.NONE;

    private record KnownPages(long first, long last, long generation) {
        static final KnownPages NONE = new KnownPages(1, 0, -1);
    }

    /** @param write whether the access stores (a raw address must then be writable) */
    public CheckedAddressNode(String where, boolean write) {
        this.where = where;
        this.write = write;
    }

    /** The address {@code offset} bytes past {@code pointer}, after checking {@code size} bytes there are accessible. */
    public long execute(Object pointer, long offset, long size) {
        MemoryBlock cached = cachedBlock;
        if (cached != null && pointer instanceof ForeignPointer p && p.block() == cached) {
            if (addressStable) {
                if (p.address() == cachedAddress) {
                    long low = cached.address() - cachedAddress;
                    long high = cached.address() + cached.size() - cachedAddress - size;
                    if (cachedLive.isValid() && offset >= low && offset <= high) {
                        return cachedAddress + offset;
                    }
                    return ForeignMemoryAccess.checked(pointer, offset, size, write, where);
                }
                CompilerDirectives.transferToInterpreterAndInvalidate();
                addressStable = false;
            }
            long at = p.address() + offset;
            if (cachedLive.isValid() && at >= cached.address() && at + size <= cached.address() + cached.size()) {
                return at;
            }
            return ForeignMemoryAccess.checked(pointer, offset, size, write, where);   // reports what is wrong
        }
        if (rawStable) {
            if (pointer instanceof ForeignPointer p && p.block() == null && p.address() == rawAddress) {
                long at = rawAddress + offset;
                KnownPages k = knownPages;
                if (dev.epsilon.nfi.UserAddresses.possible(at, size) && (at >>> MappedPages.PAGE_SHIFT) >= k.first
                        && ((at + size - 1) >>> MappedPages.PAGE_SHIFT) <= k.last && k.generation == MappedPages.generation()) {
                    return at;
                }
                return checkedRaw(pointer, offset, size, at);
            }
            CompilerDirectives.transferToInterpreterAndInvalidate();
            rawStable = false;
            generic = true;
        }
        if (!generic) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            specialize(pointer);
        }
        return ForeignMemoryAccess.checked(pointer, offset, size, write, where);
    }

    /** The full check of a raw access; on success its pages extend (or replace) the site's known range. */
    private long checkedRaw(Object pointer, long offset, long size, long at) {
        long generation = MappedPages.generation();   // before the check: a change during it makes the range stale
        long result = ForeignMemoryAccess.checked(pointer, offset, size, write, where);
        long first = at >>> MappedPages.PAGE_SHIFT;
        long last = (at + size - 1) >>> MappedPages.PAGE_SHIFT;
        KnownPages k = knownPages;
        if (k.generation == generation && first <= k.last + 1 && last >= k.first - 1) {
            knownPages = new KnownPages(Math.min(first, k.first), Math.max(last, k.last), generation);
        } else {
            knownPages = new KnownPages(first, last, generation);
        }
        return result;
    }

    // Another thread may run this site meanwhile: the block is published last, and a reader that
    // saw a block always finds the assumption it needs (cachedLive is never cleared).
    private void specialize(Object pointer) {
        if (cachedBlock == null && pointer instanceof ForeignPointer p && p.block() != null && !p.block().isFreed()) {
            cachedLive = p.block().liveAssumption();
            cachedAddress = p.address();
            addressStable = true;
            cachedBlock = p.block();
        } else if (cachedBlock == null && pointer instanceof ForeignPointer p && p.block() == null && !p.isNull()) {
            rawAddress = p.address();
            rawStable = true;
        } else {
            generic = true;
            cachedBlock = null;
        }
    }
}
