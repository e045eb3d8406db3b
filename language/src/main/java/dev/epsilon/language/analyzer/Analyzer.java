package dev.epsilon.language.analyzer;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.source.SourceSection;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.nodes.ArgumentsNode;
import dev.epsilon.language.nodes.BlockNode;
import dev.epsilon.language.nodes.ConstantNode;
import dev.epsilon.language.nodes.CountedLoopNode;
import dev.epsilon.language.nodes.DynamicBindNode;
import dev.epsilon.language.nodes.FuncallNode;
import dev.epsilon.language.nodes.FunctionRefNode;
import dev.epsilon.language.nodes.FunctionRootNode;
import dev.epsilon.language.nodes.CatchNode;
import dev.epsilon.language.nodes.GlobalCallNode;
import dev.epsilon.language.nodes.GoNode;
import dev.epsilon.language.nodes.TagbodyNode;
import dev.epsilon.language.nodes.ThrowNode;
import dev.epsilon.language.nodes.UnwindProtectNode;
import dev.epsilon.language.nodes.IfNode;
import dev.epsilon.language.nodes.LambdaNode;
import dev.epsilon.language.nodes.LoadTimeValueNode;
import dev.epsilon.language.nodes.MultipleValueCallNode;
import dev.epsilon.language.nodes.MultipleValueProg1Node;
import dev.epsilon.language.nodes.LispNode;
import dev.epsilon.language.nodes.PrognNode;
import dev.epsilon.language.nodes.ReadCapturedNode;
import dev.epsilon.language.nodes.ReadGlobalNode;
import dev.epsilon.language.nodes.ReadLocalNode;
import dev.epsilon.language.nodes.ReturnFromNode;
import dev.epsilon.language.nodes.WriteCapturedNode;
import dev.epsilon.language.nodes.WriteGlobalNode;
import dev.epsilon.language.nodes.WriteLocalNode;
import dev.epsilon.language.reader.SourceMap;
import dev.epsilon.language.runtime.BodyParts;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispCondition;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one top-level form into Truffle nodes: expands macros (lexically, so local functions shadow
 * global macros), resolves variables to frame slots or closure indices, and knows only the special
 * forms. Everything else is a macro or a function call.
 */
public final class Analyzer {
    private final EpsilonLanguage language;
    private final EpsilonContext context;
    private final SourceMap sourceMap;
    private SourceSection currentSection;

    public Analyzer(EpsilonLanguage language, EpsilonContext context, SourceMap sourceMap, SourceSection fallback) {
        this.language = language;
        this.context = context;
        this.sourceMap = sourceMap;
        this.currentSection = fallback;
    }

    /** A call target that evaluates {@code form} in the null lexical environment. */
    public RootCallTarget analyzeTopLevel(Object form) {
        FunctionScope fs = new FunctionScope(null);
        SourceSection section = sectionOf(form);
        LispNode body = analyze(form, Scope.root(fs));
        return new FunctionRootNode(language, fs.buildFrame(), "top-level form", section, null, body).getCallTarget();
    }

    private SourceSection sectionOf(Object form) {
        SourceSection s = sourceMap == null ? null : sourceMap.get(form);
        return s != null ? s : currentSection;
    }

    LispNode analyze(Object form, Scope scope) {
        if (form instanceof Symbol s) {
            return analyzeSymbol(s, scope);
        }
        if (!(form instanceof Cons c)) {
            return new ConstantNode(form);
        }
        SourceSection saved = currentSection;
        currentSection = sectionOf(form);
        try {
            return analyzeCompound(c, scope).at(currentSection).markStatement();
        } finally {
            currentSection = saved;
        }
    }

    private LispNode analyzeSymbol(Symbol s, Scope scope) {
        if (s == Lisp.NIL || s == Lisp.T || s.isKeyword()) {
            return new ConstantNode(s.isKeyword() ? s : s.value());
        }
        Scope b = scope.lookupVariable(s);
        if (b != null && b.kind == Scope.Kind.SYMBOL_MACRO) {
            return analyze(b.macro, scope);
        }
        if (b != null && b.kind == Scope.Kind.SPECIAL) {
            return new ReadGlobalNode(s).at(currentSection);
        }
        if (b != null) {
            return readVar(b.var, scope).at(currentSection);
        }
        if (s.symbolMacro() != null) {
            return analyze(s.symbolMacro(), scope);
        }
        return new ReadGlobalNode(s).at(currentSection);
    }

    private LispNode readVar(LexicalVar v, Scope scope) {
        FunctionScope f = scope.function;
        if (v.home() == f) {
            return new ReadLocalNode(v);
        }
        return new ReadCapturedNode(v, f.capture(v));
    }

    private LispNode writeVar(LexicalVar v, LispNode value, Scope scope) {
        v.markAssigned();
        FunctionScope f = scope.function;
        if (v.home() == f) {
            return new WriteLocalNode(v, value, false);
        }
        return new WriteCapturedNode(f.capture(v), value);
    }

