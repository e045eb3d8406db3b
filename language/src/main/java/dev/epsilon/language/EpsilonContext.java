package dev.epsilon.language;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage.Env;
import com.oracle.truffle.api.source.Source;
import dev.epsilon.language.analyzer.Analyzer;
import dev.epsilon.language.builtins.Builtins;
import dev.epsilon.language.reader.Reader;
import dev.epsilon.language.reader.SourceMap;
import dev.epsilon.language.reader.SymbolTable;
import dev.epsilon.language.fasl.FaslReader;
import dev.epsilon.language.fasl.FaslWriter;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.ExpansionRecorder;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispStream;
import dev.epsilon.language.runtime.LispThread;
import dev.epsilon.language.runtime.Pathname;
import dev.epsilon.language.clos.ClassTable;
import dev.epsilon.language.clos.Types;
import dev.epsilon.language.runtime.LispPackage;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.language.runtime.Values;
import dev.epsilon.nfi.LibraryRegistry;
import dev.epsilon.nfi.FfmEngine;
import dev.epsilon.nfi.NativeMemory;
import dev.epsilon.nfi.NfiEngine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One running Epsilon image: packages, global definitions, streams and the foreign layer. */
public final class EpsilonContext {
    private final EpsilonLanguage language;
    private final Env env;
    private final Map<String, LispPackage> packages = new LinkedHashMap<>();
    private final LispPackage cl;
    private final LispPackage keywords;
    private final LispPackage system;
    private final LispPackage foreign;
    private final LispPackage user;
    private final Symbol packageVar;
    private final Symbol featuresVar;
    private final LispStream console;
    private final LispStream consoleErrors;
    private final Symbol standardOutput;
    private final ClassTable classes;
    private final Types types;
    private final SymbolTable readerTable = new ReaderTable();
    private final String ffiEngine;
    private final String manifests;   // --epsilon.ffi-manifests: files loaded at start-up
    private volatile LibraryRegistry libraries;
    private volatile LibraryRegistry ffmLibraries;
    private final NativeMemory memory = new NativeMemory();
    /** Whether the embedder allowed native access (Context.Builder.allowNativeAccess): libraries, calls, memory, callbacks. */
    private final boolean nativeAccess;
    private Symbol loadPathname;
    private Symbol loadTruename;
    private final Symbol readtableVar;
    private final Symbol readSuppressVar;
    private final Symbol readEvalVar;
    private final Symbol readBaseVar;
    private final Symbol readFloatFormatVar;
    /** The standard readtable: never changed (COPY-READTABLE of NIL copies it). */
    private final dev.epsilon.language.reader.Readtable standardReadtable = new dev.epsilon.language.reader.Readtable();

