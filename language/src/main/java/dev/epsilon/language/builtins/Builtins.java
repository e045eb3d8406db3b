package dev.epsilon.language.builtins;

import com.oracle.truffle.api.Truffle;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.EpsilonLanguage;
import dev.epsilon.language.runtime.Chars;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.LispPackage;
import dev.epsilon.language.runtime.Numbers;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.SimpleVector;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.language.runtime.Values;

import java.util.ArrayList;
import java.util.List;

/** Installs the functions and macros written in Java into their symbols. */
public final class Builtins {
    private final EpsilonContext cx;

    private Builtins(EpsilonContext cx) {
        this.cx = cx;
    }

    public static void install(EpsilonContext cx) {
        Builtins b = new Builtins(cx);
        b.numbers();
        b.lists();
        StreamBuiltins.install(b, cx);
        DataBuiltins.install(b, cx);
        NumberBuiltins.install(b, cx);
        SequenceBuiltins.install(b, cx);
        SymbolBuiltins.install(b, cx);
        SystemBuiltins.install(b, cx);
        ThreadBuiltins.install(b, cx);
        ReaderBuiltins.install(b, cx);
        ClosBuiltins.install(b, cx);
        b.system();
        b.macros();
        dev.epsilon.language.foreign.ForeignBuiltins.install(b, cx);
        dev.epsilon.language.manifest.ManifestBuiltins.install(b, cx);
        dev.epsilon.language.polyglot.PolyglotBuiltins.install(b, cx);
    }

    /** Makes a builtin function and stores it in {@code pkg}'s symbol {@code name} (exported). */
    public LispFunction function(LispPackage pkg, String name, int min, int max, BuiltinNode body) {
        Symbol s = pkg.intern(name);
        pkg.export(s);
        LispFunction f = new LispFunction(new BuiltinRootNode(cx.language(), name, min, max, body).getCallTarget(), s, new Object[0]);
        s.setFunction(f);
        return f;
    }

    /** A function made at run time and named by an uninterned symbol: it defines nothing. */
    public LispFunction anonymousFunction(String name, int min, int max, BuiltinNode body) {
        return new LispFunction(new BuiltinRootNode(cx.language(), name, min, max, body).getCallTarget(),
                new Symbol(name, null), new Object[0]);
    }

    /** A special (dynamic) variable, exported, with an initial global value. */
    public void variable(LispPackage pkg, String name, Object value) {
        Symbol s = pkg.intern(name);
        pkg.export(s);
        s.setSpecial(true);
        s.setValue(value);
    }

    void cl(String name, int min, int max, FunctionBuiltin.Body body) {
        function(cx.clPackage(), name, min, max, new FunctionBuiltin(body));
    }

    /** A builtin of a few lines, compiled into the Lisp that calls it (see FunctionBuiltin). */
    void clInlined(String name, int min, int max, FunctionBuiltin.Body body) {
        function(cx.clPackage(), name, min, max, FunctionBuiltin.inlined(body));
    }

    /** A builtin with an inlined fast path; FAST answers FunctionBuiltin.GENERAL to use GENERAL. */
    void clFast(String name, int min, int max, FunctionBuiltin.Body fast, FunctionBuiltin.Body general) {
        function(cx.clPackage(), name, min, max, FunctionBuiltin.withFastPath(fast, general));
    }

    void macro(LispPackage pkg, String name, FunctionBuiltin.Body expander) {
        Symbol s = pkg.intern(name);
        LispFunction f = new LispFunction(new BuiltinRootNode(cx.language(), name, 2, 2, new FunctionBuiltin(expander)).getCallTarget(), s, new Object[0]);
        s.setMacro(f);
    }