    private LispNode analyzeCompound(Cons form, Scope scope) {
        Object head = form.car;
        if (head instanceof Symbol op) {
            LispNode special = analyzeSpecialForm(op, form, scope);
            if (special != null) {
                return special;
            }
            Scope local = scope.lookupOperator(op);
            if (local != null && local.kind == Scope.Kind.MACRO) {
                return analyze(expandMacro((LispFunction) local.macro, form, scope), scope);
            }
            if (local != null) {
                return new FuncallNode(readVar(local.var, scope), analyzeArgs(form.cdr, scope));
            }
            LispFunction macro = op.macro();
            if (macro != null) {
                return analyze(expandMacro(macro, form, scope), scope);
            }
            Object compiled = compilerMacroExpansion(op, form, scope);
            if (compiled != form) {
                noteExpansion(form, compiled);
                return analyze(compiled, scope);
            }
            LispNode foreign = foreignCallSite(op, form, scope);
            if (foreign != null) {
                return foreign;
            }
            LispNode inlined = inlinedForeignCall(op, form, scope);
            if (inlined != null) {
                return inlined;
            }
            return new GlobalCallNode(op, analyzeArgs(form.cdr, scope));
        }
        if (head instanceof Cons lambda && isSymbol(lambda.car, "LAMBDA")) {
            return new FuncallNode(analyzeFunction(lambda, scope), analyzeArgs(form.cdr, scope));
        }
        throw error("illegal function call: " + Printer.prin1ToString(form));
    }

    /**
     * A call's expansion by the compiler macro DEFINE-COMPILER-MACRO gave its global function (the
     * form itself when there is none, or it declines). As a compiler does, a compiler macro that
     * fails leaves the form as written: it may only make a call faster, never change what it means.
     */
    private Object compilerMacroExpansion(Symbol op, Cons form, Scope scope) {
        if (!context.isBooted() || op.plist() == Lisp.NIL) {
            return form;
        }
        Symbol key = context.systemPackage().findPresent("%COMPILER-MACRO");
        Object expander = null;
        for (Object p = op.plist(); key != null && p instanceof Cons c && c.cdr instanceof Cons v; p = v.cdr) {
            if (c.car == key) {
                expander = v.car;
                break;
            }
        }
        if (!(expander instanceof LispFunction f)) {
            return form;
        }
        Symbol guarded = context.systemPackage().findPresent("%EXPAND-COMPILER-MACRO");
        return guarded.function().callUncached(f, form, new MacroEnvironment(scope));
    }

    /**
     * A macro form's expansion. An error while expanding becomes the form's expansion, signalled
     * when the form runs, as a compiler would report it (so a HANDLER-CASE around the form sees it);
     * SYS::%EXPAND-MACRO does that once the prelude is loaded.
     */
    private Object expandMacro(LispFunction macro, Cons form, Scope scope) {
        Object expansion = expansion(macro, form, scope);
        noteExpansion(form, expansion);
        return expansion;
    }

    /** Tells the fasl being written, if any, what {@code form} expanded to. */
    private static void noteExpansion(Cons form, Object expansion) {
        dev.epsilon.language.runtime.ExpansionRecorder recorder = EpsilonLanguage.thread(null).expansionRecorder;
        if (recorder != null) {
            recorder.record(form, expansion);
        }
    }

    private Object expansion(LispFunction macro, Cons form, Scope scope) {
        MacroEnvironment env = new MacroEnvironment(scope);
        // The prelude's own macros are trusted: the guard costs a handler per expansion at start-up.
        Symbol guarded = context.isBooted() ? context.systemPackage().findPresent("%EXPAND-MACRO") : null;
        if (guarded == null || guarded.function() == null) {
            return macro.callUncached(form, env);
        }
        Object[] result = dev.epsilon.language.runtime.Values.all(guarded.function().callUncachedAllValues(macro, form, env));
        if (result.length > 1 && result[1] != Lisp.NIL) {
            return Lisp.list(context.clSymbol("ERROR"), Lisp.list(context.clSymbol("QUOTE"), result[1]));
        }
        return result[0];
    }

    /**
     * {@code (shared-call 'spec ret 'types args...)} with a constant description compiles to a call
     * site node that resolves once; a computed description goes through the SHARED-CALL function.
     */
    private LispNode foreignCallSite(Symbol op, Cons form, Scope scope) {
        LispNode memRef = memoryAccess(op, form, scope);
        if (memRef != null) {
            return memRef;
        }
        LispNode structRef = structAccess(op, form, scope);
        if (structRef != null) {
            return structRef;
        }
        boolean errno = op.home() == context.systemPackage() && op.name().equals("%SHARED-CALL-ERRNO");
        boolean shared = op.home() == context.foreignPackage() && (op.name().equals("SHARED-CALL") || op.name().equals("SHARED-CALL-FAST"));
        if (!errno && !shared || !context.callSiteOptimization()) {
            return null;
        }
        List<Object> args = properList(form.cdr, op.name());
        if (args.size() < 3) {
            return null;
        }
        Object spec = constantValue(args.get(0));
        Object ret = constantValue(args.get(1));
        Object types = constantValue(args.get(2));
        if (spec == null || ret == null || types == null) {
            return null;
        }
        LispNode[] argNodes = new LispNode[args.size() - 3];
        for (int i = 0; i < argNodes.length; i++) {
            argNodes[i] = analyze(args.get(i + 3), scope);
        }
        return new dev.epsilon.language.foreign.ForeignCallSiteNode(spec, ret, types, errno, argNodes);
    }

