package dev.epsilon.language.clos;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.runtime.Cons;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispCondition;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.LispPackage;
import dev.epsilon.language.runtime.LispStream;
import dev.epsilon.language.runtime.LispThread;
import dev.epsilon.language.runtime.Symbol;

/**
 * The condition system's core: SIGNAL walks the thread's handler clusters, innermost first, calling
 * each matching handler with only the outer handlers active; a handler declines by returning.
 */
public final class Conditions {
    private Conditions() {
    }

    /** Signals an error a node detected, where it detected it, and returns it for the node to throw. */
    @TruffleBoundary
    public static LispError signalled(com.oracle.truffle.api.nodes.Node node, LispError e) {
        signalJavaError(dev.epsilon.language.EpsilonLanguage.context(node), dev.epsilon.language.EpsilonLanguage.thread(node), e);
        return e;
    }

    /** Runs the handlers for a Java-made error before it unwinds further; then it may go on up. */
    @TruffleBoundary
    public static void signalJavaError(EpsilonContext cx, LispThread thread, LispError e) {
        if (e.isSignalled()) {
            return;
        }
        StandardObject c = instantiate(cx, (LispCondition) e.condition());
        e.signalled(c);
        signal(cx, thread, c);
        // No handler took it: INVOKE-DEBUGGER runs here, where the restarts still are, when there is
        // a *DEBUGGER-HOOK* or a REPL to debug in; otherwise the error unwinds as before (a script's
        // report keeps the place it happened). A stack overflow unwinds first: there is no room here.
        Symbol repl = cx.systemPackage().findPresent("*REPL-READ-LINE*");
        Symbol hook = cx.clSymbol("*DEBUGGER-HOOK*");
        if (!"STORAGE-CONDITION".equals(e.typeName())
                && ((repl != null && repl.value(thread) != Lisp.NIL) || (hook != null && hook.isBound() && hook.value(thread) != Lisp.NIL))) {
            LispFunction debugger = cx.clSymbol("INVOKE-DEBUGGER").function();
            if (debugger != null) {
                debugger.callUncached(c);
            }
        }
    }

    @TruffleBoundary
    public static void signal(EpsilonContext cx, LispThread thread, Object condition) {
        Object saved = thread.handlers;
        try {
            for (Object o = saved; o instanceof Cons cell; o = cell.cdr) {
                Object[] cluster = (Object[]) cell.car;
                for (int i = 0; i < cluster.length; i += 2) {
                    if (cx.types().typep(condition, cluster[i])) {
                        thread.handlers = cell.cdr;
                        ((LispFunction) cluster[i + 1]).callUncached(condition);
                        thread.handlers = saved;
                    }
                }
            }
        } finally {
            thread.handlers = saved;
        }
    }

    /** The condition object for a Java-described condition: its class, slots and fixed report. */
    @TruffleBoundary
    public static StandardObject instantiate(EpsilonContext cx, LispCondition d) {
        LispClass c = conditionClass(cx, d.typeName());
        StandardObject o = new StandardObject(c);
        Object[] initargs = d.initargs();
        for (int i = 0; i + 1 < initargs.length; i += 2) {
            Symbol key = cx.keyword((String) initargs[i]);
            for (LispClass.Slot s : c.slots()) {
                if (s.initargs.contains(key)) {
                    o.setSlotValue(s.index, initargs[i + 1]);
                }
            }
        }
        for (LispClass.Slot s : c.slots()) {
            if (o.slotValue(s.index) == StandardObject.UNBOUND_SLOT && s.initfunction instanceof LispFunction f) {
                o.setSlotValue(s.index, f.callUncached());
            }
        }
        o.setFixedReport(d.report());
        return o;
    }

    private static LispClass conditionClass(EpsilonContext cx, String name) {
        for (LispPackage p : new LispPackage[]{cx.clPackage(), cx.foreignPackage(), cx.systemPackage()}) {
            Symbol s = p.findExternal(name);
            if (s == null) {
                s = p.find(name);
            }
            LispClass c = s == null ? null : cx.classes().find(s);
            if (c != null && c.kind() == LispClass.Kind.CONDITION) {
                return c;
            }
        }
        LispClass error = cx.classes().find(cx.clSymbol("ERROR"));
        return error != null ? error : cx.classes().condition;
    }

    /** The report of a condition, as PRINC shows it. */
    @TruffleBoundary
    public static String report(EpsilonContext cx, StandardObject c) {
        if (c.fixedReport() != null) {
            return c.fixedReport();
        }
        Object report = c.lispClass().report();
        if (report instanceof String s) {
            return s;
        }
        if (report instanceof LispFunction f) {
            LispStream out = LispStream.stringOutput();
            f.callUncached(c, out);
            return out.takeString();
        }
        if (report instanceof Symbol s && s.function() != null) {
            LispStream out = LispStream.stringOutput();
            s.function().callUncached(c, out);
            return out.takeString();
        }
        return "Condition of type " + c.lispClass().name().name() + " was signalled.";
    }

    /** Throws a signalled, unhandled condition to the top, with its report as the message. */
    @TruffleBoundary
    public static LispError unhandled(EpsilonContext cx, Object condition) {
        if (condition instanceof StandardObject so) {
            return new LispError(so, so.lispClass().name().name(), report(cx, so), null);
        }
        return new LispError(condition, "CONDITION", String.valueOf(condition), null);
    }
}
