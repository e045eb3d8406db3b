package dev.epsilon.language.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.epsilon.language.EpsilonContext;
import dev.epsilon.language.runtime.Lisp;
import dev.epsilon.language.runtime.LispError;
import dev.epsilon.language.runtime.Symbol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Seq-style FFI manifests (TOML): {@code [[library]]} with {@code [[library.function]]} entries,
 * validated, turned into DEFUNs over constant-signature SHARED-CALLs, so a manifest function
 * compiles exactly like a DEFSHARED one. Pass modes: int, c_string, ptr, by_ref (out-parameter,
 * returned after the result as another value); fixed values (null, NULL, integers) take no Lisp
 * argument; returned strings are copied, and freed first when {@code ownership = "caller_frees"}.
 */
public final class ManifestLoader {
    private static final Pattern LINK_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Set<String> LIBRARY_KEYS = Set.of("name", "link", "function");
    private static final Set<String> FUNCTION_KEYS = Set.of("c_name", "lisp_name", "seq_name", "stack_effect", "args", "return", "leaf");
    private static final Set<String> ARG_KEYS = Set.of("type", "pass", "value");
    private static final Set<String> RETURN_KEYS = Set.of("type", "ownership");
    private static final Set<String> PASS_MODES = Set.of("int", "c_string", "ptr", "by_ref");
    private static final Set<String> OWNERSHIP = Set.of("caller_frees", "static", "borrowed");

    private final EpsilonContext cx;
    private final String file;
    private final String text;
    // Where the table being checked starts in the text: line numbers are found from here on, so an
    // error in the third function names the third function's line, not the first match in the file.
    private int scope;

    public ManifestLoader(EpsilonContext cx, String file, String text) {
        this.cx = cx;
        this.file = file;
        this.text = text;
    }

    /** One library of a manifest: its name, what to link, and the DEFUN forms of its functions. */
    public record Library(String name, String link, List<Object> definitions, List<String> functionNames) {
    }

