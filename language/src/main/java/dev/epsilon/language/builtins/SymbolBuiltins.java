package dev.epsilon.language.builtins;

import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.clos.LispClass;
import dev.epsilon.language.clos.StandardObject;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispPackage;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;
import dev.epsilon.language.runtime.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Symbols, packages, constants, and the Java half of DEFSTRUCT. */
final class SymbolBuiltins {
    private SymbolBuiltins() {
    }

    static void install(Builtins b, EpsilonContext cx) {
        LispPackage sys = cx.systemPackage();
        b.cl("SYMBOL-PLIST", 1, 1, a -> Builtins.symbol(a[0], "SYMBOL-PLIST").plist());
        b.function(sys, "%%SET-SYMBOL-PLIST", 2, 2, new FunctionBuiltin(a -> {
            Builtins.symbol(a[0], "(SETF SYMBOL-PLIST)").setPlist(a[1]);
            return a[1];
        }));
        b.cl("SYMBOL-PACKAGE", 1, 1, a -> {
            LispPackage p = Builtins.symbol(a[0], "SYMBOL-PACKAGE").home();
            return p == null ? Lisp.NIL : p;
        });
        b.function(sys, "%%DEFCONSTANT", 2, 2, new FunctionBuiltin(a -> {
            Symbol s = Builtins.symbol(a[0], "DEFCONSTANT");
            s.setValue(a[1]);
            s.setConstant(true);
            return s;
        }));
        b.cl("MAKUNBOUND", 1, 1, a -> {
            Builtins.symbol(a[0], "MAKUNBOUND").setValue(Symbol.UNBOUND);
            return a[0];
        });
        b.cl("FMAKUNBOUND", 1, 1, a -> {
            Builtins.symbol(a[0], "FMAKUNBOUND").setFunction(null);
            return a[0];
        });
        b.cl("FDEFINITION", 1, 1, a -> {
            Symbol s = a[0] instanceof Symbol x ? x : Builtins.symbol(a[0] instanceof Cons c && c.car == cx.clSymbol("SETF") ? Lisp.car(c.cdr) : a[0], "FDEFINITION").setfSymbol();
            if (s.function() == null) {
                throw LispError.error("UNDEFINED-FUNCTION", "The function " + Printer.prin1ToString(a[0]) + " is undefined.", "NAME", a[0]);
            }
            return s.function();
        });
        b.cl("SPECIAL-OPERATOR-P", 1, 1, a -> Lisp.bool(a[0] instanceof Symbol s && s.home() == cx.clPackage()
                && java.util.Set.of("BLOCK", "CATCH", "EVAL-WHEN", "FLET", "FUNCTION", "GO", "IF", "LABELS", "LET", "LET*",
                "LOAD-TIME-VALUE", "LOCALLY", "MACROLET", "MULTIPLE-VALUE-CALL", "MULTIPLE-VALUE-PROG1", "PROGN", "PROGV",
                "QUOTE", "RETURN-FROM", "SETQ", "SYMBOL-MACROLET", "TAGBODY", "THE", "THROW", "UNWIND-PROTECT").contains(s.name())));

        // Packages.
        b.cl("FIND-PACKAGE", 1, 1, a -> {
            LispPackage p = a[0] instanceof LispPackage x ? x : cx.findPackage(Strings.designator(a[0], "FIND-PACKAGE"));
            return p == null ? Lisp.NIL : p;
        });
        b.cl("PACKAGE-NAME", 1, 1, a -> pkg(cx, a[0], "PACKAGE-NAME").name());
        b.cl("PACKAGE-NICKNAMES", 1, 1, a -> Lisp.fromList(new ArrayList<>(pkg(cx, a[0], "PACKAGE-NICKNAMES").nicknames()), Lisp.NIL));
        b.cl("PACKAGE-USE-LIST", 1, 1, a -> Lisp.fromList(new ArrayList<>(pkg(cx, a[0], "PACKAGE-USE-LIST").uses()), Lisp.NIL));
        b.cl("PACKAGEP", 1, 1, a -> Lisp.bool(a[0] instanceof LispPackage));
        b.cl("LIST-ALL-PACKAGES", 0, 0, a -> Lisp.fromList(new ArrayList<>(cx.allPackages()), Lisp.NIL));
        b.cl("MAKE-PACKAGE", 1, -1, a -> {
            String name = Strings.designator(a[0], "MAKE-PACKAGE");
            if (cx.findPackage(name) != null) {
                throw LispError.error("PACKAGE-ERROR", "package " + name + " already exists");
            }
            LispPackage p = cx.definePackage(name, List.of());
            for (Object u : Lisp.toJavaList(Args.key(a, 1, "USE", Lisp.NIL))) {
                p.use(pkg(cx, u, "MAKE-PACKAGE"));
            }
            return p;
        });
        b.function(sys, "%%DEFPACKAGE", 2, -1, new FunctionBuiltin(a -> defpackage(cx, a)));
        b.cl("INTERN", 1, 2, a -> {
            LispPackage p = a.length > 1 ? pkg(cx, a[1], "INTERN") : cx.currentPackage();
            String name = Strings.string(a[0], "INTERN");
            Symbol existing = p.find(name);
            Symbol s = p.intern(name);
            return Values.of(new Object[]{s, existing == null ? Lisp.NIL : status(cx, p, existing)});
        });
        b.cl("FIND-SYMBOL", 1, 2, a -> {
            LispPackage p = a.length > 1 ? pkg(cx, a[1], "FIND-SYMBOL") : cx.currentPackage();
            Symbol s = p.find(Strings.string(a[0], "FIND-SYMBOL"));
            return s == null ? Values.of(new Object[]{Lisp.NIL, Lisp.NIL}) : Values.of(new Object[]{s, status(cx, p, s)});
        });
        b.cl("EXPORT", 1, 2, a -> {
            LispPackage p = a.length > 1 ? pkg(cx, a[1], "EXPORT") : cx.currentPackage();
            for (Object s : symbols(a[0])) {
                p.export(Builtins.symbol(s, "EXPORT"));
            }
            return Lisp.T;
        });
        b.cl("IMPORT", 1, 2, a -> {
            LispPackage p = a.length > 1 ? pkg(cx, a[1], "IMPORT") : cx.currentPackage();
            for (Object s : symbols(a[0])) {
                p.importSymbol(Builtins.symbol(s, "IMPORT"));
            }
            return Lisp.T;
        });
        b.cl("SHADOW", 1, 2, a -> {
            LispPackage p = a.length > 1 ? pkg(cx, a[1], "SHADOW") : cx.currentPackage();
            for (Object s : symbols(a[0])) {
                p.shadow(Strings.designator(s, "SHADOW"));
            }
            return Lisp.T;
        });
        b.cl("UNEXPORT", 1, 2, a -> {
            LispPackage p = a.length > 1 ? pkg(cx, a[1], "UNEXPORT") : cx.currentPackage();
            for (Object s : symbols(a[0])) {
                p.unexport(Builtins.symbol(s, "UNEXPORT"));
            }
            return Lisp.T;
        });
        b.cl("UNINTERN", 1, 2, a -> {
            LispPackage p = a.length > 1 ? pkg(cx, a[1], "UNINTERN") : cx.currentPackage();
            return Lisp.bool(p.unintern(Builtins.symbol(a[0], "UNINTERN")));
        });
        b.cl("UNUSE-PACKAGE", 1, 2, a -> {
            LispPackage p = a.length > 1 ? pkg(cx, a[1], "UNUSE-PACKAGE") : cx.currentPackage();
            for (Object u : symbols(a[0])) {
                p.unuse(pkg(cx, u, "UNUSE-PACKAGE"));
            }
            return Lisp.T;
        });
        b.cl("SHADOWING-IMPORT", 1, 2, a -> {
            LispPackage p = a.length > 1 ? pkg(cx, a[1], "SHADOWING-IMPORT") : cx.currentPackage();
            for (Object s : symbols(a[0])) {
                p.shadowingImport(Builtins.symbol(s, "SHADOWING-IMPORT"));
            }
            return Lisp.T;
        });
        b.cl("PACKAGE-SHADOWING-SYMBOLS", 1, 1, a -> Lisp.fromList(new ArrayList<>(pkg(cx, a[0], "PACKAGE-SHADOWING-SYMBOLS").shadowingSymbols()), Lisp.NIL));
        b.cl("PACKAGE-USED-BY-LIST", 1, 1, a -> {
            LispPackage p = pkg(cx, a[0], "PACKAGE-USED-BY-LIST");
            List<Object> users = new ArrayList<>();
            for (LispPackage q : cx.allPackages()) {
                if (q.uses().contains(p)) {
                    users.add(q);
                }
            }
            return Lisp.fromList(users, Lisp.NIL);
        });
        b.cl("RENAME-PACKAGE", 2, 3, a -> {
            LispPackage p = pkg(cx, a[0], "RENAME-PACKAGE");
            List<String> nicknames = new ArrayList<>();
            for (Object n : a.length > 2 ? Lisp.toJavaList(a[2]) : List.of()) {
                nicknames.add(Strings.designator(n, "RENAME-PACKAGE"));
            }
            cx.renamePackage(p, Strings.designator(a[1] instanceof LispPackage q ? q.name() : a[1], "RENAME-PACKAGE"), nicknames);
            return p;
        });
        b.cl("DELETE-PACKAGE", 1, 1, a -> {
            LispPackage p = a[0] instanceof LispPackage q ? q : cx.findPackage(Strings.designator(a[0], "DELETE-PACKAGE"));
            return Lisp.bool(p != null && cx.deletePackage(p));
        });
        b.cl("USE-PACKAGE", 1, 2, a -> {
            LispPackage p = a.length > 1 ? pkg(cx, a[1], "USE-PACKAGE") : cx.currentPackage();
            for (Object u : symbols(a[0])) {
                p.use(pkg(cx, u, "USE-PACKAGE"));
            }
            return Lisp.T;
        });
        b.function(sys, "%%PACKAGE-SYMBOLS", 2, 2, new FunctionBuiltin(a ->
                Lisp.fromList(new ArrayList<>(a[1] != Lisp.NIL ? pkg(cx, a[0], "DO-SYMBOLS").symbols(true)
                        : pkg(cx, a[0], "DO-SYMBOLS").accessibleSymbols()), Lisp.NIL)));

        // DEFSTRUCT.
        Map<Symbol, Object> structSlots = cx.structSlots();
        b.function(sys, "%%DEFSTRUCT", 4, 4, new FunctionBuiltin(a -> {
            Symbol name = Builtins.symbol(a[0], "%%DEFSTRUCT");
            cx.evalTopLevel(Lisp.list(cx.systemSymbol("%%DEFCLASS"), Lisp.list(cx.clSymbol("QUOTE"), name),
                    cx.keyword("STRUCTURE"), Lisp.list(cx.clSymbol("QUOTE"), a[1]),
                    Lisp.list(cx.clSymbol("QUOTE"), a[2])), null, null);
            structSlots.put(name, a[3]);
            return name;
        }));
        b.function(sys, "%%STRUCT-SLOTS", 1, 1, new FunctionBuiltin(a -> {
            Object slots = structSlots.get(Builtins.symbol(a[0], "%%STRUCT-SLOTS"));
            if (slots == null) {
                throw LispError.error("SIMPLE-ERROR", "no structure named " + Printer.prin1ToString(a[0]) + " to include");
            }
            return slots;
        }));
        b.function(sys, "%%MAKE-STRUCT", 2, 2, new FunctionBuiltin(a -> {
            LispClass c = cx.classes().named(Builtins.symbol(a[0], "%%MAKE-STRUCT"));
            StandardObject o = new StandardObject(c);
            int i = 0;
            for (Object v : Lisp.toJavaList(a[1])) {
                o.setSlotValue(i++, v);
            }
            return o;
        }));
        b.function(sys, "%%STRUCT-REF", 3, 3, new FunctionBuiltin(a -> struct(cx, a[0], a[1]).slotValue(Args.index(a[2], "structure access"))));
        b.function(sys, "%%STRUCT-SET", 4, 4, new FunctionBuiltin(a -> {
            struct(cx, a[0], a[1]).setSlotValue(Args.index(a[2], "structure access"), a[3]);
            return a[3];
        }));
        b.function(sys, "%%COPY-STRUCT", 1, 1, new FunctionBuiltin(a -> {
            StandardObject o = Args.as(a[0], StandardObject.class, "STANDARD-OBJECT", "%%COPY-STRUCT");
            StandardObject copy = new StandardObject(o.lispClass());
            for (int i = 0; i < o.lispClass().slotCount(); i++) {
                copy.setSlotValue(i, o.slotValue(i));
            }
            return copy;
        }));
    }

