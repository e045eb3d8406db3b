package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.StopIterationException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import java.util.List;

/** An interop iterator over a hash table's entries, each a two-element vector #(key value). */
@ExportLibrary(InteropLibrary.class)
final class InteropEntries implements TruffleObject {
    private final List<Object[]> entries;   // a snapshot: the table may change meanwhile
    private int next;

    InteropEntries(List<Object[]> entries) {
        this.entries = entries;
    }

    @ExportMessage
    boolean isIterator() { return true; }

    @ExportMessage
    boolean hasIteratorNextElement() { return next < entries.size(); }

    @ExportMessage
    @TruffleBoundary
    Object getIteratorNextElement() throws StopIterationException {
        if (next >= entries.size()) {
            throw StopIterationException.create();
        }
        Object[] e = entries.get(next++);
        return new SimpleVector(new Object[]{e[0], e[1]});
    }
}
