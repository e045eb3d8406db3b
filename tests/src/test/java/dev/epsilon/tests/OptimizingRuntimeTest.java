package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The suite runs on the optimizing Truffle runtime with the Graal compiler, never the fallback. */
class OptimizingRuntimeTest {
    @Test
    void engineIsNotTheFallbackRuntime() {
        String name = Epsilon.engine().getImplementationName();
        assertNotEquals("Interpreted", name, "Truffle fell back to the interpreter-only runtime");
        try (Context cx = Epsilon.context(new ByteArrayOutputStream())) {
            String runtime = cx.eval(Epsilon.ID, "(epsilon.system:truffle-runtime-name)").asString();
            assertEquals(name, runtime);
            assertFalse(runtime.contains("Interpreted"), runtime);
        }
    }

    /** Compiles a Lisp function at its first call and fails on any compilation problem. */
    @Test
    void lispFunctionsCompile() {
        try (Engine engine = Engine.newBuilder(Epsilon.ID).allowExperimentalOptions(true)
                .option("engine.CompileImmediately", "true")
                .option("engine.BackgroundCompilation", "false")
                .option("engine.CompilationFailureAction", "Throw")
                .option("engine.CompileOnly", "FIB")
                .build();
             Context cx = Context.newBuilder(Epsilon.ID).engine(engine).build()) {
            cx.eval(Epsilon.ID, "(defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))");
            assertEquals(832040, cx.eval(Epsilon.ID, "(fib 30)").asInt());
        }
    }
}