    private void numbers() {
        function(cx.clPackage(), "+", 0, -1, new ArithmeticBuiltin(Arith.Op.ADD));
        function(cx.clPackage(), "-", 1, -1, new ArithmeticBuiltin(Arith.Op.SUB));
        function(cx.clPackage(), "*", 0, -1, new ArithmeticBuiltin(Arith.Op.MUL));
        function(cx.clPackage(), "=", 1, -1, new ComparisonBuiltin(ComparisonBuiltin.Order.EQUAL, "="));
        function(cx.clPackage(), "<", 1, -1, new ComparisonBuiltin(ComparisonBuiltin.Order.LESS, "<"));
        function(cx.clPackage(), ">", 1, -1, new ComparisonBuiltin(ComparisonBuiltin.Order.GREATER, ">"));
        function(cx.clPackage(), "<=", 1, -1, new ComparisonBuiltin(ComparisonBuiltin.Order.LESS_OR_EQUAL, "<="));
        function(cx.clPackage(), ">=", 1, -1, new ComparisonBuiltin(ComparisonBuiltin.Order.GREATER_OR_EQUAL, ">="));
        function(cx.clPackage(), "1+", 1, 1, new OffsetBuiltin(1));
        function(cx.clPackage(), "1-", 1, 1, new OffsetBuiltin(-1));
        clFast("ZEROP", 1, 1, a -> a[0] instanceof Long x ? Lisp.bool(x == 0) : FunctionBuiltin.GENERAL,
                a -> Lisp.bool(Arith.compare(a[0], 0L, "ZEROP") == 0));
        clFast("PLUSP", 1, 1, a -> a[0] instanceof Long x ? Lisp.bool(x > 0) : FunctionBuiltin.GENERAL,
                a -> Lisp.bool(Arith.compare(a[0], 0L, "PLUSP") > 0));
        clFast("MINUSP", 1, 1, a -> a[0] instanceof Long x ? Lisp.bool(x < 0) : FunctionBuiltin.GENERAL,
                a -> Lisp.bool(Arith.compare(a[0], 0L, "MINUSP") < 0));
        clInlined("NUMBERP", 1, 1, a -> Lisp.bool(Numbers.isNumber(a[0])));
        clInlined("INTEGERP", 1, 1, a -> Lisp.bool(Numbers.isInteger(a[0])));
    }

