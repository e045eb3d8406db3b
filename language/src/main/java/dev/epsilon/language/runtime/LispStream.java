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
    private int column;            // characters written since the last newline (0: at a line start)
    private boolean open = true;
    private final String description;
    /** A concatenated stream reads its parts in turn; a broadcast stream writes to each. */
    private LispStream[] parts;
    private boolean broadcast;
    private int[] partTextLengths;   // what remainingText took from each part, for keepUnread
    /** A binary (octet) file stream: READ-BYTE and WRITE-BYTE, FILE-POSITION and FILE-LENGTH. */
    private java.io.InputStream bytesIn;
    private java.io.OutputStream bytesOut;
    private long bytePosition;
    private long byteLength = -1;
    /** A two-way stream reads from the one and writes to the other (an echo stream also echoes input). */
    private LispStream twoWayIn;
    private LispStream twoWayOut;
    private boolean echo;

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

    /** A string input stream that starts at {@code start} (a reader macro's view of the text being read). */
    public static LispStream stringInput(String s, int start) {
        LispStream stream = new LispStream(null, null, null, s, "string input stream");
        stream.position = start;
        return stream;
    }

    /** How many characters of string input are left (pushback included). */
    public int remainingLength() {
        return (content == null ? 0 : content.length() - position) + (pushback >= 0 ? 1 : 0);
    }

    public static LispStream concatenated(LispStream[] parts) {
        LispStream s = new LispStream(null, null, null, null, "concatenated stream");
        s.parts = parts.clone();
        return s;
    }

    public static LispStream broadcast(LispStream[] parts) {
        LispStream s = new LispStream(null, null, null, null, "broadcast stream");
        s.parts = parts.clone();
        s.broadcast = true;
        return s;
    }

    public static LispStream binaryInput(java.io.InputStream in, long length, String name) {
        LispStream s = new LispStream(null, null, null, null, name);
        s.bytesIn = new java.io.BufferedInputStream(in);
        s.byteLength = length;
        return s;
    }

    public static LispStream binaryOutput(java.io.OutputStream out, long startLength, String name) {
        LispStream s = new LispStream(null, null, null, null, name);
        s.bytesOut = new java.io.BufferedOutputStream(out);
        s.bytePosition = startLength;
        s.byteLength = startLength;
        return s;
    }

    public boolean isBinary() { return bytesIn != null || bytesOut != null; }

    /** The next octet, or -1 at the end. */
    @TruffleBoundary
    public int readByte() {
        if (bytesIn == null) {
            throw LispError.typeError(this, "(SATISFIES BINARY-INPUT-STREAM-P)", "READ-BYTE");
        }
        try {
            int b = bytesIn.read();
            if (b >= 0) {
                bytePosition++;
            }
            return b;
        } catch (IOException e) {
            throw LispError.error("STREAM-ERROR", "cannot read from " + this + ": " + e.getMessage());
        }
    }

    @TruffleBoundary
    public void writeByte(int b) {
        if (bytesOut == null) {
            throw LispError.typeError(this, "(SATISFIES BINARY-OUTPUT-STREAM-P)", "WRITE-BYTE");
        }
        try {
            bytesOut.write(b);
            bytePosition++;
            byteLength = Math.max(byteLength, bytePosition);
        } catch (IOException e) {
            throw LispError.error("STREAM-ERROR", "cannot write to " + this + ": " + e.getMessage());
        }
    }

    /** FILE-POSITION of a binary stream in octets, or -1 when unknown. */
    public long bytePosition() { return isBinary() ? bytePosition : -1; }

    /** FILE-LENGTH of a binary file stream in octets, or -1 when unknown. */
    public long byteLength() { return byteLength; }

    public static LispStream twoWay(LispStream input, LispStream output, boolean echo) {
        LispStream s = new LispStream(null, null, null, null, echo ? "echo stream" : "two-way stream");
        s.twoWayIn = input;
        s.twoWayOut = output;
        s.echo = echo;
        return s;
    }

    /** A synonym stream: every operation goes to the stream that a special variable holds at that moment. */
    public static LispStream synonym(java.util.function.Supplier<Object> target, Symbol symbol) {
        LispStream s = new LispStream(null, null, null, null, "synonym stream to " + Printer.qualified(symbol));
        s.synonymTarget = target;
        s.synonymSymbol = symbol;
        return s;
    }

    private java.util.function.Supplier<Object> synonymTarget;
    private Symbol synonymSymbol;

    /** The symbol of a synonym stream, or null. */
    public Symbol synonymSymbol() { return synonymSymbol; }

    private LispStream resolved() {
        Object target = synonymTarget.get();
        if (target instanceof LispStream stream) {
            return stream;
        }
        throw LispError.typeError(target, "STREAM", "the synonym stream of " + Printer.qualified(synonymSymbol));
    }

    private LispStream inDelegate() { return synonymTarget != null ? resolved() : twoWayIn; }

    private LispStream outDelegate() { return synonymTarget != null ? resolved() : twoWayOut; }

    public LispStream twoWayInput() { return twoWayIn; }

    public LispStream twoWayOutput() { return twoWayOut; }

    /** The :EXTERNAL-FORMAT a file stream was opened with; NIL for other streams. */
    private Object externalFormat = Lisp.NIL;

    public Object externalFormat() {
        return externalFormat;
    }

    public LispStream withExternalFormat(Object format) {
        this.externalFormat = format;
        return this;
    }

    public static LispStream writer(Writer w, String name) {
        return new LispStream(w, null, null, null, name);
    }

    public static LispStream reader(Reader r, String name) {
        return new LispStream(null, null, new BufferedReader(r), null, name);
    }

    public boolean isOutput() {
        if (synonymTarget != null) {
            return resolved().isOutput();
        }
        return out != null || buffer != null || broadcast || twoWayOut != null || bytesOut != null;
    }

    public boolean isInput() {
        if (synonymTarget != null) {
            return resolved().isInput();
        }
        return in != null || content != null || (parts != null && !broadcast) || twoWayIn != null || bytesIn != null;
    }

    public boolean isOpen() { return open; }

    @TruffleBoundary
    public void write(String s) {
        if (s.isEmpty()) {
            return;
        }
        LispStream delegate = outDelegate();
        if (delegate != null) {
            delegate.write(s);
            return;
        }
        if (broadcast) {
            for (LispStream p : parts) {
                p.write(s);
            }
        } else {
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
        }
        trackColumn(s);
    }

    private void trackColumn(String s) {
        int newline = s.lastIndexOf('\n');
        column = newline >= 0 ? s.length() - newline - 1 : column + s.length();
    }

    public boolean atLineStart() { return column() == 0; }

    /** The output column: characters written since the last newline (FORMAT's ~T and ~<~:;~>). */
    public int column() {
        LispStream delegate = outDelegate();
        return delegate != null ? delegate.column() : column;
    }

    /** Starts a new line unless at the start of one; true if it wrote a newline. */
    public boolean freshLine() {
        if (!atLineStart()) {
            write("\n");
            return true;
        }
        return false;
    }

    @TruffleBoundary
    public void flush() {
        if (bytesOut != null) {
            try {
                bytesOut.flush();
            } catch (IOException e) {
                // as for a closed console: nothing worth an error
            }
        }
        LispStream delegate = outDelegate();
        if (delegate != null) {
            delegate.flush();
        }
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

    /** The next character's code point (a surrogate pair read as one character), or -1 at the end. */
    @TruffleBoundary
    public int readChar() {
        int c = readUnit();
        if (c >= 0 && Character.isHighSurrogate((char) c)) {
            int low = readUnit();
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                return Character.toCodePoint((char) c, (char) low);
            }
            if (low >= 0) {
                unreadChar(low);
            }
        }
        return c;
    }

    @TruffleBoundary
    private int readUnit() {
        LispStream input = inDelegate();
        if (input != null) {
            int c = input.readUnit();
            if (echo && c >= 0) {
                twoWayOut.write(Character.toString(c));
            }
            return c;
        }
        if (pushback != -2) {
            int c = pushback;
            pushback = -2;
            return c;
        }
        if (content != null) {
            if (position < content.length()) {
                return content.charAt(position++);
            }
            if (parts == null) {
                return -1;
            }
        }
        if (parts != null && !broadcast) {
            for (LispStream p : parts) {
                int c = p.readUnit();
                if (c >= 0) {
                    return c;
                }
            }
            return -1;
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
        LispStream input = inDelegate();
        if (input != null) {
            input.unreadChar(c);
            return;
        }
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
            b.appendCodePoint(c);
            c = readChar();
        }
        return b.toString();
    }

    /** Everything not yet read, for the Lisp reader, which reads from text. */
    @TruffleBoundary
    public String remainingText() {
        LispStream input = inDelegate();
        if (input != null) {
            return input.remainingText();
        }
        StringBuilder b = new StringBuilder();
        if (pushback >= 0) {
            b.appendCodePoint(pushback);
            pushback = -2;
        }
        if (content != null) {
            b.append(content, position, content.length());
            if (parts == null) {
                return b.toString();
            }
            content = null;
        }
        if (parts != null && !broadcast) {
            // Each part's text is taken whole, so keepUnread can hand each part back what was not read.
            partTextLengths = new int[parts.length + 1];
            partTextLengths[0] = b.length();
            for (int i = 0; i < parts.length; i++) {
                String t = parts[i].remainingText();
                partTextLengths[i + 1] = t.length();
                b.append(t);
            }
            return b.toString();
        }
        int c;
        while ((c = readChar()) != -1) {
            b.appendCodePoint(c);
        }
        return b.toString();
    }

    /** After the reader consumed {@code consumed} characters of {@link #remainingText}, keep the rest. */
    public void keepUnread(String text, int consumed) {
        LispStream input = inDelegate();
        if (input != null) {
            input.keepUnread(text, consumed);
            return;
        }
        if (parts != null && !broadcast && partTextLengths != null) {
            int[] lengths = partTextLengths;
            partTextLengths = null;
            int offset = lengths[0];
            int left = consumed - offset;
            // What this stream held before its parts (pushback) stays here when it was not read.
            content = consumed < offset ? text.substring(consumed, offset) : null;
            position = 0;
            for (int i = 0; i < parts.length; i++) {
                int n = lengths[i + 1];
                String partText = text.substring(offset, offset + n);
                parts[i].keepUnread(partText, Math.max(0, Math.min(n, left)));
                left -= n;
                offset += n;
            }
            return;
        }
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
            if (bytesIn != null) {
                bytesIn.close();
            }
            if (bytesOut != null) {
                bytesOut.close();
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
