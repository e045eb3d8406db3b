package dev.epsilon.language.builtins;

import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.reader.Reader;
import dev.epsilon.language.runtime.Chars;
import dev.epsilon.language.runtime.ExternalFormats;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispStream;
import dev.epsilon.language.runtime.Pathname;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.language.runtime.Values;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.file.StandardOpenOption;

/** Streams and printing: FORMAT, the PRINT family, string streams, files, READ-LINE, READ. */
final class StreamBuiltins {
    private StreamBuiltins() {
    }

    static void install(Builtins b, EpsilonContext cx) {
        b.cl("FORMAT", 2, -1, a -> {
            if (a[1] instanceof dev.epsilon.language.runtime.LispFunction f) {
                // A control that is a function (FORMATTER) is called with the stream and the arguments.
                LispStream out = a[0] == Lisp.NIL ? LispStream.stringOutput() : a[0] == Lisp.T ? cx.output() : outputStream(cx, a[0], "FORMAT");
                Object[] args = new Object[a.length - 1];
                args[0] = out;
                System.arraycopy(a, 2, args, 1, a.length - 2);
                f.callUncached(args);
                return a[0] == Lisp.NIL ? out.takeString() : Lisp.NIL;
            }
            if (a[1] instanceof dev.epsilon.language.runtime.LispString ls) {
                a = a.clone();
                a[1] = ls.toString();
            }
            if (!(a[1] instanceof String control)) {
                throw LispError.typeError(a[1], "STRING", "FORMAT");
            }
            if (a[0] == Lisp.NIL) {
                return Format.format(control, a, 2, true);
            }
            LispStream out = a[0] == Lisp.T ? cx.output() : outputStream(cx, a[0], "FORMAT");
            out.write(Format.format(control, a, 2, out.atLineStart(), out.column()));
            return Lisp.NIL;
        });
        b.cl("PRINC", 1, 2, a -> {
            outputStream(cx, arg(a, 1), "PRINC").write(Printer.princToString(a[0]));
            return a[0];
        });
        b.cl("PRIN1", 1, 2, a -> {
            outputStream(cx, arg(a, 1), "PRIN1").write(Printer.prin1ToString(a[0]));
            return a[0];
        });
        b.cl("PRINT", 1, 2, a -> {
            outputStream(cx, arg(a, 1), "PRINT").write("\n" + Printer.prin1ToString(a[0]) + " ");
            return a[0];
        });
        b.cl("PPRINT", 1, 2, a -> {
            outputStream(cx, arg(a, 1), "PPRINT").write("\n" + Printer.prin1ToString(a[0]));
            return Values.of(new Object[0]);
        });
        b.cl("WRITE", 1, -1, a -> {
            Object stream = Lisp.NIL;
            boolean escape = true;
            for (int i = 1; i + 1 < a.length; i += 2) {
                String key = Builtins.symbol(a[i], "WRITE").name();
                if (key.equals("STREAM")) {
                    stream = a[i + 1];
                } else if (key.equals("ESCAPE") || key.equals("READABLY")) {
                    escape = a[i + 1] != Lisp.NIL;
                }
            }
            outputStream(cx, stream, "WRITE").write(escape ? Printer.prin1ToString(a[0]) : Printer.princToString(a[0]));
            return a[0];
        });
        b.cl("TERPRI", 0, 1, a -> {
            outputStream(cx, arg(a, 0), "TERPRI").write("\n");
            return Lisp.NIL;
        });
        b.cl("FRESH-LINE", 0, 1, a -> Lisp.bool(outputStream(cx, arg(a, 0), "FRESH-LINE").freshLine()));
        b.cl("WRITE-STRING", 1, -1, a -> {
            outputStream(cx, arg(a, 1), "WRITE-STRING").write(between(a, "WRITE-STRING"));
            return a[0];
        });
        b.cl("WRITE-LINE", 1, -1, a -> {
            outputStream(cx, arg(a, 1), "WRITE-LINE").write(between(a, "WRITE-LINE") + "\n");
            return a[0];
        });
        b.cl("WRITE-CHAR", 1, 2, a -> {
            outputStream(cx, arg(a, 1), "WRITE-CHAR").write(Character.toString(Chars.code(a[0], "WRITE-CHAR")));
            return a[0];
        });
        b.cl("PRINC-TO-STRING", 1, 1, a -> Printer.princToString(a[0]));
        b.cl("PRIN1-TO-STRING", 1, 1, a -> Printer.prin1ToString(a[0]));
        b.cl("WRITE-TO-STRING", 1, -1, a -> {
            for (int i = 1; i + 1 < a.length; i += 2) {
                if (Builtins.symbol(a[i], "WRITE-TO-STRING").name().equals("ESCAPE") && a[i + 1] == Lisp.NIL) {
                    return Printer.princToString(a[0]);
                }
            }
            return Printer.prin1ToString(a[0]);
        });
        b.cl("FINISH-OUTPUT", 0, 1, a -> {
            outputStream(cx, arg(a, 0), "FINISH-OUTPUT").flush();
            return Lisp.NIL;
        });
        b.cl("FORCE-OUTPUT", 0, 1, a -> {
            outputStream(cx, arg(a, 0), "FORCE-OUTPUT").flush();
            return Lisp.NIL;
        });
        b.cl("MAKE-STRING-OUTPUT-STREAM", 0, -1, a -> LispStream.stringOutput());
        b.cl("GET-OUTPUT-STREAM-STRING", 1, 1, a -> stream(a[0], "GET-OUTPUT-STREAM-STRING").takeString());
        b.cl("MAKE-CONCATENATED-STREAM", 0, -1, a -> LispStream.concatenated(streams(a, "MAKE-CONCATENATED-STREAM")));
        b.cl("MAKE-SYNONYM-STREAM", 1, 1, a -> {
            Symbol symbol = Builtins.symbol(a[0], "MAKE-SYNONYM-STREAM");
            return LispStream.synonym(() -> symbol.value(EpsilonLanguage.thread(null)), symbol);
        });
        b.cl("SYNONYM-STREAM-SYMBOL", 1, 1, a -> {
            Symbol s = stream(a[0], "SYNONYM-STREAM-SYMBOL").synonymSymbol();
            if (s == null) {
                throw LispError.typeError(a[0], "SYNONYM-STREAM", "SYNONYM-STREAM-SYMBOL");
            }
            return s;
        });
        b.cl("MAKE-TWO-WAY-STREAM", 2, 2, a -> LispStream.twoWay(stream(a[0], "MAKE-TWO-WAY-STREAM"), stream(a[1], "MAKE-TWO-WAY-STREAM"), false));
        b.cl("MAKE-ECHO-STREAM", 2, 2, a -> LispStream.twoWay(stream(a[0], "MAKE-ECHO-STREAM"), stream(a[1], "MAKE-ECHO-STREAM"), true));
        b.cl("TWO-WAY-STREAM-INPUT-STREAM", 1, 1, a -> stream(a[0], "TWO-WAY-STREAM-INPUT-STREAM").twoWayInput());
        b.cl("TWO-WAY-STREAM-OUTPUT-STREAM", 1, 1, a -> stream(a[0], "TWO-WAY-STREAM-OUTPUT-STREAM").twoWayOutput());
        b.cl("ECHO-STREAM-INPUT-STREAM", 1, 1, a -> stream(a[0], "ECHO-STREAM-INPUT-STREAM").twoWayInput());
        b.cl("ECHO-STREAM-OUTPUT-STREAM", 1, 1, a -> stream(a[0], "ECHO-STREAM-OUTPUT-STREAM").twoWayOutput());
        b.cl("MAKE-BROADCAST-STREAM", 0, -1, a -> LispStream.broadcast(streams(a, "MAKE-BROADCAST-STREAM")));
        b.cl("MAKE-STRING-INPUT-STREAM", 1, 3, a -> {
            String s = Strings.string(a[0], "MAKE-STRING-INPUT-STREAM");
            int start = a.length > 1 ? Args.index(a[1], "MAKE-STRING-INPUT-STREAM") : 0;
            int end = a.length > 2 && a[2] != Lisp.NIL ? Args.index(a[2], "MAKE-STRING-INPUT-STREAM") : s.length();
            return LispStream.stringInput(s.substring(start, end));
        });
        b.cl("STREAMP", 1, 1, a -> Lisp.bool(a[0] instanceof LispStream));
        b.cl("OUTPUT-STREAM-P", 1, 1, a -> Lisp.bool(stream(a[0], "OUTPUT-STREAM-P").isOutput()));
        b.cl("INPUT-STREAM-P", 1, 1, a -> Lisp.bool(stream(a[0], "INPUT-STREAM-P").isInput()));
        b.cl("OPEN-STREAM-P", 1, 1, a -> Lisp.bool(stream(a[0], "OPEN-STREAM-P").isOpen()));
        b.cl("CLOSE", 1, -1, a -> {
            stream(a[0], "CLOSE").close();
            return Lisp.T;
        });
        b.cl("READ-LINE", 0, 4, a -> {
            LispStream in = inputStream(cx, arg(a, 0), "READ-LINE");
            String line = in.readLine();
            if (line == null) {
                return eof(a, 1, in, "READ-LINE");
            }
            return Values.of(new Object[]{line, Lisp.NIL});
        });
        b.cl("READ-CHAR", 0, 4, a -> {
            LispStream in = inputStream(cx, arg(a, 0), "READ-CHAR");
            int c = in.readChar();
            return c < 0 ? eof(a, 1, in, "READ-CHAR") : Chars.of(c);
        });
        b.cl("PEEK-CHAR", 0, 5, a -> {
            LispStream in = inputStream(cx, arg(a, 1), "PEEK-CHAR");
            int c = in.peekChar();
            return c < 0 ? eof(a, 2, in, "PEEK-CHAR") : Chars.of(c);
        });
        b.cl("UNREAD-CHAR", 1, 2, a -> {
            inputStream(cx, arg(a, 1), "UNREAD-CHAR").unreadChar(Chars.code(a[0], "UNREAD-CHAR"));
            return Lisp.NIL;
        });
        b.cl("READ-BYTE", 1, 3, a -> {
            LispStream in = stream(a[0], "READ-BYTE");
            int octet = in.readByte();
            return octet < 0 ? eof(a, 1, in, "READ-BYTE") : (Object) (long) octet;
        });
        b.cl("WRITE-BYTE", 2, 2, a -> {
            stream(a[1], "WRITE-BYTE").writeByte((int) Args.integer(a[0], "WRITE-BYTE"));
            return a[0];
        });
        b.cl("FILE-LENGTH", 1, 1, a -> {
            long n = stream(a[0], "FILE-LENGTH").byteLength();
            return n < 0 ? Lisp.NIL : (Object) n;
        });
        b.cl("FILE-POSITION", 1, 2, a -> {
            long n = stream(a[0], "FILE-POSITION").bytePosition();
            return n < 0 ? Lisp.NIL : (Object) n;
        });
        b.function(cx.systemPackage(), "%%BINARY-STREAM-P", 1, 1, new FunctionBuiltin(a -> Lisp.bool(a[0] instanceof LispStream s && s.isBinary())));
        b.cl("READ-PRESERVING-WHITESPACE", 0, 4, a -> {
            LispStream in = inputStream(cx, arg(a, 0), "READ-PRESERVING-WHITESPACE");
            String text = in.remainingText();
            Reader r = cx.newReader(text, "stream");
            Object form = r.read();
            in.keepUnread(text, r.position());
            return form == Reader.EOF ? eof(a, 1, in, "READ-PRESERVING-WHITESPACE") : form;
        });
        b.cl("READ", 0, 4, a -> {
            LispStream in = inputStream(cx, arg(a, 0), "READ");
            String text = in.remainingText();
            Reader r = cx.newReader(text, "stream");
            Object form = r.read();
            in.keepUnread(text, afterWhitespace(text, r.position()));
            return form == Reader.EOF ? eof(a, 1, in, "READ") : form;
        });
        b.cl("READ-FROM-STRING", 1, -1, a -> {
            String text = Strings.string(a[0], "READ-FROM-STRING");
            boolean eofError = a.length < 2 || a[1] != Lisp.NIL;
            Object eofValue = a.length > 2 ? a[2] : Lisp.NIL;
            int start = 0;
            for (int i = 3; i + 1 < a.length; i += 2) {
                if (Builtins.symbol(a[i], "READ-FROM-STRING").name().equals("START")) {
                    start = ((Long) a[i + 1]).intValue();
                }
            }
            Reader r = cx.newReader(text.substring(start), "string");
            Object form = r.read();
            if (form == Reader.EOF) {
                if (eofError) {
                    throw LispError.error("END-OF-FILE", "end of file on " + Printer.prin1ToString(a[0]));
                }
                form = eofValue;
            }
            return Values.of(new Object[]{form, (long) (start + afterWhitespace(text.substring(start), r.position()))});
        });
        b.cl("OPEN", 1, -1, a -> open(cx, a));
        // The format a file stream was opened with (a keyword, or a list with options); NIL for other streams.
        b.cl("STREAM-EXTERNAL-FORMAT", 1, 1, a -> stream(a[0], "STREAM-EXTERNAL-FORMAT").externalFormat());
        b.cl("PROBE-FILE", 1, 1, a -> {
            com.oracle.truffle.api.TruffleFile f = cx.env().getPublicTruffleFile(Strings.namestring(a[0]));
            return f.exists() ? new Pathname(SystemBuiltins.truename(f)) : Lisp.NIL;
        });
        b.cl("DELETE-FILE", 1, 1, a -> {
            try {
                cx.env().getPublicTruffleFile(Strings.namestring(a[0])).delete();
                return Lisp.T;
            } catch (IOException e) {
                throw LispError.error("FILE-ERROR", "cannot delete " + Strings.namestring(a[0]) + ": " + e.getMessage(), "PATHNAME", a[0]);
            }
        });
    }