    /**
     * A call to a function DEFSHARED defined, while the name still holds it and with the right number
     * of arguments: the foreign call itself, guarded by the name's function-cell assumption.
     */
    private LispNode inlinedForeignCall(Symbol op, Cons form, Scope scope) {
        if (!(op.foreignInline() instanceof dev.epsilon.language.foreign.InlineForeignFunction note) || !context.callSiteOptimization()) {
            return null;
        }
        com.oracle.truffle.api.Assumption unchanged = op.functionStable();
        if (op.function() != note.function() || !unchanged.isValid()) {
            return null;
        }
        LispNode[] argNodes = analyzeArgs(form.cdr, scope);
        if (argNodes.length != note.arity()) {
            return new GlobalCallNode(op, argNodes);
        }
        return new dev.epsilon.language.foreign.InlinedForeignCallNode(op, unchanged,
                new dev.epsilon.language.foreign.ForeignCallSiteNode(note.spec(), note.returnType(), note.argTypes(),
                        note.checkErrno(), argNodes));
    }

    /** STRUCT-REF and its SETF form (%%STRUCT-REF-SET) with a constant path: a member access node. */
    private LispNode structAccess(Symbol op, Cons form, Scope scope) {
        boolean read = op.home() == context.foreignPackage() && op.name().equals("STRUCT-REF");
        boolean write = op.home() == context.systemPackage() && op.name().equals("%%STRUCT-REF-SET");
        if (!read && !write) {
            return null;
        }
        List<Object> args = properList(form.cdr, op.name());
        if (args.size() != (read ? 2 : 3)) {
            return null;
        }
        Object path = constantValue(args.get(1));
        if (path == null) {
            return null;
        }
        return new dev.epsilon.language.foreign.StructRefNode(path, analyze(args.get(0), scope),
                write ? analyze(args.get(2), scope) : null);
    }

    /** MEM-REF, MEM-AREF and their SETF forms (%%MEM-SET, %%MEM-ASET) with a constant type: a typed access node. */
    private LispNode memoryAccess(Symbol op, Cons form, Scope scope) {
        boolean read = op.home() == context.foreignPackage() && (op.name().equals("MEM-REF") || op.name().equals("MEM-AREF"));
        boolean write = op.home() == context.systemPackage() && (op.name().equals("%%MEM-SET") || op.name().equals("%%MEM-ASET"));
        if (!read && !write) {
            return null;
        }
        List<Object> args = properList(form.cdr, op.name());
        if (args.size() < 2 || args.size() > (read ? 3 : 4) || (write && args.size() != 4)) {
            return null;
        }
        Object type = constantValue(args.get(1));
        if (type == null) {
            return null;
        }
        dev.epsilon.nfi.CType ctype;
        try {
            ctype = dev.epsilon.language.foreign.ForeignTypes.parse(type);
        } catch (LispError e) {
            return null;   // the function reports the unknown type when it runs
        }
        boolean indexed = op.name().equals("MEM-AREF") || op.name().equals("%%MEM-ASET");
        LispNode offset = args.size() > 2 ? analyze(args.get(2), scope) : null;
        LispNode value = write ? analyze(args.get(3), scope) : null;
        return new dev.epsilon.language.foreign.MemRefNode(ctype, indexed, analyze(args.get(0), scope), offset, value);
    }

    /** The value of a form known before it runs (quoted, keyword, string, NIL), or null. */
    private Object constantValue(Object form) {
        if (form instanceof Cons c && isSymbol(c.car, "QUOTE") && c.cdr instanceof Cons q && q.cdr == Lisp.NIL) {
            return q.car;
        }
        if (form instanceof String || form == Lisp.NIL || (form instanceof Symbol s && s.isKeyword())) {
            return form;
        }
        return null;
    }

    private boolean isSymbol(Object o, String clName) {
        return o instanceof Symbol s && s.home() == context.clPackage() && s.name().equals(clName);
    }

    private LispNode[] analyzeArgs(Object args, Scope scope) {
        List<Object> list = properList(args, "arguments");
        LispNode[] nodes = new LispNode[list.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = analyze(list.get(i), scope);
        }
        return nodes;
    }

