package dev.epsilon.tests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The REPL in a real terminal: tmux runs bin/epsilon, keys go in with send-keys and the screen is
 * read back with capture-pane. Line editing, history, the debugger, Ctrl-C.
 */
class ReplTerminalTest {
    @TempDir
    Path home;
    private final String session = "epsilon-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    /**
     * tmux with a server of this test's own, its socket in the test's directory: a server shutting
     * down after the previous test must not race with this test starting one ("server exited
     * unexpectedly"), and nothing is left behind.
     */
    private List<String> tmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", home.resolve("tmux.socket").toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    private void keys(String... keys) throws Exception {
        List<String> command = tmux("send-keys", "-t", session);
        command.addAll(List.of(keys));
        run(command.toArray(new String[0]));
    }

    private String screen() throws Exception {
        return run(tmux("capture-pane", "-p", "-S", "-200", "-t", session).toArray(new String[0]));
    }

    /** Reads the screen until {@code seen} holds for it (up to 90 s); answers the screen. */
    private String waitFor(String what, java.util.function.Predicate<String> seen) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String s = "";
        while (System.nanoTime() < deadline) {
            s = screen();
            if (seen.test(s)) {
                return s;
            }
            Thread.sleep(100);
        }
        return fail("the terminal never showed " + what + ":\n" + s);
    }

    /**
     * Waits until the screen shows {@code text} {@code occurrences} times; answers the screen.
     * (capture-pane drops the spaces that end a line, so a prompt is matched without its space.)
     */
    private String await(String text, int occurrences) throws Exception {
        return waitFor(text + " (" + occurrences + "x)",
                s -> s.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= occurrences);
    }

    /**
     * Waits until the REPL reads a line again: the screen's last line is the bare prompt. Keys sent
     * before that reach a terminal not yet in JLine's raw mode, where arrows are plain text.
     */
    private void awaitPrompt(String prompt) throws Exception {
        waitFor("the prompt " + prompt, s -> {
            String shown = s.stripTrailing();
            return shown.substring(shown.lastIndexOf('\n') + 1).equals(prompt);
        });
        Thread.sleep(100);
    }

    @BeforeEach
    void start() throws Exception {
        run(tmux("new-session", "-d", "-s", session, "-x", "150", "-y", "50",
                "env", "HOME=" + home, Epsilon.root().resolve("bin/epsilon").toString()).toArray(new String[0]));
        await("Ctrl-C interrupts.", 1);
    }

    @AfterEach
    void stop() throws Exception {
        new ProcessBuilder(tmux("kill-server")).start().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void formsValuesHistoryVariablesAndLineEditing() throws Exception {
        keys("(defun sq (x)", "Enter", "  (* x x))", "Enter");
        await("SQ\n", 1);
        keys("(values (sq 12) 2)", "Enter");
        await("144\n2\n", 1);
        keys("(list * ** +)", "Enter");
        await("(144 SQ (VALUES (SQ 12) 2))", 1);
        awaitPrompt("*");
        // Editing: "(+ 1 3)", two steps left, insert "2 ": (+ 1 2 3).
        keys("(+ 1 3)", "Left", "Left", "2 ", "Enter");
        await("\n6\n", 1);
        awaitPrompt("*");
        // History: Up brings the line back.
        keys("Up", "Enter");
        await("\n6\n", 2);
        keys("(quit)", "Enter");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Path history = home.resolve(".epsilon_history");
        while (!Files.exists(history) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(Files.readString(history).contains("(+ 1 2 3)"), Files.readString(history));
    }

    @Test
    void anErrorOpensTheDebuggerWithTheRestarts() throws Exception {
        keys("(restart-case (car 1) (use-value (v) (list :used v)))", "Enter");
        String s = await("1]", 1);
        assertTrue(s.contains("debugger invoked on a TYPE-ERROR"), s);
        assertTrue(s.contains("0: [USE-VALUE]") && s.contains("1: [ABORT] Return to the top level."), s);
        keys("(+ 40 2)", "Enter");   // evaluated where the error is
        await("\n42\n", 1);
        keys("0", "Enter");
        await("Enter a form to be evaluated:", 1);
        keys("7", "Enter");
        await("(:USED 7)", 1);
        keys("(error \"second\")", "Enter");
        await("1]", 2);
        keys("abort", "Enter");
        await("; back to the top level", 1);
        keys("(+ 1 1)", "Enter");
        await("\n2\n", 1);
    }

    @Test
    void ctrlCInterruptsARunningFormIntoTheDebugger() throws Exception {
        keys("(defvar *n* 0)", "Enter", "(loop (incf *n*))", "Enter");
        Thread.sleep(2000);
        keys("C-c");
        String s = await("1]", 1);
        assertTrue(s.contains("INTERACTIVE-INTERRUPT") && s.contains("[CONTINUE] Resume the interrupted form."), s);
        keys("(plusp *n*)", "Enter");
        await("\nT\n", 1);
        keys("abort", "Enter");
        await("; back to the top level", 1);
        keys("(+ 2 3)", "Enter");
        await("\n5\n", 1);
    }
}
