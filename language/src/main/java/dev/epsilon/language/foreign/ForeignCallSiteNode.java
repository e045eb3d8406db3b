package dev.epsilon.language.foreign;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.nodes.LispNode;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispThread;
import dev.epsilon.nfi.CType;
import dev.epsilon.nfi.ForeignCallNode;
import dev.epsilon.nfi.ForeignFunction;
import dev.epsilon.nfi.Signature;

/**
 * A {@code shared-call} whose function, library and types are constants at this site (also every
 * DEFSHARED function): resolved once, on first execution; afterwards the arguments are marshalled
 * by type with the loop unrolled, and the engine's call node makes the native call. This is the
 * seed's "compiler macro" and "inline" levels, reached by partial evaluation.
 */
public final class ForeignCallSiteNode extends LispNode {
    private final Object spec;
    private final Object returnType;
    private final Object argTypes;
    private final boolean checkErrno;
    @Children private final LispNode[] arguments;
    @CompilationFinal private ForeignFunction function;
    @CompilationFinal(dimensions = 1) private CType[] types;
    /** Per argument: whether it ever needed Marshal's slow path (see {@link ForeignCallProtocol#argument}). */
    @CompilationFinal(dimensions = 1) private boolean[] slowSeen;
    @Child private ForeignCallNode call;

    public ForeignCallSiteNode(Object spec, Object returnType, Object argTypes, boolean checkErrno, LispNode[] arguments) {
        this.spec = spec;
        this.returnType = returnType;
        this.argTypes = argTypes;
        this.checkErrno = checkErrno;
        this.arguments = arguments;
    }

    LispNode[] argumentNodes() {
        return arguments;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        if (function == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            resolve();
        }
        Object[] c = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            c[i] = marshalled(i, arguments[i].executePrimary(frame));
        }
        try {
            LispThread thread = EpsilonLanguage.thread(this);
            return ForeignCallProtocol.result(thread, function, ForeignCallProtocol.invoke(thread, function, call, c), checkErrno);
        } catch (LispError e) {
            CompilerDirectives.transferToInterpreter();
            throw Conditions.signalled(this, e.at(this));
        }
    }

    private Object marshalled(int i, Object value) {
        try {
            return ForeignCallProtocol.argument(function, types[i], i, value, slowSeen);
        } catch (LispError e) {
            CompilerDirectives.transferToInterpreter();
            throw Conditions.signalled(this, e.at(this));
        }
    }

    private void resolve() {
        try {
            ForeignFunction f = ForeignCalls.resolve(EpsilonLanguage.context(this), spec, returnType, argTypes, checkErrno);
            Signature sig = f.signature();
            ForeignCallProtocol.checkArity(f, arguments.length);
            CType[] t = new CType[sig.arity()];
            for (int i = 0; i < t.length; i++) {
                t[i] = sig.argType(i);
            }
            types = t;
            slowSeen = new boolean[t.length];
            call = insert(f.createCallNode());
            function = f;
        } catch (LispError e) {
            throw Conditions.signalled(this, e.at(this));
        }
    }
}
