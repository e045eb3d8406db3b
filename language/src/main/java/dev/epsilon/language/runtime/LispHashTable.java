package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownKeyException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hash table with one of the standard tests (EQ, EQL, EQUAL, EQUALP); iterates in insertion order.
 * Other languages and the host see its entries (interop hash messages), keys as Lisp compares them.
 */
@ExportLibrary(InteropLibrary.class)
public final class LispHashTable implements TruffleObject {
    public enum Test { EQ, EQL, EQUAL, EQUALP }

    private final Test test;
    private final Map<Object, Object[]> map = new LinkedHashMap<>();   // key wrapper -> {key, value}

    private int requestedSize = 16;
    private Object rehashSize = 1.5f;
    private Object rehashThreshold = 1.0f;

    public LispHashTable(Test test) {
        this.test = test;
    }

    /** MAKE-HASH-TABLE's :SIZE, :REHASH-SIZE and :REHASH-THRESHOLD, as HASH-TABLE-SIZE and friends report them. */
    public void setSizing(int size, Object rehash, Object threshold) {
        this.requestedSize = size;
        this.rehashSize = rehash;
        this.rehashThreshold = threshold;
    }

    public int sizeLimit() { return Math.max(requestedSize, map.size()); }

    public Object rehashSize() { return rehashSize; }

    public Object rehashThreshold() { return rehashThreshold; }

    public Test test() { return test; }

    /** Wraps a key so Java's equals and hashCode follow the table's test. */
    private Object wrap(Object key) {
        return switch (test) {
            case EQ, EQL -> key instanceof Long || key instanceof Double || key instanceof Float
                    || key instanceof Character || key instanceof WideCharacter || key instanceof java.math.BigInteger ? key : new Identity(key);
            case EQUAL -> new Structural(key, false);
            case EQUALP -> new Structural(key, true);
        };
    }

    @TruffleBoundary
    public Object get(Object key) {
        Object[] e = map.get(wrap(key));
        return e == null ? null : e[1];
    }

    @TruffleBoundary
    public void put(Object key, Object value) {
        map.put(wrap(key), new Object[]{key, value});
    }

    @TruffleBoundary
    public boolean remove(Object key) {
        return map.remove(wrap(key)) != null;
    }

    public int size() { return map.size(); }

    @TruffleBoundary
    public void clear() { map.clear(); }

    /** A snapshot of {key, value} pairs, so the table may change during MAPHASH. */
    @TruffleBoundary
    public List<Object[]> entries() {
        return new ArrayList<>(map.values());
    }

    private record Identity(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    private record Structural(Object o, boolean equalp) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Structural s && (equalp ? Equality.equalp(o, s.o) : Equality.equal(o, s.o));
        }

        @Override
        public int hashCode() {
            return Equality.hash(o, equalp);
        }
    }

    @ExportMessage
    boolean hasHashEntries() { return true; }

    @ExportMessage
    long getHashSize() { return size(); }

    @ExportMessage
    @TruffleBoundary
    boolean isHashEntryReadable(Object key) { return get(InteropArguments.fromForeign(key)) != null; }

    @ExportMessage
    @TruffleBoundary
    Object readHashValue(Object key) throws UnknownKeyException {
        Object v = get(InteropArguments.fromForeign(key));
        if (v == null) {
            throw UnknownKeyException.create(key);
        }
        return InteropBignum.export(v);
    }

    @ExportMessage
    @TruffleBoundary
    Object getHashEntriesIterator() { return new InteropEntries(entries()); }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) { return toString(); }

    @Override
    public String toString() {
        return "#<HASH-TABLE :TEST " + test + " :COUNT " + map.size() + ">";
    }
}
