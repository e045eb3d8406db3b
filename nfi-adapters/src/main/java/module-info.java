/** The foreign layer: C types, signatures, library resolution and native calls. Knows C, not Lisp. */
module dev.epsilon.nfi {
    requires org.graalvm.truffle;
    requires com.oracle.truffle.truffle_nfi;
    exports dev.epsilon.nfi;
}
