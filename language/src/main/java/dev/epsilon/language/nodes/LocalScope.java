package dev.epsilon.language.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.runtime.Cell;
import dev.epsilon.language.runtime.InteropBignum;
import dev.epsilon.language.runtime.SimpleVector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lexical variables of a function's frame as a debugger sees them: each named slot that holds
 * a value, by its symbol's name (a later slot of the same name, an inner binding, wins). Variables
 * of an enclosing function that a closure captured are not listed.
 */
@ExportLibrary(InteropLibrary.class)
final class LocalScope implements TruffleObject {
    private final Map<String, Object> values = new LinkedHashMap<>();

    @TruffleBoundary
    LocalScope(MaterializedFrame frame) {
        FrameDescriptor d = frame.getFrameDescriptor();
        for (int i = d.getNumberOfSlots() - 1; i >= 0; i--) {
            if (d.getSlotName(i) instanceof String name && !values.containsKey(name)) {
                Object v = frame.getValue(i);
                if (v instanceof Cell c) {
                    v = c.value;
                }
                if (v != null) {
                    values.put(name, v);
                }
            }
        }
    }

    @ExportMessage
    boolean hasLanguage() { return true; }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() { return EpsilonLanguage.class; }

    @ExportMessage
    boolean isScope() { return true; }

    @ExportMessage
    boolean hasMembers() { return true; }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new SimpleVector(values.keySet().toArray());
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) { return values.containsKey(member); }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        if (!values.containsKey(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return InteropBignum.export(values.get(member));
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "local variables";
    }
}