    private void lists() {
        clInlined("CAR", 1, 1, a -> Lisp.car(a[0]));
        clInlined("CDR", 1, 1, a -> Lisp.cdr(a[0]));
        clInlined("CONS", 2, 2, a -> new Cons(a[0], a[1]));
        clInlined("LIST", 0, -1, a -> Lisp.list(a));
        // Fixnums and characters are immediate in other Lisps: EQ when they are the same value.
        clInlined("EQ", 2, 2, a -> Lisp.bool(a[0] == a[1] || (a[0] instanceof Long x && a[1] instanceof Long y && x.longValue() == y.longValue())
                || (Chars.isCharacter(a[0]) && a[0].equals(a[1]))));
        clInlined("NULL", 1, 1, a -> Lisp.bool(a[0] == Lisp.NIL));
        clInlined("NOT", 1, 1, a -> Lisp.bool(a[0] == Lisp.NIL));
        cl("APPEND", 0, -1, Builtins::append);
        clInlined("LIST*", 1, -1, a -> {
            Object result = a[a.length - 1];
            for (int i = a.length - 2; i >= 0; i--) {
                result = new Cons(a[i], result);
            }
            return result;
        });
        clInlined("FIRST", 1, 1, a -> Lisp.car(a[0]));
        clInlined("REST", 1, 1, a -> Lisp.cdr(a[0]));
        clInlined("SECOND", 1, 1, a -> Lisp.car(Lisp.cdr(a[0])));
        clInlined("THIRD", 1, 1, a -> Lisp.car(Lisp.cdr(Lisp.cdr(a[0]))));
        clInlined("CADR", 1, 1, a -> Lisp.car(Lisp.cdr(a[0])));
        clInlined("CDDR", 1, 1, a -> Lisp.cdr(Lisp.cdr(a[0])));
        clInlined("CAAR", 1, 1, a -> Lisp.car(Lisp.car(a[0])));
        clInlined("CDAR", 1, 1, a -> Lisp.cdr(Lisp.car(a[0])));
        clInlined("CADDR", 1, 1, a -> Lisp.car(Lisp.cdr(Lisp.cdr(a[0]))));
        clInlined("NTHCDR", 2, 2, a -> nthcdr(a[0], a[1]));
        clInlined("NTH", 2, 2, a -> Lisp.car(nthcdr(a[0], a[1])));
        clInlined("LENGTH", 1, 1, a -> (long) dev.epsilon.language.runtime.Sequences.length(a[0]));
        cl("LAST", 1, 2, a -> {
            long n = a.length > 1 ? Args.integer(a[1], "LAST") : 1;
            if (n < 0) {
                throw LispError.typeError(a[1], "UNSIGNED-BYTE", "LAST");
            }
            // Two pointers n conses apart: the lead reaches the end when the trail is at the answer.
            Object lead = a[0];
            Object trail = a[0];
            for (long i = 0; i < n && lead instanceof Cons c; i++) {
                lead = c.cdr;
            }
            while (lead instanceof Cons c) {
                lead = c.cdr;
                trail = ((Cons) trail).cdr;
            }
            return trail;
        });
        cl("RPLACA", 2, 2, a -> {
            cons(a[0], "RPLACA").car = a[1];
            return a[0];
        });
        cl("RPLACD", 2, 2, a -> {
            cons(a[0], "RPLACD").cdr = a[1];
            return a[0];
        });
        clInlined("CONSP", 1, 1, a -> Lisp.bool(a[0] instanceof Cons));
        clInlined("ATOM", 1, 1, a -> Lisp.bool(!(a[0] instanceof Cons)));
        clInlined("LISTP", 1, 1, a -> Lisp.bool(a[0] instanceof Cons || a[0] == Lisp.NIL));
        clInlined("ENDP", 1, 1, a -> {
            if (a[0] == Lisp.NIL) {
                return Lisp.T;
            }
            cons(a[0], "ENDP");
            return Lisp.NIL;
        });
        clInlined("SYMBOLP", 1, 1, a -> Lisp.bool(a[0] instanceof Symbol));
        clInlined("KEYWORDP", 1, 1, a -> Lisp.bool(a[0] instanceof Symbol s && s.isKeyword()));
        clInlined("FUNCTIONP", 1, 1, a -> Lisp.bool(a[0] instanceof LispFunction));
        function(cx.systemPackage(), "%%CONSTANT-SYMBOL-P", 1, 1, new FunctionBuiltin(a ->
                Lisp.bool(a[0] instanceof Symbol s && (s.isConstant() || s.isKeyword() || s == Lisp.NIL || s == Lisp.T))));
        function(cx.systemPackage(), "%%FUNCTION-NAME", 1, 1, new FunctionBuiltin(a -> {
            Object name = a[0] instanceof LispFunction f ? f.name() : null;
            return name == null ? Lisp.NIL : name;
        }));
        function(cx.systemPackage(), "%%PRIMITIVE-P", 1, 1, new FunctionBuiltin(a ->
                Lisp.bool(a[0] instanceof LispFunction f && f.callTarget().getRootNode() instanceof BuiltinRootNode)));
        clInlined("EQL", 2, 2, a -> Lisp.bool(Lisp.eql(a[0], a[1])));
        cl("EQUAL", 2, 2, a -> Lisp.bool(dev.epsilon.language.runtime.Equality.equal(a[0], a[1])));
        // Boot-time MEMBER and ASSOC (EQL, no keywords) for the prelude's macros; library.lisp
        // replaces both with the full functions (:key, :test, :test-not).
        cl("MEMBER", 2, 2, a -> {
            for (Object o = a[1]; o instanceof Cons c; o = c.cdr) {
                if (Lisp.eql(a[0], c.car)) {
                    return c;
                }
            }
            return Lisp.NIL;
        });
        cl("ASSOC", 2, 2, a -> {
            for (Object o = a[1]; o instanceof Cons c; o = c.cdr) {
                if (c.car instanceof Cons entry && Lisp.eql(a[0], entry.car)) {
                    return entry;
                }
            }
            return Lisp.NIL;
        });
        cl("GETF", 2, 3, a -> {
            for (Object o = a[0]; o instanceof Cons c && c.cdr instanceof Cons v; o = v.cdr) {
                if (c.car == a[1]) {
                    return v.car;
                }
            }
            return a.length > 2 ? a[2] : Lisp.NIL;
        });
        function(cx.clPackage(), "APPLY", 1, -1, new BuiltinNode() {
            @Child private CallFunctionNode call = new CallFunctionNode();

            @Override
            public Object execute(Object[] args) {
                List<Object> spread = new ArrayList<>();
                for (int i = 1; i < args.length - 1; i++) {
                    spread.add(args[i]);
                }
                if (args.length > 1) {
                    spread.addAll(Lisp.toJavaList(args[args.length - 1]));
                }
                return call.call(args[0], spread.toArray(), "APPLY");
            }
        });
        function(cx.clPackage(), "FUNCALL", 1, -1, new BuiltinNode() {
            @Child private CallFunctionNode call = new CallFunctionNode();

            @Override
            public Object execute(Object[] args) {
                Object[] rest = new Object[args.length - 1];
                System.arraycopy(args, 1, rest, 0, rest.length);
                return call.call(args[0], rest, "FUNCALL");
            }
        });
    }

    private static Cons cons(Object o, String where) {
        if (o instanceof Cons c) {
            return c;
        }
        throw LispError.typeError(o, "CONS", where);
    }

    private static Object nthcdr(Object n, Object list) {
        if (!(n instanceof Long k) || k < 0) {
            throw LispError.typeError(n, "UNSIGNED-BYTE", "NTH");
        }
        Object o = list;
        for (long i = 0; i < k && o != Lisp.NIL; i++) {
            o = Lisp.cdr(o);
        }
        return o;
    }

