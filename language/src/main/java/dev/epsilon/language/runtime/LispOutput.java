package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** A character output stream that knows whether it is at the start of a line (for ~& and fresh-line). */
public final class LispOutput {
    private final PrintWriter writer;
    private boolean atLineStart = true;

    public LispOutput(OutputStream out) {
        this.writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    }

    @TruffleBoundary
    public synchronized void write(String s) {
        if (!s.isEmpty()) {
            writer.write(s);
            atLineStart = s.charAt(s.length() - 1) == '\n';
        }
    }

    @TruffleBoundary
    public synchronized void freshLine() {
        if (!atLineStart) {
            write("\n");
        }
    }

    @TruffleBoundary
    public synchronized void flush() {
        writer.flush();
    }
}
