package dev.epsilon.language.clos;

import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;

import java.util.List;

/** Class options given after the slots: :report, :default-initargs, :print-function. */
public final class ClassOptions {
    private ClassOptions() {
    }

    public static void set(LispClass c, String option, Object value) {
        switch (option) {
            case "REPORT" -> c.setReport(value);
            case "PRINT-FUNCTION", "PRINT-OBJECT" -> c.setPrintFunction(value);
            case "DEFAULT-INITARGS" -> {
                List<Object> plist = Lisp.toJavaList(value);
                c.defaultInitargs().clear();
                for (int i = 0; i + 1 < plist.size(); i += 2) {
                    c.defaultInitargs().put(plist.get(i), plist.get(i + 1));
                }
            }
            default -> throw LispError.error("SIMPLE-ERROR", "unknown class option :" + option);
        }
    }
}
