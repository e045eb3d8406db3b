package dev.epsilon.language.polyglot;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.runtime.InteropArguments;
import dev.epsilon.language.runtime.InteropBignum;
import dev.epsilon.language.runtime.InteropNames;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.LispPackage;
import dev.epsilon.language.runtime.SimpleVector;
import dev.epsilon.language.runtime.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * The top level as other languages see it ({@code context.getBindings("epsilon")}): the global
 * functions and variables of COMMON-LISP-USER's symbols. A member is the symbol's global function
 * if it has one, else its global value. Writing a member gives a function (a Lisp function or any
 * executable) to the symbol's function cell, anything else to its global value.
 */
@ExportLibrary(InteropLibrary.class)
public final class GlobalScope implements TruffleObject {
    private final EpsilonContext cx;

    public GlobalScope(EpsilonContext cx) {
        this.cx = cx;
    }

    private LispPackage home() {
        return cx.userPackage();
    }

    /** The symbol {@code member} names in COMMON-LISP-USER (inherited ones included), or null. */
    @TruffleBoundary
    private Symbol find(String member) {
        for (String name : InteropNames.symbolNames(member)) {
            Symbol s = home().find(name);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static boolean defined(Symbol s) {
        return s != null && (s.function() != null || s.isBound());
    }

    @ExportMessage
    boolean hasLanguage() { return true; }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() { return EpsilonLanguage.class; }

    @ExportMessage
    boolean isScope() { return true; }

    @ExportMessage
    boolean hasMembers() { return true; }

    /** The symbols present in COMMON-LISP-USER with a function or a value (not the whole of CL). */
    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        List<Object> names = new ArrayList<>();
        for (Symbol s : home().symbols(false)) {
            if (s.home() == home() && defined(s)) {
                names.add(InteropNames.memberName(s));
            }
        }
        return new SimpleVector(names.toArray());
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) { return defined(find(member)); }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Symbol s = find(member);
        if (!defined(s)) {
            throw UnknownIdentifierException.create(member);
        }
        return s.function() != null ? s.function() : InteropBignum.export(s.value());
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberModifiable(String member) {
        Symbol s = find(member);
        return defined(s) && writable(s);
    }

    /** Constants and the standard's own names cannot be replaced from outside. */
    private boolean writable(Symbol s) {
        return !s.isConstant() && s.home() != cx.clPackage();
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberInsertable(String member) { return !defined(find(member)); }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object value) throws UnknownIdentifierException {
        Symbol s = find(member);
        if (s == null) {
            String[] names = InteropNames.symbolNames(member);
            s = home().intern(names[names.length - 1]);   // a new name as the reader would spell it
        }
        if (!writable(s)) {
            throw UnknownIdentifierException.create(member);
        }
        Object v = InteropArguments.fromForeign(value);
        if (v instanceof LispFunction f) {
            s.setFunction(f);
        } else if (InteropLibrary.getUncached().isExecutable(v)) {
            s.setFunction(HostFunctionRoot.wrap(v));
        } else {
            s.setValue(v);
        }
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "#<the top level of COMMON-LISP-USER>";
    }
}
