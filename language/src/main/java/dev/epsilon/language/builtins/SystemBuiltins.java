package dev.epsilon.language.builtins;

import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.source.Source;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispPackage;
import dev.epsilon.language.runtime.Pathname;
import dev.epsilon.language.runtime.Symbol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Time, LOAD, pathnames, the program's arguments and environment, EXIT. */
final class SystemBuiltins {
    private SystemBuiltins() {
    }

    private static final long START = System.nanoTime();

    /** Universal time counts seconds from 1900-01-01T00:00Z: this is 1970-01-01T00:00Z in it. */
    private static final long UNIX_EPOCH_UNIVERSAL_TIME = 2208988800L;

    static void install(Builtins b, EpsilonContext cx) {
        LispPackage sys = cx.systemPackage();
        b.cl("GET-INTERNAL-REAL-TIME", 0, 0, a -> (System.nanoTime() - START) / 1000);
        b.cl("GET-INTERNAL-RUN-TIME", 0, 0, a -> (System.nanoTime() - START) / 1000);
        b.cl("GET-UNIVERSAL-TIME", 0, 0, a -> System.currentTimeMillis() / 1000 + UNIX_EPOCH_UNIVERSAL_TIME);
        b.cl("SLEEP", 1, 1, a -> {
            try {
                Thread.sleep((long) (Arith.toDouble(a[0]) * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Lisp.NIL;
        });
        b.cl("LOAD", 1, -1, a -> {
            String name = Strings.namestring(a[0]);
            TruffleFile file = cx.env().getPublicTruffleFile(name);
            if (!file.isRegularFile()) {
                if (Args.key(a, 1, "IF-DOES-NOT-EXIST", Lisp.T) == Lisp.NIL) {
                    return Lisp.NIL;
                }
                throw LispError.error("FILE-ERROR", "cannot load " + name + ": no such file", "PATHNAME", a[0]);
            }
            Object verbose = Args.key(a, 1, "VERBOSE", cx.clSymbol("*LOAD-VERBOSE*").value(EpsilonLanguage.thread(null)));
            if (verbose != Lisp.NIL && cx.clSymbol("*STANDARD-OUTPUT*").value(EpsilonLanguage.thread(null)) instanceof dev.epsilon.language.runtime.LispStream out) {
                // As SBCL reports it: the truename, printed as a pathname.
                out.write("; loading " + dev.epsilon.language.runtime.Printer.prin1ToString(new Pathname(file.getAbsoluteFile().normalize().getPath())) + "\n");
            }
            return fileWork(cx, "load", a[0], () -> {
                if (isFasl(file)) {
                    cx.loadFasl(file);
                } else {
                    cx.load(fileSource(cx, file));
                }
                return Lisp.T;
            });
        });
        // (%%LOAD-WRITING-FASL source fasl): LOAD of a source file that also writes its fasl (the
        // system loader's first load of a file); answers whether the fasl was written.
        b.function(sys, "%%LOAD-WRITING-FASL", 2, 2, new FunctionBuiltin(a -> fileWork(cx, "load", a[0], () ->
                Lisp.bool(cx.loadWritingFasl(fileSource(cx, cx.env().getPublicTruffleFile(Strings.namestring(a[0]))),
                        cx.env().getPublicTruffleFile(Strings.namestring(a[1])))))));
        // (%%COMPILE-FILE input output): COMPILE-FILE's work; false when the file holds a literal no
        // fasl can (then there is no output).
        b.function(sys, "%%COMPILE-FILE", 2, 2, new FunctionBuiltin(a -> fileWork(cx, "compile", a[0], () ->
                Lisp.bool(dev.epsilon.language.fasl.FileCompiler.compile(cx, fileSource(cx, cx.env().getPublicTruffleFile(Strings.namestring(a[0]))),
                        cx.env().getPublicTruffleFile(Strings.namestring(a[1])))))));
        // (%%FASL-CURRENT-P path): whether path is a fasl this build wrote (one it can load).
        b.function(sys, "%%FASL-CURRENT-P", 1, 1, new FunctionBuiltin(a -> {
            try (java.io.InputStream in = cx.env().getPublicTruffleFile(Strings.namestring(a[0])).newInputStream()) {
                return Lisp.bool(cx.faslFingerprint().equals(dev.epsilon.language.fasl.FaslReader.fingerprintOf(in)));
            } catch (IOException | SecurityException e) {
                return Lisp.NIL;
            }
        }));
        b.cl("PATHNAME", 1, 1, a -> a[0] instanceof Pathname ? a[0] : new Pathname(Strings.namestring(a[0])));
        b.cl("PATHNAMEP", 1, 1, a -> Lisp.bool(a[0] instanceof Pathname));
        b.cl("NAMESTRING", 1, 1, a -> Strings.namestring(a[0]));
        b.cl("TRUENAME", 1, 1, a -> new Pathname(truename(cx.env().getPublicTruffleFile(Strings.namestring(a[0])))));
        b.cl("FILE-NAMESTRING", 1, 1, a -> {
            Path f = Path.of(Strings.namestring(a[0])).getFileName();
            return f == null ? "" : f.toString();
        });
        b.cl("DIRECTORY-NAMESTRING", 1, 1, a -> {
            String s = Strings.namestring(a[0]);
            int slash = s.lastIndexOf('/');
            return slash < 0 ? "" : s.substring(0, slash + 1);
        });
        b.cl("PATHNAME-NAME", 1, -1, a -> {
            String f = fileName(a[0]);
            int dot = f.lastIndexOf('.');
            return f.isEmpty() ? Lisp.NIL : dot > 0 ? f.substring(0, dot) : f;
        });
        b.cl("PATHNAME-TYPE", 1, -1, a -> {
            String f = fileName(a[0]);
            int dot = f.lastIndexOf('.');
            return dot > 0 ? f.substring(dot + 1) : Lisp.NIL;
        });
        b.cl("PATHNAME-DIRECTORY", 1, -1, a -> {
            String s = Strings.namestring(a[0]);
            int slash = s.lastIndexOf('/');
            if (slash < 0) {
                return Lisp.NIL;
            }
            List<Object> parts = new ArrayList<>();
            parts.add(cx.keyword(s.startsWith("/") ? "ABSOLUTE" : "RELATIVE"));
            for (String part : s.substring(0, slash).split("/")) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
            return Lisp.fromList(parts, Lisp.NIL);
        });
        b.cl("MERGE-PATHNAMES", 1, 3, a -> {
            String p = Strings.namestring(a[0]);
            String defaults = a.length > 1 ? Strings.namestring(a[1]) : "";
            if (p.startsWith("/") || defaults.isEmpty()) {
                return new Pathname(p);
            }
            String dir = defaults.endsWith("/") ? defaults : defaults.substring(0, defaults.lastIndexOf('/') + 1);
            String merged = dir + p;
            if (!fileName(p).contains(".") && fileName(defaults).contains(".")) {
                String f = fileName(defaults);
                merged = merged + f.substring(f.lastIndexOf('.'));
            }
            return new Pathname(merged);
        });
        b.cl("MAKE-PATHNAME", 0, -1, a -> {
            StringBuilder s = new StringBuilder();
            Object dir = Args.key(a, 0, "DIRECTORY", Lisp.NIL);
            if (dir != Lisp.NIL) {
                List<Object> parts = Lisp.toJavaList(dir);
                if (!parts.isEmpty() && parts.get(0) instanceof Symbol k && k.name().equals("ABSOLUTE")) {
                    s.append('/');
                }
                for (Object part : parts.subList(1, parts.size())) {
                    s.append(Strings.designator(part, "MAKE-PATHNAME")).append('/');
                }
            }
            Object name = Args.key(a, 0, "NAME", Lisp.NIL);
            if (name != Lisp.NIL) {
                s.append(Strings.designator(name, "MAKE-PATHNAME"));
            }
            Object type = Args.key(a, 0, "TYPE", Lisp.NIL);
            if (type != Lisp.NIL) {
                s.append('.').append(Strings.designator(type, "MAKE-PATHNAME"));
            }
            return new Pathname(s.toString());
        });
        b.function(sys, "%%DIRECTORY-ENTRIES", 1, 1, new FunctionBuiltin(a -> {
            // The entries of a directory, directories with a trailing slash, sorted; NIL when it is not one.
            com.oracle.truffle.api.TruffleFile dir = cx.env().getPublicTruffleFile(Strings.namestring(a[0]));
            if (!dir.isDirectory()) {
                return Lisp.NIL;
            }
            List<String> names = new ArrayList<>();
            try {
                for (com.oracle.truffle.api.TruffleFile f : dir.list()) {
                    names.add(f.getName() + (f.isDirectory() ? "/" : ""));
                }
            } catch (IOException | SecurityException e) {
                return Lisp.NIL;
            }
            names.sort(null);
            return Lisp.fromList(new ArrayList<>(names), Lisp.NIL);
        }));
        b.function(sys, "%%EVAL-PENDING-FORM", 1, 1, new FunctionBuiltin(a -> {
            return Args.as(a[0], EpsilonContext.PendingForm.class, "EPSILON.SYSTEM::PENDING-FORM", "%%EVAL-PENDING-FORM").run(cx);
        }));
        b.function(sys, "%%ABORT-LOAD-MARKER", 0, 0, new FunctionBuiltin(a -> EpsilonContext.ABORT_LOAD));
        b.function(sys, "%%GC", 0, 0, new FunctionBuiltin(a -> {
            collectGarbage();
            return Lisp.NIL;
        }));
        b.cl("DIRECTORY", 1, -1, a -> directory(cx, Strings.namestring(a[0])));
        b.cl("ENSURE-DIRECTORIES-EXIST", 1, -1, a -> {
            String path = Strings.namestring(a[0]);
            String dir = path.substring(0, path.lastIndexOf('/') + 1);
            boolean created = false;
            if (!dir.isEmpty()) {
                com.oracle.truffle.api.TruffleFile f = cx.env().getPublicTruffleFile(dir);
                if (!f.exists()) {
                    try {
                        f.createDirectories();
                        created = true;
                    } catch (IOException e) {
                        throw LispError.error("FILE-ERROR", "cannot create directory " + dir + ": " + e.getMessage(), "PATHNAME", a[0]);
                    }
                }
            }
            return dev.epsilon.language.runtime.Values.of(new Object[]{a[0], Lisp.bool(created)});
        });
        b.cl("FILE-WRITE-DATE", 1, 1, a -> {
            com.oracle.truffle.api.TruffleFile f = cx.env().getPublicTruffleFile(Strings.namestring(a[0]));
            try {
                return f.getLastModifiedTime().toMillis() / 1000 + UNIX_EPOCH_UNIVERSAL_TIME;
            } catch (IOException e) {
                return Lisp.NIL;
            }
        });
        b.cl("RENAME-FILE", 2, 2, a -> {
            String from = Strings.namestring(a[0]);
            String to = Strings.namestring(a[1]);
            try {
                cx.env().getPublicTruffleFile(from).move(cx.env().getPublicTruffleFile(to));
            } catch (IOException e) {
                throw LispError.error("FILE-ERROR", "cannot rename " + from + " to " + to + ": " + e.getMessage(), "PATHNAME", a[0]);
            }
            Pathname result = new Pathname(to);
            return dev.epsilon.language.runtime.Values.of(new Object[]{result, new Pathname(from), result});
        });
        b.function(sys, "%%DECODE-UNIVERSAL-TIME", 2, 2, new FunctionBuiltin(a -> {
            // (second minute hour date month year day daylight-p zone), day 0 = Monday, zone in hours west.
            long seconds = Args.integer(a[0], "DECODE-UNIVERSAL-TIME") - UNIX_EPOCH_UNIVERSAL_TIME;
            java.time.Instant instant = java.time.Instant.ofEpochSecond(seconds);
            java.time.ZoneId zone;
            boolean daylight = false;
            Object westHours;
            if (a[1] == Lisp.NIL) {
                zone = java.time.ZoneId.systemDefault();
                daylight = zone.getRules().isDaylightSavings(instant);
                int standard = zone.getRules().getStandardOffset(instant).getTotalSeconds();
                westHours = dev.epsilon.language.runtime.Ratio.of(java.math.BigInteger.valueOf(-standard), java.math.BigInteger.valueOf(3600));
            } else {
                long west = Math.round(Arith.toDouble(a[1]) * 3600);
                zone = java.time.ZoneOffset.ofTotalSeconds((int) -west);
                westHours = a[1];
            }
            java.time.ZonedDateTime t = instant.atZone(zone);
            return dev.epsilon.language.runtime.Values.of(new Object[]{(long) t.getSecond(), (long) t.getMinute(), (long) t.getHour(),
                (long) t.getDayOfMonth(), (long) t.getMonthValue(), (long) t.getYear(), (long) (t.getDayOfWeek().getValue() - 1),
                Lisp.bool(daylight), westHours});
        }));
        b.function(sys, "%%ENCODE-UNIVERSAL-TIME", 7, 7, new FunctionBuiltin(a -> {
            java.time.LocalDateTime local = java.time.LocalDateTime.of((int) Args.integer(a[5], "ENCODE-UNIVERSAL-TIME"),
                    (int) Args.integer(a[4], "ENCODE-UNIVERSAL-TIME"), (int) Args.integer(a[3], "ENCODE-UNIVERSAL-TIME"),
                    (int) Args.integer(a[2], "ENCODE-UNIVERSAL-TIME"), (int) Args.integer(a[1], "ENCODE-UNIVERSAL-TIME"),
                    (int) Args.integer(a[0], "ENCODE-UNIVERSAL-TIME"));
            long epoch = a[6] == Lisp.NIL
                    ? local.atZone(java.time.ZoneId.systemDefault()).toEpochSecond()
                    : local.toEpochSecond(java.time.ZoneOffset.UTC) + Math.round(Arith.toDouble(a[6]) * 3600);
            return epoch + UNIX_EPOCH_UNIVERSAL_TIME;
        }));
        b.function(sys, "%%LOAD-LIBRARY-FILE", 1, 1, new FunctionBuiltin(a -> cx.loadLibraryFile(Strings.string(a[0], "REQUIRE"))));
        b.cl("USER-HOMEDIR-PATHNAME", 0, 1, a -> {
            String home = System.getProperty("user.home", "/");
            return new Pathname(home.endsWith("/") ? home : home + "/");
        });
        b.function(sys, "%%EPSILON-VERSION", 0, 0, new FunctionBuiltin(a -> EpsilonLanguage.VERSION));
        b.function(sys, "ARGV", 0, 0, new FunctionBuiltin(a -> Lisp.fromList(List.of((Object[]) cx.env().getApplicationArguments()), Lisp.NIL)));
        b.function(sys, "GETENV", 1, 1, new FunctionBuiltin(a -> {
            // Through the embedder's environment policy: a context not allowed the process
            // environment sees only the variables the embedder gave it.
            String v = cx.env().getEnvironment().get(Strings.string(a[0], "GETENV"));
            return v == null ? Lisp.NIL : v;
        }));
        b.function(sys, "EXIT", 0, -1, new FunctionBuiltin(a -> {
            Object code = a.length == 1 ? a[0] : Args.key(a, 0, "CODE", 0L);
            cx.flushConsole();
            cx.env().getContext().closeExited(null, (int) Args.integer(code, "EXIT"));
            return Lisp.NIL;
        }));
    }

    /** Work on a file that may fail reading or writing it. */
    private interface FileWork {
        Object run() throws IOException;
    }

    /**
     * Runs {@code work} on the file {@code pathname}, keeping *PACKAGE* (an IN-PACKAGE inside a loaded
     * file ends with it); a failure to read or write is a FILE-ERROR naming the file.
     */
    private static Object fileWork(EpsilonContext cx, String verb, Object pathname, FileWork work) {
        Symbol packageVar = cx.packageVariable();
        Object saved = packageVar.value(EpsilonLanguage.thread(null));
        try {
            return work.run();
        } catch (IOException e) {
            String name = Strings.namestring(pathname);
            throw LispError.error("FILE-ERROR", "cannot " + verb + " " + name + ": " + e.getMessage(), "PATHNAME", pathname);
        } finally {
            packageVar.setValue(EpsilonLanguage.thread(null), saved);
        }
    }

    private static boolean isFasl(TruffleFile file) throws IOException {
        try (java.io.InputStream in = file.newInputStream()) {
            return dev.epsilon.language.fasl.FaslReader.isFasl(in.readNBytes(8));
        }
    }

    private static Source fileSource(EpsilonContext cx, TruffleFile file) throws IOException {
        return Source.newBuilder(EpsilonLanguage.ID, file).encoding(StandardCharsets.UTF_8).build();
    }

    private static String fileName(Object o) {
        Path f = Path.of(Strings.namestring(o)).getFileName();
        return f == null ? "" : f.toString();
    }

    /**
     * DIRECTORY: the truenames matching a pathname with * and ? in its names, ** for any depth of
     * directories (none included), and a trailing / to match directories; sorted.
     */
    private static Object directory(EpsilonContext cx, String pattern) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            com.oracle.truffle.api.TruffleFile f = cx.env().getPublicTruffleFile(pattern);
            return f.exists() ? Lisp.list(new Pathname(truename(f))) : Lisp.NIL;
        }
        String absolute = pattern.startsWith("/") ? pattern : cx.env().getCurrentWorkingDirectory().getPath() + "/" + pattern;
        int wild = Math.min(indexOrEnd(absolute, '*'), indexOrEnd(absolute, '?'));
        String base = absolute.substring(0, absolute.lastIndexOf('/', wild) + 1);
        boolean directories = absolute.endsWith("/");
        String glob = directories ? absolute.substring(0, absolute.length() - 1) : absolute;
        java.nio.file.FileSystem fs = java.nio.file.FileSystems.getDefault();
        java.nio.file.PathMatcher matcher = fs.getPathMatcher("glob:" + glob);
        java.nio.file.PathMatcher noDepth = fs.getPathMatcher("glob:" + glob.replace("/**/", "/"));
        // How many directory levels below BASE the pattern reaches (any number with **).
        int levels = glob.contains("**") ? Integer.MAX_VALUE : (int) glob.substring(base.length()).chars().filter(c -> c == '/').count();
        List<String> found = new ArrayList<>();
        collect(cx.env().getPublicTruffleFile(base), levels, directories, matcher, noDepth, found);
        found.sort(null);
        List<Object> out = new ArrayList<>();
        for (String f : found) {
            out.add(new Pathname(f));
        }
        return Lisp.fromList(out, Lisp.NIL);
    }

    private static int indexOrEnd(String s, char c) {
        int i = s.indexOf(c);
        return i < 0 ? s.length() : i;
    }

    private static void collect(com.oracle.truffle.api.TruffleFile dir, int levels, boolean directories,
                                java.nio.file.PathMatcher matcher, java.nio.file.PathMatcher noDepth, List<String> found) {
        if (!dir.isDirectory()) {
            return;
        }
        try {
            for (com.oracle.truffle.api.TruffleFile f : dir.list()) {
                java.nio.file.Path path = java.nio.file.Path.of(f.getPath());
                boolean isDir = f.isDirectory();
                if (isDir == directories && (matcher.matches(path) || noDepth.matches(path))) {
                    found.add(truename(f));
                }
                if (isDir && levels > 0) {
                    collect(f, levels == Integer.MAX_VALUE ? levels : levels - 1, directories, matcher, noDepth, found);
                }
            }
        } catch (IOException | SecurityException e) {
            // an unreadable directory contributes nothing, as in SBCL
        }
    }

    /** A file's truename: absolute and normalized, a directory's with a trailing slash. */
    static String truename(com.oracle.truffle.api.TruffleFile f) {
        String path = f.getAbsoluteFile().normalize().getPath();
        return f.isDirectory() && !path.endsWith("/") ? path + "/" : path;
    }

    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    private static void collectGarbage() {
        System.gc();
    }
}