    public List<Library> parse() {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw error(line, null, "malformed TOML: " + e.getOriginalMessage());
        }
        Iterator<String> top = root.fieldNames();
        while (top.hasNext()) {
            String key = top.next();
            if (!key.equals("library")) {
                throw error(lineOf(key), key, "unknown key " + key + " (a manifest has [[library]] tables)");
            }
        }
        JsonNode libraries = root.get("library");
        if (libraries == null || !libraries.isArray()) {
            throw error(-1, "library", "a manifest needs at least one [[library]] table");
        }
        List<Library> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode lib : libraries) {
            checkKeys(lib, LIBRARY_KEYS, "[[library]]");
            String name = string(lib, "name", "[[library]]");
            String link = string(lib, "link", "[[library]] " + name);
            if (!LINK_NAME.matcher(link).matches()) {
                throw error(lineOf("link"), "link", "link name " + quote(link) + " may only contain A-Z a-z 0-9 . _ -");
            }
            List<Object> definitions = new ArrayList<>();
            List<String> functionNames = new ArrayList<>();
            JsonNode functions = lib.get("function");
            if (functions != null) {
                for (JsonNode f : functions) {
                    String lispName = function(f, link, definitions);
                    if (!names.add(lispName)) {
                        throw error(lastLineOf(lispName), "lisp_name", "duplicate function name " + lispName);
                    }
                    functionNames.add(lispName);
                }
            }
            out.add(new Library(name, link, definitions, functionNames));
        }
        return out;
    }

    private String function(JsonNode f, String link, List<Object> definitions) {
        String cName = string(f, "c_name", "[[library.function]]");
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("c_name\\s*=\\s*[\"']" + java.util.regex.Pattern.quote(cName) + "[\"']")
                .matcher(text);
        if (at.find(scope)) {
            scope = at.start();
        }
        checkKeys(f, FUNCTION_KEYS, "[[library.function]]");
        String nameKey = f.has("lisp_name") ? "lisp_name" : "seq_name";
        JsonNode nameNode = f.get(nameKey);
        if (nameNode == null) {
            throw error(lineOf(cName), "lisp_name", "function " + cName + " needs lisp_name (or seq_name)");
        }
        if (!nameNode.isTextual() || nameNode.asText().isBlank()) {
            throw error(lineOf(nameKey), nameKey, nameKey + " of " + cName + " must be a non-empty string");
        }
        String lispName = nameNode.asText();
        checkDefinable(lispName, nameKey, cName);
        List<Object> params = new ArrayList<>();
        List<Object> types = new ArrayList<>();
        List<Object> callArgs = new ArrayList<>();
        List<Object[]> outCells = new ArrayList<>();   // {variable, type keyword}
        JsonNode args = f.get("args");
        int index = 0;
        if (args != null && !args.isArray()) {
            throw error(lineOf("args"), "args", "args of " + cName + " must be an array of argument tables");
        }
        if (args != null) {
            for (JsonNode a : args) {
                index++;
                checkKeys(a, ARG_KEYS, "argument " + index + " of " + cName);
                if (!a.isObject()) {
                    throw error(lineOf("args"), "args", "argument " + index + " of " + cName + " must be a table ({ type = ... })");
                }
                String type = string(a, "type", "argument " + index + " of " + cName);
                Object ctype = type(type, "argument " + index + " of " + cName);
                if (type.equals("void")) {
                    throw error(lineOf("\"void\""), "type", "argument " + index + " of " + cName + " cannot have type void");
                }
                if (a.has("value")) {
                    callArgs.add(fixedValue(a.get("value"), ctype, cName, index));
                    types.add(ctype);
                    continue;
                }
                String pass = a.has("pass") ? a.get("pass").asText() : defaultPass(type);
                if (!PASS_MODES.contains(pass)) {
                    throw error(lineOf("pass = \"" + pass), "pass", "unknown pass mode " + quote(pass) + " for argument "
                            + index + " of " + cName + " (int, c_string, ptr, by_ref)");
                }
                Symbol var = cx.systemSymbol("ARG" + index);
                if (pass.equals("by_ref")) {
                    if (!type.equals("ptr") && !type.equals("pointer")) {
                        throw error(lineOf("by_ref"), "pass", "by_ref needs a pointer type (type = \"ptr\"); argument "
                                + index + " of " + cName + " has type " + quote(type));
                    }
                    outCells.add(new Object[]{var, cx.keyword("POINTER")});
                    types.add(cx.keyword("POINTER"));
                    callArgs.add(var);
                    continue;
                }
                if (pass.equals("c_string") && !type.equals("string")) {
                    throw error(lineOf(cName), "pass", "c_string needs type = \"string\" (argument " + index + " of " + cName + ")");
                }
                params.add(var);
                types.add(ctype);
                callArgs.add(var);
            }
        }
        String returnType = "void";
        String ownership = "static";
        JsonNode ret = f.get("return");
        if (ret != null) {
            checkKeys(ret, RETURN_KEYS, "[library.function.return] of " + cName);
            returnType = string(ret, "type", "[library.function.return] of " + cName);
            if (ret.has("ownership")) {
                ownership = ret.get("ownership").asText();
                if (!OWNERSHIP.contains(ownership)) {
                    throw error(lineOf("ownership"), "ownership", "unknown ownership " + quote(ownership)
                            + " (caller_frees, static, borrowed)");
                }
            }
        }
        // leaf = true: a short call that never calls back, made without the thread-state transition.
        boolean leaf = false;
        if (f.has("leaf")) {
            if (!f.get("leaf").isBoolean()) {
                throw error(lineOf("leaf"), "leaf", "leaf of " + cName + " is true or false, not " + f.get("leaf"));
            }
            leaf = f.get("leaf").asBoolean();
        }
        Object spec = leaf ? Lisp.list(cName, "lib" + link, cx.keyword("LEAF"), Lisp.T) : Lisp.list(cName, "lib" + link);
        boolean stringResult = returnType.equals("string");
        Object cReturn = stringResult ? cx.keyword("POINTER") : type(returnType, "the result of " + cName);
        Object q = cx.clSymbol("QUOTE");
        Object call = Lisp.fromList(List.of(cx.foreignPackage().findExternal("SHARED-CALL"),
                Lisp.list(q, spec), Lisp.list(q, cReturn), Lisp.list(q, Lisp.fromList(types, Lisp.NIL))), Lisp.fromList(callArgs, Lisp.NIL));
        Symbol result = cx.systemSymbol("RESULT");
        Object resultForm = stringResult ? stringResult(result, link, ownership.equals("caller_frees")) : result;
        List<Object> values = new ArrayList<>();
        if (!returnType.equals("void")) {
            values.add(resultForm);
        }
        for (Object[] cell : outCells) {
            values.add(Lisp.list(cx.foreignPackage().findExternal("MEM-REF"), cell[0], cell[1]));
        }
        Object body = Lisp.list(cx.clSymbol("LET"), Lisp.list(Lisp.list(result, call)),
                Lisp.list(cx.clSymbol("DECLARE"), Lisp.list(cx.clSymbol("IGNORABLE"), result)),
                new dev.epsilon.language.runtime.Cons(cx.clSymbol("VALUES"), Lisp.fromList(values, Lisp.NIL)));
        if (!outCells.isEmpty()) {
            List<Object> bindings = new ArrayList<>();
            for (Object[] cell : outCells) {
                bindings.add(Lisp.list(cell[0], cx.keyword("POINTER")));
            }
            body = Lisp.list(cx.foreignPackage().findExternal("WITH-FOREIGN-MEMORY"), Lisp.fromList(bindings, Lisp.NIL), body);
        }
        try {
            // The link check: the library and the symbol are found now, not at the first call.
            dev.epsilon.language.foreign.ForeignCalls.symbolAddress(cx, "lib" + link, cName);
        } catch (dev.epsilon.nfi.ForeignException e) {
            throw error(lineOf(cName), "c_name", "function " + cName + ": "
                    + dev.epsilon.language.foreign.ForeignCalls.error(e, "").getMessage());
        }
        Symbol name = cx.currentPackage().intern(lispName.toUpperCase(Locale.ROOT));
        definitions.add(Lisp.list(cx.clSymbol("DEFUN"), name, Lisp.fromList(params, Lisp.NIL), body));
        if (outCells.isEmpty() && !stringResult && !returnType.equals("void") && callArgs.equals(params)) {
            // The body is the foreign call alone: calls to NAME may compile to it, as for DEFSHARED.
            definitions.add(Lisp.list(cx.systemSymbol("%%DECLARE-FOREIGN-INLINE"), Lisp.list(q, name),
                    Lisp.list(q, spec), Lisp.list(q, cReturn),
                    Lisp.list(q, Lisp.fromList(types, Lisp.NIL)), Lisp.NIL));
        }
        return lispName;
    }

    /**
     * A returned C string, copied at once whatever its ownership; with caller_frees the pointer is
     * then freed by the free() the library itself sees (libc's, unless the library brings its own).
     */
    private Object stringResult(Symbol result, String link, boolean callerFrees) {
        Object q = cx.clSymbol("QUOTE");
        Object copy = Lisp.list(cx.foreignPackage().findExternal("FOREIGN-STRING-TO-LISP"), result);
        Object body = callerFrees
                ? Lisp.list(cx.clSymbol("PROG1"), copy, Lisp.list(cx.foreignPackage().findExternal("SHARED-CALL"),
                        Lisp.list(q, Lisp.list("free", "lib" + link)), cx.keyword("VOID"),
                        Lisp.list(q, Lisp.list(cx.keyword("POINTER"))), result))
                : copy;
        return Lisp.list(cx.clSymbol("IF"), Lisp.list(cx.foreignPackage().findExternal("NULL-POINTER-P"), result), Lisp.NIL, body);
    }

    private Object fixedValue(JsonNode v, Object ctype, String cName, int index) {
        String s = v.asText();
        if (s.equals("null") || s.equals("NULL")) {
            return Lisp.NIL;
        }
        long value;
        try {
            value = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error(lineOf("value"), "value", "fixed value " + quote(s) + " of argument " + index + " of " + cName
                    + " is not null, NULL or an integer");
        }
        dev.epsilon.nfi.CType t = dev.epsilon.language.foreign.ForeignTypes.parse(ctype);
        if (t.isInteger() && !t.holds(value)) {
            throw error(lineOf("value"), "value", "fixed value " + s + " of argument " + index + " of " + cName
                    + " does not fit its type " + t.cName());
        }
        return value;
    }

    /**
     * A manifest may define functions of its own, never redefine Lisp: a name that is a symbol of
     * COMMON-LISP, of Epsilon's own packages or a keyword, NIL or T, is refused.
     */
    private void checkDefinable(String lispName, String key, String cName) {
        Symbol sym = cx.currentPackage().find(lispName.toUpperCase(Locale.ROOT));
        String home = sym == null || sym.home() == null ? null : sym.home().name();
        if (home != null && (home.equals("COMMON-LISP") || home.startsWith("EPSILON.") || home.equals("KEYWORD")
                || home.startsWith("SB-") || home.equals("CFFI-SYS"))) {
            throw error(lineOf(key), key, key + " " + quote(lispName) + " of " + cName + " names " + home + ":"
                    + sym.name() + ", which a manifest may not redefine");
        }
    }

    private static String defaultPass(String type) {
        return switch (type) {
            case "string" -> "c_string";
            case "ptr", "pointer" -> "ptr";
            default -> "int";
        };
    }

    /** A manifest type: int, string, ptr, void, or any Epsilon scalar type name (uint32, double ...). */
    private Object type(String type, String where) {
        String keyword = switch (type) {
            case "int" -> "INT";
            case "string" -> "STRING";
            case "ptr" -> "POINTER";
            case "void" -> "VOID";
            default -> type.toUpperCase(Locale.ROOT).replace('_', '-');
        };
        Symbol k = cx.keyword(keyword);
        try {
            dev.epsilon.language.foreign.ForeignTypes.parse(k);
        } catch (LispError e) {
            throw error(lineOf("\"" + type + "\""), "type", "unknown type " + quote(type) + " in " + where);
        }
        return k;
    }

    private void checkKeys(JsonNode node, Set<String> allowed, String where) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            String key = fields.next().getKey();
            if (!allowed.contains(key)) {
                throw error(lineOf(key + " ="), key, "unknown key " + key + " in " + where);
            }
        }
    }

    private String string(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw error(-1, key, where + " needs " + key + " (a string)");
        }
        return v.asText();
    }

    /** The first line mentioning {@code needle}: TOML trees carry no positions, so errors search for it. */
    private int lineOf(String needle) {
        int at = text.indexOf(needle, scope);
        if (at < 0) {
            at = text.indexOf(needle);
        }
        if (at < 0) {
            return -1;
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private int lastLineOf(String needle) {
        int at = text.lastIndexOf(needle);
        return at < 0 ? -1 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    private LispError error(int line, String key, String message) {
        return LispError.error("FFI-MANIFEST-ERROR", file + (line > 0 ? ":" + line : "") + ": " + message
                + (key == null ? "" : " [key " + key + "]"));
    }
}
