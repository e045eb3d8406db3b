package dev.epsilon.language;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.ContextThreadLocal;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleLanguage.ContextPolicy;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.Option;
import dev.epsilon.language.nodes.LoadRootNode;
import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import dev.epsilon.language.runtime.LispThread;

/** Epsilon: a Lisp whose reason to exist is its foreign function interface. */
@TruffleLanguage.Registration(id = EpsilonLanguage.ID, name = "Epsilon", implementationName = "Epsilon on Truffle",
        version = EpsilonLanguage.VERSION, defaultMimeType = EpsilonLanguage.MIME_TYPE,
        characterMimeTypes = EpsilonLanguage.MIME_TYPE, contextPolicy = ContextPolicy.EXCLUSIVE,
        dependentLanguages = "nfi", website = "https://epsilon.dev")
@com.oracle.truffle.api.instrumentation.ProvidedTags({com.oracle.truffle.api.instrumentation.StandardTags.CallTag.class,
        com.oracle.truffle.api.instrumentation.StandardTags.StatementTag.class, com.oracle.truffle.api.instrumentation.StandardTags.RootTag.class,
        com.oracle.truffle.api.instrumentation.StandardTags.RootBodyTag.class, com.oracle.truffle.api.instrumentation.StandardTags.ExpressionTag.class})
public final class EpsilonLanguage extends TruffleLanguage<EpsilonContext> {
    public static final String ID = "epsilon";
    public static final String VERSION = "0.1.0";
    public static final String MIME_TYPE = "application/x-epsilon";

    private static final ContextReference<EpsilonContext> CONTEXT = ContextReference.create(EpsilonLanguage.class);
    private static final LanguageReference<EpsilonLanguage> LANGUAGE = LanguageReference.create(EpsilonLanguage.class);

    @Option(name = "ffi-engine", help = "How foreign calls reach C: ffm (Java FFM, the fast default) or nfi (Truffle NFI, any signature, varargs through libffi).",
            category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "ffm|nfi")
    static final OptionKey<String> FFI_ENGINE = new OptionKey<>("ffm", new org.graalvm.options.OptionType<>("ffm|nfi", value -> {
        // Checked when the option is given, so a bad value is the launcher's one-line option error.
        if (!value.equals("ffm") && !value.equals("nfi")) {
            throw new IllegalArgumentException("the engine is ffm or nfi, not " + value);
        }
        return value;
    }));

    @Option(name = "ffi-manifests", help = "FFI manifests (TOML) to load at start-up, separated by the path separator.",
            category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "<file>:<file>...")
    static final OptionKey<String> FFI_MANIFESTS = new OptionKey<>("");

    @Option(name = "callback-limit", help = "Callback stubs a context may make: live ones, and freed ones kept for their code. Each takes room in the JVM's code cache, which fills at about 316,000.",
            category = OptionCategory.EXPERT, stability = OptionStability.STABLE, usageSyntax = "<count>")
    public static final OptionKey<Integer> CALLBACK_LIMIT = new OptionKey<>(100_000, new org.graalvm.options.OptionType<>("count", value -> {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a count of callbacks, not " + value);
        }
        if (n < 0) {
            throw new IllegalArgumentException("a count of callbacks, not " + value);
        }
        return n;
    }));

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new EpsilonLanguageOptionDescriptors();
    }

    private final ContextThreadLocal<LispThread> threads = locals.createContextThreadLocal((context, thread) -> {
        LispThread t = new LispThread(thread);
        context.threads().add(t);
        return t;
    });

    private volatile String faslFingerprint;

    /** What identifies fasls this build writes and loads; computed on first use (it reads the Lisp libraries). */
    public String faslFingerprint() {
        String f = faslFingerprint;
        if (f == null) {
            f = dev.epsilon.language.fasl.FaslReader.fingerprint(VERSION);
            faslFingerprint = f;
        }
        return f;
    }

    /** The running thread's dynamic bindings and handler stacks. */
    public static LispThread thread(Node node) {
        return LANGUAGE.get(node).threads.get();
    }

    public static EpsilonContext context(Node node) {
        return CONTEXT.get(node);
    }

    /**
     * The context entered on this thread, or null when there is none (a Java caller printing a Lisp
     * object after its context closed, say): the printer then uses the standard settings.
     */
    public static EpsilonContext enteredContextOrNull() {
        try {
            return CONTEXT.get(null);
        } catch (IllegalStateException | AssertionError | NullPointerException e) {
            return null;
        }
    }

    public static EpsilonLanguage get(Node node) {
        return LANGUAGE.get(node);
    }

    @Override
    protected EpsilonContext createContext(Env env) {
        String engine = env.getOptions().get(FFI_ENGINE);
        return new EpsilonContext(this, env, engine, env.getOptions().get(FFI_MANIFESTS));
    }

    @Override
    protected void initializeContext(EpsilonContext context) {
        Prelude.boot(context);
    }

    @Override
    protected void disposeThread(EpsilonContext context, Thread thread) {
        context.threads().removeIf(t -> t.owner == thread);
    }

    @Override
    protected void finalizeContext(EpsilonContext context) {
        context.flushConsole();
    }

    /** The top level as {@code getBindings("epsilon")} shows it. */
    @Override
    protected Object getScope(EpsilonContext context) {
        return new dev.epsilon.language.polyglot.GlobalScope(context);
    }

    private volatile com.oracle.truffle.api.RootCallTarget hostFunctionTarget;

    /** The one body of every Lisp function that stands for another language's executable. */
    public com.oracle.truffle.api.RootCallTarget hostFunctionTarget() {
        com.oracle.truffle.api.RootCallTarget t = hostFunctionTarget;
        if (t == null) {
            synchronized (this) {
                if (hostFunctionTarget == null) {
                    hostFunctionTarget = new dev.epsilon.language.polyglot.HostFunctionRoot(this).getCallTarget();
                }
                t = hostFunctionTarget;
            }
        }
        return t;
    }

    @Override
    protected void disposeContext(EpsilonContext context) {
        context.releaseForeignResources();
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
