package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** A cons cell. Lists end in {@link Lisp#NIL}. */
@ExportLibrary(InteropLibrary.class)
public final class Cons implements TruffleObject {
    public Object car;
    public Object cdr;

    public Cons(Object car, Object cdr) {
        this.car = car;
        this.cdr = cdr;
    }

    @Override
    @TruffleBoundary
    public String toString() {
        return Printer.prin1ToString(this);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.prin1ToString(this);
    }

    // A proper list is an array to other languages: (1 2 3) reads as [1, 2, 3].
    @ExportMessage
    @TruffleBoundary
    boolean hasArrayElements() {
        // A proper list: it ends in NIL (a circular list, where the fast pointer meets the slow one, does not).
        Object slow = this;
        Object fast = this;
        while (fast instanceof Cons f && f.cdr instanceof Cons f2) {
            fast = f2.cdr;
            slow = ((Cons) slow).cdr;
            if (fast == slow) {
                return false;
            }
        }
        return fast == Lisp.NIL || (fast instanceof Cons last && last.cdr == Lisp.NIL);
    }

    @ExportMessage
    @TruffleBoundary
    long getArraySize() throws UnsupportedMessageException {
        if (!hasArrayElements()) {
            throw UnsupportedMessageException.create();
        }
        return Sequences.length(this);
    }

    @ExportMessage
    @TruffleBoundary
    boolean isArrayElementReadable(long index) {
        return hasArrayElements() && index >= 0 && index < Sequences.length(this);
    }

    @ExportMessage
    @TruffleBoundary
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (!isArrayElementReadable(index)) {
            throw InvalidArrayIndexException.create(index);
        }
        return InteropBignum.export(Sequences.elt(this, (int) index));
    }
}