    /** The special forms, or null when {@code op} names none. */
    private LispNode analyzeSpecialForm(Symbol op, Cons form, Scope scope) {
        if (op.home() == context.systemPackage() && op.name().equals("NAMED-LAMBDA")) {
            return analyzeFunction(form, scope);
        }
        if (op.home() == context.systemPackage() && op.name().equals("%%COUNTED-LOOP")) {
            return analyzeCountedLoop(form, scope);
        }
        if (op.home() != context.clPackage() || scope.lookupOperator(op) != null) {
            return null;
        }
        List<Object> args;
        switch (op.name()) {
            case "QUOTE":
                args = argCount(form, 1, 1);
                return new ConstantNode(args.get(0));
            case "IF": {
                args = argCount(form, 2, 3);
                LispNode otherwise = args.size() == 3 ? analyze(args.get(2), scope) : new ConstantNode(Lisp.NIL);
                return new IfNode(analyze(args.get(0), scope), analyze(args.get(1), scope), otherwise);
            }
            case "PROGN":
                return analyzeBody(form.cdr, scope, false);
            case "LOCALLY":
                return analyzeBody(form.cdr, scope, true);
            case "EVAL-WHEN": {
                // Evaluated code (LOAD of source, EVAL) runs the body only in the :EXECUTE situation;
                // COMPILE-FILE handles :COMPILE-TOPLEVEL and :LOAD-TOPLEVEL itself.
                args = argCount(form, 1, Integer.MAX_VALUE);
                boolean execute = false;
                for (Object situation : properList(args.get(0), "EVAL-WHEN situations")) {
                    if (situation instanceof Symbol s && (s.name().equals("EXECUTE") || s.name().equals("EVAL"))) {
                        execute = true;
                    }
                }
                return execute ? analyzeBody(((Cons) form.cdr).cdr, scope, false) : new ConstantNode(Lisp.NIL);
            }
            case "THE":
                args = argCount(form, 2, 2);
                return analyze(args.get(1), scope);
            case "SETQ":
                return analyzeSetq(form, scope);
            case "LET":
                return analyzeLet(form, scope, false);
            case "LET*":
                return analyzeLet(form, scope, true);
            case "FUNCTION":
                return analyzeFunctionForm(form, scope);
            case "LAMBDA":
                return analyzeFunction(form, scope);
            case "BLOCK":
                return analyzeBlock(form, scope);
            case "RETURN-FROM":
                return analyzeReturnFrom(form, scope);
            case "TAGBODY":
                return analyzeTagbody(form, scope);
            case "GO": {
                args = argCount(form, 1, 1);
                Scope t = scope.lookupTag(args.get(0));
                if (t == null) {
                    throw error("attempt to GO to nonexistent tag: " + Printer.prin1ToString(args.get(0)));
                }
                t.var.markReferenced();
                return new GoNode(readVar(t.var, scope), t.segment);
            }
            case "CATCH": {
                args = argCount(form, 1, Integer.MAX_VALUE);
                return new CatchNode(analyze(args.get(0), scope), analyzeBody(((Cons) form.cdr).cdr, scope, false));
            }
            case "THROW": {
                args = argCount(form, 2, 2);
                return new ThrowNode(analyze(args.get(0), scope), analyze(args.get(1), scope));
            }
            case "UNWIND-PROTECT": {
                args = argCount(form, 1, Integer.MAX_VALUE);
                return new UnwindProtectNode(analyze(args.get(0), scope), analyzeBody(((Cons) form.cdr).cdr, scope, false));
            }
            case "MACROLET":
                return analyzeMacrolet(form, scope);
            case "SYMBOL-MACROLET":
                return analyzeSymbolMacrolet(form, scope);
            case "FLET":
                return analyzeLocalFunctions(form, scope, false);
            case "LABELS":
                return analyzeLocalFunctions(form, scope, true);
            case "MULTIPLE-VALUE-CALL": {
                args = argCount(form, 1, Integer.MAX_VALUE);
                return new MultipleValueCallNode(analyze(args.get(0), scope), analyzeArgs(((Cons) form.cdr).cdr, scope));
            }
            case "MULTIPLE-VALUE-PROG1": {
                args = argCount(form, 1, Integer.MAX_VALUE);
                return new MultipleValueProg1Node(analyze(args.get(0), scope), analyzeBody(((Cons) form.cdr).cdr, scope, false));
            }
            case "PROGV": {
                args = argCount(form, 2, Integer.MAX_VALUE);
                return new dev.epsilon.language.nodes.ProgvNode(analyze(args.get(0), scope), analyze(args.get(1), scope),
                        analyzeBody(((Cons) ((Cons) form.cdr).cdr).cdr, scope, false));
            }
            case "LOAD-TIME-VALUE": {
                args = argCount(form, 1, 2);
                return new LoadTimeValueNode(analyze(args.get(0), scope));
            }
            case "FUNCALL": {
                args = argCount(form, 1, Integer.MAX_VALUE);
                LispNode[] rest = analyzeArgs(((Cons) form.cdr).cdr, scope);
                return new FuncallNode(analyze(args.get(0), scope), rest);
            }
            default:
                return null;
        }
    }

