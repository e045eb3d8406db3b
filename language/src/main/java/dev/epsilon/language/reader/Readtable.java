package dev.epsilon.language.reader;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.TruffleObject;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A readtable: the reader macros that Lisp code installed (SET-MACRO-CHARACTER,
 * SET-DISPATCH-MACRO-CHARACTER) over the standard syntax, and the readtable case. The standard
 * macro characters are not stored as functions: a character without an entry has the reader's own
 * meaning, so copying a readtable copies only what Lisp changed.
 */
public final class Readtable implements TruffleObject {
    /** The readtable case (READTABLE-CASE). */
    public enum Case { UPCASE, DOWNCASE, PRESERVE, INVERT }

    /** Character -> macro function, or a {@link StandardMacro} given to it by SET-SYNTAX-FROM-CHAR. */
    private final Map<Integer, Object> macros = new HashMap<>();
    private final Set<Integer> nonTerminating = new HashSet<>();
    /** Dispatching character -> (upcased sub-character -> function). */
    private final Map<Integer, Map<Integer, Object>> dispatch = new HashMap<>();
    /** Characters whose syntax was set to a constituent (SET-SYNTAX-FROM-CHAR from a letter). */
    private final Set<Integer> constituents = new HashSet<>();
    private Case readCase = Case.UPCASE;
    /** Whether any character has a syntax other than the standard one (the reader's fast path checks this first). */
    private boolean custom;

    public Readtable() {
        dispatch.put((int) '#', new HashMap<>());
        nonTerminating.add((int) '#');
    }

    @TruffleBoundary
    public Readtable copy() {
        Readtable r = new Readtable();
        copyInto(r);
        return r;
    }

    @TruffleBoundary
    public void copyInto(Readtable r) {
        r.macros.clear();
        r.macros.putAll(macros);
        r.nonTerminating.clear();
        r.nonTerminating.addAll(nonTerminating);
        r.dispatch.clear();
        dispatch.forEach((k, v) -> r.dispatch.put(k, new HashMap<>(v)));
        r.constituents.clear();
        r.constituents.addAll(constituents);
        r.readCase = readCase;
        r.custom = custom;
    }

    public boolean hasCustomSyntax() { return custom; }

    public Case readCase() { return readCase; }

    public void setReadCase(Case c) { readCase = c; }

    /** The Lisp function for a macro character, or null when the reader's own meaning applies. */
    @TruffleBoundary
    public Object macroFunction(int c) {
        return macros.get(c);
    }

    @TruffleBoundary
    public boolean isUserMacro(int c) {
        return macros.containsKey(c);
    }

    @TruffleBoundary
    public boolean isTerminatingUserMacro(int c) {
        return isUserMacro(c) && !nonTerminating.contains(c);
    }

    @TruffleBoundary
    public boolean isConstituent(int c) {
        return constituents.contains(c);
    }

    @TruffleBoundary
    public boolean isNonTerminating(int c) {
        return nonTerminating.contains(c);
    }

    @TruffleBoundary
    public void setMacro(int c, Object function, boolean nonTerminatingP) {
        custom = true;
        constituents.remove(c);
        macros.put(c, function);
        if (nonTerminatingP) {
            nonTerminating.add(c);
        } else {
            nonTerminating.remove(c);
        }
    }

    /** SET-SYNTAX-FROM-CHAR: copies the syntax of {@code from} in {@code source} to {@code to}. */
    @TruffleBoundary
    public void setSyntaxFrom(int to, int from, Readtable source) {
        custom = true;
        Object f = source.macros.get(from);
        Map<Integer, Object> d = source.dispatch.get(from);
        macros.remove(to);
        dispatch.remove(to);
        constituents.remove(to);
        if (f != null) {
            macros.put(to, f);
        } else if (Reader.isStandardMacroCharacter((char) from)) {
            macros.put(to, new StandardMacro((char) from));
        } else {
            constituents.add(to);
        }
        if (d != null) {
            dispatch.put(to, new HashMap<>(d));
        }
        if (source.nonTerminating.contains(from)) {
            nonTerminating.add(to);
        } else {
            nonTerminating.remove(to);
        }
    }

    @TruffleBoundary
    public void makeDispatching(int c, boolean nonTerminatingP) {
        custom = true;
        macros.remove(c);
        dispatch.put(c, new HashMap<>());
        if (nonTerminatingP) {
            nonTerminating.add(c);
        } else {
            nonTerminating.remove(c);
        }
    }

    @TruffleBoundary
    public boolean isDispatching(int c) {
        return dispatch.containsKey(c) && !isUserMacro(c);
    }

    /** The Lisp function for {@code #sub} (or another dispatching character), or null for the standard meaning. */
    @TruffleBoundary
    public Object dispatchFunction(int c, int sub) {
        Map<Integer, Object> table = dispatch.get(c);
        return table == null ? null : table.get(Character.toUpperCase(sub));
    }

    @TruffleBoundary
    public void setDispatch(int c, int sub, Object function) {
        Map<Integer, Object> table = dispatch.get(c);
        if (table == null) {
            throw new IllegalArgumentException("not a dispatching macro character");
        }
        if (function == null) {
            table.remove(Character.toUpperCase(sub));
        } else {
            table.put(Character.toUpperCase(sub), function);
        }
    }

    /** A standard macro character's meaning given to another character by SET-SYNTAX-FROM-CHAR. */
    public record StandardMacro(char standard) {
    }

    @Override
    public String toString() {
        return "#<READTABLE>";
    }
}
