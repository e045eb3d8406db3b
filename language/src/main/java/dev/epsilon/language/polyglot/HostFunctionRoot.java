package dev.epsilon.language.polyglot;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.nodes.RootNode;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.runtime.InteropArguments;
import dev.epsilon.language.runtime.InteropBignum;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.Printer;

/**
 * The body of a Lisp function that stands for an executable of another language or the host (a
 * Java lambda, a ProxyExecutable, a JavaScript function): FUNCALL and APPLY reach it through
 * {@link #wrap}. Lisp values go out as interop values, the result comes back as a Lisp value, and a
 * failure on the other side is a POLYGLOT-ERROR.
 */
public final class HostFunctionRoot extends RootNode {
    @Child private InteropLibrary interop = InteropLibrary.getFactory().createDispatched(3);

    public HostFunctionRoot(EpsilonLanguage language) {
        super(language);
    }

    /** A Lisp function calling {@code executable}. */
    public static LispFunction wrap(Object executable) {
        RootCallTarget target = EpsilonLanguage.get(null).hostFunctionTarget();
        return new LispFunction(target, "polyglot function", new Object[]{executable});
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] all = frame.getArguments();
        Object executable = ((LispFunction) all[0]).closure()[0];
        Object[] out = new Object[all.length - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = InteropBignum.export(all[i + 1]);
        }
        try {
            return InteropArguments.fromForeign(interop.execute(executable, out));
        } catch (UnsupportedMessageException | ArityException | UnsupportedTypeException e) {
            throw failed(executable, e.getMessage());
        } catch (LispError e) {
            if (!e.isSignalled()) {
                CompilerDirectives.transferToInterpreter();
                Conditions.signalled(this, e);
            }
            throw e;
        } catch (AbstractTruffleException e) {
            // An exception of the other language (a Java exception thrown in a host lambda).
            throw failed(executable, e.getMessage());
        }
    }

    /** A POLYGLOT-ERROR, signalled here, where the handlers of the Lisp code that made the call are in force. */
    private LispError failed(Object executable, String why) {
        CompilerDirectives.transferToInterpreter();
        return Conditions.signalled(this, LispError.error("POLYGLOT-ERROR", "calling " + Printer.prin1ToString(executable) + ": " + why));
    }

    @Override
    public String getName() {
        return "polyglot function";
    }
}
