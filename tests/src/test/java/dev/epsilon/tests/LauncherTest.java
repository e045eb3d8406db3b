package dev.epsilon.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/epsilon as users run it: scripts, -e, the REPL, --version, exit status and error lines. */
class LauncherTest {
    record Result(int status, String out, String err) {
    }

    private static Result epsilon(String stdin, String... args) throws IOException, InterruptedException {
        return epsilonWith(java.util.Map.of(), stdin, args);
    }

    /** bin/epsilon with these variables added to its environment. */
    private static Result epsilonWith(java.util.Map<String, String> environment, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Epsilon.root().resolve("bin/epsilon").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        Path out = Files.createTempFile("epsilon-out", ".txt");
        Path err = Files.createTempFile("epsilon-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bin/epsilon did not finish");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void versionNamesTheLanguageAndTheOptimizingRuntime() throws Exception {
        Result r = epsilon(null, "--version");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Epsilon 0.1.0 (Truffle runtime: "), r.out());
        assertFalse(r.out().contains("Interpreted"), r.out());
        // This machine's JDK has no libgraal: the compiler is Graal as bytecode, and the line says so.
        assertTrue(r.out().contains("\nCompiler: Graal as Java bytecode (jargraal"), r.out());
        // bin/epsilon starts from the runtime the build linked, with the AOT cache it trained, and the
        // cache fits: a stale or refused cache makes the JVM warn on standard error.
        assertTrue(r.out().contains("linked into the runtime at ") && r.out().contains("started from the build's AOT cache"),
                r.out());
        assertEquals("", r.err());
    }

    /**
     * Throughput tuning runs the linked runtime without the AOT cache: the cache is trained under
     * the quick-start flags, and its training data kept the JVM's own methods from C2.
     */
    @Test
    void throughputTuningStartsWithoutTheQuickStartCache() throws Exception {
        Result r = epsilonWith(java.util.Map.of("EPSILON_TUNING", "throughput"), null, "--version");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("linked into the runtime at ") && r.out().contains("without an AOT cache"), r.out());
        assertEquals("", r.err());
    }

    /**
     * A runaway recursion on the launcher's 64 MB stack reaches its STORAGE-CONDITION's handler
     * within the helper's two minutes (about 15 s here, most of it deoptimizing the compiled frames
     * the unwinding passes). With the JVM's reserved stack zone on, each stack overflow while
     * unwinding made HotSpot walk the whole stack: it had not finished after ten minutes.
     */
    @Test
    void runawayRecursionOnTheLaunchersStackIsCaught() throws Exception {
        Result r = epsilon(null, "-e", "(defun deep (n) (if (= n 0) 0 (+ 1 (deep (- n 1)))))",
                "-e", "(handler-case (deep 100000000) (storage-condition () :caught))");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith(":CAUGHT\n"), r.out());
    }

    @Test
    void evalPrintsTheValue() throws Exception {
        Result r = epsilon(null, "-e", "(shared-call '(\"strlen\" \"libc\") :unsigned-long '(:string) \"hello\")");
        assertEquals(0, r.status(), r.err());
        assertEquals("5\n", r.out());
        Result s = epsilon(null, "-e", "(format nil \"~a\" 'x)");
        assertEquals("\"X\"\n", s.out());
    }

    @Test
    void evalPrintsEveryKindOfValueInLispSyntax() throws Exception {
        String[][] cases = {
            {"(expt 2 100)", "1267650600228229401496703205376"},
            {"*package*", "#<PACKAGE \"COMMON-LISP-USER\">"},
            {"#p\"/tmp\"", "#P\"/tmp\""},
            {"(code-char #x1F600)", "#\\GRINNING_FACE"},
        };
        for (String[] c : cases) {
            Result r = epsilon(null, "-e", c[0]);
            assertEquals(0, r.status(), c[0] + ": " + r.err());
            assertEquals(c[1] + "\n", r.out(), c[0]);
        }
    }

    @Test
    void scriptGetsItsOutputAndAnUncaughtErrorIsOneLine(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("oops.lisp");
        Files.writeString(script, "(format t \"before~%\")\n\n(car 42)\n(format t \"never~%\")\n");
        Result r = epsilon(null, script.toString());
        assertEquals(1, r.status());
        assertEquals("before\n", r.out());
        assertEquals("Unhandled TYPE-ERROR: The value 42 is not of type LIST (in CAR) (at oops.lisp:3)\n", r.err());
    }

    @Test
    void aScriptSeesItsArgumentsAsSbclAndUiopGiveThem(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("args.lisp");
        Files.writeString(script, "(print (epsilon.system:argv))\n(print sb-ext:*posix-argv*)\n(require :asdf)\n"
                + "(print (uiop:command-line-arguments))\n");
        Result r = epsilon(null, script.toString(), "one", "two words");
        assertEquals(0, r.status(), r.err());
        assertEquals("\n(\"one\" \"two words\") \n(\"epsilon\" \"one\" \"two words\") \n(\"one\" \"two words\") ", r.out());
    }

    @Test
    void anErrorInAFaslNamesTheSourceFileAndLine(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("later.lisp");
        Files.writeString(source, "(defun fine () 1)\n\n(defun broken (x) (car x))\n");
        Path script = dir.resolve("main.lisp");
        Files.writeString(script, "(load (compile-file \"" + source + "\"))\n(broken 42)\n");
        Result r = epsilon(null, script.toString());
        assertEquals(1, r.status());
        assertEquals("Unhandled TYPE-ERROR: The value 42 is not of type LIST (in CAR) (at later.lisp:3)\n", r.err());
    }

