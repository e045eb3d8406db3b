package dev.epsilon.tests;

import com.oracle.truffle.api.debug.Breakpoint;
import com.oracle.truffle.api.debug.DebugScope;
import com.oracle.truffle.api.debug.DebugValue;
import com.oracle.truffle.api.debug.Debugger;
import com.oracle.truffle.api.debug.DebuggerSession;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Truffle's tools on Lisp code: a line breakpoint stops there with the local variables visible. */
class ToolsTest {
    @Test
    void aLineBreakpointStopsWithTheLocalsVisible() throws Exception {
        Source source = Source.newBuilder(Epsilon.ID, """
                (defun scale (x)
                  (let ((y (* x 2)))
                    (list x
                          (+ x y))))
                (print (scale 21))
                """, "scale.lisp").build();
        List<Integer> lines = new ArrayList<>();
        List<Map<String, String>> locals = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context cx = Epsilon.contextBuilder().out(out).build();
             DebuggerSession session = Debugger.find(cx.getEngine()).startSession(event -> {
                 lines.add(event.getSourceSection().getStartLine());
                 Map<String, String> vars = new LinkedHashMap<>();
                 for (DebugScope scope = event.getTopStackFrame().getScope(); scope != null; scope = scope.getParent()) {
                     for (DebugValue v : scope.getDeclaredValues()) {
                         vars.putIfAbsent(v.getName(), v.toDisplayString());
                     }
                 }
                 locals.add(vars);
                 event.prepareContinue();
             })) {
            session.install(Breakpoint.newBuilder(source.getURI()).lineIs(4).build());
            cx.eval(source);
        }
        assertEquals("\n(21 63) ", out.toString());
        assertEquals(List.of(4), lines);
        assertEquals("21", locals.get(0).get("X"), locals.toString());
        assertEquals("42", locals.get(0).get("Y"), locals.toString());
    }
}
