package dev.epsilon.language.builtins;

import com.oracle.truffle.api.Truffle;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.foreign.SharedCallBuiltin;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.LispPackage;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.SimpleVector;
import dev.epsilon.language.runtime.Symbol;

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
        b.output();
        b.system();
        b.macros();
        b.function(cx.foreignPackage(), "SHARED-CALL", 3, -1, new SharedCallBuiltin());
        b.variable(cx.foreignPackage(), "*LIBRARY-SEARCH-PATHS*", Lisp.NIL);
    }

    /** Makes a builtin function and stores it in {@code pkg}'s symbol {@code name} (exported). */
    private LispFunction function(LispPackage pkg, String name, int min, int max, BuiltinNode body) {
        Symbol s = pkg.intern(name);
        pkg.export(s);
        LispFunction f = new LispFunction(new BuiltinRootNode(cx.language(), name, min, max, body).getCallTarget(), s, new Object[0]);
        s.setFunction(f);
        return f;
    }

    /** A special (dynamic) variable, exported, with an initial global value. */
    private void variable(LispPackage pkg, String name, Object value) {
        Symbol s = pkg.intern(name);
        pkg.export(s);
        s.setSpecial(true);
        s.setValue(value);
    }

    private void cl(String name, int min, int max, FunctionBuiltin.Body body) {
        function(cx.clPackage(), name, min, max, new FunctionBuiltin(body));
    }

    private void macro(LispPackage pkg, String name, FunctionBuiltin.Body expander) {
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
    }

    private void lists() {
        cl("CAR", 1, 1, a -> Lisp.car(a[0]));
        cl("CDR", 1, 1, a -> Lisp.cdr(a[0]));
        cl("CONS", 2, 2, a -> new Cons(a[0], a[1]));
        cl("LIST", 0, -1, a -> Lisp.list(a));
        cl("EQ", 2, 2, a -> Lisp.bool(a[0] == a[1] || (a[0] instanceof Long x && a[1] instanceof Long y && x.longValue() == y.longValue())));
        cl("NULL", 1, 1, a -> Lisp.bool(a[0] == Lisp.NIL));
        cl("NOT", 1, 1, a -> Lisp.bool(a[0] == Lisp.NIL));
        cl("VECTOR", 0, -1, a -> new SimpleVector(a.clone()));
        cl("APPEND", 0, -1, Builtins::append);
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

    private void output() {
        Format.Sink stdout = new Format.Sink() {
            @Override
            public void write(String s) {
                cx.output().write(s);
            }

            @Override
            public void freshLine() {
                cx.output().freshLine();
            }
        };
        cl("FORMAT", 2, -1, a -> {
            if (!(a[1] instanceof String control)) {
                throw LispError.typeError(a[1], "STRING", "FORMAT");
            }
            if (a[0] == Lisp.NIL) {
                StringBuilder b = new StringBuilder();
                Format.format(new Format.Sink() {
                    @Override
                    public void write(String s) {
                        b.append(s);
                    }

                    @Override
                    public void freshLine() {
                        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
                            b.append('\n');
                        }
                    }
                }, control, a, 2);
                return b.toString();
            }
            if (a[0] != Lisp.T) {
                throw LispError.typeError(a[0], "(OR NULL (EQL T))", "FORMAT destination");
            }
            Format.format(stdout, control, a, 2);
            return Lisp.NIL;
        });
        cl("PRINC", 1, 1, a -> {
            cx.output().write(Printer.princToString(a[0]));
            return a[0];
        });
        cl("PRIN1", 1, 1, a -> {
            cx.output().write(Printer.prin1ToString(a[0]));
            return a[0];
        });
        cl("PRINT", 1, 1, a -> {
            cx.output().write("\n" + Printer.prin1ToString(a[0]) + " ");
            return a[0];
        });
        cl("TERPRI", 0, 0, a -> {
            cx.output().write("\n");
            return Lisp.NIL;
        });
    }

    private void system() {
        LispPackage sys = cx.systemPackage();
        function(sys, "%SET-FDEFINITION", 2, 2, new FunctionBuiltin(a -> {
            Symbol name = symbol(a[0], "%SET-FDEFINITION");
            if (!(a[1] instanceof LispFunction f)) {
                throw LispError.typeError(a[1], "FUNCTION", "%SET-FDEFINITION");
            }
            name.setFunction(f);
            return f;
        }));
        function(sys, "%SET-MACRO", 2, 2, new FunctionBuiltin(a -> {
            Symbol name = symbol(a[0], "%SET-MACRO");
            if (!(a[1] instanceof LispFunction f)) {
                throw LispError.typeError(a[1], "FUNCTION", "%SET-MACRO");
            }
            name.setMacro(f);
            return name;
        }));
        function(sys, "TRUFFLE-RUNTIME-NAME", 0, 0, new FunctionBuiltin(a -> Truffle.getRuntime().getName()));
    }

    private static Symbol symbol(Object o, String where) {
        if (!(o instanceof Symbol s)) {
            throw LispError.typeError(o, "SYMBOL", where);
        }
        return s;
    }

    private void macros() {
        Backquote backquote = new Backquote(cx);
        macro(cx.systemPackage(), "QUASIQUOTE", a -> backquote.expandForm(a[0]));
        macro(cx.clPackage(), "DEFMACRO", a -> Defmacro.expand(cx, a[0]));
    }
}