    /** READ consumes the whitespace character that ends a token (READ-PRESERVING-WHITESPACE would not). */
    private static int afterWhitespace(String text, int pos) {
        return pos < text.length() && Character.isWhitespace(text.charAt(pos)) ? pos + 1 : pos;
    }

    private static Object arg(Object[] a, int i) {
        return i < a.length ? a[i] : Lisp.NIL;
    }

    private static LispStream[] streams(Object[] a, String where) {
        LispStream[] parts = new LispStream[a.length];
        for (int i = 0; i < a.length; i++) {
            parts[i] = stream(a[i], where);
        }
        return parts;
    }

    static LispStream stream(Object o, String where) {
        if (o instanceof LispStream s) {
            return s;
        }
        throw LispError.typeError(o, "STREAM", where);
    }

    static LispStream outputStream(EpsilonContext cx, Object designator, String where) {
        if (designator == Lisp.NIL || designator == Lisp.T) {
            return cx.output();
        }
        return stream(designator, where);
    }

    static LispStream inputStream(EpsilonContext cx, Object designator, String where) {
        if (designator == Lisp.NIL || designator == Lisp.T) {
            return (LispStream) cx.clSymbol("*STANDARD-INPUT*").value(EpsilonLanguage.thread(null));
        }
        return stream(designator, where);
    }

