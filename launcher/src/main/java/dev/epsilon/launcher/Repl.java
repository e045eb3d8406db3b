package dev.epsilon.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;

/** Read, evaluate, print: complete forms are evaluated, results printed readably, errors reported. */
final class Repl {
    private final Context context;
    private final ToIntFunction<PolyglotException> reporter;

    Repl(Context context, ToIntFunction<PolyglotException> reporter) {
        this.context = context;
        this.reporter = reporter;
    }

    int run() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder pending = new StringBuilder();
        int n = 0;
        while (true) {
            System.out.print(pending.isEmpty() ? "* " : "  ");
            System.out.flush();
            String line = in.readLine();
            if (line == null) {
                System.out.println();
                return 0;
            }
            pending.append(line).append('\n');
            if (!InputCompleteness.isComplete(pending.toString()) || pending.toString().isBlank()) {
                if (pending.toString().isBlank()) {
                    pending.setLength(0);
                }
                continue;
            }
            String text = pending.toString();
            pending.setLength(0);
            try {
                Value v = context.eval(Source.newBuilder("epsilon", text, "repl-" + (++n)).interactive(false).build());
                System.out.println(v);
            } catch (PolyglotException e) {
                if (e.isExit()) {
                    return e.getExitStatus();
                }
                reporter.applyAsInt(e);
            }
        }
    }
}