    EpsilonContext(EpsilonLanguage language, Env env, String ffiEngine, String manifests) {
        this.language = language;
        this.env = env;
        this.nativeAccess = env.isNativeAccessAllowed();
        this.manifests = manifests;
        this.ffiEngine = ffiEngine;
        this.console = LispStream.console(env.out(), "standard output");
        this.consoleErrors = LispStream.console(env.err(), "error output");
        this.cl = makePackage("COMMON-LISP", "CL");
        this.keywords = new LispPackage("KEYWORD", true);
        packages.put("KEYWORD", keywords);
        packages.put("", keywords);
        this.system = makePackage("EPSILON.SYSTEM", "SYS");
        this.foreign = makePackage("EPSILON.FOREIGN", "FFI");
        this.user = makePackage("COMMON-LISP-USER", "CL-USER");
        LispPackage polyglot = makePackage("EPSILON.POLYGLOT", null);
        cl.export(Lisp.NIL);
        cl.export(Lisp.T);
        for (String name : Prelude.text("cl-symbols.txt").split("\n")) {
            if (!name.isBlank()) {
                cl.export(cl.intern(name.strip()));
            }
        }
        system.use(cl);
        foreign.use(cl);
        system.use(foreign);
        user.use(cl);
        user.use(foreign);
        polyglot.use(cl);
        user.use(polyglot);
        this.standardOutput = special("*STANDARD-OUTPUT*", console);
        special("*ERROR-OUTPUT*", consoleErrors);
        special("*TRACE-OUTPUT*", console);
        LispStream consoleIn = LispStream.consoleInput(env.in());
        LispStream terminal = LispStream.twoWay(consoleIn, console, false);
        special("*TERMINAL-IO*", terminal);
        special("*DEBUG-IO*", terminal);
        special("*QUERY-IO*", terminal);
        special("*STANDARD-INPUT*", consoleIn);
        this.readtableVar = special("*READTABLE*", standardReadtable.copy());
        this.readSuppressVar = special("*READ-SUPPRESS*", Lisp.NIL);
        this.readEvalVar = special("*READ-EVAL*", Lisp.T);
        this.readBaseVar = special("*READ-BASE*", 10L);
        this.readFloatFormatVar = special("*READ-DEFAULT-FLOAT-FORMAT*", cl.findExternal("SINGLE-FLOAT"));
        this.classes = new ClassTable(this);
        this.types = new Types(classes);
        classes.register(LispStream.class, classes.find(cl.findExternal("STREAM")));
        classes.register(dev.epsilon.language.reader.Readtable.class, classes.find(cl.findExternal("READTABLE")));
        Symbol foreignPointer = foreign.intern("FOREIGN-POINTER");
        foreign.export(foreignPointer);
        classes.register(dev.epsilon.language.runtime.ForeignPointer.class, classes.defineBuiltIn(foreignPointer, classes.t));
        classes.register(dev.epsilon.language.runtime.LispHashTable.class, classes.find(cl.findExternal("HASH-TABLE")));
        classes.register(dev.epsilon.language.runtime.LispString.class, classes.find(cl.findExternal("STRING")));
        classes.register(dev.epsilon.language.runtime.LispVector.class, classes.find(cl.findExternal("VECTOR")));
        classes.register(dev.epsilon.language.runtime.NativeArray.class, classes.find(cl.findExternal("VECTOR")));
        this.packageVar = cl.intern("*PACKAGE*");
        packageVar.setSpecial(true);
        packageVar.setValue(system);
        this.featuresVar = cl.intern("*FEATURES*");
        featuresVar.setSpecial(true);
        featuresVar.setValue(Lisp.list(keyword("EPSILON"), keyword("COMMON-LISP"), keyword("ANSI-CL"),
                keyword("64-BIT"), keyword("LITTLE-ENDIAN"), keyword(archFeature()), keyword("LINUX"), keyword("UNIX")));
    }

