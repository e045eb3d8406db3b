package dev.epsilon.language.fasl;

import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.source.Source;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.reader.Reader;
import dev.epsilon.language.reader.SourceMap;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.ExpansionRecorder;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispThread;
import dev.epsilon.language.runtime.Symbol;
import java.io.IOException;
import java.util.Set;

/**
 * COMPILE-FILE: processes a file's top-level forms as CLHS 3.2.3.1 says, without loading it, and
 * writes a fasl of them. EVAL-WHEN follows its situations; PROGN's subforms stay top-level; the
 * definitions later forms of the file need while it is compiled (macros, packages, types, structures,
 * constants: Epsilon's definers do not wrap themselves in EVAL-WHEN) are made at compile time too.
 * Every other form is analyzed, not run: its macros expand, and the fasl keeps the expansions.
 */
public final class FileCompiler {
    private static final Set<String> COMPILE_TIME_DEFINERS = Set.of("DEFMACRO", "DEFINE-COMPILER-MACRO", "DEFSETF",
            "DEFINE-SETF-EXPANDER", "DEFINE-MODIFY-MACRO", "DEFTYPE", "DEFPACKAGE", "IN-PACKAGE", "DEFINE-SYMBOL-MACRO",
            "DEFCONSTANT", "DEFSTRUCT", "DEFCLASS", "DEFINE-CONDITION");

    private final EpsilonContext context;
    private final Source source;
    private final SourceMap map;
    private final FaslWriter fasl;
    private final LispThread thread;

    private FileCompiler(EpsilonContext context, Source source, SourceMap map, FaslWriter fasl) {
        this.context = context;
        this.source = source;
        this.map = map;
        this.fasl = fasl;
        this.thread = EpsilonLanguage.thread(null);
    }

    /**
     * Compiles {@code source} into the fasl {@code output}; answers false when a form holds an object
     * a fasl cannot (then no fasl is written). Errors while compiling are signalled to the caller.
     */
    public static boolean compile(EpsilonContext context, Source source, TruffleFile output) throws IOException {
        Reader reader = context.newReader(source);
        FileCompiler compiler = new FileCompiler(context, source, reader.sourceMap(), context.newFaslWriter(source));
        ExpansionRecorder saved = compiler.thread.expansionRecorder;
        try {
            for (Object form = reader.read(); form != Reader.EOF; form = reader.read()) {
                compiler.thread.expansionRecorder = new ExpansionRecorder();
                compiler.process(form, false);
            }
        } finally {
            compiler.thread.expansionRecorder = saved;
        }
        return compiler.fasl.finish(output);
    }

    private void process(Object form, boolean compileTimeToo) {
        Object x = form;
        while (x instanceof Cons c && c.car instanceof Symbol head) {
            if (head == context.clSymbol("PROGN")) {
                for (Object rest = c.cdr; rest instanceof Cons r; rest = r.cdr) {
                    process(r.car, compileTimeToo);
                }
                return;
            }
            if (head == context.clSymbol("EVAL-WHEN") && c.cdr instanceof Cons rest) {
                evalWhen(rest.car, rest.cdr, compileTimeToo);
                return;
            }
            if (isCompileTimeDefiner(head)) {
                context.evalTopLevel(x, map, source);
                fasl.emit(x, map, thread.expansionRecorder);
                return;
            }
            if (head.macro() == null || head == context.clSymbol("LOCALLY") || head == context.clSymbol("MACROLET")
                    || head == context.clSymbol("SYMBOL-MACROLET")) {
                break;
            }
            Object expansion = head.macro().callUncached(x, Lisp.NIL);
            thread.expansionRecorder.record(c, expansion);
            x = expansion;
        }
        if (compileTimeToo) {
            context.evalTopLevel(x, map, source);
        } else {
            context.analyzeOnly(x, map, source);
        }
        fasl.emit(x, map, thread.expansionRecorder);
    }

    /** CLHS 3.2.3.1's table: which of compile-time evaluation and processing an EVAL-WHEN gets. */
    private void evalWhen(Object situations, Object body, boolean compileTimeToo) {
        boolean compileTime = false;
        boolean loadTime = false;
        boolean execute = false;
        for (Object s = situations; s instanceof Cons c; s = c.cdr) {
            if (c.car instanceof Symbol situation) {
                switch (situation.name()) {
                    case "COMPILE-TOPLEVEL", "COMPILE" -> compileTime = true;
                    case "LOAD-TOPLEVEL", "LOAD" -> loadTime = true;
                    case "EXECUTE", "EVAL" -> execute = true;
                    default -> { }
                }
            }
        }
        if (loadTime) {
            boolean alsoNow = compileTime || (execute && compileTimeToo);
            for (Object rest = body; rest instanceof Cons r; rest = r.cdr) {
                process(r.car, alsoNow);
            }
        } else if (compileTime || (execute && compileTimeToo)) {
            context.evalTopLevel(new Cons(context.clSymbol("PROGN"), body), map, source);
        }
    }

    private boolean isCompileTimeDefiner(Symbol head) {
        return head.home() == context.clSymbol("PROGN").home() && COMPILE_TIME_DEFINERS.contains(head.name());
    }
}
