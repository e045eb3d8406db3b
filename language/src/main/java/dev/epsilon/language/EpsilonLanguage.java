package dev.epsilon.language;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.ContextThreadLocal;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleLanguage.ContextPolicy;
import com.oracle.truffle.api.nodes.Node;
import dev.epsilon.language.nodes.LoadRootNode;
import dev.epsilon.language.runtime.LispThread;

/** Epsilon: a Lisp whose reason to exist is its foreign function interface. */
@TruffleLanguage.Registration(id = EpsilonLanguage.ID, name = "Epsilon", implementationName = "Epsilon on Truffle",
        version = EpsilonLanguage.VERSION, defaultMimeType = EpsilonLanguage.MIME_TYPE,
        characterMimeTypes = EpsilonLanguage.MIME_TYPE, contextPolicy = ContextPolicy.EXCLUSIVE,
        dependentLanguages = "nfi", website = "https://epsilon.dev")
public final class EpsilonLanguage extends TruffleLanguage<EpsilonContext> {
    public static final String ID = "epsilon";
    public static final String VERSION = "0.1.0";
    public static final String MIME_TYPE = "application/x-epsilon";

    private static final ContextReference<EpsilonContext> CONTEXT = ContextReference.create(EpsilonLanguage.class);
    private static final LanguageReference<EpsilonLanguage> LANGUAGE = LanguageReference.create(EpsilonLanguage.class);

    private final ContextThreadLocal<LispThread> threads = locals.createContextThreadLocal((context, thread) -> new LispThread());

    /** The running thread's dynamic bindings and handler stacks. */
    public static LispThread thread(Node node) {
        return LANGUAGE.get(node).threads.get();
    }

    public static EpsilonContext context(Node node) {
        return CONTEXT.get(node);
    }

    public static EpsilonLanguage get(Node node) {
        return LANGUAGE.get(node);
    }

    @Override
    protected EpsilonContext createContext(Env env) {
        return new EpsilonContext(this, env);
    }

    @Override
    protected void initializeContext(EpsilonContext context) {
        context.initialize();
    }

    @Override
    protected void finalizeContext(EpsilonContext context) {
        context.flushConsole();
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        // Reading happens as the program runs, a form at a time, so macros and in-package take effect
        // for the forms after them.
        return new LoadRootNode(this, request.getSource()).getCallTarget();
    }

    @Override
    protected boolean isThreadAccessAllowed(Thread thread, boolean singleThreaded) {
        return true;
    }

    @Override
    protected Object getLanguageView(EpsilonContext context, Object value) {
        return LispView.of(value);
    }
}