    private static String archFeature() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("aarch64") ? "ARM64" : "X86-64";
    }

    private Symbol special(String name, Object value) {
        Symbol s = cl.intern(name);
        s.setSpecial(true);
        s.setValue(value);
        return s;
    }

    private LispPackage makePackage(String name, String nickname) {
        LispPackage p = new LispPackage(name, false);
        packages.put(name, p);
        if (nickname != null) {
            p.nicknames().add(nickname);
            packages.put(nickname, p);
        }
        return p;
    }

    /** Called by {@link Prelude} once the prelude is loaded: macro expansion errors are deferred from now on. */
    void finishBoot() {
        loadPathname = cl.findExternal("*LOAD-PATHNAME*");
        loadTruename = cl.findExternal("*LOAD-TRUENAME*");
        booted = true;
    }

    /** The manifests --epsilon.ffi-manifests names, loaded at start-up. */
    String startupManifests() { return manifests; }

    /**
     * Loads a Lisp library that ships with the language but is not part of the prelude (REQUIRE of
     * ASDF), in package EPSILON.SYSTEM; the caller's *PACKAGE* is kept.
     */
    @TruffleBoundary
    public Object loadLibraryFile(String file) {
        Source source = Prelude.source(file);
        LispThread thread = EpsilonLanguage.thread(null);
        int index = packageVar.dynamicIndex();
        Object saved = thread.dynamicValue(index);
        thread.setDynamicValue(index, system);
        try {
            load(source);
        } finally {
            thread.setDynamicValue(index, saved);
        }
        return Lisp.T;
    }

    private volatile boolean booted;

    /** The Lisp state of every thread that has entered this context (C-created threads included). */
    private final java.util.Set<LispThread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public java.util.Set<LispThread> threads() { return threads; }

    /** Writes a line to the context's error output at once (reports that have no Lisp caller). */
    @TruffleBoundary
    public void reportError(String line) {
        consoleErrors.write(line + "\n");
        consoleErrors.flush();
    }

    /** Whether the prelude has been loaded (until then macro expansion errors are not deferred). */
    public boolean isBooted() { return booted; }

    /** Writes out what the console streams hold (after each top-level form, and at exit). */
    public void flushConsole() {
        console.flush();
        consoleErrors.flush();
    }

    /** A reader over a file's source, interning in the current package. */
    public Reader newReader(Source source) {
        return Reader.program(source, readerTable);
    }

    /** A reader over text (READ, READ-FROM-STRING), interning in the current package. */
    public Reader newReader(String text, String name) {
        return new Reader(Source.newBuilder(EpsilonLanguage.ID, text, name).build(), readerTable);
    }

    /** Reads, expands and runs each form of {@code source} in turn; returns the last value. */
    @TruffleBoundary
    public Object load(Source source) {
        Reader reader = Reader.program(source, readerTable);
        return withLoadPathnames(source.getPath(), () -> loadForms(source, reader::read, reader.sourceMap(), null));
    }

    /**
     * Loads {@code source} as {@link #load} does and writes a fasl of it to {@code fasl}: its forms
     * with the macro expansions this load made, so that loading the fasl skips expanding them. No
     * fasl is written if a form fails (and loading goes on past it by the CONTINUE restart).
     * Answers whether the fasl was written.
     */
    @TruffleBoundary
    public boolean loadWritingFasl(Source source, TruffleFile fasl) {
        Reader reader = Reader.program(source, readerTable);
        FaslWriter writer = newFaslWriter(source);
        withLoadPathnames(source.getPath(), () -> loadForms(source, reader::read, reader.sourceMap(), writer));
        try {
            return writer.finish(fasl);
        } catch (IOException | SecurityException e) {
            return false;   // no fasl (a read-only cache, say): the next load reads the source again
        }
    }

    /** A fasl writer stamped with this build, for forms read from {@code source}. */
    public FaslWriter newFaslWriter(Source source) {
        return new FaslWriter(faslFingerprint(), source.getPath(), source.getLength(), clSymbol("QUOTE"), clSymbol("PROGN"));
    }

    /** What identifies fasls this build can load (see {@code FaslFormat}). */
    public String faslFingerprint() {
        return language.faslFingerprint();
    }

    /**
     * Loads a fasl: each form, already expanded, is analyzed and run in turn, with the restarts of
     * {@link #load}; errors name the source file and line the form came from when that file is still
     * as it was.
     */
    @TruffleBoundary
    public Object loadFasl(TruffleFile file) throws IOException {
        FaslReader fasl = new FaslReader(file.readAllBytes(), this::findPackage);
        if (!fasl.fingerprint().equals(faslFingerprint())) {
            throw LispError.error("FILE-ERROR", file.getPath() + " was compiled by another build of Epsilon ("
                    + fasl.fingerprint() + "); compile its source again", "PATHNAME", new Pathname(file.getPath()));
        }
        Source source = null;
        if (!fasl.sourcePath().isEmpty()) {
            try {
                Source original = Source.newBuilder(EpsilonLanguage.ID, env.getPublicTruffleFile(fasl.sourcePath()))
                        .encoding(StandardCharsets.UTF_8).build();
                if (original.getLength() == fasl.sourceLength()) {
                    fasl.useSource(original);
                    source = original;
                }
            } catch (IOException | SecurityException | UnsupportedOperationException e) {
                // The source is gone: errors name the fasl, without a line.
            }
        }
        if (source == null) {
            source = Source.newBuilder(EpsilonLanguage.ID, "", file.getPath()).content(Source.CONTENT_NONE).build();
        }
        Source where = source;
        return withLoadPathnames(file.getPath(), () -> loadForms(where, fasl::next, fasl.sourceMap(), null));
    }

    /** Runs {@code body} with *LOAD-PATHNAME* and *LOAD-TRUENAME* naming {@code path} (when a file loads). */
    private Object withLoadPathnames(String path, java.util.function.Supplier<Object> body) {
        if (path == null || loadTruename == null) {
            return body.get();
        }
        LispThread thread = EpsilonLanguage.thread(null);
        int nameIndex = loadPathname.dynamicIndex();
        int trueIndex = loadTruename.dynamicIndex();
        Object savedName = thread.dynamicValue(nameIndex);
        Object savedTrue = thread.dynamicValue(trueIndex);
        java.nio.file.Path p = java.nio.file.Path.of(path);
        thread.setDynamicValue(nameIndex, new Pathname(path));
        thread.setDynamicValue(trueIndex, new Pathname(p.toAbsolutePath().normalize().toString()));
        try {
            return body.get();
        } finally {
            thread.setDynamicValue(nameIndex, savedName);
            thread.setDynamicValue(trueIndex, savedTrue);
        }
    }

    /**
     * The load loop: reads a form, runs it, and, when a fasl is being written, hands it the form
     * once it has run (with the expansions its analysis recorded).
     */
    private Object loadForms(Source source, java.util.function.Supplier<Object> forms, SourceMap map, FaslWriter fasl) {
        Object result = Lisp.NIL;
        Symbol withRestarts = system.findPresent("%LOAD-TOPLEVEL");
        LispThread thread = EpsilonLanguage.thread(null);
        ExpansionRecorder savedRecorder = thread.expansionRecorder;
        thread.expansionRecorder = fasl == null ? null : new ExpansionRecorder();
        try {
            while (true) {
                Object form = forms.get();
                if (form == Reader.EOF) {
                    return result;
                }
                if (source.getPath() != null && withRestarts != null && withRestarts.function() != null) {
                    // A file's forms run with the RETRY, CONTINUE and ABORT restarts a Lisp's LOAD offers.
                    PendingForm pending = new PendingForm(form, map, source);
                    result = withRestarts.function().callUncached(pending, source.getPath());
                    if (result == ABORT_LOAD) {
                        if (fasl != null) {
                            fasl.fail();
                        }
                        return Lisp.T;   // as SBCL's LOAD answers after its ABORT restart
                    }
                    if (fasl != null && !pending.completed) {
                        fasl.fail();
                    }
                } else {
                    result = evalTopLevel(form, map, source);
                }
                if (fasl != null) {
                    fasl.emit(form, map, thread.expansionRecorder);
                    thread.expansionRecorder = new ExpansionRecorder();   // the next form's expansions only
                }
            }
        } finally {
            thread.expansionRecorder = savedRecorder;
        }
    }

    /** A top-level form of a file being loaded, evaluated by %%EVAL-PENDING-FORM inside LOAD's restarts. */
    public static final class PendingForm implements com.oracle.truffle.api.interop.TruffleObject {
        final Object form;
        final SourceMap map;
        final Source source;
        /** Set once the form has run to its end (not left by a restart). */
        boolean completed;

        PendingForm(Object form, SourceMap map, Source source) {
            this.form = form;
            this.map = map;
            this.source = source;
        }

        /** Runs the form; {@code context} is the one loading it. */
        public Object run(EpsilonContext context) {
            Object value = context.evalTopLevel(form, map, source);
            completed = true;
            return value;
        }
    }

    /** What %LOAD-TOPLEVEL returns when the ABORT restart stops loading the file. */
    public static final Object ABORT_LOAD = new Object() {
        @Override
        public String toString() {
            return "#<load aborted>";
        }
    };

    /**
     * Evaluates one top-level form. A PROGN (also one that a macro produced) has top-level subforms,
     * so definitions inside it take effect for the subforms after them.
     */
    @TruffleBoundary
    public Object evalTopLevel(Object form, SourceMap map, Source source) {
        Object expanded = form;
        while (expanded instanceof Cons c && c.car instanceof Symbol head && head.macro() != null) {
            expanded = head.macro().callUncached(expanded, Lisp.NIL);
            ExpansionRecorder recorder = EpsilonLanguage.thread(null).expansionRecorder;
            if (recorder != null) {
                recorder.record(c, expanded);
            }
        }
        Object body = topLevelBody(expanded);
        if (body != null) {
            Object result = Lisp.NIL;
            for (Object sub : Lisp.toJavaList(body)) {
                result = evalTopLevel(sub, map, source);
            }
            return result;
        }
        RootCallTarget target = topLevelAnalyzer(form, map, source).analyzeTopLevel(expanded);
        Object result = target.call();
        flushConsole();
        return result;
    }

    /**
     * Analyzes a top-level form without running it (COMPILE-FILE: its macros expand, with a fasl's
     * recorder watching, but nothing it defines takes effect).
     */
    @TruffleBoundary
    public void analyzeOnly(Object form, SourceMap map, Source source) {
        topLevelAnalyzer(form, map, source).analyzeTopLevel(form);
    }

    /** An analyzer for a top-level form: positions from {@code map}, else the form's file without a line. */
    private Analyzer topLevelAnalyzer(Object form, SourceMap map, Source source) {
        var fallback = map == null ? null : map.get(form);
        if (fallback == null && source != null) {
            fallback = source.createUnavailableSection();
        }
        return new Analyzer(language, this, map, fallback);
    }

    /**
     * The subforms that stay top-level forms: a PROGN's, and an EVAL-WHEN's that runs when
     * evaluated (:EXECUTE), as the file compiler processes them (a DEFCSTRUCT's expansion defines
     * the type before its accessors are analyzed). Null for any other form.
     */
    private Object topLevelBody(Object form) {
        if (!(form instanceof Cons c)) {
            return null;
        }
        if (c.car == cl.findExternal("PROGN")) {
            return c.cdr;
        }
        if (c.car == cl.findExternal("EVAL-WHEN") && c.cdr instanceof Cons rest && rest.car instanceof Cons situations) {
            for (Object situation : Lisp.toJavaList(situations)) {
                if (situation instanceof Symbol s && (s.name().equals("EXECUTE") || s.name().equals("EVAL"))) {
                    return rest.cdr;
                }
            }
        }
        return null;
    }

    public EpsilonLanguage language() { return language; }

    public Env env() { return env; }

    /** The stream *STANDARD-OUTPUT* names in the running thread. */
    public LispStream output() {
        return (LispStream) standardOutput.value(EpsilonLanguage.thread(null));
    }

    public ClassTable classes() { return classes; }

    public Types types() { return types; }

    public LispPackage clPackage() { return cl; }

    public LispPackage systemPackage() { return system; }

    public LispPackage foreignPackage() { return foreign; }

    public LispPackage userPackage() { return user; }

    public Symbol clSymbol(String name) {
        Symbol s = cl.findExternal(name);
        if (s == null) {
            throw new IllegalArgumentException("not a COMMON-LISP symbol: " + name);
        }
        return s;
    }

    public Symbol keyword(String name) {
        return keywords.intern(name);
    }

    public Symbol systemSymbol(String name) {
        return system.intern(name);
    }

    public LispPackage currentPackage() {
        if (packageVar == null) {
            return user;
        }
        return packageVar.value(EpsilonLanguage.thread(null)) instanceof LispPackage p ? p : user;
    }

    public dev.epsilon.language.reader.Readtable standardReadtable() {
        return standardReadtable;
    }

    /** The value of *READTABLE* in the running thread (the standard one if it holds something else). */
    public dev.epsilon.language.reader.Readtable currentReadtable() {
        Object r = readtableVar.value(EpsilonLanguage.thread(null));
        return r instanceof dev.epsilon.language.reader.Readtable rt ? rt : standardReadtable;
    }

    public Symbol packageVariable() {
        return packageVar;
    }

    /** A package by name or nickname; the current package's local nicknames come first. */
    @TruffleBoundary
    public LispPackage findPackage(String name) {
        LispPackage local = currentPackage().localNicknames().get(name);
        return local != null ? local : packages.get(name);
    }

    @TruffleBoundary
    public synchronized LispPackage definePackage(String name, java.util.List<String> nicknames) {
        LispPackage p = new LispPackage(name, false);
        packages.put(name, p);
        for (String n : nicknames) {
            p.nicknames().add(n);
            packages.put(n, p);
        }
        return p;
    }

    @TruffleBoundary
    public synchronized void renamePackage(LispPackage p, String newName, java.util.List<String> nicknames) {
        packages.values().removeIf(q -> q == p);
        p.rename(newName, nicknames);
        packages.put(newName, p);
        for (String n : nicknames) {
            packages.put(n, p);
        }
    }

    /** DELETE-PACKAGE: forgets the package's names; packages that used it stop using it. */
    @TruffleBoundary
    public synchronized boolean deletePackage(LispPackage p) {
        boolean present = packages.values().removeIf(q -> q == p);
        for (LispPackage q : packages.values()) {
            q.unuse(p);
        }
        return present;
    }

    @TruffleBoundary
    public synchronized java.util.Collection<LispPackage> allPackages() {
        return new java.util.LinkedHashSet<>(packages.values());
    }

    /**
     * When the context closes: the foreign memory and callbacks it still holds are freed, so an
     * embedder that opens and closes contexts does not grow. Libraries stay loaded: FFM loads them
     * for the process (its global arena), and code a later context reuses may still call into them.
     */
    void releaseForeignResources() {
        memory.freeAll();
        foreignRegistry().callbacks().freeAll();
    }

    /** Whether constant foreign calls compile to direct native calls (EPSILON.FOREIGN.OPTIMIZE can turn it off). */
    private volatile boolean callSiteOptimization = true;

    public boolean callSiteOptimization() {
        return callSiteOptimization;
    }

    public void setCallSiteOptimization(boolean on) {
        callSiteOptimization = on;
    }

    public boolean nativeAccessAllowed() {
        return nativeAccess;
    }

    /** Refuses {@code what} (a foreign operation) when the embedder did not allow native access. */
    public void requireNativeAccess(String what) {
        if (!nativeAccess) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            throw LispError.error("NATIVE-ACCESS-DENIED", what + ": native access is not allowed in this context"
                    + " (the embedder built it without allowNativeAccess(true))");
        }
    }

    /** The foreign layer of the engine --epsilon.ffi-engine chose, made on first use (NFI needs an entered context). */
    public LibraryRegistry libraries() {
        requireNativeAccess("foreign libraries and calls");
        LibraryRegistry r = libraries;
        if (r == null) {
            synchronized (this) {
                r = libraries;
                if (r == null) {
                    r = ffiEngine.equals("nfi") ? new LibraryRegistry(new NfiEngine(env)) : ffmLibraries();
                    libraries = r;
                }
            }
        }
        return r;
    }

    /** The FFM engine's libraries: errno capture needs FFM whichever engine is selected. */
    public LibraryRegistry ffmLibraries() {
        requireNativeAccess("foreign libraries and calls");
        LibraryRegistry r = ffmLibraries;
        if (r == null) {
            synchronized (this) {
                r = ffmLibraries;
                if (r == null) {
                    r = new LibraryRegistry(new FfmEngine());
                    ffmLibraries = r;
                }
            }
        }
        return r;
    }

    public String ffiEngine() { return ffiEngine; }

    public NativeMemory memory() { return memory; }


    private final dev.epsilon.language.foreign.CStructs structs = new dev.epsilon.language.foreign.CStructs();

    /** The C structs and unions this image defined. */
    public dev.epsilon.language.foreign.CStructs structs() { return structs; }

    private final dev.epsilon.language.foreign.FlatNamespace flatNamespace = new dev.epsilon.language.foreign.FlatNamespace(this);

    /** The libraries a {@code :default} foreign call searches (those CFFI loaded, then libc). */
    public dev.epsilon.language.foreign.FlatNamespace flatNamespace() { return flatNamespace; }

    /** The printer's view of this image: the current package and the printer variables of the running thread. */
    private final Printer.PackageSource printerSettings = new PrinterSettings();
    private volatile Printer.ObjectPrinter objectPrinter;
    private final dev.epsilon.language.foreign.ForeignRegistry foreignRegistry = new dev.epsilon.language.foreign.ForeignRegistry(this);
    /** DEFSETF's simple expanders by operator: functions from (value &rest args) to the storing form. */
    private final Map<Symbol, Object> setfExpanders = new java.util.concurrent.ConcurrentHashMap<>();
    /** DEFSTRUCT: each structure's slot descriptions, by name. */
    private final Map<Symbol, Object> structSlots = new java.util.concurrent.ConcurrentHashMap<>();

    /** *PACKAGE* and the print variables as this context's printer reads them. */
    public Printer.PackageSource printerSettings() { return printerSettings; }

    /** How this context prints CLOS instances, conditions and classes (set once CLOS is installed). */
    public Printer.ObjectPrinter objectPrinter() { return objectPrinter; }

    public void setObjectPrinter(Printer.ObjectPrinter p) { objectPrinter = p; }

    /** Callbacks, signatures, trampolines, manifests and CONVERT-TO-FOREIGN of this context. */
    public dev.epsilon.language.foreign.ForeignRegistry foreignRegistry() { return foreignRegistry; }

    public Map<Symbol, Object> setfExpanders() { return setfExpanders; }

    public Map<Symbol, Object> structSlots() { return structSlots; }

    private final class PrinterSettings implements Printer.PackageSource {
        private Object variable(String name) {
            Symbol s = cl.findExternal(name);
            return s == null ? null : s.value(EpsilonLanguage.thread(null));
        }

        @Override
        public LispPackage currentPackage() {
            return EpsilonContext.this.currentPackage();
        }

        @Override
        public int printBase() {
            return variable("*PRINT-BASE*") instanceof Long l && l >= 2 && l <= 36 ? (int) (long) l : 10;
        }

        @Override
        public boolean printRadix() {
            Object v = variable("*PRINT-RADIX*");
            return v != null && v != Lisp.NIL && v != Symbol.UNBOUND;
        }

        @Override
        public String printCase() {
            return variable("*PRINT-CASE*") instanceof Symbol k && k.isKeyword() ? k.name() : "UPCASE";
        }
    }

    /** Symbol lookup for the reader, relative to the current package. */
    private final class ReaderTable implements SymbolTable {
        @Override
        public Symbol intern(String packageName, String name, boolean external) {
            if (packageName == null) {
                return currentPackage().intern(name);
            }
            LispPackage p = findPackage(packageName);
            if (p == null) {
                throw LispError.error("PACKAGE-ERROR", "package " + packageName + " does not exist");
            }
            if (external && p != keywords) {
                Symbol s = p.findExternal(name);
                if (s == null) {
                    throw LispError.error("PACKAGE-ERROR", "symbol " + name + " is not external in package " + p.name());
                }
                return s;
            }
            return p.intern(name);
        }

        @Override
        public Symbol keyword(String name) {
            return keywords.intern(name);
        }

        @Override
        public Symbol core(String name) {
            return clSymbol(name);
        }

        @Override
        public Symbol system(String name) {
            return systemSymbol(name);
        }

        @Override
        public dev.epsilon.language.reader.Readtable readtable() {
            return currentReadtable();
        }

        @Override
        public boolean readSuppress() {
            return readSuppressVar.value(EpsilonLanguage.thread(null)) != Lisp.NIL;
        }

        @Override
        public boolean readEval() {
            return readEvalVar.value(EpsilonLanguage.thread(null)) != Lisp.NIL;
        }

        @Override
        public int readBase() {
            Object b = readBaseVar.value(EpsilonLanguage.thread(null));
            return b instanceof Long l && l >= 2 && l <= 36 ? (int) (long) l : 10;
        }

        @Override
        public boolean readDoubleFloats() {
            Object f = readFloatFormatVar.value(EpsilonLanguage.thread(null));
            return f instanceof Symbol s && (s.name().equals("DOUBLE-FLOAT") || s.name().equals("LONG-FLOAT"));
        }

        @Override
        public Object evaluate(Object form) {
            return evalTopLevel(form, null, null);
        }

        @Override
        public Object call(Object function, Object... args) {
            return dev.epsilon.language.runtime.FunctionDesignators.resolve(function, "a reader macro").callUncachedAllValues(args);
        }

        @Override
        public boolean hasFeature(Symbol feature) {
            for (Object o = featuresVar.value(); o instanceof Cons c; o = c.cdr) {
                if (c.car == feature) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public String toString() {
        return "EpsilonContext[" + packages.keySet().toString().toUpperCase(Locale.ROOT) + "]";
    }
}
