package dev.epsilon.language.builtins;

import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.clos.Conditions;
import dev.epsilon.language.clos.GenericFunction;
import dev.epsilon.language.clos.LispClass;
import dev.epsilon.language.clos.StandardObject;
import dev.epsilon.language.runtime.LispFunction;
import dev.epsilon.language.runtime.LispStream;
import dev.epsilon.language.runtime.Printer;
import dev.epsilon.language.runtime.Symbol;

/**
 * How instances print: a user's PRINT-OBJECT method when there is one; conditions by their report
 * (PRINC) or as #<TYPE "report">; structures as #S(NAME :SLOT value ...); others as #<CLASS {id}>.
 */
final class ObjectPrinter {
    private ObjectPrinter() {
    }

    static String print(EpsilonContext cx, Object o, boolean escape) {
        if (o instanceof StandardObject so) {
            String user = userMethod(cx, so, escape);
            if (user != null) {
                return user;
            }
            return standard(cx, so, escape);
        }
        if (o instanceof LispClass || o instanceof dev.epsilon.language.clos.Restart || o instanceof LispStream) {
            return o.toString();
        }
        return null;
    }

    /** The default printed form, also what PRINT-OBJECT's default method writes. */
    static String standard(EpsilonContext cx, StandardObject so, boolean escape) {
        LispClass c = so.lispClass();
        if (so.isCondition()) {
            String report = Conditions.report(cx, so);
            return escape ? "#<" + c.name().name() + " " + Printer.prin1ToString(report) + ">" : report;
        }
        if (c.kind() == LispClass.Kind.STRUCTURE) {
            if (c.printFunction() instanceof LispFunction f) {
                LispStream out = LispStream.stringOutput();
                f.callUncached(so, out, 0L);
                return out.takeString();
            }
            StringBuilder b = new StringBuilder("#S(").append(Printer.prin1ToString(c.name()));
            for (LispClass.Slot s : c.slots()) {
                b.append(" :").append(s.name.name()).append(' ').append(Printer.prin1ToString(so.slotValue(s.index)));
            }
            return b.append(')').toString();
        }
        return "#<" + Printer.qualified(c.name()) + " {" + Integer.toHexString(System.identityHashCode(so)).toUpperCase() + "}>";
    }

    private static String userMethod(EpsilonContext cx, StandardObject so, boolean escape) {
        Symbol printObject = cx.clSymbol("PRINT-OBJECT");
        if (!(printObject.function() != null && printObject.function().genericFunction() instanceof GenericFunction g)) {
            return null;
        }
        // Only the default method (specialized on T) means no user printing.
        boolean custom = g.methods().stream().anyMatch(m -> m.specializers()[0] instanceof LispClass k && k != cx.classes().t
                && so.lispClass().isSubclassOf(k));
        if (!custom) {
            return null;
        }
        LispStream out = LispStream.stringOutput();
        printObject.function().callUncached(so, out);
        return out.takeString();
    }
}
