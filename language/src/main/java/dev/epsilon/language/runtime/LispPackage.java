package dev.epsilon.language.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Common Lisp package: internal and external symbols, used packages, nicknames. */
public final class LispPackage implements com.oracle.truffle.api.interop.TruffleObject {
    private String name;
    private final List<String> nicknames = new ArrayList<>();
    private final Map<String, Symbol> internal = new LinkedHashMap<>();
    private final Map<String, Symbol> external = new LinkedHashMap<>();
    private final List<LispPackage> uses = new ArrayList<>();
    private final boolean keywordPackage;
    private final Map<String, LispPackage> localNicknames = new LinkedHashMap<>();
    private final java.util.Set<String> shadowed = new java.util.HashSet<>();

    public LispPackage(String name, boolean keywordPackage) {
        this.name = name;
        this.keywordPackage = keywordPackage;
    }

    public String name() { return name; }

    public List<String> nicknames() { return nicknames; }

    public boolean isKeywordPackage() { return keywordPackage; }

    public List<LispPackage> uses() { return uses; }

    /** Package-local nicknames (:local-nicknames), consulted by the reader while this package is current. */
    public Map<String, LispPackage> localNicknames() { return localNicknames; }

    /** Makes a new symbol here that hides any inherited one of the same name. */
    @TruffleBoundary
    public synchronized Symbol shadow(String s) {
        shadowed.add(s);
        Symbol own = external.get(s);
        if (own == null) {
            own = internal.get(s);
        }
        if (own == null || own.home() != this) {
            own = new Symbol(s, this);
            internal.put(s, own);
        }
        return own;
    }

    /** Whether {@code s} is present here (internal or external), and if so, whether external. */
    public synchronized Symbol findPresent(String s) {
        Symbol sym = external.get(s);
        return sym != null ? sym : internal.get(s);
    }

    @TruffleBoundary
    public synchronized List<Symbol> symbols(boolean externalOnly) {
        List<Symbol> out = new ArrayList<>(external.values());
        if (!externalOnly) {
            out.addAll(internal.values());
        }
        return out;
    }

    /** Every accessible symbol (DO-SYMBOLS): present ones, then those inherited from used packages. */
    @TruffleBoundary
    public synchronized List<Symbol> accessibleSymbols() {
        List<Symbol> out = symbols(false);
        for (LispPackage p : uses) {
            for (Symbol s : p.symbols(true)) {
                if (findPresent(s.name()) == null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    public synchronized void use(LispPackage p) {
        if (!uses.contains(p)) {
            uses.add(p);
        }
    }

    /** The symbol named {@code s} accessible here (own, then inherited), or null. */
    @TruffleBoundary
    public synchronized Symbol find(String s) {
        Symbol sym = external.get(s);
        if (sym == null) {
            sym = internal.get(s);
        }
        if (sym == null && !shadowed.contains(s)) {
            for (LispPackage p : uses) {
                sym = p.findExternal(s);
                if (sym != null) {
                    break;
                }
            }
        }
        return sym;
    }

    @TruffleBoundary
    public synchronized Symbol findExternal(String s) {
        return external.get(s);
    }

    @TruffleBoundary
    public synchronized Symbol intern(String s) {
        Symbol sym = find(s);
        if (sym == null) {
            sym = new Symbol(s, this);
            if (keywordPackage) {
                sym.setValue(sym);
                sym.setConstant(true);
                external.put(s, sym);
            } else {
                internal.put(s, sym);
            }
        }
        return sym;
    }

    /** Makes {@code sym} present here and external; a symbol with no home (NIL, T at start-up) gets this one. */
    @TruffleBoundary
    public synchronized void export(Symbol sym) {
        if (sym.home() == null) {
            sym.setHome(this);
        }
        Symbol present = external.get(sym.name());
        if (present == null) {
            present = internal.get(sym.name());
        }
        if (present != null && present != sym) {
            throw LispError.error("PACKAGE-ERROR", "exporting " + Printer.qualified(sym) + " from " + name
                    + " conflicts with " + Printer.qualified(present) + ", already present there");
        }
        internal.remove(sym.name());
        external.put(sym.name(), sym);
    }

    /** UNEXPORT: an external symbol present here becomes internal. */
    @TruffleBoundary
    public synchronized void unexport(Symbol sym) {
        if (external.get(sym.name()) == sym) {
            external.remove(sym.name());
            internal.put(sym.name(), sym);
        } else if (find(sym.name()) != sym) {
            throw LispError.error("PACKAGE-ERROR", Printer.qualified(sym) + " is not accessible in " + name);
        }
    }

    /** UNINTERN: removes a present symbol (and its shadowing mark); true when it was present. */
    @TruffleBoundary
    public synchronized boolean unintern(Symbol sym) {
        boolean present = external.remove(sym.name(), sym) | internal.remove(sym.name(), sym);
        if (present) {
            shadowed.remove(sym.name());
            if (sym.home() == this) {
                sym.setHome(null);
            }
        }
        return present;
    }

    @TruffleBoundary
    public synchronized void unuse(LispPackage p) {
        uses.remove(p);
    }

    /** SHADOWING-IMPORT: {@code sym} becomes present here, replacing any symbol of its name, and shadows inherited ones. */
    @TruffleBoundary
    public synchronized void shadowingImport(Symbol sym) {
        Symbol old = findPresent(sym.name());
        if (old != null && old != sym) {
            unintern(old);
        }
        shadowed.add(sym.name());
        if (!external.containsKey(sym.name())) {
            internal.put(sym.name(), sym);
        }
    }

    @TruffleBoundary
    public synchronized List<Symbol> shadowingSymbols() {
        List<Symbol> out = new ArrayList<>();
        for (String s : shadowed) {
            Symbol sym = findPresent(s);
            if (sym != null) {
                out.add(sym);
            }
        }
        return out;
    }

    /** RENAME-PACKAGE: the new name and nicknames (the caller updates the registry of names). */
    @TruffleBoundary
    public synchronized void rename(String newName, List<String> newNicknames) {
        this.name = newName;
        nicknames.clear();
        nicknames.addAll(newNicknames);
    }

    /** Makes an existing symbol (possibly from elsewhere) present here as an internal symbol. */
    @TruffleBoundary
    public synchronized void importSymbol(Symbol sym) {
        if (!external.containsKey(sym.name())) {
            internal.put(sym.name(), sym);
        }
    }

    public synchronized boolean isExternal(Symbol sym) {
        return external.get(sym.name()) == sym;
    }

    @Override
    public String toString() {
        return "#<PACKAGE \"" + name + "\">";
    }
}
