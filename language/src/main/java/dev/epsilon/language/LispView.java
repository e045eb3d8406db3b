package dev.epsilon.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import dev.epsilon.language.runtime.Printer;

/** How Lisp shows host primitives (numbers, strings, characters): in readable Lisp syntax. */
@ExportLibrary(value = InteropLibrary.class, delegateTo = "delegate")
final class LispView implements TruffleObject {
    final Object delegate;

    private LispView(Object delegate) {
        this.delegate = delegate;
    }

    static Object of(Object value) {
        return new LispView(value);
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends com.oracle.truffle.api.TruffleLanguage<?>> getLanguage() {
        return EpsilonLanguage.class;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.prin1ToString(delegate);
    }
}