    private static StandardObject struct(EpsilonContext cx, Object o, Object typeName) {
        LispClass c = cx.classes().find(Builtins.symbol(typeName, "structure accessor"));
        if (o instanceof StandardObject so && so.lispClass().isSubclassOf(c)) {
            return so;
        }
        throw LispError.typeError(o, ((Symbol) typeName).name(), "structure accessor");
    }

    private static List<Object> symbols(Object o) {
        return o == Lisp.NIL ? List.of() : o instanceof dev.epsilon.language.runtime.Cons ? Lisp.toJavaList(o) : List.of(o);
    }

    private static Object status(EpsilonContext cx, LispPackage p, Symbol s) {
        if (p.findPresent(s.name()) == s) {
            return cx.keyword(p.isExternal(s) ? "EXTERNAL" : "INTERNAL");
        }
        return cx.keyword("INHERITED");
    }

    static LispPackage pkg(EpsilonContext cx, Object designator, String where) {
        if (designator instanceof LispPackage p) {
            return p;
        }
        String name = Strings.designator(designator, where);
        LispPackage p = cx.findPackage(name);
        if (p == null) {
            throw LispError.error("PACKAGE-ERROR", "The package " + Printer.prin1ToString(name) + " does not exist.", "PACKAGE", designator);
        }
        return p;
    }

