/** The Epsilon Lisp language on Truffle. */
module dev.epsilon.language {
    requires org.graalvm.truffle;
    requires dev.epsilon.nfi;
    requires org.graalvm.polyglot;
    requires com.fasterxml.jackson.dataformat.toml;
    requires com.fasterxml.jackson.databind;

    exports dev.epsilon.language;
    exports dev.epsilon.language.runtime;

    provides com.oracle.truffle.api.provider.TruffleLanguageProvider with dev.epsilon.language.EpsilonLanguageProvider;
}