    @Test
    void outputBufferedInLispIsWrittenWhenCCallsExit(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("exit.lisp");
        Files.writeString(script, "(format t \"buffered before exit\")\n"
                + "(shared-call '(\"exit\" \"libc\") :void '(:int) 3)\n(format t \"never\")\n");
        Result r = epsilon(null, script.toString());
        assertEquals(3, r.status(), r.err());
        assertEquals("buffered before exit", r.out());
    }

    @Test
    void stackTraceOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("oops.lisp");
        Files.writeString(script, "(undefined-thing 1)\n");
        Result quiet = epsilon(null, script.toString());
        assertEquals(1, quiet.status());
        assertFalse(quiet.err().contains("\tat "), quiet.err());
        assertTrue(quiet.err().startsWith("Unhandled UNDEFINED-FUNCTION: The function COMMON-LISP-USER::UNDEFINED-THING is undefined."), quiet.err());
        Result loud = epsilon(null, "--stacktrace", script.toString());
        assertTrue(loud.err().contains("\tat "), loud.err());
    }

    @Test
    void pipedInputIsTheProgramWithNoPrompts() throws Exception {
        Result r = epsilon("(defun sq (x)\n  (* x x))\n(print (sq 12))\n", new String[0]);
        assertEquals(0, r.status(), r.err());
        assertEquals("\n144 ", r.out());
        Result dash = epsilon("(print (list :args (epsilon.system:argv)))\n", "-", "a", "b c");
        assertEquals(0, dash.status(), dash.err());
        assertEquals("\n(:ARGS (\"a\" \"b c\")) ", dash.out());
        // As a script: an unhandled error ends the program with status 1.
        Result failing = epsilon("(print 1)\n(car 1)\n(print 2)\n", "-");
        assertEquals(1, failing.status());
        assertEquals("\n1 ", failing.out());
        assertTrue(failing.err().startsWith("Unhandled TYPE-ERROR"), failing.err());
    }

    @Test
    void anExecutableScriptWithAShebangLineRuns(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("hello");
        Files.writeString(script, "#!" + Epsilon.root().resolve("bin/epsilon") + "\n(format t \"ran with ~s~%\" (epsilon.system:argv))\n");
        assertTrue(script.toFile().setExecutable(true));
        Process p = new ProcessBuilder(script.toString(), "x").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("ran with (\"x\")\n", out);
        // LOAD skips the line too.
        Result loaded = epsilon(null, "-e", "(load \"" + script + "\")");
        assertEquals(0, loaded.status(), loaded.err());
        assertEquals("ran with NIL\nT\n", loaded.out());
    }

    @Test
    void expressionsRunBeforeTheFile(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("greet.lisp");
        Files.writeString(script, "(print *greeting*)\n");
        Result r = epsilon(null, "-e", "(defvar *greeting* \"hi\")", script.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("\n\"hi\" ", r.out());
    }

    @Test
    void theProfilerAndTheInspectorRunOnALispFile(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("work.lisp");
        Files.writeString(script, "(defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))\n"
                + "(defun work () (let ((s 0)) (dotimes (i 10) (incf s (fib 20))) s))\n(print (work))\n");
        Result sampler = epsilon(null, "--cpusampler", script.toString());
        assertEquals(0, sampler.status(), sampler.err());
        assertTrue(sampler.out().contains("Sampling Histogram") && sampler.out().contains(" FIB ")
                && sampler.out().contains("work.lisp~1:"), sampler.out());
        Result tracer = epsilon(null, "--cputracer", script.toString());
        assertEquals(0, tracer.status(), tracer.err());
        // fib 20 makes 21,891 calls; ten of them.
        assertTrue(tracer.out().matches("(?s).*\\n FIB +\\| +218910 .*"), tracer.out());
        Result inspector = epsilon(null, "--inspect=127.0.0.1:0", "--inspect.Suspend=false", "--inspect.WaitAttached=false", script.toString());
        assertEquals(0, inspector.status(), inspector.err());
        assertTrue((inspector.out() + inspector.err()).contains("Debugger listening on ws://127.0.0.1:"), inspector.out() + inspector.err());
        assertTrue(inspector.out().contains("67650"), inspector.out());
    }

    @Test
    void aBadOptionValueIsOneLine() throws Exception {
        for (String option : new String[]{"--epsilon.ffi-engine=bogus", "--epsilon.callback-limit=many"}) {
            Result r = epsilon(null, option, "-e", "1");
            assertTrue(r.status() != 0, option);
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(option.substring(2, option.indexOf('='))) && !r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void ffiManifestOptionLoadsBindings() throws Exception {
        Path root = Epsilon.root();
        Result r = epsilon(null, "--ffi-manifest", root.resolve("examples/ffi/sqlite/sqlite.toml").toString(),
                root.resolve("examples/ffi/sqlite/program.lisp").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("Lisp     1958 9.50\nC        1972 8.00\nEpsilon  2026 7.25\n", r.out());
    }

    /** The spec's REPL example on the built-in libedit manifest: lines evaluated, history persisted. */
    @Test
    void libeditReplKeepsHistory(@TempDir Path home) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Epsilon.root().resolve("bin/epsilon").toString(),
                Epsilon.root().resolve("examples/ffi/libedit/repl.lisp").toString());
        pb.environment().put("HOME", home.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().write("(* 6 7)\n(list 1 2)\n\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertTrue(out.contains("42\n") && out.contains("(1 2)\n"), out);
        String history = Files.readString(home.resolve(".epsilon_example_history"));
        assertTrue(history.contains("(*\\0406\\0407)"), history);
    }

    @Test
    void missingFileIsAClearError() throws Exception {
        Result r = epsilon(null, "/nonexistent/file.lisp");
        assertEquals(2, r.status());
        assertEquals("epsilon: cannot read /nonexistent/file.lisp: no such file\n", r.err());
    }
}
