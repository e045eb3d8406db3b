package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

/** Shared set-up of the test suites: one engine, fresh contexts, the fixture library's directory. */
final class Epsilon {
    private Epsilon() {
    }

    static final String ID = "epsilon";

    private static Engine engine;

    /** One engine for all tests, so compiled code and language initialization are shared. */
    static synchronized Engine engine() {
        if (engine == null) {
            engine = Engine.newBuilder(ID).option("engine.WarnInterpreterOnly", "true").build();
        }
        return engine;
    }

    static Context.Builder contextBuilder() {
        return Context.newBuilder(ID).engine(engine()).allowNativeAccess(true).allowIO(org.graalvm.polyglot.io.IOAccess.ALL)
                .allowCreateThread(true);
    }

    static Context context(ByteArrayOutputStream out) {
        return contextBuilder().out(out).err(out).build();
    }

    static Path root() {
        return Path.of(System.getProperty("epsilon.root", "..")).toAbsolutePath().normalize();
    }

    static Path fixtureDir() {
        return Path.of(System.getProperty("epsilon.fixture.dir", "target/native")).toAbsolutePath();
    }
}
