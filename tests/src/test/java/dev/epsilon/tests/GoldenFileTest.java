package dev.epsilon.tests;

import dev.epsilon.launcher.ErrorReport;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each {@code tests/lisp/**}{@code /NAME.lisp} runs in a fresh context; what it prints (and the
 * one-line report of an uncaught error, as bin/epsilon prints it) must equal {@code NAME.out}.
 * The runner puts the C fixture library's directory on {@code *library-search-paths*}.
 */
class GoldenFileTest {
    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        Path dir = Epsilon.root().resolve("tests/lisp");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".lisp")).sorted().toList();
        }
        assertTrue(files.size() > 0, "no golden files under " + dir);
        // Tests that call C run under both foreign-call engines, which must agree exactly.
        return files.stream().flatMap(f -> {
            String name = dir.relativize(f).toString();
            if (!callsC(name)) {
                return Stream.of(DynamicTest.dynamicTest(name, f.toUri(), () -> run(f, "ffm")));
            }
            return Stream.of("ffm", "nfi").map(engine ->
                    DynamicTest.dynamicTest(name + " [" + engine + "]", f.toUri(), () -> run(f, engine)));
        });
    }

    private static boolean callsC(String name) {
        return name.startsWith("foreign/") || name.startsWith("manifests/") || name.startsWith("errors/missing-")
                || name.startsWith("reliability/callback");
    }

    private static void run(Path file, String engine) throws IOException {
        Path expectedFile = Path.of(file.toString().replaceAll("\\.lisp$", ".out"));
        assertTrue(Files.exists(expectedFile), "missing " + expectedFile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context cx = Epsilon.contextBuilder().out(out).err(out).option("epsilon.ffi-engine", engine).build()) {
            cx.eval(Epsilon.ID, "(setq *library-search-paths* (list \"" + Epsilon.fixtureDir() + "\"))");
            try {
                cx.eval(Source.newBuilder(Epsilon.ID, file.toFile()).build());
            } catch (PolyglotException e) {
                if (e.isInternalError()) {
                    throw e;
                }
                out.write((ErrorReport.oneLine(e) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        // The fixture library's directory depends on the checkout; golden files spell it <fixture>.
        String actual = out.toString(StandardCharsets.UTF_8).replace(Epsilon.fixtureDir().toString(), "<fixture>");
        assertEquals(Files.readString(expectedFile), actual);
    }
}