    private static Object append(Object[] lists) {
        if (lists.length == 0) {
            return Lisp.NIL;
        }
        Object result = lists[lists.length - 1];
        for (int i = lists.length - 2; i >= 0; i--) {
            result = Lisp.fromList(Lisp.toJavaList(lists[i]), result);
        }
        return result;
    }

    private void system() {
        LispPackage sys = cx.systemPackage();
        function(sys, "%%SET-FDEFINITION", 2, 2, new FunctionBuiltin(a -> {
            Symbol name = symbol(a[0], "%%SET-FDEFINITION");
            if (!(a[1] instanceof LispFunction f)) {
                throw LispError.typeError(a[1], "FUNCTION", "%%SET-FDEFINITION");
            }
            name.setFunction(f);
            return f;
        }));
        function(sys, "%%SET-MACRO", 2, 2, new FunctionBuiltin(a -> {
            Symbol name = symbol(a[0], "%%SET-MACRO");
            if (!(a[1] instanceof LispFunction f)) {
                throw LispError.typeError(a[1], "FUNCTION", "%%SET-MACRO");
            }
            name.setMacro(f);
            return name;
        }));
        function(sys, "%%DESTRUCTURE-CAR", 3, 3, new FunctionBuiltin(a -> {
            if (a[0] instanceof Cons c) {
                return c.car;
            }
            throw LispError.error("PROGRAM-ERROR", "error while parsing arguments to " + Printer.princToString(a[2])
                    + ": too few elements to satisfy lambda list " + Printer.prin1ToString(a[1]));
        }));
        function(sys, "%%DESTRUCTURE-END", 3, 3, new FunctionBuiltin(a -> {
            if (a[0] != Lisp.NIL) {
                throw LispError.error("PROGRAM-ERROR", "error while parsing arguments to " + Printer.princToString(a[2])
                        + ": too many elements " + Printer.prin1ToString(a[0]) + " for lambda list " + Printer.prin1ToString(a[1]));
            }
            return Lisp.NIL;
        }));
        function(sys, "%%DESTRUCTURE-KEY", 2, 2, new FunctionBuiltin(a -> {
            for (Object o = a[0]; o instanceof Cons c && c.cdr instanceof Cons v; o = v.cdr) {
                if (c.car == a[1]) {
                    return v;
                }
            }
            return Lisp.NIL;
        }));
        function(sys, "%%DEFVAR", 1, 1, new FunctionBuiltin(a -> {
            symbol(a[0], "DEFVAR").setSpecial(true);
            return a[0];
        }));
        variable(cx.clPackage(), "*GENSYM-COUNTER*", 1L);
        Symbol gensymCounterVar = cx.clSymbol("*GENSYM-COUNTER*");
        cl("GENSYM", 0, 1, a -> {
            // (gensym n) names the symbol with n; otherwise *GENSYM-COUNTER* is used and incremented.
            if (a.length > 0 && Numbers.isInteger(a[0])) {
                return new Symbol("G" + a[0], null);
            }
            String prefix = a.length > 0 ? Strings.string(a[0], "GENSYM") : "G";
            dev.epsilon.language.runtime.LispThread thread = EpsilonLanguage.thread(null);
            Object n = gensymCounterVar.value(thread);
            long count = n instanceof Long l ? l : 0;
            gensymCounterVar.setValue(thread, count + 1);
            return new Symbol(prefix + count, null);
        });
        cl("MAKE-SYMBOL", 1, 1, a -> new Symbol(Strings.string(a[0], "MAKE-SYMBOL"), null));
        clInlined("SYMBOL-NAME", 1, 1, a -> symbol(a[0], "SYMBOL-NAME").name());
        cl("SYMBOL-VALUE", 1, 1, a -> {
            Symbol s = symbol(a[0], "SYMBOL-VALUE");
            Object v = s.value(EpsilonLanguage.thread(null));
            if (v == Symbol.UNBOUND) {
                throw LispError.error("UNBOUND-VARIABLE", "The variable " + Printer.qualified(s) + " is unbound.");
            }
            return v;
        });
        cl("SET", 2, 2, a -> {
            symbol(a[0], "SET").setValue(EpsilonLanguage.thread(null), a[1]);
            return a[1];
        });
        cl("BOUNDP", 1, 1, a -> Lisp.bool(symbol(a[0], "BOUNDP").value(EpsilonLanguage.thread(null)) != Symbol.UNBOUND));
        clInlined("VALUES", 0, -1, a -> Values.of(a.clone()));
        cl("VALUES-LIST", 1, 1, a -> Values.of(Lisp.toJavaList(a[0]).toArray()));
        cl("FBOUNDP", 1, 1, a -> {
            Symbol s = symbol(a[0], "FBOUNDP");
            return Lisp.bool(s.function() != null || s.macro() != null);
        });
        cl("SYMBOL-FUNCTION", 1, 1, a -> dev.epsilon.language.runtime.FunctionDesignators.resolve(symbol(a[0], "SYMBOL-FUNCTION"), "SYMBOL-FUNCTION"));
        cl("MACRO-FUNCTION", 1, 2, a -> {
            LispFunction m = macroFunction(symbol(a[0], "MACRO-FUNCTION"), a.length > 1 ? a[1] : Lisp.NIL);
            return m == null ? Lisp.NIL : m;
        });
        cl("MACROEXPAND-1", 1, 2, a -> {
            Object env = a.length > 1 ? a[1] : Lisp.NIL;
            Object expansion = macroexpand1(a[0], env);
            return Values.of(new Object[]{expansion == null ? a[0] : expansion, Lisp.bool(expansion != null)});
        });
        cl("MACROEXPAND", 1, 2, a -> {
            Object env = a.length > 1 ? a[1] : Lisp.NIL;
            Object f = a[0];
            boolean expanded = false;
            for (Object next = macroexpand1(f, env); next != null; next = macroexpand1(f, env)) {
                f = next;
                expanded = true;
            }
            return Values.of(new Object[]{f, Lisp.bool(expanded)});
        });
        function(sys, "%%DEFINE-SYMBOL-MACRO", 2, 2, new FunctionBuiltin(a -> {
            symbol(a[0], "DEFINE-SYMBOL-MACRO").setSymbolMacro(a[1]);
            return a[0];
        }));
        cl("EVAL", 1, 1, a -> cx.evalTopLevel(a[0], null, null));
        function(sys, "%%SETF-SYMBOL", 1, 1, new FunctionBuiltin(a -> symbol(a[0], "SETF function name").setfSymbol()));
        function(sys, "%%SETF-EXPANDER", 1, 1, new FunctionBuiltin(a -> {
            Object f = cx.setfExpanders().get(a[0]);
            return f == null ? Lisp.NIL : f;
        }));
        function(sys, "%%DEFINE-SETF-EXPANDER", 2, 2, new FunctionBuiltin(a -> {
            cx.setfExpanders().put(symbol(a[0], "DEFSETF"), a[1]);
            return a[0];
        }));
        function(sys, "TRUFFLE-RUNTIME-NAME", 0, 0, new FunctionBuiltin(a -> Truffle.getRuntime().getName()));
    }

