/** The Epsilon Lisp language on Truffle. */
module dev.epsilon.language {
    requires org.graalvm.truffle;
    requires dev.epsilon.nfi;
    requires org.graalvm.polyglot;

    exports dev.epsilon.language;
    exports dev.epsilon.language.runtime;

    provides com.oracle.truffle.api.provider.TruffleLanguageProvider with dev.epsilon.language.EpsilonLanguageProvider;
}