    private LispNode analyzeSetq(Cons form, Scope scope) {
        List<Object> args = properList(form.cdr, "SETQ");
        if (args.size() % 2 != 0) {
            throw error("odd number of arguments to SETQ: " + Printer.prin1ToString(form));
        }
        List<LispNode> writes = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            Symbol name = variableName(args.get(i), "SETQ");
            Scope b = scope.lookupVariable(name);
            if (b != null && b.kind == Scope.Kind.SYMBOL_MACRO) {
                writes.add(analyze(Lisp.list(context.clSymbol("SETF"), b.macro, args.get(i + 1)), scope));
                continue;
            }
            if (b == null && name.symbolMacro() != null) {
                writes.add(analyze(Lisp.list(context.clSymbol("SETF"), name.symbolMacro(), args.get(i + 1)), scope));
                continue;
            }
            LispNode value = analyze(args.get(i + 1), scope);
            if (b != null && b.kind == Scope.Kind.SPECIAL) {
                writes.add(new WriteGlobalNode(name, value));
            } else if (b != null) {
                writes.add(writeVar(b.var, value, scope));
            } else {
                if (name.isConstant()) {
                    throw error("cannot set the constant " + Printer.prin1ToString(name));
                }
                writes.add(new WriteGlobalNode(name, value));
            }
        }
        return sequence(writes);
    }

    /** One parsed LET binding. */
    private record Binding(Symbol name, Object init) {
    }

    private List<Binding> letBindings(Object list) {
        List<Binding> out = new ArrayList<>();
        for (Object binding : properList(list, "LET bindings")) {
            if (binding instanceof Cons bc) {
                List<Object> parts = properList(bc, "LET binding");
                if (parts.size() > 2) {
                    throw error("malformed LET binding " + Printer.prin1ToString(binding));
                }
                out.add(new Binding(variableName(parts.get(0), "LET"), parts.size() == 2 ? parts.get(1) : Lisp.NIL));
            } else {
                out.add(new Binding(variableName(binding, "LET"), Lisp.NIL));
            }
        }
        return out;
    }

    /**
     * LET and LET*. Lexical variables get fresh frame slots; special variables are bound dynamically
     * around the rest. In a parallel LET every init form runs before any special binding is made.
     */
    private LispNode analyzeLet(Cons form, Scope scope, boolean sequential) {
        List<Object> args = argCount(form, 1, Integer.MAX_VALUE);
        List<Binding> bindings = letBindings(args.get(0));
        Object body = ((Cons) form.cdr).cdr;
        java.util.Set<Symbol> declared = declaredSpecials(body);
        if (sequential) {
            return letStar(bindings, 0, body, scope, declared);
        }
        List<LispNode> inits = new ArrayList<>();
        List<Symbol> specials = new ArrayList<>();
        List<LexicalVar> specialTemps = new ArrayList<>();
        Scope inner = scope;
        for (Binding b : bindings) {
            LispNode value = analyze(b.init(), scope);
            LexicalVar v = scope.function.newVar(b.name());
            inits.add(new WriteLocalNode(v, value, true));
            if (b.name().isSpecial() || declared.contains(b.name())) {
                specials.add(b.name());
                specialTemps.add(v);
            } else {
                inner = inner.bind(Scope.Kind.VARIABLE, b.name(), v);
            }
        }
        LispNode result = analyzeBody(body, inner, true);
        for (int i = specials.size() - 1; i >= 0; i--) {
            result = new DynamicBindNode(specials.get(i), new ReadLocalNode(specialTemps.get(i)), result);
        }
        inits.add(result);
        return sequence(inits);
    }

    private LispNode letStar(List<Binding> bindings, int i, Object body, Scope scope, java.util.Set<Symbol> declared) {
        if (i == bindings.size()) {
            return analyzeBody(body, scope, true);
        }
        Binding b = bindings.get(i);
        LispNode value = analyze(b.init(), scope);
        if (b.name().isSpecial() || declared.contains(b.name())) {
            // Later init forms see the dynamic binding too.
            return new DynamicBindNode(b.name(), value, letStar(bindings, i + 1, body, scope.bindSpecial(b.name()), declared));
        }
        LexicalVar v = scope.function.newVar(b.name());
        LispNode rest = letStar(bindings, i + 1, body, scope.bind(Scope.Kind.VARIABLE, b.name(), v), declared);
        return sequence(List.of(new WriteLocalNode(v, value, true), rest));
    }

    private LispNode analyzeFunctionForm(Cons form, Scope scope) {
        Object target = argCount(form, 1, 1).get(0);
        if (target instanceof Symbol s) {
            Scope local = scope.lookupOperator(s);
            if (local != null && local.kind == Scope.Kind.FUNCTION) {
                return readVar(local.var, scope);
            }
            return new FunctionRefNode(s);
        }
        if (target instanceof Cons c && (isSymbol(c.car, "LAMBDA") || isNamedLambda(c.car))) {
            return analyzeFunction(c, scope);
        }
        if (target instanceof Cons c && isSymbol(c.car, "SETF") && c.cdr instanceof Cons n && n.car instanceof Symbol s && n.cdr == Lisp.NIL) {
            return new FunctionRefNode(s.setfSymbol());
        }
        throw error("FUNCTION of a non-function name: " + Printer.prin1ToString(target));
    }

    private boolean isNamedLambda(Object o) {
        return o instanceof Symbol s && s.home() == context.systemPackage() && s.name().equals("NAMED-LAMBDA");
    }

    /** {@code (lambda ll . body)} or {@code (named-lambda name ll . body)}: a closure. */
    private LispNode analyzeFunction(Cons form, Scope scope) {
        boolean named = isNamedLambda(form.car);
        List<Object> parts = properList(form, "LAMBDA");
        if (parts.size() < (named ? 3 : 2)) {
            throw error("malformed " + Printer.prin1ToString(form.car) + ": " + Printer.prin1ToString(form));
        }
        Object name = named ? parts.get(1) : Lisp.list(context.clSymbol("LAMBDA"), parts.get(1));
        Object lambdaList = parts.get(named ? 2 : 1);
        Object body = named ? ((Cons) ((Cons) form.cdr).cdr).cdr : ((Cons) form.cdr).cdr;
        return makeFunction(name, lambdaList, body, scope, sectionOf(form));
    }

    private LispNode makeFunction(Object name, Object lambdaList, Object body, Scope scope, SourceSection section) {
        FunctionScope fs = new FunctionScope(scope.function);
        Scope inner = scope.withFunction(fs);
        LambdaList ll = LambdaList.parse(lambdaList, this);
        String displayName = Printer.prin1ToString(name);
        List<LexicalVar> required = new ArrayList<>();
        for (Symbol s : ll.required()) {
            LexicalVar v = fs.newVar(s);
            required.add(v);
            inner = inner.bind(Scope.Kind.VARIABLE, s, v);
        }
        List<ArgumentsNode.Param> optional = new ArrayList<>();
        for (LambdaList.Param p : ll.optional()) {
            LispNode init = p.init() == Lisp.NIL ? null : analyze(p.init(), inner);
            LexicalVar v = fs.newVar(p.name());
            inner = inner.bind(Scope.Kind.VARIABLE, p.name(), v);
            LexicalVar supplied = null;
            if (p.supplied() != null) {
                supplied = fs.newVar(p.supplied());
                inner = inner.bind(Scope.Kind.VARIABLE, p.supplied(), supplied);
            }
            optional.add(new ArgumentsNode.Param(v, init, supplied, null));
        }
        LexicalVar rest = null;
        if (ll.rest() != null) {
            rest = fs.newVar(ll.rest());
            inner = inner.bind(Scope.Kind.VARIABLE, ll.rest(), rest);
        }
        List<ArgumentsNode.Param> keys = new ArrayList<>();
        for (LambdaList.Param p : ll.keys()) {
            LispNode init = p.init() == Lisp.NIL ? null : analyze(p.init(), inner);
            LexicalVar v = fs.newVar(p.name());
            inner = inner.bind(Scope.Kind.VARIABLE, p.name(), v);
            LexicalVar supplied = null;
            if (p.supplied() != null) {
                supplied = fs.newVar(p.supplied());
                inner = inner.bind(Scope.Kind.VARIABLE, p.supplied(), supplied);
            }
            keys.add(new ArgumentsNode.Param(v, init, supplied, p.keyword()));
        }
        // &aux variables are a LET* around the body.
        Object bodyForms = body;
        if (!ll.aux().isEmpty()) {
            List<Object> auxBindings = new ArrayList<>();
            for (LambdaList.Param p : ll.aux()) {
                auxBindings.add(Lisp.list(p.name(), p.init()));
            }
            bodyForms = Lisp.list(new Cons(context.clSymbol("LET*"), new Cons(Lisp.fromList(auxBindings, Lisp.NIL), skipDocstring(body))));
        }
        LispNode bodyNode = analyzeBody(skipDocstring(bodyForms), inner, true);
        // Parameters declared SPECIAL are bound dynamically to their values around the body.
        java.util.Set<Symbol> specialParams = declaredSpecials(skipDocstring(bodyForms));
        if (!specialParams.isEmpty()) {
            for (Symbol p : specialParams) {
                Scope b = inner.lookupVariable(p);
                if (b != null && b.kind == Scope.Kind.VARIABLE && b.var.home() == fs) {
                    bodyNode = new DynamicBindNode(p, new ReadLocalNode(b.var), bodyNode);
                }
            }
        }
        ArgumentsNode prologue = new ArgumentsNode(displayName, required.toArray(new LexicalVar[0]),
                optional.toArray(new ArgumentsNode.Param[0]), rest, keys.toArray(new ArgumentsNode.Param[0]),
                ll.acceptsKeys(), ll.allowOtherKeys());
        RootCallTarget target = new FunctionRootNode(language, fs.buildFrame(), displayName, section, prologue, bodyNode).getCallTarget();
        List<LexicalVar> captures = fs.captures();
        int[] sources = new int[captures.size()];
        for (int i = 0; i < sources.length; i++) {
            LexicalVar v = captures.get(i);
            sources[i] = v.home() == scope.function ? v.slot() : -scope.function.captureIndexOf(v) - 1;
        }
        return new LambdaNode(target, name, sources);
    }

    /** A leading string is a documentation string when more forms follow it. */
    private static Object skipDocstring(Object body) {
        if (body instanceof Cons c && c.car instanceof String && c.cdr instanceof Cons) {
            return c.cdr;
        }
        return body;
    }

    private LispNode analyzeBlock(Cons form, Scope scope) {
        List<Object> args = argCount(form, 1, Integer.MAX_VALUE);
        Symbol name = symbolArg(args.get(0), "BLOCK");
        LexicalVar tag = scope.function.newVar(name);
        Scope inner = scope.bind(Scope.Kind.BLOCK, name, tag);
        LispNode body = analyzeBody(((Cons) form.cdr).cdr, inner, false);
        if (!tag.isReferenced()) {
            return body;
        }
        return new BlockNode(new WriteLocalNode(tag, new BlockNode.NewTagNode(), true), body);
    }

    private LispNode analyzeReturnFrom(Cons form, Scope scope) {
        List<Object> args = argCount(form, 1, 2);
        Symbol name = symbolArg(args.get(0), "RETURN-FROM");
        Scope b = scope.lookup(Scope.Kind.BLOCK, name);
        if (b == null) {
            throw error("return for unknown block: " + Printer.prin1ToString(name));
        }
        b.var.markReferenced();
        LispNode value = args.size() == 2 ? analyze(args.get(1), scope) : new ConstantNode(Lisp.NIL);
        return new ReturnFromNode(readVar(b.var, scope), value);
    }

    /** Local macros: each definition is compiled now, in the null lexical environment, as DEFMACRO would. */
    private LispNode analyzeMacrolet(Cons form, Scope scope) {
        List<Object> args = argCount(form, 1, Integer.MAX_VALUE);
        Scope inner = scope;
        for (Object d : properList(args.get(0), "MACROLET definitions")) {
            Cons def = (Cons) d;
            Symbol name = symbolArg(def.car, "MACROLET");
            Object expansion = context.clSymbol("DEFMACRO").macro().callUncached(new Cons(context.clSymbol("DEFMACRO"), def), Lisp.NIL);
            // (progn (%%set-macro 'name (function (named-lambda ...))) 'name): take the function form.
            Object functionForm = Lisp.car(Lisp.cdr(Lisp.cdr(Lisp.car(Lisp.cdr(expansion)))));
            Object expander = context.evalTopLevel(functionForm, sourceMap, null);
            inner = inner.bindMacro(name, expander);
        }
        return analyzeBody(((Cons) form.cdr).cdr, inner, true);
    }

    /** Symbol macros: a variable reference that expands to a form (WITH-SLOTS, WITH-ACCESSORS). */
    private LispNode analyzeSymbolMacrolet(Cons form, Scope scope) {
        List<Object> args = argCount(form, 1, Integer.MAX_VALUE);
        Scope inner = scope;
        for (Object d : properList(args.get(0), "SYMBOL-MACROLET definitions")) {
            List<Object> parts = properList(d, "SYMBOL-MACROLET definition");
            inner = inner.bindSymbolMacro(symbolArg(parts.get(0), "SYMBOL-MACROLET"), parts.get(1));
        }
        return analyzeBody(((Cons) form.cdr).cdr, inner, true);
    }

    /** {@code (sys::%%counted-loop counter limit body...)}: see {@link CountedLoopNode}. */
    private LispNode analyzeCountedLoop(Cons form, Scope scope) {
        List<Object> args = argCount(form, 2, Integer.MAX_VALUE);
        LexicalVar counter = localVar(args.get(0), scope);
        LexicalVar limit = localVar(args.get(1), scope);
        counter.markAssigned();
        List<LispNode> body = new ArrayList<>();
        for (Object f : args.subList(2, args.size())) {
            body.add(analyze(f, scope));
        }
        return new CountedLoopNode(counter.slot(), limit.slot(), sequence(body));
    }

    /** A variable the running function binds itself (what %%COUNTED-LOOP's expansion provides). */
    private LexicalVar localVar(Object name, Scope scope) {
        Scope b = name instanceof Symbol s ? scope.lookupVariable(s) : null;
        if (b == null || b.var == null || b.var.home() != scope.function) {
            throw error("%%COUNTED-LOOP needs a variable bound in the running function: " + Printer.prin1ToString(name));
        }
        return b.var;
    }

    /** Statements split at tags (symbols and integers) into segments; GO names a segment. */
    private LispNode analyzeTagbody(Cons form, Scope scope) {
        List<Object> items = properList(form.cdr, "TAGBODY");
        LexicalVar activation = scope.function.newVar(null);
        Scope inner = scope;
        int segment = 0;
        boolean first = true;
        for (Object item : items) {
            if (item instanceof Symbol || item instanceof Long || item instanceof java.math.BigInteger) {
                if (!first) {
                    segment++;
                }
                inner = inner.bindTag(item, activation, segment);
            }
            first = false;
        }
        List<List<LispNode>> segments = new ArrayList<>();
        segments.add(new ArrayList<>());
        first = true;
        for (Object item : items) {
            if (item instanceof Symbol || item instanceof Long || item instanceof java.math.BigInteger) {
                if (!first) {
                    segments.add(new ArrayList<>());
                }
            } else {
                segments.get(segments.size() - 1).add(analyze(item, inner));
            }
            first = false;
        }
        if (!activation.isReferenced()) {
            List<LispNode> all = new ArrayList<>();
            segments.forEach(all::addAll);
            all.add(new ConstantNode(Lisp.NIL));
            return sequence(all);
        }
        LispNode[][] arrays = new LispNode[segments.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = segments.get(i).toArray(new LispNode[0]);
        }
        int segmentSlot = scope.function.newVar(null).slot();
        return new TagbodyNode(new WriteLocalNode(activation, new BlockNode.NewTagNode(), true), activation.slot(), arrays, segmentSlot);
    }

    private LispNode analyzeLocalFunctions(Cons form, Scope scope, boolean recursive) {
        List<Object> args = argCount(form, 1, Integer.MAX_VALUE);
        List<Object> definitions = properList(args.get(0), "local function definitions");
        Scope inner = scope;
        List<LexicalVar> vars = new ArrayList<>();
        for (Object d : definitions) {
            Symbol name = symbolArg(Lisp.car(d), recursive ? "LABELS" : "FLET");
            LexicalVar v = scope.function.newVar(name);
            vars.add(v);
            inner = inner.bind(Scope.Kind.FUNCTION, name, v);
        }
        List<LispNode> nodes = new ArrayList<>();
        Scope definitionScope = recursive ? inner : scope;
        if (recursive) {
            // LABELS functions see each other: bind every variable first, assign the closures after,
            // so a closure that captures one (itself included) shares its cell.
            for (LexicalVar v : vars) {
                nodes.add(new WriteLocalNode(v, new ConstantNode(Lisp.NIL), true));
            }
        }
        for (int i = 0; i < definitions.size(); i++) {
            Cons d = (Cons) definitions.get(i);
            Symbol name = (Symbol) d.car;
            if (!(d.cdr instanceof Cons rest)) {
                throw error("malformed local function definition " + Printer.prin1ToString(d));
            }
            // Declarations (and a docstring) stay in front of the function's BLOCK, where they apply.
            Object body = BodyParts.split(rest.cdr, context.clSymbol("DECLARE")).inBlock(context.clSymbol("BLOCK"), name);
            LispNode fn = makeFunction(name, rest.car, body, definitionScope, sectionOf(d));
            nodes.add(recursive ? writeVar(vars.get(i), fn, inner) : new WriteLocalNode(vars.get(i), fn, true));
        }
        nodes.add(analyzeBody(((Cons) form.cdr).cdr, inner, true));
        return sequence(nodes);
    }

    /** A body: forms in order; leading declarations are skipped where they are allowed. */
    LispNode analyzeBody(Object forms, Scope scope, boolean declarationsAllowed) {
        List<Object> list = properList(forms, "body");
        if (declarationsAllowed) {
            for (Symbol s : declaredSpecials(forms)) {
                scope = scope.bindSpecial(s);
            }
        }
        List<LispNode> nodes = new ArrayList<>();
        boolean leading = declarationsAllowed;
        for (Object f : list) {
            if (leading && f instanceof Cons c && isSymbol(c.car, "DECLARE")) {
                continue;
            }
            leading = false;
            nodes.add(analyze(f, scope));
        }
        return sequence(nodes);
    }

    /** The symbols a body's leading declarations declare SPECIAL. */
    private java.util.Set<Symbol> declaredSpecials(Object body) {
        java.util.Set<Symbol> out = new java.util.LinkedHashSet<>();
        for (Object declaration : BodyParts.split(body, context.clSymbol("DECLARE")).declarations()) {
            for (Object spec = ((Cons) declaration).cdr; spec instanceof Cons sc; spec = sc.cdr) {
                if (sc.car instanceof Cons sd && isSymbol(sd.car, "SPECIAL")) {
                    for (Object n = sd.cdr; n instanceof Cons nc; n = nc.cdr) {
                        if (nc.car instanceof Symbol sym) {
                            out.add(sym);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static LispNode sequence(List<LispNode> nodes) {
        if (nodes.isEmpty()) {
            return new ConstantNode(Lisp.NIL);
        }
        if (nodes.size() == 1) {
            return nodes.get(0);
        }
        return new PrognNode(nodes.toArray(new LispNode[0]));
    }

    private Symbol variableName(Object o, String where) {
        Symbol s = symbolArg(o, where);
        if (s == Lisp.NIL || s == Lisp.T || s.isKeyword() || s.isConstant()) {
            throw error(Printer.prin1ToString(s) + " is a constant and cannot be used as a variable in " + where);
        }
        return s;
    }

    Symbol symbolArg(Object o, String where) {
        if (!(o instanceof Symbol s)) {
            throw error("expected a symbol in " + where + ", got " + Printer.prin1ToString(o));
        }
        return s;
    }

    private List<Object> argCount(Cons form, int min, int max) {
        // The operator's name, not its printed form: printing every special form's head was a fifth
        // of start-up.
        List<Object> args = properList(form.cdr, form.car instanceof Symbol op ? op.name() : Printer.prin1ToString(form.car));
        if (args.size() < min || args.size() > max) {
            throw error("wrong number of arguments in " + Printer.prin1ToString(form));
        }
        return args;
    }

    List<Object> properList(Object o, String where) {
        List<Object> out = new ArrayList<>();
        Object x = o;
        while (x instanceof Cons c) {
            out.add(c.car);
            x = c.cdr;
        }
        if (x != Lisp.NIL) {
            throw error("malformed " + where + ": " + Printer.prin1ToString(o) + " is not a proper list");
        }
        return out;
    }

    EpsilonContext context() {
        return context;
    }

    LispError error(String message) {
        String where = currentSection == null ? "" : " (" + currentSection.getSource().getName() + ":" + currentSection.getStartLine() + ")";
        return new LispError(new LispCondition("PROGRAM-ERROR", message + where), null, false);
    }
}
