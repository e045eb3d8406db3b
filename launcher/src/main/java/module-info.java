/** The epsilon command: scripts, -e, and the REPL. Talks to the language only through the polyglot API. */
module dev.epsilon.launcher {
    requires org.graalvm.polyglot;
    requires org.graalvm.launcher;
    requires org.graalvm.shadowed.jline;
    requires java.management;   // --version tells whether the JVM started from an AOT cache
    exports dev.epsilon.launcher;
}