    /** (%%defpackage name :nicknames (..) :use (..) :export (..) :import-from ((pkg sym..)..) :shadow (..) :local-nicknames ((nick pkg)..)) */
    private static Object defpackage(EpsilonContext cx, Object[] a) {
        String name = Strings.designator(a[0], "DEFPACKAGE");
        List<String> nicknames = new ArrayList<>();
        for (Object n : Lisp.toJavaList(Args.key(a, 1, "NICKNAMES", Lisp.NIL))) {
            nicknames.add(Strings.designator(n, "DEFPACKAGE"));
        }
        LispPackage p = cx.findPackage(name);
        if (p == null) {
            p = cx.definePackage(name, nicknames);
        }
        for (Object s : Lisp.toJavaList(Args.key(a, 1, "SHADOW", Lisp.NIL))) {
            p.shadow(Strings.designator(s, "DEFPACKAGE"));
        }
        for (Object spec : Lisp.toJavaList(Args.key(a, 1, "SHADOWING-IMPORT-FROM", Lisp.NIL))) {
            List<Object> parts = Lisp.toJavaList(spec);
            LispPackage from = pkg(cx, parts.get(0), "DEFPACKAGE :SHADOWING-IMPORT-FROM");
            for (Object s : parts.subList(1, parts.size())) {
                p.shadowingImport(symbolIn(from, Strings.designator(s, "DEFPACKAGE")));
            }
        }
        Object use = Args.key(a, 1, "USE", null);
        for (Object u : use == null ? List.of((Object) "COMMON-LISP") : Lisp.toJavaList(use)) {
            p.use(pkg(cx, u, "DEFPACKAGE :USE"));
        }
        for (Object spec : Lisp.toJavaList(Args.key(a, 1, "IMPORT-FROM", Lisp.NIL))) {
            List<Object> parts = Lisp.toJavaList(spec);
            LispPackage from = pkg(cx, parts.get(0), "DEFPACKAGE :IMPORT-FROM");
            for (Object s : parts.subList(1, parts.size())) {
                p.importSymbol(symbolIn(from, Strings.designator(s, "DEFPACKAGE")));
            }
        }
        for (Object spec : Lisp.toJavaList(Args.key(a, 1, "LOCAL-NICKNAMES", Lisp.NIL))) {
            List<Object> parts = Lisp.toJavaList(spec);
            p.localNicknames().put(Strings.designator(parts.get(0), "DEFPACKAGE"), pkg(cx, parts.get(1), "DEFPACKAGE :LOCAL-NICKNAMES"));
        }
        for (Object s : Lisp.toJavaList(Args.key(a, 1, "INTERN", Lisp.NIL))) {
            p.intern(Strings.designator(s, "DEFPACKAGE :INTERN"));
        }
        for (Object s : Lisp.toJavaList(Args.key(a, 1, "EXPORT", Lisp.NIL))) {
            p.export(p.intern(Strings.designator(s, "DEFPACKAGE :EXPORT")));
        }
        return p;
    }

    private static Symbol symbolIn(LispPackage from, String name) {
        Symbol sym = from.find(name);
        if (sym == null) {
            throw LispError.error("PACKAGE-ERROR", "symbol " + name + " not found in package " + from.name());
        }
        return sym;
    }
}