    private static LispFunction macroFunction(Symbol s, Object env) {
        return env instanceof dev.epsilon.language.analyzer.MacroEnvironment e ? e.macroFunction(s) : s.macro();
    }

    /** One macro expansion of {@code form} in {@code env}, or null when it is not a macro form. */
    private static Object macroexpand1(Object form, Object env) {
        if (form instanceof Cons c && c.car instanceof Symbol s) {
            LispFunction m = macroFunction(s, env);
            return m == null ? null : Values.primary(m.callUncached(form, env));
        }
        if (form instanceof Symbol s) {
            if (env instanceof dev.epsilon.language.analyzer.MacroEnvironment e) {
                if (e.isSymbolMacro(s)) {
                    return e.symbolMacroExpansion(s);
                }
                if (e.isLexicalVariable(s)) {
                    return null;
                }
            }
            return s.symbolMacro();
        }
        return null;
    }

    /** Calls a symbol's global function from Java (slow path: builtins that reuse other builtins). */
    Object callLisp(Symbol name, Object... args) {
        return name.function().callUncached(args);
    }

    /** A symbol argument, or a TYPE-ERROR naming the function. */
    public static Symbol symbol(Object o, String where) {
        if (!(o instanceof Symbol s)) {
            throw LispError.typeError(o, "SYMBOL", where);
        }
        return s;
    }

    private void macros() {
        Backquote backquote = new Backquote(cx);
        macro(cx.systemPackage(), "QUASIQUOTE", a -> backquote.expandForm(a[0]));
        macro(cx.clPackage(), "DEFMACRO", a -> Defmacro.expand(cx, a[0]));
        macro(cx.clPackage(), "DESTRUCTURING-BIND", a -> Defmacro.destructuringBind(cx, a[0]));
    }
}
