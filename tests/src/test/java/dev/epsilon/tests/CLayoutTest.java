package dev.epsilon.tests;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DEFINE-C-STRUCT-AUTO computes the layout gcc computes: the same declarations are compiled by gcc
 * and every size, alignment and member offset compared.
 */
class CLayoutTest {
    private static final String DECLARATIONS = """
            /* Declarations as headers write them. */
            struct a1 { char c; int i; double d; short s; };
            struct a2 { char c[3]; long l; char tail; };
            union u1 { int i; double d; char bytes[12]; };
            struct nested { char tag; struct a1 inner; union u1 u; float f; };
            typedef struct { uint8_t kind; uint64_t value; int32_t *next; } tagged_t;
            struct with_fp { int (*compare)(const void *, const void *); char name[16]; size_t len; };
            struct bits { unsigned a : 3; unsigned b : 5; unsigned c : 30; char after; };
            struct anon { int kind; union { int i; float f; }; struct { short x, y; }; };
            struct sockaddr_like { sa_family_t family; in_port_t port; in_addr_t addr; char zero[8]; };
            struct stat_like { dev_t st_dev; ino_t st_ino; mode_t st_mode; nlink_t st_nlink; uid_t st_uid;
                               gid_t st_gid; off_t st_size; time_t st_mtime; };
            struct consts { const char *name; volatile int flag; unsigned long long big; signed char sc; };
            struct matrix { double m[3][4]; int8_t flags[5]; };
            """;

    private static final Map<String, List<String>> MEMBERS = new LinkedHashMap<>();

    static {
        MEMBERS.put("struct a1", List.of("c", "i", "d", "s"));
        MEMBERS.put("struct a2", List.of("c", "l", "tail"));
        MEMBERS.put("union u1", List.of("i", "d", "bytes"));
        MEMBERS.put("struct nested", List.of("tag", "inner", "u", "f"));
        MEMBERS.put("tagged_t", List.of("kind", "value", "next"));
        MEMBERS.put("struct with_fp", List.of("compare", "name", "len"));
        MEMBERS.put("struct bits", List.of("after"));
        MEMBERS.put("struct anon", List.of("kind", "i", "f", "x", "y"));
        MEMBERS.put("struct sockaddr_like", List.of("family", "port", "addr", "zero"));
        MEMBERS.put("struct stat_like", List.of("st_dev", "st_ino", "st_mode", "st_nlink", "st_uid", "st_gid", "st_size", "st_mtime"));
        MEMBERS.put("struct consts", List.of("name", "flag", "big", "sc"));
        MEMBERS.put("struct matrix", List.of("m", "flags"));
    }

    private static String tag(String type) {
        return type.substring(type.indexOf(' ') + 1);
    }

    @Test
    void layoutsMatchGcc(@TempDir Path dir) throws Exception {
        StringBuilder c = new StringBuilder("#include <stddef.h>\n#include <stdint.h>\n#include <stdio.h>\n#include <sys/types.h>\n"
                + "#include <sys/socket.h>\n#include <netinet/in.h>\n#include <time.h>\n");
        c.append(DECLARATIONS).append("int main(void) {\n");
        StringBuilder lisp = new StringBuilder();
        for (var e : MEMBERS.entrySet()) {
            String type = e.getKey();
            String name = type.contains(" ") ? tag(type) : type;
            c.append("  printf(\"%s %zu %zu\", \"").append(name).append("\", sizeof(").append(type).append("), _Alignof(")
                    .append(type).append("));\n");
            lisp.append("(define-c-struct-auto |").append(name).append("| \"").append(DECLARATIONS.replace("\"", "\\\"")).append("\")\n");
            lisp.append("(format t \"~a ~a ~a\" \"").append(name).append("\" (foreign-type-size '(:struct |").append(name)
                    .append("|)) (foreign-type-alignment '(:struct |").append(name).append("|)))\n");
            for (String m : e.getValue()) {
                c.append("  printf(\" %zu\", offsetof(").append(type).append(", ").append(m).append("));\n");
                lisp.append("(format t \" ~a\" (epsilon.system::%%struct-member-offset '|").append(name).append("| \"").append(m).append("\"))\n");
            }
            c.append("  printf(\"\\n\");\n");
            lisp.append("(terpri)\n");
        }
        c.append("  return 0;\n}\n");
        Path src = dir.resolve("layouts.c");
        Files.writeString(src, c);
        Process gcc = new ProcessBuilder("gcc", "-std=c11", "-o", dir.resolve("layouts").toString(), src.toString())
                .redirectErrorStream(true).start();
        String gccOut = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(gcc.waitFor(60, TimeUnit.SECONDS) && gcc.exitValue() == 0, gccOut);
        Process run = new ProcessBuilder(dir.resolve("layouts").toString()).start();
        String expected = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        run.waitFor(10, TimeUnit.SECONDS);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context cx = Epsilon.context(out)) {
            cx.eval(Epsilon.ID, lisp.toString());
        }
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownTypesAreNamed() {
        try (Context cx = Epsilon.context(new ByteArrayOutputStream())) {
            String message = cx.eval(Epsilon.ID, """
                    (handler-case (define-c-struct-auto broken "struct broken { frobnicator_t f; };")
                      (foreign-error (e) (format nil "~a" e)))
                    """).asString();
            assertTrue(message.contains("unknown type frobnicator_t"), message);
        }
    }
}