    private static Object eof(Object[] a, int errorIndex, LispStream in, String where) {
        boolean eofError = errorIndex >= a.length || a[errorIndex] != Lisp.NIL;
        if (eofError) {
            throw LispError.error("END-OF-FILE", "end of file on " + in + " (" + where + ")", "STREAM", in);
        }
        Object value = errorIndex + 1 < a.length ? a[errorIndex + 1] : Lisp.NIL;
        return where.equals("READ-LINE") ? Values.of(new Object[]{value, Lisp.T}) : value;
    }

    private static Object open(EpsilonContext cx, Object[] a) {
        String name = Strings.namestring(a[0]);
        String direction = "INPUT";
        String ifExists = "ERROR";
        String ifDoesNotExist = null;
        boolean binary = false;
        Object externalFormat = cx.keyword("UTF-8");
        for (int i = 1; i + 1 < a.length; i += 2) {
            String key = Builtins.symbol(a[i], "OPEN").name();
            String value = a[i + 1] instanceof Symbol s ? s.name() : "NIL";
            switch (key) {
                case "EXTERNAL-FORMAT" -> externalFormat = a[i + 1] instanceof Symbol s && s.name().equals("DEFAULT") ? externalFormat : a[i + 1];
                case "DIRECTION" -> direction = value;
                case "IF-EXISTS" -> ifExists = value;
                case "IF-DOES-NOT-EXIST" -> ifDoesNotExist = value;
                // (unsigned-byte 8) and (signed-byte 8) files are octet streams
                case "ELEMENT-TYPE" -> binary = a[i + 1] instanceof dev.epsilon.language.runtime.Cons c && c.car instanceof Symbol h
                        && (h.name().equals("UNSIGNED-BYTE") || h.name().equals("SIGNED-BYTE"));
                default -> { }
            }
        }
        ExternalFormats.Format format = ExternalFormats.of(externalFormat, "OPEN");
        // Through the embedder's file system: a context not allowed IO opens nothing.
        com.oracle.truffle.api.TruffleFile p = cx.env().getPublicTruffleFile(name);
        try {
            if (direction.equals("INPUT")) {
                if (!p.exists()) {
                    if ("NIL".equals(ifDoesNotExist)) {
                        return Lisp.NIL;
                    }
                    throw LispError.error("FILE-ERROR", "file " + name + " does not exist", "PATHNAME", a[0]);
                }
                if (binary) {
                    return LispStream.binaryInput(p.newInputStream(), p.size(), name);
                }
                return LispStream.reader(new InputStreamReader(p.newInputStream(), format.decoder()), name).withExternalFormat(externalFormat);
            }
            boolean exists = p.exists();
            if (exists && ifExists.equals("NIL")) {
                return Lisp.NIL;
            }
            if (exists && ifExists.equals("ERROR")) {
                throw LispError.error("FILE-ERROR", "file " + name + " already exists", "PATHNAME", a[0]);
            }
            StandardOpenOption mode = ifExists.equals("APPEND") ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
            if (binary) {
                long start = exists && mode == StandardOpenOption.APPEND ? p.size() : 0;
                return LispStream.binaryOutput(p.newOutputStream(StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode), start, name);
            }
            return LispStream.writer(new BufferedWriter(new OutputStreamWriter(p.newOutputStream(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, mode), format.encoder())), name).withExternalFormat(externalFormat);
        } catch (IOException e) {
            throw LispError.error("FILE-ERROR", "cannot open " + name + ": " + e.getMessage(), "PATHNAME", a[0]);
        }
    }

    /** WRITE-STRING's and WRITE-LINE's string, from its :START to its :END (characters, as Lisp counts them). */
    private static String between(Object[] a, String where) {
        String s = Strings.string(a[0], where);
        Object start = Args.key(a, 2, "START", 0L);
        Object end = Args.key(a, 2, "END", Lisp.NIL);
        if (Long.valueOf(0).equals(start) && end == Lisp.NIL) {
            return s;
        }
        int[] chars = s.codePoints().toArray();
        int from = Args.index(start, where);
        int to = end == Lisp.NIL ? chars.length : Args.index(end, where);
        if (to > chars.length || from > to) {
            throw LispError.error("SIMPLE-ERROR", where + ": the bounding indices " + from + " and " + to
                    + " are not within a string of length " + chars.length);
        }
        return new String(chars, from, to - from);
    }
}
