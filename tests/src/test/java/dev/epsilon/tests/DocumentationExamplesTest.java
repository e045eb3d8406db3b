package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/ffi-reference.md stays true: each section's Lisp example runs, in order, in one context and
 * prints what the text block under it says; and the sections are exactly the symbols
 * EPSILON.FOREIGN exports.
 */
class DocumentationExamplesTest {
    private record Example(String name, String code, String expected) {
    }

    private static final Pattern SECTION = Pattern.compile(
            "^### `([^`]+)`\\n.*?```lisp\\n(.*?)```\\n```text\\n(.*?)```", Pattern.DOTALL | Pattern.MULTILINE);

    private static String normalized(String output) {
        return output.lines().map(String::stripTrailing).filter(l -> !l.isEmpty())
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    @Test
    void everyExampleOfTheFfiReferencePrintsWhatItSays() throws Exception {
        String doc = Files.readString(Epsilon.root().resolve("docs/ffi-reference.md"));
        List<Example> examples = new ArrayList<>();
        for (String part : doc.split("(?m)^(?=### `)")) {
            Matcher m = SECTION.matcher(part);
            if (m.find()) {
                examples.add(new Example(m.group(1), m.group(2), m.group(3)));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> wrong = new ArrayList<>();
        try (Context cx = Epsilon.contextBuilder().out(out).err(out).build()) {
            for (Example e : examples) {
                out.reset();
                try {
                    cx.eval(Source.newBuilder(Epsilon.ID, e.code() + "\n(finish-output)", "ffi-reference " + e.name()).build());
                } catch (RuntimeException failure) {
                    out.writeBytes(("failed: " + failure.getMessage()).getBytes(StandardCharsets.UTF_8));
                }
                String got = normalized(out.toString(StandardCharsets.UTF_8));
                if (!got.equals(normalized(e.expected()))) {
                    wrong.add(e.name() + ": printed\n" + got + "\n  the reference says\n" + normalized(e.expected()));
                }
            }
            String exported = cx.eval(Epsilon.ID, "(let ((l nil)) (do-external-symbols (s \"EPSILON.FOREIGN\") (push (string-downcase (symbol-name s)) l))"
                    + " (format nil \"~{~a~^ ~}\" l))").asString();
            TreeSet<String> symbols = new TreeSet<>(List.of(exported.split(" ")));
            TreeSet<String> documented = new TreeSet<>();
            examples.forEach(e -> documented.add(e.name()));
            assertEquals(symbols, documented, "the reference's sections are not the exported symbols");
        }
        assertEquals(List.of(), wrong, String.join("\n\n", wrong));
    }
}
