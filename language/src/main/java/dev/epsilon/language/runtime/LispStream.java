package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.TruffleObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A character stream: output to a writer or a string buffer, input from a string or a reader.
 * Output streams track the column so FRESH-LINE and ~& know whether a line has started.
 */
public final class LispStream implements TruffleObject {
    private final Writer out;
    private final StringBuilder buffer;
    private final BufferedReader in;
    private String content;        // string input: the text, read from position
    private int position;
    private int pushback = -2;     // an unread character, or -2 for none
    private boolean atLineStart = true;
    private boolean open = true;
    private final String description;

    private LispStream(Writer out, StringBuilder buffer, BufferedReader in, String content, String description) {
        this.out = out;
        this.buffer = buffer;
        this.in = in;
        this.content = content;
        this.description = description;
    }

    public static LispStream console(OutputStream os, String name) {
        return new LispStream(new OutputStreamWriter(os, StandardCharsets.UTF_8), null, null, null, name);
    }

    public static LispStream consoleInput(java.io.InputStream is) {
        return new LispStream(null, null, new BufferedReader(new java.io.InputStreamReader(is, StandardCharsets.UTF_8)), null, "standard input");
    }

    public static LispStream stringOutput() {
        return new LispStream(null, new StringBuilder(), null, null, "string output stream");
    }

    public static LispStream stringInput(String s) {
        return new LispStream(null, null, null, s, "string input stream");
    }

    public static LispStream writer(Writer w, String name) {
        return new LispStream(w, null, null, null, name);
    }

    public static LispStream reader(Reader r, String name) {
        return new LispStream(null, null, new BufferedReader(r), null, name);
    }

    public boolean isOutput() { return out != null || buffer != null; }

    public boolean isInput() { return in != null || content != null; }

    public boolean isOpen() { return open; }

    @TruffleBoundary
    public void write(String s) {
        if (s.isEmpty()) {
            return;
        }
        try {
            if (buffer != null) {
                buffer.append(s);
            } else if (out != null) {
                out.write(s);
            } else {
                throw LispError.error("SIMPLE-ERROR", this + " is not an output stream");
            }
        } catch (IOException e) {
            throw LispError.error("STREAM-ERROR", "cannot write to " + this + ": " + e.getMessage());
        }
        atLineStart = s.charAt(s.length() - 1) == '\n';
    }

    public boolean atLineStart() { return atLineStart; }

    /** Starts a new line unless at the start of one; true if it wrote a newline. */
    public boolean freshLine() {
        if (!atLineStart) {
            write("\n");
            return true;
        }
        return false;
    }

    @TruffleBoundary
    public void flush() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                // Flushing a closed console is not worth an error.
            }
        }
    }

    /** The characters written so far, clearing the buffer (GET-OUTPUT-STREAM-STRING). */
    @TruffleBoundary
    public String takeString() {
        String s = buffer.toString();
        buffer.setLength(0);
        return s;
    }

    public boolean isStringOutput() { return buffer != null; }

    /** The next character, or -1 at end of input. */
    @TruffleBoundary
    public int readChar() {
        if (pushback != -2) {
            int c = pushback;
            pushback = -2;
            return c;
        }
        if (content != null) {
            return position < content.length() ? content.charAt(position++) : -1;
        }
        if (in == null) {
            throw LispError.error("SIMPLE-ERROR", this + " is not an input stream");
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw LispError.error("STREAM-ERROR", "cannot read from " + this + ": " + e.getMessage());
        }
    }

    public void unreadChar(int c) {
        pushback = c;
    }

    @TruffleBoundary
    public int peekChar() {
        int c = readChar();
        unreadChar(c);
        return c;
    }

    /** A line without its newline, or null at end of input. */
    @TruffleBoundary
    public String readLine() {
        StringBuilder b = new StringBuilder();
        int c = readChar();
        if (c == -1) {
            return null;
        }
        while (c != -1 && c != '\n') {
            b.append((char) c);
            c = readChar();
        }
        return b.toString();
    }

    /** Everything not yet read, for the Lisp reader, which reads from text. */
    @TruffleBoundary
    public String remainingText() {
        StringBuilder b = new StringBuilder();
        if (pushback >= 0) {
            b.append((char) pushback);
            pushback = -2;
        }
        if (content != null) {
            b.append(content, position, content.length());
            return b.toString();
        }
        int c;
        while ((c = readChar()) != -1) {
            b.append((char) c);
        }
        return b.toString();
    }

    /** After the reader consumed {@code consumed} characters of {@link #remainingText}, keep the rest. */
    public void keepUnread(String text, int consumed) {
        content = text;
        position = consumed;
    }

    @TruffleBoundary
    public void close() {
        open = false;
        try {
            if (out != null) {
                out.close();
            }
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            throw LispError.error("STREAM-ERROR", "cannot close " + this + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "#<STREAM " + description + ">";
    }
}
