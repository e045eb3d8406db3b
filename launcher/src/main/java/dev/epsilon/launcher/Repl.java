package dev.epsilon.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.shadowed.org.jline.reader.EndOfFileException;
import org.graalvm.shadowed.org.jline.reader.LineReader;
import org.graalvm.shadowed.org.jline.reader.LineReaderBuilder;
import org.graalvm.shadowed.org.jline.reader.UserInterruptException;
import org.graalvm.shadowed.org.jline.terminal.Terminal;
import org.graalvm.shadowed.org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.ToIntFunction;

/**
 * The interactive loop on a terminal: JLine line editing with a history file, forms that span
 * lines, and Lisp's side of it (EPSILON.SYSTEM::%REPL-EVAL: values printed, * ** *** + / set, an
 * unhandled error entering the debugger that lists the restarts). Ctrl-C while a form runs takes
 * that form into the debugger; at the prompt it clears the line.
 */
final class Repl {
    private final Context context;
    private final ToIntFunction<PolyglotException> reporter;

    Repl(Context context, ToIntFunction<PolyglotException> reporter) {
        this.context = context;
        this.reporter = reporter;
    }

    /** $HOME as the shell has it (the JVM's user.home comes from the password database). */
    private static String home() {
        String home = System.getenv("HOME");
        return home != null && !home.isEmpty() ? home : System.getProperty("user.home");
    }

    int run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("epsilon")
                    .variable(LineReader.HISTORY_FILE, Path.of(home(), ".epsilon_history"))
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "")
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)   // `!` is ordinary text in Lisp
                    .build();
            Value eval = context.eval("epsilon", "#'epsilon.system::%repl-eval");
            Value interrupt = context.eval("epsilon", "#'epsilon.system::%interrupt-repl");
            // Lines for the debugger, read on the Lisp thread while a form runs.
            ProxyExecutable readLine = args -> {
                try {
                    return reader.readLine(args.length > 0 ? args[0].asString() : "");
                } catch (UserInterruptException e) {
                    return "";
                } catch (EndOfFileException e) {
                    return null;
                }
            };
            terminal.handle(Terminal.Signal.INT, signal -> {
                // Not at a prompt: a form is running. Lisp interrupts it into the debugger.
                new Thread(() -> interrupt.executeVoid(), "epsilon-interrupt").start();
            });
            terminal.writer().println("Epsilon " + context.getEngine().getLanguages().get("epsilon").getVersion()
                    + " on Truffle. (quit) or Ctrl-D leaves; an error opens the debugger, Ctrl-C interrupts.");
            terminal.flush();
            StringBuilder pending = new StringBuilder();
            while (true) {
                String line;
                try {
                    line = reader.readLine(pending.isEmpty() ? "* " : "");
                } catch (UserInterruptException e) {
                    pending.setLength(0);
                    continue;
                } catch (EndOfFileException e) {
                    terminal.writer().println();
                    return 0;
                }
                pending.append(line).append('\n');
                String text = pending.toString();
                if (text.isBlank()) {
                    pending.setLength(0);
                    continue;
                }
                if (!InputCompleteness.isComplete(text)) {
                    continue;
                }
                pending.setLength(0);
                try {
                    eval.execute(text, readLine);
                } catch (PolyglotException e) {
                    if (e.isExit()) {
                        return e.getExitStatus();
                    }
                    reporter.applyAsInt(e);
                }
            }
        }
    }
}
